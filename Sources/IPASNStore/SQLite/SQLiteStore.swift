import Foundation
import GRDB
import IPASNCore

/// The ``Store`` on an SQLite database, through GRDB.
///
/// Open a file with ``init(path:context:access:patience:)`` or a private in-memory database
/// with ``inMemory(context:)``. ``Access`` says what the caller will do: reading never
/// creates nor writes anything (not even at open), so a read-only file or directory can be
/// read and a mistyped path is an error, not a new empty database.
///
/// A file is opened through a GRDB `DatabasePool` in WAL mode: readers never block the
/// writer nor each other, which matters when the workstation's dashboard reads while an
/// import writes, and when several admins' processes share one file on a shared disk.
/// Writes run in `BEGIN IMMEDIATE` transactions; a write that finds another process's
/// transaction waits as long as that transaction makes progress (``LockPatience``), and
/// reports the wait through ``lockWaitObserver`` so a screen can say so.
///
/// Every change runs in ONE transaction that also writes its audit row(s) and refreshes
/// the touched employees' cached scores.
public final class SQLiteStore: Store, Sendable {
    /// What a caller opens a database file for.
    public enum Access: Sendable, Hashable {
        /// Reading only: the file must exist; nothing is written, not even at open, and any
        /// change is refused with ``StoreError/readOnly``.
        case read
        /// Reading and writing an existing database (upgrading its schema when older).
        case write
        /// Reading and writing, creating the database (and its parent directories) when missing.
        case create
    }

    /// The GRDB connection(s): a `DatabasePool` for files, a `DatabaseQueue` in memory or
    /// for a read-only file whose directory cannot hold SQLite's WAL index.
    let writer: any DatabaseWriter
    /// Who changes data, and the clock.
    public let context: StoreContext
    /// The database file, nil in memory.
    public let path: String?
    /// Whether this store was opened for reading only.
    public let isReadOnly: Bool
    /// Whether opening created the database file (``Access/create`` on a missing file).
    public let wasCreated: Bool
    /// The busy handler of the write connection.
    let lockWaiter: LockWaiter
    private let enrollment = EnrollmentNote()
    /// The last stored ruleset's text and what it parsed to.
    let rulesetCache = RulesetCache()
    /// The data generation the change feed last reported (``ChangeFeed``).
    let changeMark = ChangeMark()
    /// The write connection's WAL checkpoints (``CheckpointStore``); nil in memory and for reading.
    let walCheckpoints: WALCheckpoints?

    /// Whether opening made the acting login the operator of this database (it had no
    /// account yet: a new database, or one made before accounts existed). Front ends say so.
    public var becameFirstOperator: Bool { enrollment.enrolled }

    /// Called while a write waits for another process's transaction (on the waiting thread,
    /// while the store call that waits is blocked): the workstation shows "menunggu impor
    /// lain selesai ...". Nil by default.
    public var lockWaitObserver: (@Sendable (LockWaitStatus) -> Void)? {
        get { lockWaiter.onWait }
        set { lockWaiter.onWait = newValue }
    }

