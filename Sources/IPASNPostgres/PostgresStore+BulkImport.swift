import Foundation
import IPASNCore
import IPASNStore

/// FAST PATH (issue 12): the bulk path of a record import on PostgreSQL.
///
/// Why it is fast: the plain path (``RecordBatch``) makes three round trips per 500 rows (the
/// duplicate lookup, the similar-course lookup, a multi-row INSERT of 5,500 parameters), and
/// every inserted row runs the export-tracking trigger's PL/pgSQL program. Here
///
/// 1. the rows are streamed with `COPY ... FROM STDIN` (text format) into a temporary staging
///    table while the parser thread (``PrefetchingRowSource``) reads the file; the unknown-NIP
///    and not-your-unit checks are done in memory on the way (as on the plain path);
/// 2. one query finds the few rows that can conflict at all: the lines the client saw repeat
///    another line of the file on the way (``ImportRepeats``: a `(nip, dedup_key)` or, for
///    the similar-course check, an employee's jenis and dates twice), and the staged rows
///    sharing a key with a stored row (a semi-join, no sort of the staging table); those
///    and the stored rows they share a key with are decided in Swift in file order
///    (``ImportConflicts``, the plain path's rules), and the refused lines are deleted from
///    the staging table;
/// 3. one `INSERT ... SELECT` writes the rest under consecutive ids in file order, with the
///    per-row `<table>_restored` trigger skipped through its `WHEN` (the transaction-local
///    setting `ipasn.bulk_import`, migration `2026-11-30-pg-import`) and its effect done by
///    one UPDATE and one DELETE over the import's id range instead; an import that at least
///    doubles the table, by the table's owner, builds the secondary indexes and checks the
///    foreign key once after it (``BulkLoadRebuild``);
/// 4. the per-unit counts and the touched employees are the client's (counted while
///    streaming, less the refused lines), the table is analysed when the import doubled it,
///    and the touched employees' scores are refreshed as
///    on the plain path (the per-unit totals move with them through their statement triggers).
///
/// Everything happens in the import's one transaction: a failure, a refusal, a dry run or a
/// killed client leaves nothing (the staging table is dropped with it). Row-level security
/// still checks every inserted row (an admin's import writes only its units' employees).
/// `PostgresBulkImportTests` imports the same files through both paths into two databases and
/// compares every table row for row.
extension PostgresStore {
    /// The staging table of a bulk import (temporary: this session's only, dropped at commit).
    static let importStage = "ipasn_import_stage"

