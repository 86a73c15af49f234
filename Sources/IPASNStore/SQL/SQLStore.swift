import Foundation
import IPASNCore

/// A store built on an SQL database: the shared store areas (`SQLStore+Team`, `+Accounts`,
/// `+BatchEdit`) are written once as extensions of this protocol, against ``SQLDatabase``
/// and the store's ``SQLDialect``, and both ``SQLiteStore`` and `PostgresStore` adopt it.
///
/// The requirements are what stays engine-specific: how a transaction is opened (SQLite's
/// WAL and lock wait, PostgreSQL's one locked connection and reconnect), whether a table of a
/// later migration exists, and, until their areas are shared too, the engine's own helpers
/// the shared areas call (audit rows, permissions, records, scores, units). Each engine's
/// `+SQLStore` file adapts them; see docs/store.md "How the stores are built".
package protocol SQLStore: AnyObject {
    associatedtype Connection: SQLDatabase

    var context: StoreContext { get }
    /// The engine's SQL snippets.
    var dialect: SQLDialect { get }

    /// Runs `body` in a read transaction (one consistent snapshot).
    func sqlRead<T>(_ body: (Connection) throws -> T) throws -> T
    /// Runs `body` in a write transaction: all of it is committed, or nothing.
    func sqlWrite<T>(_ body: (Connection) throws -> T) throws -> T
    /// Whether `table` exists (an SQLite database opened for reading may predate the migration
    /// that makes it; PostgreSQL's schema is always migrated).
    func sqlHasTable(_ table: String, _ db: Connection) throws -> Bool
    /// The engine's "this row is waiting for SIASN" condition on the record table aliased
    /// `alias` (the text of its partial index `<table>_pending`, so the planner can use it).
    func sqlPendingCondition(_ alias: String, _ kind: RecordKind) -> String

    // MARK: The engine's helpers of areas not shared yet

    /// Writes one audit row in the current transaction (`SQLiteStore+Audit`).
    func sqlAudit(
        _ action: AuditAction, _ subject: AuditSubject, nip: String?, old: AuditValue?, new: AuditValue?, undoes: Int64?,
        batch: Int64?, _ db: Connection) throws
    /// Reads one row of `AuditRows.columns` as an entry.
    func sqlAuditEntry(_ row: Connection.Row) throws -> AuditEntry
    /// The logins of the operators (`+Permissions`).
    func sqlOperators(_ db: Connection) throws -> [String]
    /// Refuses the change unless the acting account may manage accounts (operators only).
    func sqlPermitAccounts(_ db: Connection) throws
    /// Refuses the change unless the acting account may change these employees' records.
    func sqlPermitRecords(nips: [String], _ db: Connection) throws
    /// One stored record, or nil (`+Records`).
    func sqlRecord(_ id: RecordID, _ db: Connection) throws -> Record?
    /// One employee, or nil (`+Units`: through the engine's prepared statement, on the save path).
    func sqlPegawai(nip: String, _ db: Connection) throws -> Pegawai?
    /// One row of ``pegawaiColumns`` from `offset` on as an employee (the engine's decoder,
    /// which its recompute calls for every employee).
    func sqlPegawaiRow(_ row: Connection.Row, offset: Int) throws -> Pegawai
    /// Recomputes and caches one employee's score (`+Scores`).
    func sqlRecomputeEmployee(_ nip: String, _ db: Connection) throws -> EmployeeScore
    /// Deletes one employee's cached scores, every year (an undone employee insert). PostgreSQL
    /// through the schema owner's function (`2026-11-30-pgsecure`: no account writes the cache itself).
    func sqlDropScores(nip: String, _ db: Connection) throws
    /// Refuses unless the acting account may write at all (an undo or redo, before it knows what it touches).
    func sqlPermitAnyWrite(_ db: Connection) throws
    /// Refuses unless the acting account may set `subject` from `from` back to `to`.
    func sqlPermitRevert(_ subject: AuditSubject, from: AuditValue?, to: AuditValue?, _ db: Connection) throws
    /// Refuses a record equal to another of the employee's (`+Records`).
    func sqlRefuseDuplicate(_ record: Record, ignoring id: RecordID, _ db: Connection) throws
    /// Overwrites a stored record (`+Records`).
    func sqlWriteRecord(_ record: Record, over id: RecordID, _ db: Connection) throws
    /// Inserts a record, under `id` when given (an undo restores a record under its own id); returns its id.
    func sqlInsertRecord(_ record: Record, id: Int64?, _ db: Connection) throws -> Int64
    /// The stored records of a kind whose ids are in `ids`, by id (`RecordRows`).
    func sqlRecords(_ kind: RecordKind, ids: ClosedRange<Int64>, _ db: Connection) throws -> [StoredRecord<Record>]
    /// Adds or overwrites an employee (`+Units`: the engine binds ``upsertPegawaiSQL``'s arguments).
    func sqlUpsertPegawai(_ pegawai: Pegawai, _ db: Connection) throws
    /// Recomputes the cached scores of these employees for these years in one streaming pass (`+Scores`).
    func sqlRecompute(years: [Int], only: Set<String>, _ db: Connection) throws
    /// Every unit (`+Units`).
    func sqlUnits(_ db: Connection) throws -> [OrgUnit]
    /// The years whose scores are cached (`+Scores`).
    func sqlCachedYears(_ db: Connection) throws -> [Int]
    /// One row of ``scoreColumns`` as a score (`+Scores`).
    func sqlScore(_ row: Connection.Row) -> EmployeeScore
    /// The ruleset in force.
    func sqlRuleset(_ db: Connection) throws -> Ruleset
    /// The measurement year (`+Batch`).
    func sqlMeasurementYear(_ db: Connection) throws -> Int
    /// Computes and caches the scores of `year` when they are not yet (`+Scores`).
    func sqlEnsureCached(year: Int, _ db: Connection) throws
    /// One employee's stored records, or nil for an unknown NIP (`+Records`).
    func sqlStoredRecords(nip: String, _ db: Connection) throws -> StoredEmployeeRecords?
    /// Recomputes every cached year's scores (a new ruleset, `+Scores`).
    func sqlRecomputeAllCached(_ db: Connection) throws
    /// Writes one cached score (`+Scores`: the engine's score statement).
    func sqlUpsertScore(_ score: EmployeeScore, _ db: Connection) throws
    /// Every employee's records, an employee at a time, as the scores are computed (`+Scores`);
    /// `asEntered` keeps the records the scores leave out (rejected ones).
    func sqlForEachEmployee(asEntered: Bool, _ db: Connection, _ body: (EmployeeRecords) throws -> Void) throws
    /// Makes sure `year` is cached, computing it in its own transaction when it is not; false,
    /// caching nothing, when the store is read-only and the year is not cached (`+Scores`).
    func sqlEnsureCached(year: Int) throws -> Bool
    /// Per unit, the totals of the cached scores of `year` (``ScoreStore``'s, `+Scores`).
    func directUnitTotals(year: Int) throws -> [String: ScoreTotals]
    /// The condition "employee `p` counts in the year whose 31 December is the one argument
    /// (ISO text)" (PostgreSQL casts the argument to a date).
    var sqlCountedInYear: String { get }

    /// Writes the verification an undo or redo restores to a record (`+VerdictRestore`):
    /// the one ``verdictInForce(_:before:_:)`` found before audit entry `before`. PostgreSQL
    /// writes it through the schema owner's function, which finds it in the audit log itself.
    func sqlRestoreVerification(_ id: RecordID, _ verification: RecordVerification, before: Int64, _ db: Connection) throws

    // MARK: Engine-only parts of the shared areas

    /// `check`'s problems the engine itself finds first (SQLite: `integrity_check` and
    /// `foreign_key_check`; PostgreSQL enforces every foreign key at commit and leaves its page
    /// checks to `pg_amcheck`).
    func sqlEngineProblems(_ db: Connection) throws -> [String]
    /// `check`'s problems in what the engine keeps derived (SQLite: the per-unit totals).
    func sqlDerivedProblems(_ db: Connection) throws -> [String]
}

extension SQLStore {
    /// Writes one audit row that undoes nothing.
    func sqlAudit(
        _ action: AuditAction, _ subject: AuditSubject, nip: String?, old: AuditValue?, new: AuditValue?, batch: Int64?,
        _ db: Connection
    ) throws {
        try sqlAudit(action, subject, nip: nip, old: old, new: new, undoes: nil, batch: batch, db)
    }

    /// The columns ``sqlAuditEntry(_:)`` reads, of the `audit` table aliased `a`.
    static var auditColumns: String { AuditRows.columns }

    /// The table of a record kind.
    static func recordTable(_ kind: RecordKind) -> String { RecordRows.table(kind) }

    /// The columns ``sqlScore(_:)`` reads (both engines' `scoreColumns`), of `employee_score`.
    static var scoreRowColumns: String { "nip, year, kualifikasi, kompetensi, kinerja, disiplin, missing" }
}
