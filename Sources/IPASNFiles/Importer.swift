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
    public func importFile(kind: ImportKind, path: String, skipInvalid: Bool, today: LocalDate) throws -> ImportReport {
        let csv = try CSVImportSource(kind: kind, path: path, today: today)
        // Parsing runs on a second thread while the store writes (see PrefetchingRowSource).
        var source = RejectedRowsWriter(
            rows: PrefetchingRowSource(csv), input: path, target: skipInvalid ? Self.rejectedFilePath(for: path) : nil)
        defer { source.rows.cancel() }
        let outcome: ImportOutcome
        do {
            outcome = try store.importRows(&source, skipInvalid: skipInvalid)
        } catch {
            // The import was rolled back: a rejected-rows file written for it would describe
            // rows that are not imported either, so it goes too.
            if let written = source.written { try? FileManager.default.removeItem(atPath: written) }
            throw error
        }
        return ImportReport(
            kind: kind, path: path, imported: outcome.imported, issues: outcome.issues, rejectedPath: source.written,
            windows1252: csv.reader.isWindows1252)
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
        if let header = try reader.next() {
            text += CSVWriter.line(header.fields + ["alasan"], separator: separator)
        }
        while let record = try reader.next() {
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
    var rows: PrefetchingRowSource
    let input: String
    /// Where the refused rows go; nil without skip-invalid.
    let target: String?
    /// The file written, once written.
    private(set) var written: String?

    var kind: String { rows.kind }

    mutating func next() throws -> Line<ImportRow>? { try rows.next() }

    mutating func willCommit(issues: [LineIssue]) throws {
        guard let target, !issues.isEmpty else { return }
        do {
            try Importer.writeRejected(from: input, issues: issues, to: target)
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
