import Foundation
import GRDB
import GRDBSQLite
import IPASNCore

/// FAST PATH (issue 14, branch growth): a large import's score refresh reads the tables the
/// import did not write (`pegawai` and the other record tables) from the database's committed
/// state, attached to the import's own connection as a second schema (``schema``), instead of
/// through the import's connection.
///
/// Why it is fast: an import is one transaction, so every page it dirtied beyond its page
/// cache sits in the WAL as an uncommitted frame (about 2 GB at 500,000 employees), and SQLite
/// looks up EVERY page read that misses the cache in the WAL's hash index, one block of 4,096
/// frames at a time, newest first (`walFindFrame`), before reading it from the database file:
/// a page the import never wrote is searched in every block. The refresh reads `pegawai`,
/// pendidikan, SKP and disiplin in NIP order through their indexes, a page miss per employee
/// and table, so its cost was the employees times the WAL's size: quadratic in the import
/// (docs/performance.md, "Linear growth to 500,000"; a synthetic check there: 2 million
/// index-ordered reads took 6.6 s of user CPU behind a 1.6 GB uncommitted WAL, 1.3 s on a
/// second connection). The attached schema is a second pager on the same file whose read
/// transaction sees only committed frames: no uncommitted WAL to search.
///
/// Why it is the same data: a record import writes its own record table and side tables
/// (scores, totals, pending counts, audit) only, never `pegawai` or another record table, and
/// it holds the write lock from its `BEGIN IMMEDIATE` to its commit, so the committed state of
/// those tables is exactly what the import's connection sees. Everything the import writes, and
/// its own record table, is still read through `main`. `BulkImportTests`' plain-against-bulk
/// comparisons and `ImportSnapshotTests` pin the result.
///
/// Only a database file in WAL mode has one (an in-memory database cannot be attached twice;
/// with a rollback journal the second pager could not read while the import writes): then
/// ``attach(_:)`` returns `main` and the refresh reads as before. The schema is detached when
/// the outermost transaction ends (``detach(_:)``, from ``SQLiteStore/conditionalTransaction``):
/// SQLite keeps an attached database's read lock until then.
enum ImportSnapshot {
    /// The attached schema's name.
    static let schema = "import_snapshot"

    /// Its page cache, in KiB: SQLite's default; its pages come from the operating system's
    /// file cache, and a larger cache would only add to the import's peak memory.
    static let cacheKiB = 2_000

    /// Set (to anything) in the environment, `IPASN_IMPORT_NO_SNAPSHOT` keeps the refresh
    /// reading through `main`: only for measuring this fast path against the plain one on
    /// one binary by hand (docs/performance.md). Both give the same rows.
    static let disabled = ProcessInfo.processInfo.environment["IPASN_IMPORT_NO_SNAPSHOT"] != nil

    /// Attaches the committed state of `db`'s file as ``schema`` (once per transaction) and
    /// returns the schema to read unchanged tables from: ``schema``, or `main` when the
    /// database cannot have one.
    static func attach(_ db: Database) throws -> String {
        guard !disabled, let path = filePath(db) else { return "main" }
        if try attached(db) { return schema }
        guard try String.fetchOne(db, sql: "PRAGMA main.journal_mode")?.lowercased() == "wal" else { return "main" }
        try db.execute(sql: "ATTACH DATABASE ? AS \(schema)", arguments: [path])
        try db.execute(sql: "PRAGMA \(schema).cache_size = -\(cacheKiB)")
        return schema
    }

    /// Detaches ``schema`` when attached; outside a transaction only (a no-op inside one).
    static func detach(_ db: Database) {
        guard !db.isInsideTransaction, (try? attached(db)) == true else { return }
        try? db.execute(sql: "DETACH DATABASE \(schema)")
    }

    private static func attached(_ db: Database) throws -> Bool {
        try Row.fetchAll(db, sql: "PRAGMA database_list").contains { ($0["name"] as String?) == schema }
    }

    /// The main database's file, or nil for an in-memory or temporary database.
    private static func filePath(_ db: Database) -> String? {
        guard let name = sqlite3_db_filename(db.sqliteConnection, "main") else { return nil }
        let path = String(cString: name)
        return path.isEmpty ? nil : path
    }
}

/// Where a refresh reads the tables an import did not write (``ImportSnapshot``), and how it
/// orders the one it wrote (``ScoringReadOrder``).
struct UnchangedTables {
    /// The schema holding them (``ImportSnapshot/schema`` or `main`).
    let schema: String
    /// The record kind the import wrote: read through `main`.
    let written: RecordKind
    /// Whether the written table is read in NIP order by a scan and a sort
    /// (``ScoringReadOrder/nipSorted``) instead of through its index: when the import wrote
    /// most of it (``BulkImportIndexes/outgrown(imported:)``).
    let sortsWritten: Bool

    /// Set (to anything) in the environment, `IPASN_IMPORT_WALK_WRITTEN` keeps the refresh
    /// walking the written table's index (``ScoringReadOrder/nipIndex``) however large the
    /// import: only for measuring the sorted read against the walk by hand on one binary
    /// (docs/performance.md). Both give the same scores.
    static let walksWritten = ProcessInfo.processInfo.environment["IPASN_IMPORT_WALK_WRITTEN"] != nil

    init(schema: String, written: RecordKind, sortsWritten: Bool = false) {
        self.schema = schema
        self.written = written
        self.sortsWritten = sortsWritten && !Self.walksWritten
    }

    /// How the refresh orders `kind`'s rows by NIP.
    func order(_ kind: RecordKind) -> ScoringReadOrder {
        kind == written && sortsWritten ? .nipSorted : .nipIndex
    }

    /// `table` qualified with the schema it is read from.
    func table(_ kind: RecordKind?) -> String {
        let name = kind.map(RecordRows.table) ?? "pegawai"
        return kind == written ? "main.\(name)" : "\(schema).\(name)"
    }
}
