import Foundation
import IPASNCore
import IPASNStore

/// What importing one file did.
public struct ImportReport: Hashable, Sendable {
    public var kind: ImportKind
    /// The file read.
    public var path: String
    /// Rows written (0 when any row was invalid and invalid rows were not skipped).
    public var imported: Int
    /// Problems, by line (the header is line 1); `issue.field` is the column name.
    public var issues: [LineIssue]
    /// With skip-invalid: the file the refused rows were written to (their fields plus an
    /// `alasan` column), or nil when no row was refused.
    public var rejectedPath: String?
    /// Whether the file was decoded as Windows-1252 (not UTF-8).
    public var windows1252: Bool
    /// With skip-existing: the lines passed over because the database holds them already.
    public var alreadyPresentLines: [Int] = []
    /// Pegawai files: the existing employees the import changes (or would, in a dry run):
    /// every one in a dry run, the first few otherwise (``ImportOutcome/changes``).
    public var changes: [PegawaiChange] = []
    /// Pegawai files: how many existing employees the import changes (``changes`` may list fewer).
    public var changed = 0
    /// Pegawai files: employees new to the database.
    public var added = 0
    /// A dry run: checked and counted, nothing written (no rejected-rows file either).
    public var dryRun = false
    /// Headers the import ignored that look like a column the file lacks (`Jabatan/Jenjang`
    /// for jenjang): said once, before the rows' problems (``lookalikeMessage(_:_:)``).
    public var lookalikeHeaders: [UnknownHeader] = []
    /// A file in SIASN's shape: the batch that marked the records it shows SIASN holds as sent
    /// (``SIASNHeldRecords``), nil when none was pending; ``siasnHeldRefused`` when the store
    /// refused that batch (the records stay pending).
    public var siasnHeld: ExportBatch?
    public var siasnHeldRefused: PermissionRule?

    public init(
        kind: ImportKind, path: String, imported: Int, issues: [LineIssue], rejectedPath: String?, windows1252: Bool
    ) {
        self.kind = kind
        self.path = path
        self.imported = imported
        self.issues = issues
        self.rejectedPath = rejectedPath
        self.windows1252 = windows1252
    }

    /// One line per issue: `line N, column C: message` (English), or `baris N, kolom C: pesan`;
    /// the lines naming one unknown unit are one entry (``groupedMessages(_:_:)``).
    public func messages(_ language: Language = .en) -> [String] {
        Self.groupedMessages(issues, language)
    }

    /// The issues' messages, in order, one per issue, except that every line refused for one
    /// unknown unit is one entry where the first was: `baris 3-143 (141 baris), kolom
    /// kode_unit: Kode unit "SETDA-PROV" bukan unit yang terdaftar. ...`. An employee file
    /// whose units file was refused listed one line per employee (141, user tests 9 and 10).
    public static func groupedMessages(_ issues: [LineIssue], _ language: Language = .en) -> [String] {
        var linesOf: [ValidationIssue: [Int]] = [:]
        for issue in issues where Self.groupsByUnit(issue) { linesOf[issue.issue, default: []].append(issue.line) }
        var said: Set<ValidationIssue> = []
        var result: [String] = []
        for issue in issues {
            guard let lines = linesOf[issue.issue], lines.count > 1 else {
                result.append(message(issue, language))
                continue
            }
            guard said.insert(issue.issue).inserted else { continue }
            result.append(message(issue.issue, lines: lines, language))
        }
        return result
    }

    private static func groupsByUnit(_ issue: LineIssue) -> Bool {
        if case .unknownUnit = issue.issue.code { return true }
        return false
    }

    /// `baris 3-5, 9 (4 baris), kolom C: pesan`: the lines as runs, at most ``shownRuns`` of them.
    static func message(_ issue: ValidationIssue, lines: [Int], _ language: Language) -> String {
        let id = language == .id
        var runs: [String] = []
        var index = 0
        let sorted = lines.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            runs.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        let shown = runs.prefix(shownRuns).joined(separator: ", ") + (runs.count > shownRuns ? ", ..." : "")
        let count = id ? "\(lines.count) baris" : "\(lines.count) lines"
        let column = issue.field.isEmpty ? "" : ", \(id ? "kolom" : "column") \(issue.field)"
        return "\(id ? "baris" : "lines") \(shown) (\(count))\(column): \(issue.message(language))"
    }