    /// Opens the database at `path` for `access` and brings its schema up to date (except
    /// for ``Access/read``, which never writes).
    ///
    /// - Throws: ``StoreError``: ``StoreError/notFound(path:)`` (read or write of a missing
    ///   file), ``StoreError/newerVersion(path:)``, ``StoreError/notADatabase(path:)``,
    ///   ``StoreError/needsUpgrade(path:)`` (read of an older database), ``StoreError/readOnly``
    ///   (write access to a file that cannot be written); or a file-system error creating
    ///   the parent directories.
    public init(path: String, context: StoreContext, access: Access = .create, patience: LockPatience = .standard)
        throws
    {
        let waiter = LockWaiter(patience: patience, probe: { LockProbe.progress(databasePath: path) })
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError.notADatabase(path: path) }
        if !exists {
            guard access == .create else { throw StoreError.notFound(path: path) }
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            Self.createShareable(path)
        }
        // The file is first looked at through a read-only connection, so that a newer
        // version's database or a file that is not ours is refused before anything is written.
        writer = try Self.translating(path: path) {
            if exists {
                let reader = try Self.openForReading(path)
                try Self.inspect(reader, path: path, forReading: access == .read)
                if access == .read { return reader }
                try reader.close()
            }
            return try DatabasePool(path: path, configuration: SQLiteStore.configuration(waiter))
        }
        self.context = context
        self.path = path
        self.isReadOnly = access == .read
        self.wasCreated = !exists
        self.lockWaiter = waiter
        walCheckpoints = access == .read ? nil : WALCheckpoints()
        if let walCheckpoints { try Self.setUpWriteConnection(writer, checkpoints: walCheckpoints) }
        try setUp()
    }

    /// Creates the empty database file with mode 0666 less the umask (0664 under the
    /// `umask 002` of docs/deployment.md), so that the other admins of the group can write it:
    /// SQLite itself would make it 0644, and gives its `-wal` and `-shm` files the database
    /// file's mode. Nothing happens when the file appeared meanwhile.
    static func createShareable(_ path: String) {
        try? createEmpty(path, mode: nil)
    }

    /// Refuses a database this version must not open: one from a newer ipasn, a file that
    /// is not an ipasn database, and (for reading, which cannot upgrade) an older one.
    static func inspect(_ reader: any DatabaseReader, path: String, forReading: Bool) throws {
        let migrator = SQLiteSchema.migrator
        try reader.read { db in
            let empty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")! == 0
            if empty {
                if forReading { throw StoreError.notADatabase(path: path) }
                return
            }
            guard try db.tableExists("grdb_migrations") else { throw StoreError.notADatabase(path: path) }
            if try migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path: path) }
            if forReading, try !migrator.hasCompletedMigrations(db) { throw StoreError.needsUpgrade(path: path) }
        }
    }

    /// Opens a database from an already-open GRDB writer (tests, tools).
    init(writer: any DatabaseWriter, context: StoreContext, waiter: LockWaiter) throws {
        self.writer = writer
        self.context = context
        self.path = nil
        self.isReadOnly = false
        self.wasCreated = true
        self.lockWaiter = waiter
        self.walCheckpoints = nil
        try setUp()
    }

    /// Another store on the same database (the same connections in memory, the same file
    /// otherwise) acting for another login: tests of several admins, and tools. Which login
    /// acts is the opener's business: the CLI and the workstation take the OS login.
    public func reopened(as context: StoreContext) throws -> SQLiteStore {
        if let path { return try SQLiteStore(path: path, context: context, access: isReadOnly ? .read : .write) }
        return try SQLiteStore(writer: writer, context: context, waiter: lockWaiter)
    }

    /// A fresh, private in-memory database (tests, previews).
    public static func inMemory(context: StoreContext) throws -> SQLiteStore {
        let waiter = LockWaiter(patience: .standard, probe: { LockProgress() })
        return try SQLiteStore(writer: DatabaseQueue(configuration: configuration(waiter)), context: context, waiter: waiter)
    }

    /// The connection settings: foreign keys, the patient busy handler, `synchronous=FULL`:
    /// in WAL mode every commit is synced to disk before the save returns, so a committed
    /// record survives a power cut or a kernel crash too, not only a killed process (NORMAL
    /// would only guarantee the latter). The cost is one fsync per save. GRDB's pool sets
    /// NORMAL when it turns WAL on, after this: ``setUpWriteConnection(_:checkpoints:)`` sets
    /// FULL again on the write connection (until branch save4 the saves ran with NORMAL).
    /// SQLite's default 2 MB page cache per connection: an import raises its own for its
    /// transaction (``importCacheKiB``), so that readers stay small.
    static func configuration(_ waiter: LockWaiter) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .callback { tries in waiter.busyCallback(tries: tries) }
        config.label = "ipasn"
        config.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        return config
    }

    /// A read-only connection that writes nothing, not even SQLite's WAL index: a pool when
    /// the `-shm` file exists or can be made next to the database; else (a read-only
    /// directory of a database whose WAL is empty, i.e. fully checkpointed) the file is
    /// opened as immutable, which needs no side files.
    static func openForReading(_ path: String) throws -> any DatabaseWriter {
        var config = configuration(LockWaiter(patience: .standard, probe: { LockProgress() }))
        config.readonly = true
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let shm = path + "-shm"
        let sideFilesUsable =
            FileManager.default.fileExists(atPath: shm) || access(directory.isEmpty ? "." : directory, W_OK) == 0
        if sideFilesUsable {
            return try DatabasePool(path: path, configuration: config)
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard walSize == 0 else { throw StoreError.readOnly }
        var components = URLComponents()
        components.scheme = "file"
        components.path = URL(fileURLWithPath: path).standardizedFileURL.path
        components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
        return try DatabaseQueue(path: components.string ?? path, configuration: config)
    }

    private func setUp() throws {
        defer { changeMark.take(try? dataGeneration()) }
        if isReadOnly { return }
        try Self.translating(path: path) {
            let migrator = SQLiteSchema.migrator
            guard try !writer.read({ try migrator.hasCompletedMigrations($0) }) else { return }
            // One process upgrades at a time; one that waited finds it done (``UpgradeLock``).
            let writer = self.writer
            let upgrade = {
                if try !writer.read({ try migrator.hasCompletedMigrations($0) }) { try migrator.migrate(writer) }
            }
            if let path { try UpgradeLock.holding(databaseAt: path, upgrade) } else { try upgrade() }
        }
        // The first login to open an account-less database for writing becomes its operator.
        if try enrollFirstOperator() { enrollment.enrolled = true }
        // The measurement year is always cached (computed once, then kept by every change).
        try ensureCached(year: try measurementYear())
    }

    // MARK: Transactions

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction (the write lock is taken at once,
    /// waiting while another transaction makes progress), committing when it returns and
    /// rolling back when it throws. Inside ``inOneTransaction(_:)`` it is a savepoint of the
    /// enclosing transaction.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try conditionalTransaction { db in (try body(db), commit: true) }
    }

    /// Runs `body` in one transaction like ``transaction(_:)``, but rolls back when `body`
    /// returns `commit: false` (the import's "report everything, write nothing").
    ///
    /// After a rollback of the outermost transaction the WAL is checkpointed and truncated
    /// (when no reader needs it), so a failed import on a full disk gives its space back.
    ///
    /// - Parameter foreignKeys: false runs the outermost transaction with SQLite's foreign key
    ///   checks off (restored after it): only for a writer that checks every reference itself,
    ///   in the same transaction (the record import, against its map of every employee).
    ///   Inside an enclosing transaction the checks stay on (SQLite cannot switch them there).
    func conditionalTransaction<T>(foreignKeys: Bool = true, _ body: (Database) throws -> (T, commit: Bool)) throws -> T {
        try translatingErrors {
            try writer.unsafeReentrantWrite { db in
                var result: T?
                if db.isInsideTransaction {
                    try db.inSavepoint {
                        let (value, commit) = try body(db)
                        result = value
                        return commit ? .commit : .rollback
                    }
                    return result!
                }
                var committed = false
                defer { if !committed { truncateWAL(db) } }
                // An import's snapshot schema, if it attached one, once the transaction is over.
                defer { ImportSnapshot.detach(db) }
                if !foreignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !foreignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                try db.inTransaction(.immediate) {
                    let (value, commit) = try body(db)
                    result = value
                    committed = commit
                    return commit ? .commit : .rollback
                }
                return result!
            }
        }
    }

    /// Runs several changes (``importRows(_:skipInvalid:)``, saves ...) as one transaction:
    /// all of them or none.
    public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try transaction { _ in try body() }
    }

    /// Gives the WAL's space back after a rollback: a truncating checkpoint that does not
    /// wait (skipped when another process is reading or writing; it is only housekeeping).
    private func truncateWAL(_ db: Database) {
        guard path != nil, !isReadOnly, !db.isInsideTransaction else { return }
        lockWaiter.withoutWaiting { _ = try? db.checkpoint(.truncate) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try translatingErrors { try writer.read(body) }
        } catch StoreError.busy {
            throw StoreError.busyReading
        }
    }

    /// Runs `body`, turning SQLite's own failures (a full disk, a stuck lock, a read-only
    /// file, an I/O error) into ``StoreError`` cases that say nothing of SQLite. Validation
    /// failures and other errors pass through unchanged.
    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        try Self.translating(path: path, body)
    }

    static func translating<T>(path: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            let file = path ?? ":memory:"
            switch error.resultCode {
            case .SQLITE_FULL: throw StoreError.diskFull
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy
            case .SQLITE_READONLY, .SQLITE_PERM: throw StoreError.readOnly
            case .SQLITE_CANTOPEN:
                throw access(URL(fileURLWithPath: file).deletingLastPathComponent().path, W_OK) == 0
                    ? StoreError.io(file) : StoreError.readOnly
            case .SQLITE_IOERR: throw StoreError.io(file)
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: throw StoreError.notADatabase(path: file)
            default: throw StoreError.corrupt("unexpected database error \(error.resultCode.rawValue) in \(file)")
            }
        }
    }

    // MARK: Settings

    /// The measurement year: the database setting, or the current year of the context's clock.
    public func measurementYear() throws -> Int {
        try read { try measurementYear($0) }
    }

    func measurementYear(_ db: Database) throws -> Int {
        if let text = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM config WHERE key = 'year'")),
            let year = Int(text)
        {
            return year
        }
        return context.today.year
    }

    /// The active ruleset: the one stored in the database, or ``Ruleset/bkn2019``.
    public func ruleset() throws -> Ruleset {
        try read { try ruleset($0) }
    }

    func ruleset(_ db: Database) throws -> Ruleset {
        guard let json = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM config WHERE key = 'ruleset'"))
        else {
            return .bkn2019
        }
        // A save reads the ruleset twice: the last text parsed is kept with its ruleset.
        if let known = rulesetCache.ruleset(for: json) { return known }
        // Checked like a file: a ruleset stored before the checks grew (a maximum of 1e308)
        // is refused with its problems instead of trapping in scoring.
        let ruleset = try RulesetFile.load(Data(json.utf8))
        rulesetCache.keep(ruleset, for: json)
        return ruleset
    }
}

/// Remembers (once, at open) that the acting login became the first operator.
final class EnrollmentNote: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var enrolled: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// The ruleset last read from `config`, by its stored text: parsing and checking the JSON
/// costs more than the rest of reading it, and every save reads it.
final class RulesetCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (json: String, ruleset: Ruleset)?

    func ruleset(for json: String) -> Ruleset? {
        lock.lock()
        defer { lock.unlock() }
        return last?.json == json ? last?.ruleset : nil
    }

    func keep(_ ruleset: Ruleset, for json: String) {
        lock.lock()
        defer { lock.unlock() }
        last = (json, ruleset)
    }
}
