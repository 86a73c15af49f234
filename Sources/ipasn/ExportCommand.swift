import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `ipasn export KIND [--format csv|csv-id|json] [--unit KODE] [--since DATE] [--out F]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records in the import format, or in SIASN's shapes (siasn-KIND).",
        discussion: """
            KIND is units, pegawai, pendidikan, diklat, skp, disiplin, or one of SIASN's shapes: \
            siasn-kursus, siasn-diklat-struktural, siasn-pendidikan, siasn-skp, siasn-disiplin \
            (SIASN's field names and codes, dates d-m-Y; docs/data-formats.md). CSV output \
            reads back with `ipasn import` (a siasn- file as its record kind); JSON is an array \
            of objects with the same keys. --unit takes one unit with its sub-units; --since the \
            records dated on or after DATE (a diklat by its end, an SKP by its year).
            Every export of records is a numbered batch kept in the database (when, by whom, which \
            records and file; `ipasn batches` lists them), stored once the file is completely written; \
            an export in SIASN's shapes marks its records sent. --pending (siasn- kinds only) takes \
            only the records new or changed since they were last sent, and lists the records sent \
            before and deleted since, which must be removed in SIASN by hand.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp, disiplin or siasn-KIND.", valueName: "kind"))
    var kind: ExportKind

    @Option(name: .long, help: "csv, csv-id (for Indonesian Excel) or json.")
    var format: ExportFormat = .csv

    @Option(name: .long, help: ArgumentHelp("Only this unit's employees (with its sub-units).", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Only records dated on or after this day.", valueName: "date"))
    var since: String?

    @Flag(name: .long, help: "Only records not yet sent to SIASN (new, or changed since they were sent).")
    var pending = false

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        if pending && kind.siasnShape == nil {
            throw CLIError.usage(
                Output.text(
                    id: "--pending hanya untuk bentuk SIASN (siasn-kursus, siasn-pendidikan ...): \(kind.rawValue) tidak dikirim ke SIASN.",
                    en: "--pending is for SIASN's shapes only (siasn-kursus, siasn-pendidikan ...): \(kind.rawValue) is not sent to SIASN."))
        }
        // A record export keeps its batch: opened for writing (read-only: the file is still written).
        let store = try kind.recordKind == nil ? global.openStore() : global.openStore(.write, readOnlyFallback: true)
        var selection = ExportSelection(unit: unit, pendingOnly: pending)
        if let since {
            guard let day = LocalDate.parse(since) else { throw CLIError(
                    Output.text(
                        id: "--since \(since): bukan tanggal (YYYY-MM-DD atau DD-MM-YYYY).",
                        en: "--since \(since): not a date (YYYY-MM-DD or DD-MM-YYYY).")) }
            selection.since = day
        }
        let sink = try ExportSink(path: out)
        var writer = ExportWriter(format: format, kind: kind, output: sink.write)
        let result: Exporter.Result
        do {
            result = try Exporter(store: store).export(kind, selection: selection, into: &writer)
        } catch let error as ExportError {
            throw CLIError(error.message(global.language))
        }
        try writer.finish()
        try sink.close()
        if let batch = Exporter.batch(kind, format: format, file: out ?? "-", selection: selection, result: result) {
            do {
                let saved = try store.saveExportBatch(batch)
                Output.stderrLine(
                    Output.text(
                        id: "batch ekspor #\(saved.number): \(saved.rows) data\(saved.marksSent ? " ditandai terkirim ke SIASN" : "")",
                        en: "export batch #\(saved.number): \(saved.rows) record\(saved.rows == 1 ? "" : "s")"
                            + (saved.marksSent ? " marked sent to SIASN" : "")))
            } catch let StoreError.notPermitted(rule) where kind.siasnShape != nil {
                // Refused, nothing marked sent (a unit admin's export of other units' records, a
                // read-only role): a whole file of them is not an export, and uploaded it would send
                // records a later export sends again. The file goes and the command fails.
                if let out { try? FileManager.default.removeItem(atPath: out) }
                throw CLIError(Self.refusedMessage(rule, file: out))
            } catch let error as StoreError {
                Output.stderrLine(
                    Output.text(
                        id: "file selesai ditulis, tetapi batch ekspor tidak dicatat (\(error.message(.id))); data tetap belum terkirim",
                        en: "the file is complete, but the export batch was not recorded (\(error.message(.en))); the records stay unsent"))
            }
        }
        if result.heldRejected > 0 {
            let n = result.heldRejected
            Output.stderrLine(
                Output.text(
                    id: "\(n) data \(kind.rawValue) tidak memenuhi syarat (ditolak verifikator) tidak diekspor dan tetap belum dikirim: terkirim setelah admin memperbaikinya.",
                    en: "\(n) \(kind.rawValue) record\(n == 1 ? "" : "s") rejected by the verifikator (tidak memenuhi syarat) \(n == 1 ? "is" : "are") not exported and stay\(n == 1 ? "s" : "") unsent: sent once the admin corrects \(n == 1 ? "it" : "them")."))
        }
        if result.heldRefused > 0 {
            let n = result.heldRefused
            Output.stderrLine(
                Output.text(
                    id: "\(n) data \(kind.rawValue) ditolak SIASN dan belum diperbaiki tidak diekspor (dikirim lagi, SIASN menolaknya lagi): terkirim setelah admin memperbaikinya (`ipasn report pending` menampilkan alasannya).",
                    en: "\(n) \(kind.rawValue) record\(n == 1 ? "" : "s") refused by SIASN and not corrected since \(n == 1 ? "is" : "are") not exported (SIASN would refuse \(n == 1 ? "it" : "them") again): sent once the admin corrects \(n == 1 ? "it" : "them") (`ipasn report pending` shows the reasons)."))
        }
        if pending && result.rows == 0 && result.deletions.isEmpty && result.needsPredikat.isEmpty && result.heldRejected == 0
            && result.heldRefused == 0
        {
            Output.stderrLine(
                Output.text(
                    id: "Tidak ada data \(kind.rawValue) yang belum dikirim ke SIASN: semua sudah terkirim.",
                    en: "Nothing of \(kind.rawValue) is waiting to be sent to SIASN: everything was sent."))
        }
        if !result.deletions.isEmpty {
            Output.stderrLine(
                Output.text(
                    id: "\(result.deletions.count) data sudah dikirim lalu dihapus di ipasn; hapus juga di SIASN:",
                    en: "\(result.deletions.count) record\(result.deletions.count == 1 ? " was" : "s were") sent, then deleted in ipasn; delete \(result.deletions.count == 1 ? "it" : "them") in SIASN too:"))
            for deletion in result.deletions {
                Output.stderrLine("  \(deletion.nip)  \(deletion.what)" + (deletion.batch.map { "  (batch #\($0))" } ?? ""))
            }
        }
        if let out { Output.stderrLine(
                Output.text(
                    id: "\(result.rows) baris \(kind.rawValue) diekspor ke \(out)", en: "exported \(result.rows) \(kind.rawValue) rows to \(out)")) }
        if result.before2022 > 0 { Output.stderrLine(SkpSiasnMessages.before2022(result.before2022)) }
        for line in SkpSiasnMessages.list(result.needsPredikat) { Output.stderrLine(line) }
    }

    /// A SIASN export whose batch the store refused: nothing is sent, what became of the file,
    /// and, when the records were of units not the admin's, how a unit admin exports their own.
    static func refusedMessage(_ rule: PermissionRule, file: String?) -> String {
        let error = StoreError.notPermitted(rule)
        let fileID = file.map { "berkas \($0) dihapus" } ?? "keluaran di atas BUKAN ekspor"
        let fileEN = file.map { "\($0) was removed" } ?? "the output above is NOT an export"
        var hintID = "", hintEN = ""
        if case .notYourUnit = rule {
            hintID = " Admin unit mengekspor unitnya sendiri: tambahkan --unit KODE."
            hintEN = " A unit admin exports their own units: add --unit CODE."
        }
        return Output.text(
            id: "tidak diekspor: \(error.message(.id)) Tidak ada yang ditandai terkirim; \(fileID).\(hintID)",
            en: "not exported: \(error.message(.en)) Nothing was marked sent; \(fileEN).\(hintEN)")
    }
}

/// Where an export goes: a file (created or emptied) or standard output.
struct ExportSink {
    let handle: FileHandle
    let closeAtEnd: Bool

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw CLIError(Output.text(id: "tidak bisa menulis \(path).", en: "cannot write \(path).")) }
            self.handle = handle
            closeAtEnd = true
        } else {
            handle = FileHandle.standardOutput
            closeAtEnd = false
        }
    }

    func write(_ data: Data) throws { try handle.write(contentsOf: data) }

    /// Syncs what was written to the disk (a file, or standard output redirected to one; a pipe
    /// or terminal cannot be synced and needs not be), then closes a file: only a file that is
    /// complete on disk gets its export batch.
    func close() throws {
        if fsync(handle.fileDescriptor) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP {
            throw CLIError(Output.text(id: "file tidak bisa disimpan ke disk: \(String(cString: strerror(errno))).",
                                       en: "the file cannot be synced to disk: \(String(cString: strerror(errno)))."))
        }
        if closeAtEnd { try handle.close() }
    }
}
