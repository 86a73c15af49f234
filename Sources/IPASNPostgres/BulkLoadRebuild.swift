import Foundation

/// FAST PATH (issue 12, PG1): a bulk import that at least doubles its record table builds the
/// table's secondary indexes and checks its foreign keys ONCE after its `INSERT ... SELECT`,
/// instead of row by row (a b-tree insert into each index and a per-row foreign-key probe
/// of `pegawai` for each of a million rows: about 2/3 of the same-schema load's server CPU,
/// docs/performance.md, branch pgcopy).
///
/// Only when it keeps every guarantee:
/// - the importing role owns the table (only the owner may drop and create its indexes and
///   constraints; an admin's import keeps the row-by-row path);
/// - the table and the tables its foreign keys reference can be locked within
///   ``lockWaitMilliseconds`` (in a savepoint: no other session is connected, so what can
///   hold them is autovacuum, which the server cancels; anything else makes the import take
///   the row-by-row path after that wait; so does a
///   transaction with deferred trigger events pending on them): the record table
///   `ACCESS EXCLUSIVE` (no other session reads or writes it until the import commits, so
///   nobody sees it without its indexes or writes a row no constraint checks), the
///   referenced tables `SHARE ROW EXCLUSIVE` (no employee deleted or renamed meanwhile);
/// - everything is dropped and made again inside the import's transaction, from the
///   catalogue's own definitions (`pg_get_indexdef`, `pg_get_constraintdef`: whatever a
///   later migration adds comes back as it was, under its name): the unique `(nip,
///   dedup_key)` index is built over every row (a duplicate fails the build, and with it the
///   whole import), and each foreign key is added back and validated by ONE join of the
///   whole table with `pegawai` (a missing employee fails the import); a failure anywhere
///   rolls all of it back.
///
/// The primary key stays (its ids are consecutive above every stored id: appended, cheap),
/// and so do the triggers (the audit, the pending and queue counts, export tracking).
///
/// Only when no other session is connected to the database (issue 12, branch pgcopy2): from
/// the lock to the commit every other session's read or write of the table waits for the
/// import (a workstation's page would hang without a word for the whole load). A session
/// already connected (an open workstation, even idle) makes the import take the row-by-row
/// path, which lets readers read and writers queue behind the write lock as for any import.
/// A workstation that opens while the load runs waits at most its reads' `lock_timeout`
/// (``PostgresStore/readLockTimeout``) and is told the database is busy.
struct BulkLoadRebuild {
    /// The dropped secondary indexes' `CREATE INDEX` statements, in name order.
    let indexes: [String]
    /// The dropped foreign keys: name (quoted) and definition.
    let foreignKeys: [(name: String, definition: String)]
    let table: String

    /// How long the rebuild waits for its locks, in milliseconds: alone on the database
    /// (``ownsAlone(_:_:)``), what can hold them is autovacuum (analysing `pegawai` just after
    /// an employee import, say), which the server cancels when it blocks a lock request for
    /// its `deadlock_timeout` (1 s by default); anything else and the import takes the
    /// row-by-row path after this wait.
    static let lockWaitMilliseconds = 3_000

    /// The smallest import that rebuilds (below it the row-by-row path is cheap anyway).
    static let minimumRows = 5_000

    /// Whether an import of `rows` into a table of about `stored` rows rebuilds: it at
    /// least doubles the table, as the import's own `ANALYZE` decides.
    static func worthIt(rows: Int, stored: Int) -> Bool {
        rows >= max(stored, minimumRows)
    }