    func bulkImportRecords(
        _ rows: inout some ImportRowSource, of expected: RecordKind, _ permissions: WritePermissions, skipInvalid: Bool,
        issues: inout [LineIssue], byUnit: inout [String: Int], ids: inout ImportedIDs?, _ db: PGConnection
    ) throws -> Int {
        let table = PGRecordRows.table(expected)
        let columns = PGRecordRows.columns(expected)
        let phases = Self.importPhases(db)
        defer { phases.report() }
        var check = try ImportLineCheck(expected, permissions, db)
        let rowsBefore = try Int.fetchOne(
            db, sql: "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = ?::regclass", arguments: [table]) ?? 0

        // 0. The first load of an empty table, when it may be: rows straight into the table
        // (``firstLoadRecords``). The first ``BulkLoadRebuild/minimumRows`` lines are read
        // ahead to choose (kept in `ahead`, reversed, and written first by either path).
        var ahead: [Line<ImportRow>] = []
        if !Self.firstLoadOff, try BulkLoadRebuild.mayLoadDirectly(table, db) {
            while ahead.count < BulkLoadRebuild.minimumRows, let line = try rows.next() { ahead.append(line) }
            ahead.reverse()
            if ahead.count >= BulkLoadRebuild.minimumRows, let rebuild = try BulkLoadRebuild.begin(table, db, onlyEmpty: true) {
                phases.mark("first load chosen")
                lastRecordImportPath = .firstLoad
                return try firstLoadRecords(
                    &rows, ahead: &ahead, rebuild: rebuild, check: &check, skipInvalid: skipInvalid, issues: &issues,
                    byUnit: &byUnit, ids: &ids, phases: phases, db)
            }
        }

        // 1. Stream the checked rows into the staging table.
        lastRecordImportPath = .staged
        try db.execute(sql: "DROP TABLE IF EXISTS pg_temp.\(Self.importStage)")
        try db.execute(
            sql: "CREATE TEMP TABLE \(Self.importStage) ON COMMIT DROP AS SELECT 0::integer AS line, 0::integer AS ord, "
                + "\(columns.joined(separator: ", ")) FROM \(table) WITH NO DATA")
        var staged = 0
        // The lines repeating another (the conflicts), noted by the client on the way.
        let conflicts = ImportConflicts(kind: expected, allowsSimilar: rows.allowsSimilar)
        var repeats = ImportRepeats(checkSimilar: conflicts.checkSimilar)
        _ = try db.copyIn(table: Self.importStage, columns: ["line", "ord"] + columns) { buffer in
            guard let line = try ahead.popLast() ?? rows.next() else {
                check.endRun()
                return false
            }
            guard let record = check.check(line, issues: &issues) else { return true }
            let ord = staged
            staged += 1
            check.pass(record)
            let key = DuplicateKey.hash(record)
            repeats.note(record, key: key, employee: check.run.employee)
            buffer.integer(line.number)
            buffer.integer(ord)
            PGRecordRows.encode(record, key: key, into: &buffer)
            buffer.endRow()
            return true
        }
        phases.mark("parse + COPY into the stage")
        guard staged > 0 else {
            try db.execute(sql: "DROP TABLE pg_temp.\(Self.importStage)")
            return 0
        }

        // 2. The rows that can conflict, decided in file order; the refused ones leave the stage.
        let conflictRows = try Self.conflictRows(expected, similar: conflicts.checkSimilar, repeats: repeats.positions(), db)
        let refused = conflicts.decide(
            conflictRows, stored: try Self.conflictStored(expected, similar: conflicts.checkSimilar, db))
        let nipOf = Dictionary(conflictRows.map { ($0.line, $0.nip) }, uniquingKeysWith: { first, _ in first })
        for (line, issue) in refused {
            issues.append(LineIssue(line: line, issue: issue))
            if let nip = nipOf[line] { check.unstage(nip) }
        }
        // The staged positions of the refused lines, ascending (the ids close up over them).
        var refusedOrds: [Int64] = []
        if !refused.isEmpty {
            refusedOrds = try Int64.fetchAll(
                db, sql: "DELETE FROM pg_temp.\(Self.importStage) WHERE line = ANY(?::int[]) RETURNING ord",
                arguments: [PGArrayText.integers(refused.map { Int64($0.line) })]
            ).sorted()
        }
        let count = staged - refused.count
        phases.mark("conflicts")
        // Nothing to write: every row refused, or an import that is refused as a whole (an
        // issue without skip-invalid: it reports its issues and writes nothing).
        guard count > 0, skipInvalid || issues.isEmpty else {
            try db.execute(sql: "DROP TABLE pg_temp.\(Self.importStage)")
            return 0
        }

        // 3. One INSERT in file order under consecutive ids; the restored trigger's effect set-based.
        // A row's id is its staged position less the refused positions before it (width_bucket:
        // how many of the sorted refused positions are <= it, a binary search), so the
        // staging table is not sorted (a million rows were an external sort on disk).
        let first = try Self.nextRecordID(expected, db)
        let last = first + Int64(count) - 1
        // An import that at least doubles the table builds its secondary indexes and checks
        // its foreign keys once after the INSERT, when its role owns the table and can lock it.
        let rebuild = BulkLoadRebuild.worthIt(rows: count, stored: rowsBefore) ? try BulkLoadRebuild.begin(table, db) : nil
        if rebuild != nil { lastRecordImportPath = .stagedRebuild }
        try db.execute(sql: "SELECT set_config('\(PostgresSchema.bulkImportSetting)', 'on', true)")
        try db.execute(
            sql: "INSERT INTO \(table) (id, \(columns.joined(separator: ", "))) "
                + "SELECT ?::bigint + ord - width_bucket(ord, ?::int[]), \(columns.joined(separator: ", ")) "
                + "FROM pg_temp.\(Self.importStage)",
            arguments: [first, PGArrayText.integers(refusedOrds)])
        phases.mark("INSERT ... SELECT" + (rebuild == nil ? "" : " (indexes and key dropped)"))
        try rebuild?.finish(db)
        if rebuild != nil { phases.mark("indexes built, key validated") }
        try Self.endBulkInsert(table, first: first, last: last, db)
        ids = ImportedIDs(kind: expected, first: first, last: last)

        // 4. Counts (the client's), statistics, scores.
        let touched = check.touched(byUnit: &byUnit)
        try db.execute(sql: "DROP TABLE pg_temp.\(Self.importStage)")
        phases.mark("restored rows, sequence, counts")
        if count >= max(rowsBefore, 5_000) { try db.execute(sql: "ANALYZE \(table)") }
        phases.mark("ANALYZE")
        try refreshImportScores(touched, db)
        phases.mark("score refresh")
        return count
    }