    /// How many runs of lines a grouped entry names before "...".
    static let shownRuns = 8

    /// One sentence per ignored header that looks like a column the file lacks, naming the
    /// header, where it is and what to rename it to.
    public func lookalikeMessages(_ language: Language = .en) -> [String] {
        lookalikeHeaders.map { Self.lookalikeMessage($0, language) }
    }

    /// "Judul "Jabatan/Jenjang" (kolom E) tidak dibaca: ...".
    public static func lookalikeMessage(_ header: UnknownHeader, _ language: Language = .en) -> String {
        let column = header.suggestion ?? ""
        return language == .id
            ? "Judul \"\(header.header)\" (kolom \(header.column)) tidak dibaca, dan berkas ini tidak punya kolom \(column). "
                + "Jika isinya \(column), ganti judulnya menjadi \"\(column)\"."
            : "Header \"\(header.header)\" (column \(header.column)) is not read, and this file has no \(column) column. "
                + "If it holds the \(column), rename it to \"\(column)\"."
    }

    /// `line N, column C: message` for one issue (the column left out for a whole-row problem).
    public static func message(_ issue: LineIssue, _ language: Language = .en) -> String {
        let (lineWord, columnWord) = language == .id ? ("baris", "kolom") : ("line", "column")
        let column = issue.issue.field.isEmpty ? "" : ", \(columnWord) \(issue.issue.field)"
        return "\(lineWord) \(issue.line)\(column): \(issue.issue.message(language))"
    }
}

/// Imports admins' CSV files into a ``Store``: the one call the command line and the
/// workstation use.
public struct Importer {
    public let store: any Store
    /// Import courses much like one the employee has (``NearDuplicate``, in the database or
    /// earlier in the file) anyway; by default each is an issue of its line
    /// (``IssueCode/similarCourse(nama:line:)``), so the import refuses them.
    public var allowSimilar = false
    /// Never write over an earlier rejected-rows file: when `NAME.rejected.csv` is there
    /// already (the refused lines of an earlier import of the file, with their reasons), the
    /// refused rows go to the first free `NAME.2.rejected.csv`, `NAME.3.rejected.csv`, ...
    /// (``unusedRejectedFilePath(_:)``). The workstation's import keeps them so; the command
    /// line writes `NAME.rejected.csv` as documented.
    public var keepsEarlierRejected = false
    /// Pass over the rows the database holds already exactly as they are (every field equal),
    /// listed in ``ImportReport/alreadyPresentLines`` rather than refused as duplicates: the
    /// workstation's import, where a corrected whole sheet is imported again. `skipExisting`
    /// (and a SIASN file) passes over by ``DuplicateKey`` instead.
    public var passesOverExactCopies = false

    public init(store: any Store) {
        self.store = store
    }

