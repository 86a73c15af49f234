import Foundation
import IPASNCore

/// The storage of one IP ASN database: units, employees, their records, the cached
/// scores, the audit log and the admins' progress marks.
///
/// Every method that changes data runs in one transaction and writes an audit row
/// (who, when, what, old and new values) in that same transaction, so a crash leaves
/// either the whole change or none of it. The per-employee scores are kept up to date
/// in the same transaction as the record change, so the unit figures stay cheap at
/// province scale.
///
/// `SQLiteStore` (GRDB) is the first implementation; a PostgreSQL server mode will
/// follow, so nothing above this protocol may assume SQLite.
public protocol Store: AnyObject {
    // MARK: Settings

    /// The measurement year: the database setting, or the current calendar year.
    func measurementYear() throws -> Int
    func setMeasurementYear(_ year: Int) throws
    /// The active ruleset: the database's own, or ``Ruleset/bkn2019``.
    func ruleset() throws -> Ruleset
    /// Installs a ruleset (nil returns to bkn-2019); every cached score is recomputed.
    func setRuleset(_ ruleset: Ruleset?) throws

    // MARK: Units and employees

    func units() throws -> [OrgUnit]
    /// Adds or replaces a unit (by kode).
    func saveUnit(_ unit: OrgUnit) throws
    func pegawai(nip: String) throws -> Pegawai?
    /// Employees of a unit, optionally with its sub-units, ordered by name.
    func pegawai(inUnit kode: String, includeSubunits: Bool) throws -> [Pegawai]
    /// Employees whose name contains `query` (ignoring case) or whose NIP starts with it.
    func searchPegawai(_ query: String, limit: Int) throws -> [Pegawai]
    /// Adds or replaces an employee (by NIP).
    func savePegawai(_ pegawai: Pegawai) throws
    func countPegawai() throws -> Int

    // MARK: Records

    /// All records of one employee, with their ids.
    func records(nip: String) throws -> StoredEmployeeRecords?
    /// Validates (fields, references, duplicates) and saves a new record; returns its id
    /// and the employee's new score for the measurement year. Throws ``ValidationFailure``.
    @discardableResult
    func add(_ record: Record) throws -> SaveResult
    /// Replaces a record; the audit row keeps the old values.
    @discardableResult
    func update(_ id: RecordID, to record: Record) throws -> SaveResult
    /// Deletes a record; the audit row keeps the full old row.
    @discardableResult
    func delete(_ id: RecordID) throws -> SaveResult
    /// Reverts the most recent change made by `actor` through add, update or delete
    /// (itself audited); nil when there is nothing to undo.
    @discardableResult
    func undoLast(actor: String) throws -> AuditEntry?

    // MARK: Scores and figures

    /// One employee's score (from the cache for the cached year, else computed).
    func score(nip: String, year: Int) throws -> EmployeeScore?
    /// Scores of all active employees (or those of a unit and its sub-units), with the employee.
    func scores(year: Int, unit: String?) throws -> [ScoredPegawai]
    /// Each unit's sums over its own active employees (sub-units not folded in).
    func directUnitTotals(year: Int) throws -> [String: ScoreTotals]
    /// Every unit's figures with sub-units folded in, in tree order.
    func unitFigures(year: Int) throws -> [UnitFigure]
    /// Recomputes and stores every employee's score for a year.
    func recomputeAll(year: Int) throws
    /// Calls `body` with the records of every active employee (or those of a unit and its
    /// sub-units), one employee at a time, for whole-province analyses such as planning
    /// interventions. Records carry what scoring reads; free-text fields may be empty.
    func forEachEmployeeRecords(inUnit unit: String?, _ body: (EmployeeRecords) throws -> Void) throws

    // MARK: Import

    /// Imports a stream of rows in ONE transaction: all or nothing. Rows arrive parsed (or
    /// with their parse failures) and are consumed one at a time, so a file of a million
    /// rows is never held in memory. References and duplicates (against the database and
    /// within the file) are checked here. With `skipInvalid` false, any invalid row means
    /// the transaction is rolled back, nothing is written, and every problem is returned;
    /// with it true the valid rows are written and the problems returned.
    /// The cached scores of every touched employee are updated in the same transaction.
    /// With `dryRun` everything is checked and counted as it would be, then rolled back.
    /// A pegawai import reports the existing employees it changes (``ImportOutcome/changes``)
    /// and keeps their old values in its audit row (``PegawaiImportOldValues``).
    func importRows(_ rows: inout some ImportRowSource, skipInvalid: Bool, dryRun: Bool) throws -> ImportOutcome

    // MARK: Progress and activity

    /// Marks (or reopens) one dimension of a unit as "selesai diinput".
    func setProgress(unit: String, dimension: ProgressDimension, done: Bool) throws
    func progressMarks() throws -> [ProgressMark]
    /// Records added per unit (by the employee's unit) since a moment, from the audit log.
    func recordsEntered(since: Date) throws -> [String: Int]

    // MARK: Audit, drafts, checks

    func auditLog(limit: Int) throws -> [AuditEntry]
    /// Keeps an unsaved form (serialised by the workstation) to offer on the next start.
    func saveDraft(_ draft: Draft) throws
    func loadDraft() throws -> Draft?
    func clearDraft() throws
    /// The storage engine's own integrity check plus the project's consistency checks
    /// (stored scores equal a full recompute, references hold). Empty when all is well.
    func check() throws -> [String]
}

/// Who changes data and when: the OS user and an injected clock (tests fix it).
public struct StoreContext: Sendable {
    public var actor: String
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone

    public init(actor: String, now: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current) {
        self.actor = actor
        self.now = now
        self.timeZone = timeZone
    }

    /// The OS user running the process (`$USER`, else `$LOGNAME`, else "unknown").
    public static func currentUser() -> String {
        let env = ProcessInfo.processInfo.environment
        return env["USER"] ?? env["LOGNAME"] ?? "unknown"
    }

    /// Today's date in the context's time zone.
    public var today: LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension Store {
    /// ``importRows(_:skipInvalid:dryRun:)`` that writes.
    public func importRows(_ rows: inout some ImportRowSource, skipInvalid: Bool) throws -> ImportOutcome {
        try importRows(&rows, skipInvalid: skipInvalid, dryRun: false)
    }
}
