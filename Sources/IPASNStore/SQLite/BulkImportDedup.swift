import Foundation
import GRDB
import IPASNCore

/// FAST PATH (issue 14, round 9), part of the bulk-write path: the record table's unique
/// `(nip, dedup_key)` index (`<table>_dedup`, the duplicate check) dropped during a large
/// import of a file grouped by employee, and created again, sorted, before the import commits.
///
/// Why it is fast: rows go in by id, so the table grows at its end, but the index takes
/// every employee's rows at the place of their NIP. A file grouped by employee but not
/// sorted by NIP (the demo, SIASN) touches a random leaf of the index per employee; once the
/// index outgrows the import's 16 MB page cache nearly every employee reads a page back and
/// spills another to the WAL, and the WAL an import builds (one transaction) makes every page
/// read slower as it grows (round 7). `CREATE UNIQUE INDEX` at the end sorts the entries
/// instead (SQLite's external sort, memory bounded by ``BulkImportIndexes/withBoundedSorter(_:_:)``)
/// and writes each page once.
///
/// Duplicates are found exactly as the index finds them, without it (the plain path's
/// `INSERT ... ON CONFLICT DO NOTHING` refusal and ``SQLiteStore``'s `duplicateIssue`):
/// - **within the file:** the index is dropped only at the start of an employee's run of
///   lines for whom the import has written nothing yet, so while it is dropped every row the
///   import wrote for the current employee is one of the current run's, kept here by key with
///   its line (one employee's rows: memory does not grow with the file). An employee who
///   comes back after other employees' rows (a file not grouped by employee) has rows outside
///   the run: the index is then created again at once and kept for the rest of the import
///   (the plain duplicate check and the near-duplicate check's read-back then work as before;
///   a grouped file never pays it);
/// - **against stored rows:** the rows stored before the import (ids below its first) are
///   copied, with what the near-duplicate check reads, into a temporary table indexed by
///   `(nip, dedup_key)` when the index is dropped (``storedTable``): at most as many rows as
///   the import has already written (the drop waits for that, ``BulkImportIndexes``), and
///   none on a first load. Only employees with a stored row look there (one lookup per run).
///
/// Every row written while the index is dropped was checked against all the others, so the
/// index is always created again without a conflict; if it ever were not, `CREATE UNIQUE
/// INDEX` fails and the import rolls back (nothing silently wrong). DDL is transactional:
/// other connections read the committed schema, index included, throughout; a failure rolls
/// the drop back with the rows. `BulkImportDedupTests` imports the same files through the
/// plain path and this one and compares the outcome (issues and their lines) and every table.
struct BulkImportDedup {
    /// Off (the index kept, as before round 9) when `IPASN_IMPORT_KEEP_DEDUP_INDEX` is set:
    /// for measuring both ways with one build (docs/performance.md, "The import, round 9").
    static let enabled = ProcessInfo.processInfo.environment["IPASN_IMPORT_KEEP_DEDUP_INDEX"] == nil

    let kind: RecordKind
    let table: String
    /// The imported row count from which the index may be dropped (at a run's start).
    let dropAfter: Int
    /// The first id of the import: stored rows are below it.
    let start: Int64
    private enum State { case indexed, dropped, kept }
    private var state = State.indexed
    /// The dropped index's name and SQL.
    private var saved: (name: String, sql: String)?
    /// The current run's employee, the rows written for them in it (by dedup key, with their
    /// line), and whether they have rows stored before the import.
    private var runEmployee: Int32 = -1
    private var runKeys: [Int64: Int] = [:]
    private var runHasStored = false
    private var storedRows = 0
    private var hasStoredQuery: Statement?
    private var storedKeyQuery: Statement?

    /// The temporary table of the rows stored before the import, while the index is dropped.
    static let storedTable = "temp.bulk_import_stored"

    init(_ kind: RecordKind, start: Int64, dropAfter: Int) {
        self.kind = kind
        table = RecordRows.table(kind)
        self.start = start
        self.dropAfter = dropAfter
    }

    /// Whether the index is dropped (the duplicates are then found by ``duplicate(key:)``).
    var isDropped: Bool { state == .dropped }