    /// Reads `path` as a `kind` file (CSV, or an .xlsx workbook's first sheet or `sheet`) and
    /// imports it in one transaction.
    ///
    /// Without `skipInvalid`, any invalid row (a bad field, an unknown NIP or unit, a
    /// duplicate) means nothing is written and every problem is reported. With it, the valid
    /// rows are written and the refused ones are copied, with an `alasan` (reason) column, to
    /// ``rejectedFilePath(for:)`` next to the input, named in the report.
    ///
    /// - Parameter today: the admin's today (no date after it is accepted).
    /// - Parameter progress: told, on the calling thread, as rows are handed to the store
    ///   (about every thousand rows; see ``ImportProgress``), and once when all are read.
    /// - Throws: ``ImportFileError`` for a file without the required columns, a read error,
    ///   or a storage error.
    ///
    /// With `dryRun` the file is checked and counted exactly as an import would, and nothing
    /// is written (neither to the database nor a rejected-rows file).
    ///
    /// With `skipExisting`, rows the database holds already (``ExistingRows``) are passed over
    /// and listed in ``ImportReport/alreadyPresentLines`` (the file is read twice). A file in
    /// SIASN's shape (``SIASNImportFields/isSIASNHeader(_:)``) is always read so: it is what
    /// SIASN holds, and much of it is usually here already.
    public func importFile(
        kind: ImportKind, path: String, sheet: String? = nil, skipInvalid: Bool, today: LocalDate,
        skipExisting: Bool = false, dryRun: Bool = false, progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        if Self.isXLSX(path) {
            let xlsx = try XLSXImportSource(kind: kind, path: path, sheet: sheet, today: today)
            let byKey = skipExisting || SIASNImportFields.isSIASNHeader(xlsx.header)
            let existing = byKey || passesOverExactCopies
                ? try ExistingRows(
                    rows: try XLSXImportSource(kind: kind, path: path, sheet: sheet, today: today), store: store, exactly: !byKey)
                : nil
            // The sheet's rows below the header, as its dimension declares them.
            let rows = xlsx.reader.lastRow.map { max(0, $0 - xlsx.headerRow) }
            var report = try run(
                xlsx, kind: kind, path: path, skipInvalid: skipInvalid, dryRun: dryRun, existing: existing,
                windows1252: { false }, totalRows: rows, progress: progress
            ) { issues, target in
                try Self.writeRejectedXLSX(from: path, sheet: sheet, header: xlsx.header, headerRow: xlsx.headerRow, issues: issues, to: target)
            }
            report.lookalikeHeaders = xlsx.lookalikeHeaders
            if SIASNImportFields.isSIASNHeader(xlsx.header), Self.wrote(report, skipInvalid: skipInvalid) {
                try markHeld(try XLSXImportSource(kind: kind, path: path, sheet: sheet, today: today), &report)
            }
            return report
        }
        let csv = try CSVImportSource(kind: kind, path: path, today: today)
        let byKey = skipExisting || SIASNImportFields.isSIASNHeader(csv.header)
        let existing = byKey || passesOverExactCopies
            ? try ExistingRows(rows: try CSVImportSource(kind: kind, path: path, today: today), store: store, exactly: !byKey) : nil
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        var report = try run(
            csv, kind: kind, path: path, skipInvalid: skipInvalid, dryRun: dryRun, existing: existing,
            windows1252: { csv.reader.isWindows1252 }, totalBytes: size, progress: progress
        ) { issues, target in try Self.writeRejected(from: path, issues: issues, to: target) }
        report.lookalikeHeaders = csv.lookalikeHeaders
        if SIASNImportFields.isSIASNHeader(csv.header), Self.wrote(report, skipInvalid: skipInvalid) {
            try markHeld(try CSVImportSource(kind: kind, path: path, today: today), &report)
        }
        return report
    }

    /// Whether the import went through (not a dry run, not refused for an invalid row).
    static func wrote(_ report: ImportReport, skipInvalid: Bool) -> Bool {
        !report.dryRun && (skipInvalid || report.issues.allSatisfy { $0.issue.severity != .error })
    }

    /// After a file in SIASN's shape was imported (not refused): its records SIASN holds are
    /// marked sent (``SIASNHeldRecords``).
    private func markHeld(_ rows: some ImportRowSource, _ report: inout ImportReport) throws {
        do {
            report.siasnHeld = try SIASNHeldRecords.markSent(rows: rows, kind: report.kind, path: report.path, store: store)
        } catch StoreError.notPermitted(let rule) {
            report.siasnHeldRefused = rule
        }
    }

    /// Whether `path` is read as an Excel workbook (by its extension: `.xlsx`, `.xlsm`).
    public static func isXLSX(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    }

