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
    /// Pegawai files: the existing employees the import changes (or would, in a dry run).
    public var changes: [PegawaiChange] = []
    /// Pegawai files: employees new to the database.
    public var added = 0
    /// A dry run: checked and counted, nothing written (no rejected-rows file either).
    public var dryRun = false

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

    /// One line per issue: `line N, column C: message` (English), or `baris N, kolom C: pesan`.
    public func messages(_ language: Language = .en) -> [String] {
        issues.map { Self.message($0, language) }
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

    public init(store: any Store) {
        self.store = store
    }

    /// Reads `path` as a `kind` file and imports it in one transaction.
    ///
    /// Without `skipInvalid`, any invalid row (a bad field, an unknown NIP or unit, a
    /// duplicate) means nothing is written and every problem is reported. With it, the valid
    /// rows are written and the refused ones are copied, with an `alasan` (reason) column, to
    /// ``rejectedFilePath(for:)`` next to the input, named in the report.
    ///
    /// - Parameter today: the admin's today (no date after it is accepted).
    /// - Throws: ``ImportFileError`` for a file without the required columns, a read error,
    ///   or a storage error.
    /// With `dryRun` the file is checked and counted exactly as an import would, and nothing
    /// is written (neither to the database nor a rejected-rows file).
    public func importFile(
        kind: ImportKind, path: String, skipInvalid: Bool, today: LocalDate, dryRun: Bool = false
    ) throws -> ImportReport {
        let csv = try CSVImportSource(kind: kind, path: path, today: today)
        // Parsing runs on a second thread while the store writes (see PrefetchingRowSource).
        var source = PrefetchingRowSource(csv)
        defer { source.cancel() }
        let outcome = try store.importRows(&source, skipInvalid: skipInvalid, dryRun: dryRun)
        var report = ImportReport(
            kind: kind, path: path, imported: outcome.imported, issues: outcome.issues, rejectedPath: nil,
            windows1252: csv.reader.isWindows1252)
        report.changes = outcome.changes
        report.added = outcome.added
        report.dryRun = dryRun
        if skipInvalid && !dryRun && !outcome.issues.isEmpty {
            let target = Self.rejectedFilePath(for: path)
            try Self.writeRejected(from: path, issues: outcome.issues, to: target)
            report.rejectedPath = target
        }
        return report
    }

    /// `dir/diklat.csv` → `dir/diklat.rejected.csv`.
    public static func rejectedFilePath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base).rejected.csv").path
    }

    /// Copies the refused rows (a second streaming pass over the input) with their reasons,
    /// in the input's separator, as UTF-8 with a byte-order mark (Excel reads it right).
    static func writeRejected(from path: String, issues: [LineIssue], to target: String) throws {
        var reasons: [Int: [String]] = [:]
        for issue in issues {
            let column = issue.issue.field.isEmpty ? "" : "\(issue.issue.field): "
            reasons[issue.line, default: []].append(column + issue.issue.message(.id))
        }
        let reader = try CSVReader(path: path)
        let separator = Character(Unicode.Scalar(reader.separator))
        guard FileManager.default.createFile(atPath: target, contents: nil),
            let out = FileHandle(forWritingAtPath: target)
        else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target])
        }
        defer { try? out.close() }
        var text = "\u{FEFF}"
        func flush(force: Bool) throws {
            if force || text.utf8.count > 1 << 16 {
                try out.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        if let header = try reader.next() {
            text += CSVWriter.line(header.fields + ["alasan"], separator: separator)
        }
        while let record = try reader.next() {
            guard let why = reasons[record.line] else { continue }
            text += CSVWriter.line(record.fields + [why.joined(separator: "; ")], separator: separator)
            try flush(force: false)
        }
        try flush(force: true)
    }
}

/// Writing CSV lines (RFC 4180 quoting, CRLF line ends as Excel writes them).
public enum CSVWriter {
    public static func line(_ fields: [String], separator: Character = ",") -> String {
        fields.map { quote($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    public static func quote(_ field: String, separator: Character = ",") -> String {
        guard field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
