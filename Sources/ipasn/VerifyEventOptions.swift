import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `verify accept|reject --batch ID` or `--event diklat#12`: one verdict for every waiting
/// record of an event (a batch, or the diklat sharing a course), in one transaction
/// (``EventVerdictStore``).
struct EventOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Every waiting record of this bulk-entry batch (its id), instead of ids.", valueName: "id"))
    var batch: Int64?
    @Option(
        name: .long,
        help: ArgumentHelp("Every waiting record of this record's event (its batch, or the diklat of the same course).", valueName: "id"))
    var event: RecordIDArgument?

    /// Gives the verdict to the event when one is named (and returns true); false otherwise.
    func judge(_ status: VerificationStatus, reason: String, ids: [RecordIDArgument], _ global: GlobalOptions) throws -> Bool {
        let language = global.language
        let key: VerdictEvent.Key
        switch (batch, event) {
        case (nil, nil): return false
        case (let batch?, nil): key = .batch(batch)
        case (nil, let event?): key = .record(event.id)
        default: throw CLIError(language == .id ? "Pilih --batch atau --event, bukan keduanya." : "Give --batch or --event, not both.")
        }
        guard ids.isEmpty else {
            throw CLIError(language == .id ? "ID data tidak dipakai bersama --batch atau --event." : "Record ids do not go with --batch or --event.")
        }
        let store = try global.openStore(.write)
        let found: VerdictEvent?
        switch key {
        case .batch(let id): found = try store.verdictEvent(batch: id)
        case .record(let id): found = try store.verdictEvent(containing: id)
        }
        guard let found else {
            throw CLIError(
                language == .id
                    ? "Tidak ada kegiatan: --batch menyebut id entri massal diklat, --event sebuah data diklat (diklat#12)."
                    : "No such event: --batch names a bulk-entry batch of diklat, --event a diklat record (diklat#12).")
        }
        let result: EventVerdictResult
        do {
            result = try store.setEventVerdict(key, status: status, reason: reason)
        } catch let failure as ValidationFailure {
            throw CLIError(failure.message(language))
        }
        let course = found.course
        let dates = "\(course.tanggalMulai.dayFirst) s.d. \(course.tanggalSelesai.dayFirst)"
        var line =
            language == .id
            ? "\(result.judged) data diklat '\(course.nama)' (\(dates)) \(status.name(.id))"
            : "\(result.judged) diklat records '\(course.nama)' (\(dates)) \(status.name(.en))"
        if result.skipped > 0 {
            line += language == .id ? " (\(result.skipped) dilewati: sudah diverifikasi)" : " (\(result.skipped) skipped: judged already)"
        }
        print(line)
        return true
    }
}