    func run(
        _ rows: some ImportRowSource & Sendable, kind: ImportKind, path: String, skipInvalid: Bool, dryRun: Bool = false,
        existing: ExistingRows?, rejectedSuffix: String = "", windows1252: () -> Bool, totalBytes: Int? = nil,
        totalRows: Int? = nil, progress: ((ImportProgress) -> Void)? = nil,
        writeRejected: @escaping ([LineIssue], String) throws -> Void
    ) throws -> ImportReport {
        // Parsing runs on a second thread while the store writes (see PrefetchingRowSource).
        let prefetching = PrefetchingRowSource(rows, totalBytes: totalBytes, totalRows: totalRows, progress: progress)
        defer { prefetching.cancel() }
        var target = Self.rejectedFilePath(for: path)
        if !rejectedSuffix.isEmpty {
            target = String(target.dropLast(".rejected.csv".count)) + ".\(rejectedSuffix).rejected.csv"
        }
        if keepsEarlierRejected { target = Self.unusedRejectedFilePath(target) }
        var source = RejectedRowsWriter(
            rows: SkippingExistingRowSource(prefetching, existing: existing ?? ExistingRows()),
            target: skipInvalid && !dryRun ? target : nil, write: writeRejected)
        source.allowsSimilar = allowSimilar
        let outcome: ImportOutcome
        do {
            outcome = try store.importRows(&source, skipInvalid: skipInvalid, dryRun: dryRun)
        } catch {
            // The import was rolled back: a rejected-rows file written for it would describe
            // rows that are not imported either, so it goes too.
            if let written = source.written { try? FileManager.default.removeItem(atPath: written) }
            throw error
        }
        var report = ImportReport(
            kind: kind, path: path, imported: outcome.imported, issues: outcome.issues, rejectedPath: source.written,
            windows1252: windows1252())
        report.alreadyPresentLines = source.rows.skippedLines
        report.changes = outcome.changes
        report.changed = outcome.changed
        report.added = outcome.added
        report.dryRun = dryRun
        return report
    }

    /// `dir/diklat.csv` → `dir/diklat.rejected.csv`.
    public static func rejectedFilePath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base).rejected.csv").path
    }

    /// `target` when no file is there, else the first of `NAME.2.rejected.csv`,
    /// `NAME.3.rejected.csv`, ... that is free (`target` is `NAME.rejected.csv`).
    public static func unusedRejectedFilePath(_ target: String) -> String {
        let files = FileManager.default
        guard files.fileExists(atPath: target), target.hasSuffix(".rejected.csv") else { return target }
        let stem = String(target.dropLast(".rejected.csv".count))
        var number = 2
        while files.fileExists(atPath: "\(stem).\(number).rejected.csv") { number += 1 }
        return "\(stem).\(number).rejected.csv"
    }

    /// Copies the refused rows (a second streaming pass over the input) with their reasons,
    /// in the input's separator, as UTF-8 with a byte-order mark (Excel reads it right).
    static func writeRejected(from path: String, issues: [LineIssue], to target: String) throws {
        let reader = try CSVReader(path: path)
        let separator = Character(Unicode.Scalar(reader.separator))
        var sawHeader = false
        try writeRejected(issues: issues, to: target, separator: separator) {
            while let record = try reader.next() {
                // Blank rows before the header are skipped, as the import skips them.
                if !sawHeader && record.fields.allSatisfy(ImportRowBuilder.isBlank) { continue }
                sawHeader = true
                return (record.line, record.fields)
            }
            return nil
        }
    }

    /// The refused rows of a sheet, as a `;`-separated CSV file (what Excel opens in Indonesia).
    static func writeRejectedXLSX(
        from path: String, sheet: String?, header: [String]? = nil, headerRow: Int, issues: [LineIssue], to target: String
    ) throws {
        let reader = try XLSXReader(path: path, sheet: sheet)
        // The header as the import read it (a two-row header's two rows as one; else the
        // header row as written): every row is padded to it.
        var width = header?.count ?? 0
        try writeRejected(issues: issues, to: target, separator: ";") {
            while let row = try reader.next() {
                if row.number < headerRow { continue }  // title rows above the header
                if row.number == headerRow, let header { return (row.number, header) }
                if width == 0 { width = row.cells.count }
                let padding = Array(repeating: "", count: max(0, width - row.cells.count))
                return (row.number, row.cells + padding)
            }
            return nil
        }
    }

    /// Writes the header (the first row `next` gives) and the rows with a reason.
    private static func writeRejected(
        issues: [LineIssue], to target: String, separator: Character, next: () throws -> (line: Int, fields: [String])?
    ) throws {
        var reasons: [Int: [String]] = [:]
        for issue in issues {
            let column = issue.issue.field.isEmpty ? "" : "\(issue.issue.field): "
            reasons[issue.line, default: []].append(column + issue.issue.message(.id))
        }
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw RejectedFileError(path: target, reason: .init(errno))
        }
        let out = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? out.close() }
        var text = "\u{FEFF}"
        func flush(force: Bool) throws {
            if force || text.utf8.count > 1 << 16 {
                do {
                    try out.write(contentsOf: Data(text.utf8))
                } catch {
                    let ns = error as NSError
                    let full =
                        ns.code == CocoaError.fileWriteOutOfSpace.rawValue
                        || (ns.domain == NSPOSIXErrorDomain && (ns.code == Int(ENOSPC) || ns.code == Int(EDQUOT)))
                        || (ns.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ENOSPC)
                    throw RejectedFileError(path: target, reason: full ? .diskFull : .other)
                }
                text = ""
            }
        }
        if let header = try next() {
            text += CSVWriter.line(header.fields + ["alasan"], separator: separator)
        }
        while let record = try next() {
            guard let why = reasons[record.line] else { continue }
            text += CSVWriter.line(record.fields + [why.joined(separator: "; ")], separator: separator)
            try flush(force: false)
        }
        try flush(force: true)
        if fsync(descriptor) != 0 { throw RejectedFileError(path: target, reason: .init(errno)) }
    }
}