    /// Locks `table` and drops its secondary indexes and foreign keys, or returns nil (and
    /// changes nothing) when the role does not own it, a lock is not free at once, or the
    /// transaction has trigger events pending on the tables (rows it wrote before the import,
    /// whose deferred checks have not run: PostgreSQL refuses to alter such a table).
    ///
    /// `onlyEmpty`: also nil when the table holds a row (checked under the lock: the first
    /// load, ``PostgresStore/firstLoadRecords``).
    static func begin(_ table: String, _ db: PGConnection, onlyEmpty: Bool = false) throws -> BulkLoadRebuild? {
        guard try ownsAlone(table, db) else { return nil }
        let referenced = try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT c.confrelid::regclass::text FROM pg_constraint c
                WHERE c.conrelid = ?::regclass AND c.contype = 'f' AND c.confrelid <> c.conrelid ORDER BY 1
                """, arguments: [table])
        // The transaction's own lock_timeout, put back once the locks are held.
        let timeout = try String.fetchOne(db, sql: "SELECT current_setting('lock_timeout')") ?? "0"
        try db.execute(sql: "SAVEPOINT ipasn_bulk_rebuild")
        do {
            try db.execute(sql: "SET LOCAL lock_timeout = \(lockWaitMilliseconds)")
            try db.execute(sql: "LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE")
            for other in referenced { try db.execute(sql: "LOCK TABLE \(other) IN SHARE ROW EXCLUSIVE MODE") }
            try db.execute(sql: "SELECT set_config('lock_timeout', ?, true)", arguments: [timeout])
            if onlyEmpty, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
                try db.execute(sql: "ROLLBACK TO SAVEPOINT ipasn_bulk_rebuild")
                try db.execute(sql: "RELEASE SAVEPOINT ipasn_bulk_rebuild")
                return nil
            }
            let rebuild = try dropIndexesAndKeys(table, db)
            try db.execute(sql: "RELEASE SAVEPOINT ipasn_bulk_rebuild")
            return rebuild
        } catch let error as PGError where ["55P03", "55006"].contains(error.sqlState) {
            // lock_not_available: another session is at the table; object_in_use: this
            // transaction has trigger events still pending on it or on `pegawai` (deferred
            // checks of rows it wrote before the import). The row-by-row path then.
            try db.execute(sql: "ROLLBACK TO SAVEPOINT ipasn_bulk_rebuild")
            try db.execute(sql: "RELEASE SAVEPOINT ipasn_bulk_rebuild")
            return nil
        }
    }

    /// Whether the role owns `table` and no other session is connected to the database
    /// (`pg_stat_activity`: every client backend of this database but this one; a session
    /// whose type the role may not see counts as one).
    static func ownsAlone(_ table: String, _ db: PGConnection) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT pg_has_role(current_user, c.relowner, 'USAGE')
                   AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = current_database()
                                   AND a.pid <> pg_backend_pid() AND COALESCE(a.backend_type, 'client backend') = 'client backend')
                FROM pg_class c WHERE c.oid = ?::regclass
                """, arguments: [table]) ?? false
    }

    /// Whether an import may COPY its rows straight into `table` (the first load): the table
    /// is empty (checked again under the lock), it may rebuild it (``ownsAlone(_:_:)``) and
    /// row security does not apply to the role (COPY FROM refuses a table whose row security
    /// is active).
    static func mayLoadDirectly(_ table: String, _ db: PGConnection) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table))") == true, try ownsAlone(table, db) else {
            return false
        }
        return try Bool.fetchOne(db, sql: "SELECT NOT row_security_active(?::regclass)", arguments: [table]) ?? false
    }

    /// Drops `table`'s secondary indexes and foreign keys (locked) and returns what to build again.
    private static func dropIndexesAndKeys(_ table: String, _ db: PGConnection) throws -> BulkLoadRebuild {
        // Secondary indexes: not the primary key, none backing a constraint.
        let indexes = try PGRow.fetchAll(
            db,
            sql: """
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid = ?::regclass AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
                ORDER BY 1
                """, arguments: [table])
        let keys = try PGRow.fetchAll(
            db,
            sql: """
                SELECT quote_ident(c.conname), pg_get_constraintdef(c.oid) FROM pg_constraint c
                WHERE c.conrelid = ?::regclass AND c.contype = 'f' ORDER BY 1
                """, arguments: [table])
        let rebuild = BulkLoadRebuild(
            indexes: indexes.map { $0[1] }, foreignKeys: keys.map { (name: $0[0], definition: $0[1]) }, table: table)
        for key in rebuild.foreignKeys {
            try db.execute(sql: "ALTER TABLE \(table) DROP CONSTRAINT \(key.name)")
        }
        for index in indexes { try db.execute(sql: "DROP INDEX \(index[0] as String)") }
        return rebuild
    }

    /// Builds the indexes again and adds the foreign keys back, each validated over the
    /// whole table (a row that breaks one fails the import).
    func finish(_ db: PGConnection) throws {
        for index in indexes { try db.execute(sql: index) }
        for key in foreignKeys {
            try db.execute(sql: "ALTER TABLE \(table) ADD CONSTRAINT \(key.name) \(key.definition)")
        }
    }
}
