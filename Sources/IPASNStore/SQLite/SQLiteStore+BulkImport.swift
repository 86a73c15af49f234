import GRDB
import IPASNCore

/// FAST PATH (issue 14): the bulk-write path of a record import.
///
/// Why it is fast: a province's diklat file is a million rows written in ONE transaction.
/// Triggers that keep side tables current on every single save (export tracking's
/// `<table>_restored`, the per-unit totals on `employee_score`) would run their program once
/// per row; here, inside the import's transaction, they are dropped, the rows go in, the same
/// side-table rows are produced by a few set-based statements over the import's id range (or
/// its touched employees), and the triggers are created again from their saved SQL BEFORE the
/// transaction commits. DDL is transactional in SQLite: other connections never see a
/// trigger missing (they read the last committed schema), and a failure or a crash anywhere
/// in between rolls the drops back with the rows (`BulkImportTests`, the fault suite's kill
/// rounds).
///
/// Only triggers named here are suspended, each with its set-based equivalent; any other
/// trigger on the tables (one another feature adds later) is left alone and fires row by
/// row as before, so the result never depends on this list being complete, only the speed.
/// `BulkImportTests` imports the same files through the plain path (every trigger on) and
/// this one into two databases and compares every table row for row.
struct BulkImportTriggers {
    /// The triggers dropped, with the SQL that creates them again, in drop order.
    private(set) var saved: [(name: String, sql: String)] = []

    /// Drops those of `names` that exist in `db`, keeping their SQL.
    static func suspend(_ names: [String], _ db: Database) throws -> BulkImportTriggers {
        var suspended = BulkImportTriggers()
        for name in names {
            guard
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", arguments: [name])
            else { continue }
            try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
            suspended.saved.append((name, sql))
        }
        return suspended
    }

    /// Whether `name` was suspended (its set-based equivalent must then run).
    func suspended(_ name: String) -> Bool { saved.contains { $0.name == name } }

    /// Creates the suspended triggers again, exactly as they were.
    func restore(_ db: Database) throws {
        for trigger in saved { try db.execute(sql: trigger.sql) }
    }

    // MARK: Record tables

    /// The record table's `AFTER INSERT` trigger of export tracking: a record inserted with
    /// the id of one deleted after it was sent (an undo) takes back its versions.
    static func restoredTrigger(_ kind: RecordKind) -> String { "\(RecordRows.table(kind))_restored" }

    /// Set-based `<table>_restored` for the rows with ids `first ... last`. (An import's ids
    /// are above every id the table ever used, so in practice it finds nothing; it runs
    /// anyway, so that the result is the trigger's whatever the ids.)
    static func restoredRows(_ kind: RecordKind, first: Int64, last: Int64, _ db: Database) throws {
        let table = RecordRows.table(kind)
        try db.execute(
            sql: """
                UPDATE \(table) SET change_no = d.change_no, sent_no = CASE WHEN d.reported IS NULL THEN d.sent_no END
                    FROM export_deleted d
                    WHERE d.kind = '\(table)' AND d.record_id = \(table).id AND \(table).id BETWEEN ? AND ?
                """, arguments: [first, last])
        try db.execute(
            sql: "DELETE FROM export_deleted WHERE kind = '\(table)' AND record_id BETWEEN ? AND ?", arguments: [first, last])
    }

    // MARK: Per-unit pending counts (branch recompute2)

    /// ``UnitPendingCounts``' `AFTER INSERT` trigger on the record table.
    static func pendingInsertTrigger(_ kind: RecordKind) -> String { UnitPendingCounts.insertTrigger(kind) }

