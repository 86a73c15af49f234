import Foundation

/// FAST PATH (issue 12, PG1, branch pgcopy6): a first load's rows written FROZEN.
///
/// A first load (``PostgresStore/firstLoadRecords``) COPYs into a table that is empty and
/// that it holds `ACCESS EXCLUSIVE` (``BulkLoadRebuild/begin(_:_:onlyEmpty:)``). It now
/// `TRUNCATE`s that empty table first, in its own transaction, so that its COPYs may say
/// `FREEZE`: PostgreSQL then writes each row with its insert already frozen and every page
/// marked all-visible and all-frozen in the visibility map, because no other transaction can
/// have seen the table's new file. So
/// - nobody later sets the rows' hint bits (without it the first reader of each row after the
///   commit looks its inserting transaction up and dirties every page of the table: ~120 MB
///   written again for a million diklat);
/// - the next (auto)vacuum finds every page all-visible and skips it, and no anti-wraparound
///   freeze of a million rows comes due later;
/// - the load's own scans (index builds, `ANALYZE`, the score refresh) read frozen rows.
///
/// What it keeps:
/// - **atomic**: `TRUNCATE` is transactional; a failure, a rollback or a killed client drops
///   the new file and leaves the table as it was (empty);
/// - **locks**: `TRUNCATE` takes `ACCESS EXCLUSIVE`, the lock the first load already holds
///   from its start to its commit: nothing changes for other sessions (none is connected when
///   the first load is chosen; one that connects waits for its reads' `lock_timeout`);
/// - **visibility**: like `TRUNCATE` itself, frozen rows are not MVCC-safe for a snapshot
///   taken before the commit: a REPEATABLE READ transaction that began during the load and had
///   not yet read the table would see its rows after the commit (without FREEZE it would see
///   the table empty). Only a session that connected during the load can hold such a
///   snapshot, and its reads of the table waited on the lock meanwhile; docs/store.md;
/// - row security and audit as before (`TRUNCATE` is not row-level; the table has no
///   `TRUNCATE` trigger and its rows were none; the import writes its audit row as before).
///
/// Not when another table's foreign key references the table (`TRUNCATE` refuses it even
/// empty): the COPY is then not frozen, as before.
enum FirstLoadFreeze {
    /// Set in the environment, `IPASN_PG_NO_FREEZE` makes a first load COPY without `FREEZE`
    /// (as before branch pgcopy6): for before/after figures on one binary, never set by the product.
    static let off = ProcessInfo.processInfo.environment["IPASN_PG_NO_FREEZE"] != nil

    /// Truncates `table` (empty, locked by the first load) so that its COPYs may be `FREEZE`;
    /// false (nothing done) when a foreign key of another table references it.
    static func prepare(_ table: String, _ db: PGConnection) throws -> Bool {
        guard !off else { return false }
        let referenced = try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = ?::regclass AND conrelid <> confrelid)",
            arguments: [table]) ?? true
        guard !referenced else { return false }
        try db.execute(sql: "TRUNCATE \(table)")
        return true
    }
}