    /// Called for every row of a known employee the import may write, before any check: at
    /// the start of a run, drops the index once the import is large enough (and the employee
    /// is new to the import), or creates it again when the employee comes back. `similar`
    /// is pointed at the table its stored-course queries may read.
    mutating func row(
        of employee: Int32, nip: String, writtenBefore: Int32, imported: Int, similar: inout SimilarCourseCheck,
        _ db: Database
    ) throws {
        guard employee != runEmployee else { return }
        runEmployee = employee
        runKeys.removeAll(keepingCapacity: true)
        switch state {
        case .indexed:
            guard imported >= dropAfter, writtenBefore == 0, try drop(db) else { return }
            similar.readStored(from: Self.storedTable)
        case .dropped:
            guard writtenBefore == 0 else {
                try BulkImportIndexes.withBoundedSorter(db) { try createAgain(db) }
                state = .kept
                similar.readStored(from: table)
                return
            }
        case .kept:
            return
        }
        runHasStored = false
        if storedRows > 0 { runHasStored = try hasStored(nip, db) }
    }

    /// While the index is dropped: the issue the index would have raised for a row of the
    /// current run with `key`, or nil when it is no duplicate.
    mutating func duplicate(_ record: IPASNCore.Record, key: Int64, _ db: Database) throws -> ValidationIssue? {
        guard state == .dropped else { return nil }
        let field = SQLiteStore.duplicateField(kind)
        if let line = runKeys[key] { return ValidationIssue(field: field, code: .duplicateInFile(line: line)) }
        if runHasStored {
            let query = try storedKeyQuery ?? db.makeStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM \(Self.storedTable) WHERE nip = ? AND dedup_key = ?)")
            storedKeyQuery = query
            if try Bool.fetchOne(query, arguments: [record.nip, key]) == true {
                return ValidationIssue(field: field, code: .duplicate(kind))
            }
        }
        return nil
    }

    /// The row with `key` was written from `line`.
    mutating func written(key: Int64, line: Int) {
        if state == .dropped { runKeys[key] = line }
    }

    /// At the end of the insert: creates the index again if it is dropped (sorted, the sort's
    /// memory bounded) and removes the stored rows' copy.
    mutating func finish(_ db: Database) throws {
        guard state == .dropped else { return }
        try BulkImportIndexes.withBoundedSorter(db) { try createAgain(db) }
        state = .kept
    }

    /// The table's unique index on exactly `(nip, dedup_key)`, if it has one.
    static func dedupIndex(_ table: String, _ db: Database) throws -> (name: String, sql: String)? {
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_schema
                WHERE type = 'index' AND tbl_name = ? AND sql LIKE 'CREATE UNIQUE%' ORDER BY name
                """, arguments: [table])
        for index in indexes {
            let name: String = index[0]
            let columns = try String.fetchAll(
                db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
            if columns == ["nip", "dedup_key"] { return (name, index[1]) }
        }
        return nil
    }

    /// Copies the stored rows and drops the index; false (nothing done) when the table has no
    /// such index.
    private mutating func drop(_ db: Database) throws -> Bool {
        guard let index = try Self.dedupIndex(table, db) else {
            state = .kept
            return false
        }
        // What the duplicate check and the near-duplicate check (diklat) read of a stored row.
        let columns = kind == .diklat
            ? "id, nip, dedup_key, jenis, tanggal_mulai, tanggal_selesai, nama" : "id, nip, dedup_key"
        try db.execute(sql: "DROP TABLE IF EXISTS \(Self.storedTable)")
        try db.execute(
            sql: "CREATE TABLE \(Self.storedTable) AS SELECT \(columns) FROM \(table) WHERE id < ? ORDER BY nip, dedup_key",
            arguments: [start])
        try db.execute(sql: "CREATE INDEX temp.bulk_import_stored_nip ON bulk_import_stored(nip, dedup_key)")
        storedRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(Self.storedTable)") ?? 0
        try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)")
        saved = index
        state = .dropped
        return true
    }

    private mutating func hasStored(_ nip: String, _ db: Database) throws -> Bool {
        let query = try hasStoredQuery ?? db.makeStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM \(Self.storedTable) WHERE nip = ?)")
        hasStoredQuery = query
        return try Bool.fetchOne(query, arguments: [nip]) == true
    }

    private mutating func createAgain(_ db: Database) throws {
        if let saved { try db.execute(sql: saved.sql) }
        saved = nil
        hasStoredQuery = nil
        storedKeyQuery = nil
        try db.execute(sql: "DROP TABLE IF EXISTS \(Self.storedTable)")
    }
}