/// The rows of an import, writing the rejected rows' file (skip-invalid) just before the
/// import commits: when that file cannot be written (a full disk) the import is rolled back,
/// so the valid rows are imported together with the list of the refused ones, or neither.
struct RejectedRowsWriter: ImportRowSource {
    var rows: SkippingExistingRowSource<PrefetchingRowSource>
    /// Where the refused rows go; nil without skip-invalid.
    let target: String?
    /// Writes the refused rows (with their reasons) to a path, in the input's own format.
    let write: ([LineIssue], String) throws -> Void
    /// The file written, once written.
    private(set) var written: String?
    /// ``Importer/allowSimilar``.
    var allowsSimilar = false

    var kind: ImportKind { rows.kind }

    mutating func next() throws -> Line<ImportRow>? { try rows.next() }

    mutating func willCommit(issues: [LineIssue]) throws {
        guard let target, !issues.isEmpty else { return }
        do {
            try write(issues, target)
        } catch {
            try? FileManager.default.removeItem(atPath: target)
            throw error
        }
        written = target
    }
}

/// The rejected rows of a skip-invalid import could not be written; the import was rolled
/// back (nothing was imported).
public struct RejectedFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case diskFull
        case permission
        case other

        init(_ code: Int32) {
            switch code {
            case ENOSPC, EDQUOT: self = .diskFull
            case EACCES, EPERM, EROFS: self = .permission
            default: self = .other
            }
        }
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let why: String
        switch (reason, language) {
        case (.diskFull, .id): why = "disk penuh"
        case (.diskFull, _): why = "the disk is full"
        case (.permission, .id): why = "tidak ada izin menulis"
        case (.permission, _): why = "no permission to write there"
        case (.other, .id): why = "gagal menulis"
        case (.other, _): why = "the write failed"
        }
        return language == .id
            ? "Daftar baris yang ditolak tidak bisa ditulis ke \(path) (\(why)), jadi TIDAK ADA yang diimpor. "
                + "Kosongkan ruang disk lalu impor lagi."
            : "The rejected rows could not be written to \(path) (\(why)), so NOTHING was imported. "
                + "Free some space and import again."
    }
}