    /// `<table>_unit_pending_insert` for the import's rows, from the import's own per-unit
    /// counts of PENDING rows written (``ImportEmployees/rowsByUnit`` less the rows
    /// ``SKPSiasn/isPending(_:)`` says are not pending): one upsert per unit, nothing read back.
    ///
    /// Why this is exact: the trigger adds 1 at the employee's unit for every inserted row that
    /// is pending (``SQLiteStore/pendingCondition(_:_:)``), and the import inserts every row
    /// with the defaults, `change_no` 0 and `sent_no` NULL: unsent, all of them, so pending
    /// exactly when ``SKPSiasn/isPending(_:)`` (an SKP before 2022 is not). The employee's unit is
    /// the one the import's map read in this transaction (a record import changes no
    /// employee). A restored row (``restoredRows(_:first:last:)``, run after this) changes its
    /// versions by an UPDATE, whose trigger is not suspended and moves the count as it would.
    ///
    /// Why it is fast: the set-based statement read every imported row back, joined it with
    /// `pegawai` and grouped it by unit through SQLite's sorter: a pass over the whole import
    /// (10 million rows at 500,000 employees) that grew faster than the rows (round 7,
    /// docs/performance.md).
    static func pendingRows(_ kind: RecordKind, rowsByUnit: [String: Int], _ db: Database) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO unit_pending_counts(kode_unit, kind, pending) VALUES (?, '\(kind.rawValue)', ?)
                    ON CONFLICT(kode_unit, kind) DO UPDATE SET pending = pending + excluded.pending
                """)
        for (unit, rows) in rowsByUnit.sorted(by: { $0.key < $1.key }) where rows > 0 {
            try statement.execute(arguments: [unit, rows])
        }
    }

    // MARK: Per-unit totals

    /// ``UnitScoreTotals``' triggers on `employee_score`.
    static let scoreTriggers = ["unit_totals_score_insert", "unit_totals_score_update", "unit_totals_score_delete"]

    /// The per-unit sums of the cached scores of the employees in `temp.bulk_touched`, by
    /// (year, unit), counted as the triggers count them (``UnitScoreTotals/counted(_:year:)``);
    /// the employees read from `pegawai` (schema-qualified: ``UnchangedTables``).
    private static func touchedTotals(_ pegawai: String) -> String {
        """
        SELECT s.year AS year, p.kode_unit AS kode_unit, COUNT(*) AS pegawai, SUM(s.complete) AS complete,
               SUM(CAST(round(s.kualifikasi * \(UnitScoreTotals.scale)) AS INTEGER)) AS kualifikasi,
               SUM(CAST(round(s.kompetensi * \(UnitScoreTotals.scale)) AS INTEGER)) AS kompetensi,
               SUM(CAST(round(s.kinerja * \(UnitScoreTotals.scale)) AS INTEGER)) AS kinerja,
               SUM(CAST(round(s.disiplin * \(UnitScoreTotals.scale)) AS INTEGER)) AS disiplin
        FROM temp.bulk_touched t JOIN main.employee_score s ON s.nip = t.nip JOIN \(pegawai) p ON p.nip = s.nip
        WHERE \(UnitScoreTotals.counted("p", year: "s.year"))
        GROUP BY s.year, p.kode_unit
        """
    }

    /// Before the touched employees' scores are rewritten: their current scores leave their
    /// units' totals (what the delete/update triggers subtract, summed per unit).
    static func subtractTouchedSQL(_ pegawai: String) -> String {
        """
        UPDATE unit_score_totals SET
            pegawai = unit_score_totals.pegawai - d.pegawai, complete = unit_score_totals.complete - d.complete,
            kualifikasi = unit_score_totals.kualifikasi - d.kualifikasi,
            kompetensi = unit_score_totals.kompetensi - d.kompetensi,
            kinerja = unit_score_totals.kinerja - d.kinerja, disiplin = unit_score_totals.disiplin - d.disiplin
        FROM (\(touchedTotals(pegawai))) d
        WHERE unit_score_totals.year = d.year AND unit_score_totals.kode_unit = d.kode_unit
        """
    }

    /// After: their new scores join their units' totals (what the insert/update triggers
    /// add, summed per unit; a (year, unit) without a row gets one).
    static func addTouchedSQL(_ pegawai: String) -> String {
        """
        INSERT INTO unit_score_totals(year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin)
            SELECT year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin
            FROM (\(touchedTotals(pegawai))) WHERE true
            ON CONFLICT(year, kode_unit) DO UPDATE SET
                pegawai = pegawai + excluded.pegawai, complete = complete + excluded.complete,
                kualifikasi = kualifikasi + excluded.kualifikasi, kompetensi = kompetensi + excluded.kompetensi,
                kinerja = kinerja + excluded.kinerja, disiplin = disiplin + excluded.disiplin
        """
    }
}

extension SQLiteStore {
    /// The score refresh of a large import on the bulk-write path (``BulkImportTriggers``):
    /// the per-unit totals' triggers on `employee_score` are suspended while the touched
    /// employees' scores are rewritten, and their units' totals are moved by two grouped
    /// statements instead (their old scores out before, their new ones in after).
    ///
    /// What the import did not write (`pegawai`, the other record tables) is read from the
    /// committed state (``ImportSnapshot``), not through the import's large uncommitted WAL,
    /// when `snapshot` says the import's transaction wrote nothing else (it opened it).
    ///
    /// `sorted`: the import wrote most of its table (``BulkImportIndexes/outgrown(imported:)``),
    /// which is then read by a scan and a sort rather than through its index (``ScoringReadOrder``).
    func bulkRefresh(
        _ touched: EmployeeSelection, written kind: RecordKind, snapshot: Bool, sorted: Bool = false,
        phases: ImportPhaseTimes? = nil, _ db: Database
    )
        throws
    {
        let years = try cachedYears(db)
        let unchanged = UnchangedTables(
            schema: snapshot ? try ImportSnapshot.attach(db) : "main", written: kind, sortsWritten: sorted)
        let triggers = try BulkImportTriggers.suspend(BulkImportTriggers.scoreTriggers, db)
        // Only the three triggers together are done set-based (a schema with other ones keeps them).
        guard triggers.saved.count == BulkImportTriggers.scoreTriggers.count else {
            try triggers.restore(db)
            try recompute(years: years, only: touched, replaceAll: false, unchanged: unchanged, db)
            return
        }
        try db.execute(sql: "CREATE TEMP TABLE bulk_touched(nip TEXT PRIMARY KEY) WITHOUT ROWID")
        let insert = try db.makeStatement(sql: "INSERT INTO temp.bulk_touched(nip) VALUES (?)")
        try touched.forEach { nip in
            insert.setUncheckedArguments([nip])
            try insert.execute()
        }
        // Both statements group every touched employee's scores by (year, unit): SQLite
        // sorts them, with up to the page cache's size of sort entries in memory
        // (``BulkImportIndexes/withBoundedSorter(_:_:)``), so bounded as the index rebuild.
        let pegawai = unchanged.table(nil)
        try BulkImportIndexes.withBoundedSorter(db) { try db.execute(sql: BulkImportTriggers.subtractTouchedSQL(pegawai)) }
        phases?.mark("refresh: touched table, old totals out")
        try recompute(years: years, only: touched, replaceAll: false, unchanged: unchanged, db)
        phases?.mark("refresh: recompute")
        try BulkImportIndexes.withBoundedSorter(db) { try db.execute(sql: BulkImportTriggers.addTouchedSQL(pegawai)) }
        try db.execute(sql: "DROP TABLE temp.bulk_touched")
        try triggers.restore(db)
    }
}

/// FAST PATH (issue 14), part of the bulk-write path: the record table's secondary indexes
/// (today the partial index of unsent records, `<table>_pending`) dropped during a large
/// import and created again from their saved SQL before it commits.
///
/// Why it is fast: rows go in by id, so the table itself grows at its end, but an index on
/// `nip` takes them at random places; once the index outgrows the import's page cache every
/// row dirties a page that was written out a moment ago. `CREATE INDEX` at the end sorts the
/// entries instead (SQLite's external sort, bounded memory) and writes each page once. On the
/// province's million diklat rows, dropping and re-creating it took the sqlite3 shell's own
/// load from 5.4 to 4.5 s of CPU (docs/performance.md).
///
/// Dropped only once the import has written as many rows as the table held before (and at
/// least ``minimumRows``): re-creating costs a pass over the whole table, which a small import
/// into a large table must not pay. Unique indexes stay (they are the duplicate check), and
/// so does every index of another table.
struct BulkImportIndexes {
    /// Below this many imported rows, maintaining the indexes row by row costs less.
    static let minimumRows = 50_000

    let table: String
    /// The imported row count at which the indexes are dropped.
    let dropAfter: Int
    private var saved: [String] = []

    init(_ kind: RecordKind, rowsBefore: Int64, minimumRows: Int = Self.minimumRows) {
        table = RecordRows.table(kind)
        dropAfter = max(minimumRows, Int(clamping: rowsBefore))
    }

    /// Whether an import of `imported` rows outgrew the table (it wrote at least as many rows
    /// as the table held, and ``minimumRows``): its indexes are dropped then, and its refresh
    /// reads the table by a scan and a sort (``ScoringReadOrder/nipSorted``).
    func outgrown(imported: Int) -> Bool { imported >= dropAfter }

    /// Drops the table's non-unique indexes, keeping their SQL.
    mutating func drop(_ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_schema
                WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
                ORDER BY name
                """, arguments: [table])
        for row in rows {
            let name: String = row[0]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            saved.append(row[1])
        }
    }

    /// The page cache while the indexes are built, in KiB (the pending counts, which grouped
    /// the imported rows the same way until round 7, now come from memory).
    /// SQLite's sorter (`CREATE INDEX`, a `GROUP BY` without an index) keeps up to the page
    /// cache's size of entries in memory before it writes a sorted run to a temporary file
    /// (vdbesort.c: the larger of `cache_size` and 250 pages), on top of the cache itself:
    /// with the import's 16 MB cache, heaptrack showed a 16.8 MB sorter buffer at the
    /// import's peak once the imported rows passed 16 MB of entries (about 20,000
    /// employees), so peak memory grew with the data. Bounded here (docs/performance.md,
    /// "Import memory and growth").
    static let sortCacheKiB = 4_096

    /// Runs `body` (statements that sort the import's rows) with the page cache, and so
    /// SQLite's sorter, at ``sortCacheKiB`` (only `when` it is true); the cache size it had
    /// comes back after.
    static func withBoundedSorter<T>(_ db: Database, when bounded: Bool = true, _ body: () throws -> T) throws -> T {
        guard bounded, let cacheSize = try Int.fetchOne(db, sql: "PRAGMA main.cache_size") else { return try body() }
        try db.execute(sql: "PRAGMA main.cache_size = -\(sortCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA main.cache_size = \(cacheSize)") }
        return try body()
    }

    /// Creates the dropped indexes again (nothing when none was dropped), its sort bounded
    /// (``withBoundedSorter(_:_:)``).
    mutating func rebuild(_ db: Database) throws {
        guard !saved.isEmpty else { return }
        try Self.withBoundedSorter(db) { for sql in saved { try db.execute(sql: sql) } }
        saved = []
    }
}
