import Foundation
import GRDB
import IPASNCore

/// The ``Store`` on an SQLite database, through GRDB.
///
/// Open a file with ``init(path:context:)`` (the parent directories and the database are
/// created on first use) or a private in-memory database with ``inMemory(context:)``.
///
/// A file is opened through a GRDB `DatabasePool` in WAL mode: readers never block the
/// writer nor each other, which matters when the workstation's dashboard reads while an
/// import writes, and when several admins' processes share one file on a shared disk.
/// Writes run in `BEGIN IMMEDIATE` transactions with a busy timeout, so a second process
/// waits for the write lock instead of failing with "database is locked".
///
/// Every change runs in ONE transaction that also writes its audit row(s) and refreshes
/// the touched employees' cached scores.
public final class SQLiteStore: Store, Sendable {
    /// The GRDB connection(s): a `DatabasePool` for files, a `DatabaseQueue` in memory.
    let writer: any DatabaseWriter
    /// Who changes data, and the clock.
    public let context: StoreContext
    /// The database file, nil in memory.
    public let path: String?

    /// How long a writer waits for another process's write lock before giving up.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating it and its parent directories when missing) the database at `path`
    /// and brings its schema up to date.
    ///
    /// - Throws: a file-system error or a database error (not an SQLite database, locked
    ///   for longer than ``busyTimeout``...).
    public init(path: String, context: StoreContext) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // DatabasePool: WAL mode, concurrent readers, one writer.
        writer = try DatabasePool(path: path, configuration: SQLiteStore.configuration())
        self.context = context
        self.path = path
        try setUp()
    }

    /// Opens a database from an already-open GRDB writer (tests, tools).
    init(writer: any DatabaseWriter, context: StoreContext) throws {
        self.writer = writer
        self.context = context
        self.path = nil
        try setUp()
    }

    /// A fresh, private in-memory database (tests, previews).
    public static func inMemory(context: StoreContext) throws -> SQLiteStore {
        try SQLiteStore(writer: DatabaseQueue(configuration: configuration()), context: context)
    }

    /// The connection settings: foreign keys, busy timeout, `synchronous=FULL`: in WAL mode
    /// every commit is synced to disk before the save returns, so a committed record survives
    /// a power cut or a kernel crash too, not only a killed process (NORMAL would only
    /// guarantee the latter). The cost is one fsync per save.
    /// SQLite's default 2 MB page cache per connection: an import raises its own for its
    /// transaction (``importCacheKiB``), so that readers stay small.
    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "ipasn"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    private func setUp() throws {
        try SQLiteSchema.migrator.migrate(writer)
        // The measurement year is always cached.
        try transaction { db in
            try self.ensureCached(year: try self.measurementYear(db), db)
        }
    }

    // MARK: Transactions

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction (the write lock is taken at once,
    /// waiting up to the busy timeout), committing when it returns and rolling back when it throws.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `body` in one transaction like ``transaction(_:)``, but rolls back when `body`
    /// returns `commit: false` (the import's "report everything, write nothing").
    func conditionalTransaction<T>(_ body: (Database) throws -> (T, commit: Bool)) throws -> T {
        try translatingErrors {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let (value, commit) = try body(db)
                    result = value
                    return commit ? .commit : .rollback
                }
                return result!
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try writer.read(body) }
    }

    /// Runs `body`, turning SQLite's own failures (a full disk, a lock held past the busy
    /// timeout, a read-only file, an I/O error) into ``StoreError`` cases that say nothing of
    /// SQLite. Validation failures and other errors pass through unchanged.
    func translatingErrors<T>(_ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: throw StoreError.diskFull
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: throw StoreError.readOnly
            case .SQLITE_IOERR: throw StoreError.io(error.message ?? "\(error.extendedResultCode)")
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: throw StoreError.corrupt(error.message ?? "the file is not a valid database")
            default: throw error
            }
        }
    }

    // MARK: Settings

    /// The measurement year: the database setting, or the current year of the context's clock.
    public func measurementYear() throws -> Int {
        try read { try measurementYear($0) }
    }

    func measurementYear(_ db: Database) throws -> Int {
        if let text = try String.fetchOne(db, sql: "SELECT value FROM config WHERE key = 'year'"), let year = Int(text) {
            return year
        }
        return context.today.year
    }

    /// Sets the measurement year (audited); its scores are computed and cached when they are not yet.
    public func setMeasurementYear(_ year: Int) throws {
        try transaction { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM config WHERE key = 'year'")
            try setConfig("year", String(year), db)
            try audit(action: "config", entity: "config", entityID: "year", nip: nil, old: old, new: String(year), db)
            try ensureCached(year: year, db)
        }
    }

    /// The active ruleset: the one stored in the database, or ``Ruleset/bkn2019``.
    public func ruleset() throws -> Ruleset {
        try read { try ruleset($0) }
    }

    func ruleset(_ db: Database) throws -> Ruleset {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM config WHERE key = 'ruleset'") else {
            return .bkn2019
        }
        // Checked like a file: a ruleset stored before the checks grew (a maximum of 1e308)
        // is refused with its problems instead of trapping in scoring.
        return try RulesetFile.load(Data(json.utf8))
    }

    /// Installs a ruleset (nil returns to bkn-2019) and recomputes every cached score, in one transaction.
    public func setRuleset(_ ruleset: Ruleset?) throws {
        try transaction { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM config WHERE key = 'ruleset'")
            var new: String?
            if let ruleset {
                let check = RulesetFile.validate(ruleset)
                guard check.isValid else { throw RulesetFileError(problems: check.errors) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                new = String(decoding: try encoder.encode(ruleset), as: UTF8.self)
                try setConfig("ruleset", new!, db)
            } else {
                try db.execute(sql: "DELETE FROM config WHERE key = 'ruleset'")
            }
            try audit(action: "config", entity: "config", entityID: "ruleset", nip: nil, old: old, new: new, db)
            try recomputeAllCached(db)
        }
    }

    func setConfig(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }
}
