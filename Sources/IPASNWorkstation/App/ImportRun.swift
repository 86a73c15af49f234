import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

/// The workstation's import of a file or a folder, as the command line does it: the files in
/// dependency order (units, pegawai, then the records), each imported whole or not at all.
/// The first file with a problem stops the run with nothing of that file written; the admin
/// then sees every problem and may choose to import that file's valid rows only (the refused
/// rows then go, with the reason, to a `.rejected.csv` file next to it) and go on.
public final class ImportRun {
    public typealias ImportFile = (_ kind: ImportKind, _ path: String, _ skipInvalid: Bool) throws -> ImportReport
    /// ``ImportFile`` that can also import courses much like stored ones (`--allow-similar`).
    public typealias ImportFileAllowingSimilar =
        (_ kind: ImportKind, _ path: String, _ skipInvalid: Bool, _ allowSimilar: Bool) throws -> ImportReport

    /// The files, in the order they are imported.
    public private(set) var files: [(kind: ImportKind, path: String)]
    private let importFile: ImportFileAllowingSimilar
    /// The admin chose to import the stopped file's near-duplicate courses anyway.
    public private(set) var similarAllowed = false
    /// The next file to import.
    private var next = 0
    /// The files imported so far (whole, or their valid rows by the admin's choice).
    public private(set) var done: [ImportReport] = []
    /// The file whose problems wait for the admin's choice (nothing of it written).
    public private(set) var stopped: ImportReport?

    /// Files (names) left out because their kind cannot be told from their name: reported
    /// with the outcome, never skipped silently.
    public let unrecognized: [String]
    /// Files whose header fits several kinds (``ImportKindDecision/ask(_:)``), with those kinds:
    /// the admin chooses each one's kind (``choose(_:for:)``) before the run starts.
    public private(set) var undecided: [(path: String, kinds: [ImportKind])]
    /// Files (names) the admin left out when asked their kind.
    public private(set) var skipped: [String] = []

    public convenience init(files: [(kind: ImportKind, path: String)], unrecognized: [String] = [], importFile: @escaping ImportFile) {
        self.init(files: files, unrecognized: unrecognized, allowing: { kind, path, skip, _ in try importFile(kind, path, skip) })
    }

    public init(
        files: [(kind: ImportKind, path: String)], unrecognized: [String] = [],
        undecided: [(path: String, kinds: [ImportKind])] = [], allowing importFile: @escaping ImportFileAllowingSimilar
    ) {
        self.files = files
        self.unrecognized = unrecognized
        self.undecided = undecided
        self.importFile = importFile
    }

    /// The admin's answer for the first undecided file: imported as `kind` (in dependency order
    /// among the files, before the run starts), or left out (nil). Only a kind chosen counts:
    /// nothing is assumed for a file the admin did not answer.
    public func choose(_ kind: ImportKind?, for path: String) {
        guard let index = undecided.firstIndex(where: { $0.path == path }) else { return }
        undecided.remove(at: index)
        guard let kind else {
            skipped.append((path as NSString).lastPathComponent)
            return
        }
        let order = ImportKind.allCases.firstIndex(of: kind) ?? 0
        let at = files.indices.first { $0 >= next && (ImportKind.allCases.firstIndex(of: files[$0].kind) ?? 0) > order } ?? files.count
        files.insert((kind: kind, path: path), at: at)
    }

    /// The run over the file or folder at `path`, with the ``Importer`` of IPASNFiles. Rows the
    /// database holds already, exactly as they are, are passed over ("sudah ada: dilewati",
    /// as the command line's `--skip-existing` does, by every field): importing a corrected whole sheet again adds what
    /// is new and lists only the truly bad lines. An earlier rejected-rows file is never
    /// written over (``Importer/keepsEarlierRejected``).
    public convenience init(path: String, store: Store, today: LocalDate) throws {
        let files = try FolderImport.plan(path: path)
        let unrecognized = try FolderImport.unrecognized(path: path)
        let undecided = try FolderImport.undecided(path: path)
        guard !files.isEmpty || !unrecognized.isEmpty || !undecided.isEmpty else { throw FolderImport.Failure.nothingToImport(path) }
        self.init(files: files.map { (kind: $0.0, path: $0.1) }, unrecognized: unrecognized, undecided: undecided) {
            kind, file, skipInvalid, allowSimilar in
            var importer = Importer(store: store)
            importer.allowSimilar = allowSimilar
            importer.keepsEarlierRejected = true
            importer.passesOverExactCopies = true
            return try importer.importFile(kind: kind, path: file, skipInvalid: skipInvalid, today: today)
        }
    }

    /// Imports the files from the next one on, each all or nothing, until one has problems
    /// (returned, also as ``stopped``) or every file is done (nil).
    @discardableResult
    public func proceed() throws -> ImportReport? {
        while next < files.count {
            let (kind, path) = files[next]
            let report = try importFile(kind, path, false, similarAllowed)
            if !report.issues.isEmpty {
                stopped = report
                return report
            }
            done.append(report)
            next += 1
            similarAllowed = false
        }
        stopped = nil
        return nil
    }

    /// The admin's explicit choice: imports the stopped file's valid rows (the refused ones
    /// are written to its rejected-rows file), then goes on as ``proceed()``.
    @discardableResult
    public func importValidRowsAndProceed() throws -> ImportReport? {
        guard stopped != nil, next < files.count else { return try proceed() }
        let (kind, path) = files[next]
        done.append(try importFile(kind, path, true, similarAllowed))
        stopped = nil
        next += 1
        similarAllowed = false
        return try proceed()
    }

    /// The stopped file's rows that resemble a course already there
    /// (``IssueCode/similarCourse(nama:line:)``), the only problems or among others.
    public var similarRows: Int {
        stopped.map { report in Set(report.issues.filter { if case .similarCourse = $0.issue.code { true } else { false } }.map(\.line)).count } ?? 0
    }

    /// The admin's explicit choice: imports the stopped file again with its near-duplicate
    /// courses allowed (all or nothing as before: when other problems remain it stops again
    /// on them, and "valid rows only" then keeps the similar rows), then goes on as ``proceed()``.
    @discardableResult
    public func importSimilarAndProceed() throws -> ImportReport? {
        guard stopped != nil, next < files.count else { return try proceed() }
        similarAllowed = true
        return try proceed()
    }

    /// Rows written so far, over every file.
    public var imported: Int { done.reduce(0) { $0 + $1.imported } }

    /// The files not imported (yet): the stopped one and those after it.
    public var remaining: [(kind: ImportKind, path: String)] { Array(files[next...]) }

    /// Rows passed over because the database holds them already, over every file imported.
    public var alreadyPresent: Int { done.reduce(0) { $0 + $1.alreadyPresentLines.count } }

    /// The rejected-rows files written so far.
    public var rejectedFiles: [String] { done.compactMap(\.rejectedPath) }
}
