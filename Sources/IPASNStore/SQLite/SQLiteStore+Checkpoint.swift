import Foundation
import GRDB
import GRDBSQLite

/// How many pages this write connection's commits have put in the WAL since the last
/// checkpoint, and where a commit itself checkpoints (``CheckpointStore``).
///
/// SQLite's automatic checkpoint is a WAL hook that runs a PASSIVE checkpoint inside the
/// commit that brings the WAL to 1,000 pages (`wal_autocheckpoint`): the save that happens to
/// cross it pays for copying ~1,000 pages into the database file and two more disk syncs. At
/// about 17 pages a save (the save, its audit row and the queue's touch row, the score, the
/// totals), that is one save in 60: the second-slowest of the benchmark's 139 saves, its p99.
/// This hook replaces it (a connection has one WAL hook): the same checkpoint at the same
/// size by default, so every other client behaves as before; after ``deferCheckpoints()``
/// only at ``deferredLimit``, the rest left to ``checkpointIfDue()``.
final class WALCheckpoints: @unchecked Sendable {
    /// SQLite's default automatic checkpoint size, in pages.
    static let duePages: Int32 = 1_000
    /// The size at which a deferring connection's commit still checkpoints (40 MB of 4 KB pages).
    static let deferredLimit: Int32 = 10_000

    private let lock = NSLock()
    /// Pages in the WAL after the last commit (as SQLite reports them to the hook).
    private var frames: Int32 = 0
    /// `frames` when a checkpoint was last run (0 after the WAL started again from its
    /// beginning): a checkpoint that could not copy everything (another process's reader)
    /// is tried again only once as much more has gathered.
    private var mark: Int32 = 0
    private var inlineLimit: Int32
    private(set) var duePages: Int32

    init(duePages: Int32 = WALCheckpoints.duePages, inlineLimit: Int32 = WALCheckpoints.duePages) {
        self.duePages = duePages
        self.inlineLimit = inlineLimit
    }

    /// After a commit: whether the commit must checkpoint now.
    func committed(frames: Int32) -> Bool {
        lock.withLock {
            if frames < self.frames || frames < mark { mark = 0 }  // the WAL started again
            self.frames = frames
            return frames - mark >= inlineLimit
        }
    }

    /// Whether enough has gathered since the last checkpoint.
    var isDue: Bool { lock.withLock { frames - mark >= duePages } }

    /// Pages in the WAL after the last commit.
    var pages: Int32 { lock.withLock { frames } }

    /// A checkpoint was run now.
    func checkpointed() { lock.withLock { mark = frames } }

    func deferUntil(limit: Int32) { lock.withLock { inlineLimit = limit } }

    /// Smaller sizes, for tests that cannot write thousands of pages.
    func setSizes(due: Int32, inlineLimit: Int32) {
        lock.withLock {
            duePages = due
            self.inlineLimit = inlineLimit
        }
    }

    /// Installs the hook on the write connection `db` (replacing SQLite's automatic checkpoint).
    /// `self` must live as long as the connection (the store keeps both).
    func install(on db: Database) {
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, name, frames in
                let state = Unmanaged<WALCheckpoints>.fromOpaque(context!).takeUnretainedValue()
                // What SQLite's own hook does at its threshold: a PASSIVE checkpoint, which never
                // waits for readers or writers (the commit is already durable in the WAL).
                if state.committed(frames: frames) {
                    sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                    state.checkpointed()
                }
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }
}

extension SQLiteStore: CheckpointStore {
    public func deferCheckpoints() throws {
        walCheckpoints?.deferUntil(limit: WALCheckpoints.deferredLimit)
    }

    @discardableResult
    public func checkpointIfDue() throws -> Bool {
        guard let wal = walCheckpoints, wal.isDue else { return false }
        try translatingErrors {
            try writer.writeWithoutTransaction { db in
                // PASSIVE: copies what no reader still needs, waits for nobody.
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
        wal.checkpointed()
        return true
    }

    /// The write connection's settings that GRDB's pool overrides (it sets `synchronous =
    /// NORMAL` when it turns WAL on, after ``configuration(_:)`` set FULL), and the checkpoint
    /// hook: run once the pool is open.
    static func setUpWriteConnection(_ writer: any DatabaseWriter, checkpoints: WALCheckpoints?) throws {
        try writer.writeWithoutTransaction { db in
            // Every commit synced to disk before the save returns (see ``configuration(_:)``).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            checkpoints?.install(on: db)
        }
    }
}
