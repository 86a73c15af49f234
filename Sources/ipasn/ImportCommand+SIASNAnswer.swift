import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

/// What `ipasn import` reads: a kind of data, or SIASN's answer to an export batch.
enum ImportTarget: ExpressibleByArgument, Equatable {
    case data(ImportKind)
    /// `siasn-hasil`: SIASN's answer to an upload (``SIASNAnswerFile``).
    case siasnAnswer

    init?(argument: String) {
        if argument == "siasn-hasil" {
            self = .siasnAnswer
        } else if let kind = ImportKind(rawValue: argument) {
            self = .data(kind)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ImportKind.allCases.map(\.rawValue) + ["siasn-hasil"] }

    var importKind: ImportKind? {
        if case .data(let kind) = self { return kind }
        return nil
    }
}

extension ImportCommand {
    /// `ipasn import siasn-hasil FILE --batch N [--dry-run]`: SIASN's refusals of batch N's rows
    /// marked, all or nothing (a bad line marks nothing and is named with its fix).
    func runSIASNAnswer() throws {
        let language = global.language
        guard let number = batch else {
            throw CLIError.usage(Output.text(
                id: "siasn-hasil perlu --batch N: nomor batch ekspor yang diunggah (lihat `ipasn batches`).",
                en: "siasn-hasil needs --batch N: the number of the export batch uploaded (see `ipasn batches`)."))
        }
        guard !Importer.isXLSX(file) else {
            throw CLIError(Output.text(
                id: "\(file): jawaban SIASN dibaca dari CSV; di Excel simpan sebagai CSV (Save As, CSV), lalu ulangi.",
                en: "\(file): SIASN's answer is read from CSV; in Excel save it as CSV (Save As, CSV), then run again."))
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw CLIError(Output.text(id: "\(file) tidak bisa dibaca: berkas tidak ada.", en: "cannot read \(file): no such file."))
        }
        let store = try global.openStore(.write)
        guard let exported = try store.exportBatches(limit: Int.max).first(where: { $0.number == number }),
            let items = try store.exportItems(batch: number)
        else { throw CLIError(SIASNRefusalError.noSuchBatch(number).message(language)) }
        guard exported.marksSent, let kind = ExportKind(rawValue: exported.kind), kind.siasnShape != nil else {
            throw CLIError(SIASNRefusalError.notSentBatch(number).message(language))
        }
        let reader = SIASNAnswerFile(kind: kind, batch: number, items: items, records: { try store.records(nip: $0) })
        let answer: SIASNAnswerFile.Answer
        do {
            switch try reader.read(path: file) {
            case .success(let read): answer = read
            case .failure(let bad):
                let errors = bad.lines
                for error in errors { Output.stderrLine("\(file): " + error.message(language)) }
                throw CLIError(Output.text(
                    id: "\(errors.count) baris bermasalah: tidak ada yang ditandai ditolak. Perbaiki baris di atas, lalu ulangi.",
                    en: "\(errors.count) line\(errors.count == 1 ? "" : "s") with problems: nothing was marked refused. Fix the lines above, then run again."))
            }
        } catch let error as CSVReadError {
            throw CLIError("\(file): \(error)")
        }
        for refusal in answer.refusals {
            Output.print("\(refusal.line)\t\(items.first { $0.id == refusal.id }?.nip ?? "")\t\(refusal.id.kind.rawValue) #\(refusal.id.id)\t\(refusal.reason)")
        }
        if dryRun {
            Output.stderrLine(Output.text(
                id: "uji saja: \(answer.refusals.count) baris ditolak SIASN, \(answer.accepted) berhasil; tidak ada yang ditandai.",
                en: "dry run: \(answer.refusals.count) rows refused by SIASN, \(answer.accepted) taken; nothing marked."))
            return
        }
        let outcome: SIASNRefusalOutcome
        do {
            outcome = try store.markSIASNRefusals(batch: number, answer.refusals)
        } catch let error as SIASNRefusalError {
            throw CLIError(error.message(language))
        } catch let error as StoreError {
            throw CLIError(Output.text(id: "tidak ditandai: \(error.message(.id))", en: "not marked: \(error.message(.en))"))
        }
        Output.stderrLine(Output.text(
            id: "batch #\(number): \(answer.refusals.count) baris ditolak SIASN, \(answer.accepted) berhasil; \(outcome.pendingAgain) data kembali belum terkirim, ditandai \"ditolak SIASN\" untuk admin unitnya"
                + (outcome.alreadyPending > 0 ? " (\(outcome.alreadyPending) sudah belum terkirim: diubah sejak batch itu)" : "") + ".",
            en: "batch #\(number): \(answer.refusals.count) rows refused by SIASN, \(answer.accepted) taken; \(outcome.pendingAgain) record\(outcome.pendingAgain == 1 ? " is" : "s are") pending again, marked \"ditolak SIASN\" for their unit's admin"
                + (outcome.alreadyPending > 0 ? " (\(outcome.alreadyPending) already pending: changed since that batch)" : "") + "."))
    }
}