    /// After a bulk INSERT or COPY of the ids `first...last` under the bulk-import setting:
    /// the setting off, the per-row `<table>_restored` trigger's effect done set-based (a
    /// restored record keeps its change and sent numbers), the identity sequence moved past them.
    static func endBulkInsert(_ table: String, first: Int64, last: Int64, _ db: PGConnection) throws {
        try db.execute(sql: "SELECT set_config('\(PostgresSchema.bulkImportSetting)', 'off', true)")
        try db.execute(
            sql: """
                UPDATE \(table) SET change_no = d.change_no, sent_no = CASE WHEN d.reported IS NULL THEN d.sent_no END
                FROM export_deleted d WHERE d.kind = '\(table)' AND d.record_id = \(table).id AND \(table).id BETWEEN ? AND ?
                """, arguments: [first, last])
        try db.execute(
            sql: "DELETE FROM export_deleted WHERE kind = '\(table)' AND record_id BETWEEN ? AND ?", arguments: [first, last])
        try db.execute(sql: PostgresSchema.advanceSequenceSQL, arguments: [table, last])
    }

    /// The staged rows that can conflict: the rows the client found repeating another row
    /// of the file (`repeats`, staged positions, ``ImportRepeats``), and those sharing their `(nip, dedup_key)`
    /// (or, for the similar check, their employee, jenis and dates) with a stored row. No
    /// sort of the staging table: the repeats are looked up by position (a hashed list), the
    /// stored keys by a semi-join.
    private static func conflictRows(
        _ kind: RecordKind, similar: Bool, repeats: [Int], _ db: PGConnection
    ) throws -> [ImportConflicts.Row] {
        let table = PGRecordRows.table(kind)
        let stage = "pg_temp.\(importStage)"
        let columns = similar
            ? "s.line, s.nip, s.dedup_key, s.jenis, s.tanggal_mulai::text, s.tanggal_selesai::text, s.nama"
            : "s.line, s.nip, s.dedup_key"
        var parts = ["SELECT \(columns) FROM \(stage) s WHERE EXISTS (SELECT 1 FROM \(table) t WHERE t.nip = s.nip AND t.dedup_key = s.dedup_key)"]
        if similar {
            parts.append(
                "SELECT \(columns) FROM \(stage) s WHERE EXISTS (SELECT 1 FROM diklat t WHERE t.nip = s.nip AND t.jenis = s.jenis "
                    + "AND t.tanggal_mulai = s.tanggal_mulai AND t.tanggal_selesai = s.tanggal_selesai)")
        }
        var arguments: PGArguments = []
        if !repeats.isEmpty {
            parts.append("SELECT \(columns) FROM \(stage) s WHERE s.ord IN (SELECT unnest(?::int[]))")
            arguments = [PGArrayText.integers(repeats.map(Int64.init))]
        }
        // UNION: a row found by two parts comes once.
        let rows = try PGRow.fetchAll(db, sql: parts.joined(separator: " UNION "), arguments: arguments)
        guard similar else { return rows.map { ImportConflicts.Row(line: $0[0], nip: $0[1], key: $0[2]) } }
        return rows.map {
            ImportConflicts.Row(line: $0[0], nip: $0[1], key: $0[2], jenis: $0[3], mulai: $0[4], selesai: $0[5], nama: $0[6])
        }
    }

    /// The stored rows sharing a key with a staged row, in id order.
    private static func conflictStored(_ kind: RecordKind, similar: Bool, _ db: PGConnection) throws -> [ImportConflicts.Stored] {
        let table = PGRecordRows.table(kind)
        let stage = "pg_temp.\(importStage)"
        guard similar else {
            return try PGRow.fetchAll(
                db,
                sql: """
                    SELECT t.nip, t.dedup_key FROM \(table) t
                    WHERE EXISTS (SELECT 1 FROM \(stage) s WHERE s.nip = t.nip AND s.dedup_key = t.dedup_key) ORDER BY t.id
                    """
            ).map { ImportConflicts.Stored(nip: $0[0], key: $0[1]) }
        }
        return try PGRow.fetchAll(
            db,
            sql: """
                SELECT t.nip, t.dedup_key, t.jenis, t.tanggal_mulai::text, t.tanggal_selesai::text, t.nama FROM diklat t
                WHERE EXISTS (SELECT 1 FROM \(stage) s WHERE s.nip = t.nip AND s.dedup_key = t.dedup_key)
                   OR EXISTS (SELECT 1 FROM \(stage) s WHERE s.nip = t.nip AND s.jenis = t.jenis
                              AND s.tanggal_mulai = t.tanggal_mulai AND s.tanggal_selesai = t.tanggal_selesai)
                ORDER BY t.id
                """
        ).map { ImportConflicts.Stored(nip: $0[0], key: $0[1], jenis: $0[2], mulai: $0[3], selesai: $0[4], nama: $0[5]) }
    }
}
