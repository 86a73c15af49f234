import Foundation
import IPASNCore
import IPASNStore

/// FAST PATH (issue 12, PG1, branch pgcopy3): a first load's COPY (``PostgresStore/firstLoadRecords``)
/// with the record table's insert triggers switched off, and what they would have written
/// written once after it from the client's own counts.
///
/// What each of the table's insert triggers did for a first load's rows (docs/performance.md,
/// "the floor"):
/// - `<table>_restored` (`BEFORE`, per row) and `<table>_audited_insert` (`AFTER`, per row,
///   deferred): their `WHEN` is false under the bulk setting the first load runs with (the
///   restored rows are ``PostgresStore/endBulkInsert(_:first:last:_:)``'s, over the id range;
///   the import's own audit row is written as before), so they write nothing; but a `BEFORE`
///   row trigger alone makes COPY insert row by row instead of in batches
///   (`heap_multi_insert`), and both `WHEN`s are evaluated for every row;
/// - `<table>_unit_pending_insert` and `<table>_queue_insert` (per statement, `REFERENCING
///   NEW TABLE`): every row is copied into a transition table (past `work_mem`, a temporary
///   file) and read back twice when the COPY ends, each time joined with `pegawai` and grouped
///   by unit: the per-unit pending and waiting counts, serially after the parse. The client
///   knows both: every inserted row is pending (`sent_no` NULL, `change_no` 0; an SKP before
///   2022 never is: ``PendingRule/pendingWhenInserted(_:)``), and waiting when its employee
///   is active and it has no verdict (no `verification` row can name an id not given out yet:
///   checked under the lock, else those two triggers stay on).
///
/// Switched off inside the import's transaction, under the first load's `ACCESS EXCLUSIVE` lock
/// (nobody else writes or even reads the table meanwhile), and on again right after the COPY,
/// before anything else is written; DDL is transactional, so a failure or a rollback leaves
/// them on. Only these four, by name and when enabled: any other trigger (a later migration's)
/// fires as before.
///
/// Dropped and created again from their own definitions (`pg_get_triggerdef`: the same name,
/// timing, `WHEN`, function and, for the audit's, constraint-trigger deferral), not
/// `DISABLE`d (branch pgcopy4): PostgreSQL sets a table's trigger flags from every trigger it
/// has, enabled or not, so a disabled `BEFORE` row trigger still made COPY insert row by row
/// (no `heap_multi_insert`) and the disabled `REFERENCING NEW TABLE` ones still had every row
/// copied into their transition tables; dropped, the COPY runs as into a table without them.
/// (`IPASN_PG_FIRST_LOAD_V3` disables them as before, for before/after figures.)
struct FirstLoadTriggers {
    let table: String
    let kind: RecordKind
    /// The triggers switched off, by name.
    let names: [String]
    /// Their definitions (`CREATE [CONSTRAINT] TRIGGER ...`), in ``names``' order, when dropped.
    let definitions: [String]

    /// The triggers a first load may switch off; the last two only when their counts are written instead.
    /// `<table>_save_version_insert` (branch pgsave11) raises the version of every employee the
    /// COPY touched; instead, ``on(pending:waiting:_:)`` raises every employee's at once.
    static func known(_ table: String) -> (quiet: [String], counted: [String]) {
        (
            ["\(table)_restored", "\(table)_audited_insert", "\(table)_save_version_insert"],
            ["\(table)_unit_pending_insert", "\(table)_queue_insert"]
        )
    }

    /// Switches off the known insert triggers of `kind`'s table (locked by the first load) that
    /// are enabled; the counting ones only when this role may write the counts directly and
    /// `unverified` (no verdict names an id the load gives out: ``unverified(_:first:_:)``).
    /// `drop`: dropped (the product), else disabled (as before branch pgcopy4).
    static func off(_ kind: RecordKind, unverified: Bool, drop: Bool = true, _ db: PGConnection) throws -> FirstLoadTriggers {
        let table = PGRecordRows.table(kind)
        let known = known(table)
        let countsWritable =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT bool_and(has_table_privilege(t, 'INSERT, UPDATE') AND NOT row_security_active(t))
                    FROM unnest(ARRAY['unit_pending_counts', 'queue_waiting']) AS t
                    """) ?? false
        let wanted = known.quiet + (countsWritable && unverified ? known.counted : [])
        let rows = try PGRow.fetchAll(
            db,
            sql: """
                SELECT tgname::text, pg_get_triggerdef(oid) FROM pg_trigger
                WHERE tgrelid = ?::regclass AND tgenabled = 'O' AND tgname = ANY(?::text[]) ORDER BY 1
                """,
            arguments: [table, PGArrayText.strings(wanted)])
        let names = rows.map { $0[0] as String }
        let triggers = FirstLoadTriggers(
            table: table, kind: kind, names: names, definitions: drop ? rows.map { $0[1] as String } : [])
        if triggers.definitions.isEmpty {
            try triggers.alter("DISABLE", db)
        } else {
            for name in names { try db.execute(sql: "DROP TRIGGER \(name) ON \(table)") }
        }
        return triggers
    }

    /// Whether no verdict (`verification` row) names a record of `kind` from id `first` on: none
    /// of a first load's rows has one (ids are never given out twice; this checks it).
    static func unverified(_ kind: RecordKind, first: Int64, _ db: PGConnection) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT NOT EXISTS (SELECT 1 FROM verification WHERE kind = ? AND record_id >= ?)",
            arguments: [PGRecordRows.table(kind), first]) ?? false
    }

    /// Switches the triggers on again and writes what the counting ones would have: `pending`
    /// and `waiting`, rows per unit (``ImportLineCheck/insertedCounts()``).
    func on(pending: [String: Int], waiting: [String: Int], _ db: PGConnection) throws {
        if definitions.isEmpty {
            try alter("ENABLE", db)
        } else {
            for definition in definitions { try db.execute(sql: definition) }
        }
        // Every employee's save version at once (`2026-12-06-pgsave11`): one statement.
        if names.contains("\(table)_save_version_insert") { try db.execute(sql: "SELECT ipasn_save_epoch_bump()") }
        let counted = Self.known(table).counted
        if names.contains(counted[0]) { try add(pending, to: "unit_pending_counts", column: "pending", db) }
        if names.contains(counted[1]) { try add(waiting, to: "queue_waiting", column: "waiting", db) }
    }

    private func alter(_ action: String, _ db: PGConnection) throws {
        guard !names.isEmpty else { return }
        try db.execute(sql: "ALTER TABLE \(table) " + names.map { "\(action) TRIGGER \($0)" }.joined(separator: ", "))
    }

    /// Adds `counts` (per unit) to the kept counts of the kind, as the trigger functions' upsert does.
    private func add(_ counts: [String: Int], to target: String, column: String, _ db: PGConnection) throws {
        let units = counts.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        guard !units.isEmpty else { return }
        try db.execute(
            sql: """
                INSERT INTO \(target)(kode_unit, kind, \(column))
                    SELECT d.u, ?, d.n FROM unnest(?::text[], ?::bigint[]) AS d(u, n)
                    ON CONFLICT (kode_unit, kind) DO UPDATE SET \(column) = \(target).\(column) + excluded.\(column)
                """,
            arguments: [kind.rawValue, PGArrayText.strings(units.map(\.key)), PGArrayText.integers(units.map { Int64($0.value) })])
    }
}
