import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

extension ImportKind: ExpressibleByArgument {}

/// `ipasn import KIND FILE [--sheet NAME] [--skip-invalid]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV or Excel (.xlsx) file of units, pegawai, pendidikan, diklat, skp or disiplin.",
        discussion: """
            Without --skip-invalid the file is imported whole or not at all: any invalid row \
            stops the import, every problem is listed on stderr as `line N, column C: message`, \
            and the exit code is 1. With --skip-invalid the valid rows are imported and the \
            rejected ones are written, with an `alasan` (reason) column, to FILE.rejected.csv \
            next to the input (its name is printed). An .xlsx file is read from its first sheet \
            (or --sheet NAME); its line numbers are the spreadsheet's row numbers. \
            `ipasn template KIND --out FILE.xlsx` writes a template to fill in. SIASN's shapes \
            (what `ipasn export siasn-KIND` writes, with SIASN's codes) import as their kind, \
            and SIASN's "Export Data ASN" file as pegawai (with each employee's education as \
            pendidikan). `ipasn import siasn-hasil FILE --batch N` reads SIASN's answer to export \
            batch N (the uploaded file with a `status` and an `alasan` column added): each refused \
            row's record is pending again, marked "ditolak SIASN: <alasan>" (docs/cli.md). With --skip-existing, always for a SIASN file, rows the database \
            holds already are passed over and counted as already present. \
            A pegawai file that changes employees already on file (nama, unit: a mutasi, jabatan, \
            status_aktif and tanggal_keluar: pensiun, pindah keluar, meninggal, diberhentikan) \
            is imported only with --update: without it every change is listed with its line and \
            nothing is imported. An import never reactivates an employee (`ipasn pegawai aktifkan`). \
            The old values are kept in the audit log (the workstation's undo restores them). With --dry-run the file is checked and reported exactly as an \
            import would be, and nothing is written (the database must exist). Messages are in \
            the --lang language (default: Indonesian).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp, disiplin, or siasn-hasil (SIASN's answer to an export batch).", valueName: "kind"))
    var target: ImportTarget

    /// The kind of a data import (``target`` is not `siasn-hasil`).
    var kind: ImportKind { target.importKind ?? .pegawai }

    @Option(name: .long, help: ArgumentHelp("siasn-hasil: the export batch the file answers (`ipasn batches`).", valueName: "n"))
    var batch: Int64?

    @Argument(
        help: ArgumentHelp(
            "The CSV file (, or ; separated, UTF-8 or Windows-1252) or Excel workbook (.xlsx).", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The sheet of an .xlsx file to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Flag(name: .long, help: "Import the valid rows and write the rejected ones, with the reason, to a file.")
    var skipInvalid = false

    @Flag(name: .long, help: "Pass over rows the database holds already (always on for a file in SIASN's shape).")
    var skipExisting = false

    @Flag(name: .long, help: "Check the file and report what an import would do (every change); write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Apply the changes a pegawai file makes to employees already on file (listed otherwise).")
    var update = false
    @Flag(
        name: .long,
        help: "Import diklat rows that resemble a course the employee has (same jenis and dates, a similar name) anyway.")
    var allowSimilar = false

    @Flag(name: .long, help: "No progress bar on stderr (there is one only when stderr is a terminal).")
    var quiet = false

    /// How many changed employees the summary lists when not a dry run.
    static let changesListed = 10

    func run() throws {
        let id = global.language == .id
        if case .siasnAnswer = target { return try runSIASNAnswer() }
        if batch != nil {
            throw CLIError.usage(id ? "--batch hanya untuk siasn-hasil." : "--batch is for siasn-hasil only.")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIError(id ? "\(file) tidak bisa dibaca: berkas tidak ada." : "cannot read \(file): no such file.")
        }
        if isDirectory.boolValue {
            throw CLIError(
                id
                    ? "\(file) tidak bisa diimpor: itu folder, bukan berkas CSV atau .xlsx."
                    : "cannot import \(file): it is a directory, not a CSV or .xlsx file.")
        }
        if sheet != nil && !Importer.isXLSX(file) {
            throw CLIError(
                id ? "--sheet hanya untuk berkas .xlsx; \(file) dibaca sebagai CSV." : "--sheet is for .xlsx files; \(file) is read as CSV.")
        }
        // A dry run writes nothing, not even a new database: it needs the one it compares with
        // (write access: SQLite checks a rolled-back import only on a writable connection).
        let store = try global.openStore(dryRun ? .write : .create)
        var importer = Importer(store: store)
        importer.allowSimilar = allowSimilar
        let language = global.language
        let name = URL(fileURLWithPath: file).lastPathComponent
        if kind == .pegawai && !dryRun && !update, try store.countPegawai() > 0 {
            // Changes to employees on file are applied only when asked for: checked first, listed.
            let check = try read(language) {
                try importer.importFile(
                    kind: kind, path: file, sheet: sheet, skipInvalid: skipInvalid, today: global.context.today,
                    skipExisting: skipExisting, dryRun: true)
            }
            if check.changed > 0 { throw CLIError(Self.changesNeedUpdate(check, file: file, language: language)) }
        }
        let bar = StderrProgress.reporter(label: name, language: language, quiet: quiet)
        MemoryTrace.mark("store opened")
        defer { MemoryTrace.mark("commit and report") }
        let report = try read(language) {
            // The bar is erased before anything else is written.
            defer { bar?.finish() }
            return try importer.importFile(
                kind: kind, path: file, sheet: sheet, skipInvalid: skipInvalid, today: global.context.today,
                skipExisting: skipExisting, dryRun: dryRun,
                progress: bar.map { bar in
                    { progress in
                        if progress.readAll {
                            // The rows are read: the store refreshes the scores and commits.
                            bar.phase(StderrProgress.savingLabel(name, language))
                            bar.startTicking()
                        } else {
                            bar.update(
                                count: progress.rows, total: progress.totalRows, bytes: progress.bytes,
                                totalBytes: progress.totalBytes)
                        }
                    }
                })
        }
        try show(report, language: language)
        // SIASN's employee file carries each employee's education: imported after the employees
        // (not in a dry run, which checks the employees only).
        if kind == .pegawai, !dryRun, try SIASNEmployeeFile.carriesPendidikan(header: read(language) { try header() }) {
            try show(
                read(language) {
                    try importer.importEmployeeFileEducation(
                        path: file, sheet: sheet, skipInvalid: skipInvalid, today: global.context.today)
                }, language: language)
        }
    }

    /// The header of the file (the first line, or the sheet's header row).
    private func header() throws -> [String] {
        if Importer.isXLSX(file) {
            return try XLSXImportSource(kind: kind, path: file, sheet: sheet, today: global.context.today).header
        }
        return try CSVImportSource(kind: kind, path: file, today: global.context.today).header
    }

    /// Runs `body`, turning a file refused as a whole into one sentence in the admin's language.
    private func read<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        let nothing = Output.text(id: "Tidak ada yang diimpor.", en: "Nothing was imported.")
        do {
            return try body()
        } catch let error as ImportFileError {
            throw CLIError("\(file): \(error.message(language))" + kindHint(error, language))
        } catch let error as CSVReadError {
            throw CLIError("\(file): \(error.message(language)) \(nothing)")
        } catch let error as XLSXError {
            throw CLIError(error.message(language))
        } catch let error as CocoaError {
            throw CLIError(
                Output.text(id: "impor \(file) gagal: \(Output.describe(error))", en: "importing \(file) failed: \(Output.describe(error))"))
        }
    }

    /// When the header is not `kind`'s but plainly another kind's, as the workstation reads it
    /// (``ImportKindDecision``, one function for both): " Kepala kolomnya berkas diklat: ipasn import diklat FILE".
    private func kindHint(_ error: ImportFileError, _ language: Language) -> String {
        switch error {
        case .missingColumns, .unknownColumns: break
        default: return ""
        }
        guard case .kind(let other) = ImportKindDecision.of(file), other != kind else { return "" }
        return " "
            + Output.text(
                id: "Kepala kolomnya milik berkas \(other.rawValue): ipasn import \(other.rawValue) \"\(file)\"",
                en: "Its header is a \(other.rawValue) file's: ipasn import \(other.rawValue) \"\(file)\"")
    }

    private func show(_ report: ImportReport, language: Language) throws {
        let id = language == .id
        let kind = report.kind
        let errors = report.issues.filter { $0.issue.severity == .error }
        // A header that looks like a column the file lacks, once, before the rows it leaves empty.
        for line in report.lookalikeMessages(language) { Output.stderrLine(line) }
        // Only the shown lines are formatted for the screen; the whole list goes to a file.
        let lines = report.messages(language)
        // A SIASN employee file's education rows get their own list (`FILE.pendidikan.masalah.txt`).
        let listPath = ProblemList.listPath(for: file, part: kind == self.kind ? nil : kind.rawValue)
        ProblemList.report(lines, listPath: listPath)
        let similar = errors.filter { if case .similarCourse = $0.issue.code { return true } else { return false } }.count
        if similar > 0 {
            Output.stderrLine(
                id
                    ? "\(similar) baris mirip kursus yang sudah ada (nama hampir sama, jenis dan tanggal sama). Bila memang kursus yang berbeda, impor lagi dengan --allow-similar."
                    : "\(similar) row\(similar == 1 ? "" : "s") resemble\(similar == 1 ? "s" : "") a course already there (nearly the same name, same jenis and dates). If they really are different courses, import again with --allow-similar.")
        }
        if !skipInvalid && !errors.isEmpty {
            throw CLIError(
                id
                    ? "\(file): \(errors.count) masalah ditemukan; tidak ada yang diimpor."
                    : "\(file): \(errors.count) problem\(errors.count == 1 ? "" : "s") found; nothing was imported.")
        }
        for line in Self.summary(report, kind: kind, language: language) { Output.print(line) }
    }

    /// What the import did (or, in a dry run, would do), as stdout lines.
    static func summary(_ report: ImportReport, kind: ImportKind, language: Language = .en) -> [String] {
        let id = language == .id
        func rows(_ n: Int) -> String { id ? "\(n) baris \(kind.rawValue)" : "\(n) \(kind.rawValue) row\(n == 1 ? "" : "s")" }
        var lines: [String] = []
        let encoding = report.windows1252 ? (id ? " (dibaca sebagai Windows-1252)" : " (read as Windows-1252)") : ""
        if id {
            lines.append(
                (report.dryRun ? "uji coba: akan mengimpor \(rows(report.imported))" : "diimpor \(rows(report.imported))") + encoding)
        } else {
            lines.append(
                (report.dryRun ? "dry run: would import \(rows(report.imported))" : "imported \(rows(report.imported))") + encoding)
        }
        if kind == .pegawai {
            let unchanged = report.imported - report.added - report.changed
            let (added, changed) = (report.added, report.changed)
            if id {
                lines.append(
                    report.dryRun
                        ? "akan menambah \(added) pegawai baru, akan mengubah \(changed) yang sudah ada, \(unchanged) tetap"
                        : "ditambah \(added) pegawai baru, diubah \(changed) yang sudah ada, \(unchanged) tetap")
            } else {
                let verb = report.dryRun ? "would add" : "added"
                lines.append(
                    "\(verb) \(added) new pegawai, \(report.dryRun ? "would change" : "changed") \(changed) existing, \(unchanged) unchanged")
            }
            let shown = report.dryRun ? report.changes : Array(report.changes.prefix(changesListed))
            for change in shown { lines.append("  \(id ? "baris" : "line") \(change.line), " + change.summary) }
            if shown.count < report.changed {
                let more = report.changed - shown.count
                lines.append(
                    id
                        ? "  ... dan \(more) lagi (ipasn import --dry-run menampilkan semuanya; nilai lama disimpan di log audit)"
                        : "  ... and \(more) more (ipasn import --dry-run lists every change; the old values are kept in the audit log)")
            }
        }
        let present = report.alreadyPresentLines.count
        if present > 0 {
            lines.append(
                id
                    ? "\(present) baris \(kind.rawValue) sudah ada, tidak diimpor lagi"
                    : "\(present) \(kind.rawValue) row\(present == 1 ? " was" : "s were") already present, not imported again")
        }
        if let held = report.siasnHeld {
            lines.append(
                id
                    ? "\(held.rows) data ada di SIASN menurut berkas ini: ditandai terkirim (batch ekspor #\(held.number)), tidak diekspor lagi"
                    : "\(held.rows) record\(held.rows == 1 ? " is" : "s are") in SIASN according to this file: marked sent (export batch #\(held.number)), not exported again")
        } else if let rule = report.siasnHeldRefused {
            lines.append(
                id
                    ? "data yang ada di SIASN menurut berkas ini tidak ditandai terkirim: \(rule.message(language))"
                    : "the records this file shows in SIASN were not marked sent: \(rule.message(language))")
        }
        let refused = Set(report.issues.filter { $0.issue.severity == .error }.map(\.line)).count
        if let rejected = report.rejectedPath {
            lines.append(
                id
                    ? "ditolak \(refused) baris, ditulis dengan alasannya ke \(rejected)"
                    : "rejected \(refused) row\(refused == 1 ? "" : "s"), written with the reason to \(rejected)")
        } else if report.dryRun && refused > 0 {
            lines.append(id ? "akan menolak \(refused) baris" : "would reject \(refused) row\(refused == 1 ? "" : "s")")
        }
        if report.dryRun { lines.append(id ? "tidak ada yang ditulis (uji coba)" : "nothing was written (dry run)") }
        return lines
    }
}
