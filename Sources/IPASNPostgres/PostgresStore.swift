import Foundation
import IPASNCore
import IPASNStore

/// The ``Store`` on a PostgreSQL server, through libpq (the server mode of `docs/store.md`:
/// one database for many offices).
///
/// Open it with a libpq connection string, `postgresql://host/db` or
/// `host=/run/postgresql dbname=ipasn`. Each store holds ONE connection, guarded by a lock:
/// the protocol is synchronous, and a store is used by one workstation or one command.
///
/// - **Writes** run in one transaction each (READ COMMITTED) that first takes the database's
///   one write lock (a transaction-level advisory lock): writes are serialised across every
///   process and machine, as the contract asks, so each check-then-write (duplicates,
///   "changed since" of an undo, the last operator, the permission check) sees the data it
///   commits against. Two admins saving to one employee at once: the second waits for the
///   first and then sees its save; no update is lost. A writer that finds the lock held by
///   a transaction that makes no progress (a client stuck "idle in transaction") for
///   ``LockPatience/stallLimit`` gives up with ``StoreError/busy``; so does a write that waits
///   that long for any other lock (a row held by an admin's open `psql` transaction:
///   `lock_timeout`).
/// - **Reads** run in REPEATABLE READ READ ONLY transactions: one consistent snapshot per
///   call, never blocked by a writer's rows. A read that waits for a table lock (a first
///   load rebuilding the table's indexes holds it until its commit, ``BulkLoadRebuild``)
///   gives up after ``readLockTimeout(_:)`` with ``StoreError/busyReading`` (nothing lost: a
///   screen says the database is busy and the admin tries again).
/// - **Errors** are translated into ``StoreError`` by SQLSTATE (``PostgresStore/translate(_:)``).
/// - **Reconnection**: a connection the server dropped (restart, network) is re-opened at the
///   start of the next call; the call that met the failure reports ``StoreError/io(_:)`` and
///   nothing half-done stays (the server rolled the transaction back). Connecting gives up
///   after 10 s and TCP connections get keepalives unless the string says otherwise
///   (``PGConnectionDefaults``): a dead network never hangs the caller.
public final class PostgresStore: Store, @unchecked Sendable {
    /// What the caller opens the database for (as ``SQLiteStore/Access``; a PostgreSQL
    /// database itself is created by its administrator: `createdb`).
    public enum Access: Sendable, Hashable {
        /// Reading only: nothing is written, not even at open (no migration, no enrolment).
        case read
        /// Reading and writing (bringing the schema up to date when older).
        case write
    }

    /// Who changes data, and the clock.
    public let context: StoreContext
    /// The connection string, without a password (for messages).
    public let displayName: String
    /// Whether this store was opened for reading only.
    public let isReadOnly: Bool
    /// How long a write waits for a stuck writer.
    public let patience: LockPatience
    let conninfo: String
    let connection: PGConnection
    private let lock = NSRecursiveLock()
    /// Transaction nesting on the connection: 0 outside, 1 in a transaction, more in savepoints.
    private var depth = 0
    private var enrolled = false
    /// Called while a write waits for another writer (as ``SQLiteStore/lockWaitObserver``).
    public var lockWaitObserver: (@Sendable (LockWaitStatus) -> Void)? {
        get { lock.withLock { observer } }
        set { lock.withLock { observer = newValue } }
    }
    private var observer: (@Sendable (LockWaitStatus) -> Void)?

    /// Whether opening created the ipasn schema (the database was empty): front ends say so.
    public private(set) var createdSchema = false

    /// Whether opening made the acting login the operator of this database (it had no account yet).
    public var becameFirstOperator: Bool { lock.withLock { enrolled } }

    /// Connects to `conninfo` and (unless reading) brings the schema up to date, enrols the
    /// first operator of an account-less database and caches the measurement year.
    ///
    /// - Throws: ``StoreError``: ``StoreError/io(_:)`` when the server cannot be reached,
    ///   ``StoreError/notADatabase(path:)`` (reading a database without the ipasn schema),
    ///   ``StoreError/needsUpgrade(path:)``, ``StoreError/newerVersion(path:)``.
    public init(_ conninfo: String, context: StoreContext, access: Access = .write, patience: LockPatience = .standard)
        throws
    {
        self.conninfo = conninfo
        self.context = context
        self.displayName = Self.displayName(conninfo)
        self.isReadOnly = access == .read
        self.patience = patience
        do {
            connection = try PGConnection(conninfo: conninfo, lockTimeoutMilliseconds: Self.readLockTimeout(patience))
        } catch let error as PGError {
            throw StoreError.io("\(Self.displayName(conninfo)): \(error.message)")
        }
        try setUp()
    }

    /// Another store on the same database acting for another login (tests, tools).
    public func reopened(as context: StoreContext) throws -> PostgresStore {
        try PostgresStore(conninfo, context: context, access: isReadOnly ? .read : .write, patience: patience)
    }

    /// The connection string without its password, for messages and logs.
    public static func displayName(_ conninfo: String) -> String {
        if conninfo.hasPrefix("postgres://") || conninfo.hasPrefix("postgresql://"),
            var components = URLComponents(string: conninfo)
        {
            components.password = nil
            components.queryItems = components.queryItems?.filter { $0.name != "password" }
            if components.queryItems?.isEmpty == true { components.queryItems = nil }
            return components.string ?? conninfo
        }
        return conninfo.split(separator: " ").filter { !$0.hasPrefix("password=") }.joined(separator: " ")
    }

    /// `conninfo` with its database replaced by `database` (a keyword string gets a later
    /// `dbname=`, which libpq lets win; a URL gets the path).
    public static func conninfo(_ conninfo: String, database: String) -> String {
        if conninfo.hasPrefix("postgres://") || conninfo.hasPrefix("postgresql://"),
            var components = URLComponents(string: conninfo)
        {
            components.path = "/" + database
            return components.string ?? conninfo
        }
        return conninfo + " dbname='\(database.replacingOccurrences(of: "'", with: "\\'"))'"
    }

    /// Brings the schema of the database at `conninfo` up to date and does nothing else (no
    /// account, no cached year): a template database for tests, or a DBA preparing a database.
    public static func prepareSchema(_ conninfo: String) throws {
        let store = try PostgresStore(conninfo, context: StoreContext(actor: ""), access: .read, migrating: true)
        try store.migrate()
    }

    private init(_ conninfo: String, context: StoreContext, access: Access, migrating: Bool) throws {
        self.conninfo = conninfo
        self.context = context
        self.displayName = Self.displayName(conninfo)
        self.isReadOnly = false
        self.patience = .standard
        do {
            connection = try PGConnection(conninfo: conninfo)
        } catch let error as PGError {
            throw StoreError.io("\(Self.displayName(conninfo)): \(error.message)")
        }
    }

    private func setUp() throws {
        try migrate()
        if isReadOnly { return }
        if try enrollFirstOperator() { enrolled = true }
        try ensureCached(year: try measurementYear())
    }

    /// Applies the missing migrations in one transaction under the write lock (so two
    /// processes opening a new database at once migrate it once); refuses a newer schema.
    private func migrate() throws {
        let known = Set(PostgresSchema.migrations.map(\.name))
        let applied: [String] = try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT to_regclass('schema_migrations') IS NOT NULL") == true else { return [] }
            return try String.fetchAll(db, sql: "SELECT name FROM schema_migrations")
        }
        if applied.contains(where: { !known.contains($0) }) { throw StoreError.newerVersion(path: displayName) }
        if applied.count == known.count { return }
        if isReadOnly {
            throw applied.isEmpty ? StoreError.notADatabase(path: displayName) : StoreError.needsUpgrade(path: displayName)
        }
        try transaction { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        name       TEXT PRIMARY KEY,
                        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """)
            let done = Set(try String.fetchAll(db, sql: "SELECT name FROM schema_migrations"))
            for migration in PostgresSchema.migrations where !done.contains(migration.name) {
                try db.execute(sql: migration.sql)
                try db.execute(sql: "INSERT INTO schema_migrations(name) VALUES (?)", arguments: [migration.name])
            }
            if done.isEmpty { createdSchema = true }
        }
    }

    /// What the change feed last saw of the connection (``pollChanges()``).
    let feedMark = FeedMark()
    /// The last ruleset decoded, by its stored text (``unitFigures(year:)``).
    let rulesetMemo = RulesetMemo()
    /// What the last save left for a save in one round trip (``addInOneTrip(_:)``).
    let oneTripMemo = OneTripMemo()

    /// Runs `body` with the connection under the store's lock, outside any transaction's
    /// bookkeeping (the change feed).
    func withConnection<T>(_ body: (PGConnection) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(connection)
    }

    // MARK: Transactions

    /// Runs `body` with the connection, under the store's lock.
    private func locked<T>(_ body: (PGConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(connection)
    }

    @discardableResult
    /// Runs `body` in one write transaction (a savepoint inside ``inOneTransaction(_:)``).
    func transaction<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try conditionalTransaction { db in (try body(db), commit: true) }
    }

    /// Runs `body` in one write transaction that takes the write lock first, committing when
    /// `body` returns `commit: true`, rolling back when it returns false or throws.
    func conditionalTransaction<T>(_ body: (PGConnection) throws -> (T, commit: Bool)) throws -> T {
        try conditionalTransaction(reading: []) { db, _ in try body(db) }
    }

    /// Runs `body` in one write transaction that takes the write lock first, with the results
    /// of `first` (reads), sent in the SAME round trip as the BEGIN and the lock's attempt
    /// (issue 12, branch pgsave3): each statement of a pipeline runs after the one before, so
    /// when the attempt got the lock the reads ran holding it (READ COMMITTED: each saw every
    /// write committed before the lock was taken, as reads sent after it would). When the lock
    /// was held by another writer, their results are thrown away and the reads sent again once
    /// the lock is taken. Inside a transaction (a savepoint) the reads go alone first.
    func transaction<T>(reading first: [(sql: String, arguments: PGArguments)], _ body: (PGConnection, [PGResult]) throws -> T)
        throws -> T
    {
        try conditionalTransaction(reading: first) { db, results in (try body(db, results), commit: true) }
    }

    private func conditionalTransaction<T>(
        reading first: [(sql: String, arguments: PGArguments)], _ body: (PGConnection, [PGResult]) throws -> (T, commit: Bool)
    ) throws -> T {
        try translatingErrors {
            try locked { db in
                if depth > 0 {
                    depth += 1
                    defer { depth -= 1 }
                    let name = "ipasn_sp\(depth)"
                    try db.execute(sql: "SAVEPOINT \(name)")
                    do {
                        let (value, commit) = try body(db, first.isEmpty ? [] : try db.pipelined(first))
                        try db.execute(sql: commit ? "RELEASE SAVEPOINT \(name)" : "ROLLBACK TO SAVEPOINT \(name)")
                        return value
                    } catch {
                        _ = try? db.execute(sql: "ROLLBACK TO SAVEPOINT \(name)")
                        throw error
                    }
                }
                if isReadOnly { throw StoreError.readOnly }
                try db.begin("BEGIN ISOLATION LEVEL READ COMMITTED; " + lockTimeoutStatement)
                depth = 1
                committedWithLastStatements = false
                defer {
                    depth = 0
                    committedWithLastStatements = false
                }
                do {
                    var results: [PGResult] = []
                    if first.isEmpty {
                        try acquireWriteLock(db)
                    } else {
                        let attempt = try db.pipelined([writeLockAttempt] + first)
                        if attempt[0].text(0, 0) == "t" {
                            results = Array(attempt.dropFirst())
                        } else {
                            try acquireWriteLock(db)
                            results = try db.pipelined(first)
                        }
                    }
                    let (value, commit) = try body(db, results)
                    if committedWithLastStatements { return value }
                    try db.execute(sql: commit ? "COMMIT" : "ROLLBACK")
                    return value
                } catch {
                    // Nothing can fail after a COMMIT sent with the last statements (see
                    // ``pipelinedCommitting(_:_:)``); were it to, there is nothing to roll back.
                    if !committedWithLastStatements, !db.endUnstarted(), db.isConnected { _ = try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
        }
    }

    /// The paths a record import can take (``lastRecordImportPath``).
    package enum RecordImportPath: String, Sendable {
        /// ``RecordBatch``: multi-row INSERTs.
        case plain
        /// COPY into a staging table, one INSERT ... SELECT (`PostgresStore+BulkImport.swift`).
        case staged
        /// The same, the indexes built and the key checked once after it (``BulkLoadRebuild``).
        case stagedRebuild
        /// COPY straight into the empty table (``firstLoadRecords``).
        case firstLoad
    }

    /// Which path this store's last record import took (for tests and hand measurement).
    package internal(set) var lastRecordImportPath: RecordImportPath? {
        get { lock.withLock { importPath } }
        set { lock.withLock { importPath = newValue } }
    }
    private var importPath: RecordImportPath?

    /// Makes ``warmSavePath()`` do nothing: for measuring a cold first save by hand (`ipasn
    /// bench --only pgsave` with `IPASN_PGSAVE_COLD=1`), never set by the product.
    package var leavesSavePathCold: Bool {
        get { lock.withLock { cold } }
        set { lock.withLock { cold = newValue } }
    }
    private var cold = false

    /// `statements` in ONE round trip inside a write transaction that is then ROLLED BACK
    /// (`BEGIN`, a short `lock_timeout`, the statements, `ROLLBACK`), without the database's
    /// write lock: for statements that write no row (``warmSavePath()``). Does nothing inside
    /// a transaction or on a store opened for reading.
    func pipelinedRolledBack(_ statements: [(sql: String, arguments: PGArguments)], lockTimeoutMilliseconds: Int) throws {
        try translatingErrors {
            try locked { db in
                guard depth == 0, !isReadOnly else { return }
                try db.begin("BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '\(lockTimeoutMilliseconds)ms'")
                do {
                    _ = try db.pipelined(statements + [("ROLLBACK", PGArguments())])
                } catch {
                    if !db.endUnstarted(), db.isConnected { _ = try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
        }
    }

    /// Whether a transaction of this store is open (inside ``inOneTransaction(_:)``).
    var isInTransaction: Bool { lock.withLock { depth > 0 } }

    /// Whether the write transaction's COMMIT went with its last statements (``pipelinedCommitting(_:_:)``).
    private var committedWithLastStatements = false

    /// The LAST statements of a write transaction and its durable COMMIT in ONE round trip
    /// (issue 12, branch pgsave3): a statement that fails makes the server skip the rest, the
    /// COMMIT too, and the transaction is rolled back as when any statement fails. Only for a
    /// body that does nothing after it that could fail. In a savepoint (an outer transaction
    /// commits later) the statements alone.
    func pipelinedCommitting(_ statements: [(sql: String, arguments: PGArguments)], _ db: PGConnection) throws -> [PGResult] {
        guard depth == 1 else { return try db.pipelined(statements) }
        let results = try db.pipelined(statements + [("COMMIT", PGArguments())])
        committedWithLastStatements = true
        return Array(results.dropLast())
    }

    /// The write lock's attempt, as a statement.
    var writeLockAttempt: (sql: String, arguments: PGArguments) {
        let (key1, key2) = PostgresSchema.writeLockKey
        return ("SELECT pg_try_advisory_xact_lock(?::int4, ?::int4)", [key1, key2])
    }

    /// Bounds every lock wait of a write transaction by the patience's stall limit: a row or
    /// table lock held by another session (an admin's open `psql` transaction) beyond it
    /// fails the statement with `55P03`, which is ``StoreError/busy`` (nothing saved, a
    /// clear message) instead of a save that waits forever. Sent with the BEGIN (no extra
    /// round trip).
    var lockTimeoutStatement: String {
        "SET LOCAL lock_timeout = '\(max(1, Int((patience.stallLimit * 1000).rounded())))ms'"
    }

    /// Runs several changes as one transaction: all of them or none.
    public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try transaction { _ in try body() }
    }

    /// The session's `lock_timeout` of a store's connection, in milliseconds: as long as a
    /// write waits for a stuck writer (``LockPatience/stallLimit``). Reads wait at most this
    /// for a table lock; a write transaction sets its own.
    static func readLockTimeout(_ patience: LockPatience) -> Int {
        max(1, Int((patience.stallLimit * 1000).rounded()))
    }

    /// `body`, a read of its own (not inside a write), with a lock wait that timed out
    /// (`55P03`, ``readLockTimeout(_:)``) as ``StoreError/busyReading`` (not
    /// ``StoreError/busy``, which says nothing was saved).
    private func timingOutAsBusyReading<T>(_ body: () throws -> T) throws -> T {
        let own = !isInTransaction
        do {
            return try body()
        } catch StoreError.busy where own {
            throw StoreError.busyReading
        }
    }

    /// Runs `body` in one read-only snapshot (or inside the current transaction).
    func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try timingOutAsBusyReading { try readTranslated(body) }
    }

    private func readTranslated<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try translatingErrors {
            try locked { db in
                if depth > 0 { return try body(db) }
                try db.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                depth = 1
                defer { depth = 0 }
                do {
                    let value = try body(db)
                    if !db.endUnstarted() { try db.execute(sql: "COMMIT") }
                    return value
                } catch {
                    if !db.endUnstarted(), db.isConnected { _ = try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
        }
    }

    /// Runs `statements` as one read-only snapshot in ONE round trip: `BEGIN ... READ ONLY`,
    /// the statements and `COMMIT` pipelined (inside a transaction: the statements alone).
    /// For the reads a page makes after each save (records, verification marks, sent marks).
    func readPipelined(_ statements: [(sql: String, arguments: PGArguments)]) throws -> [PGResult] {
        try timingOutAsBusyReading { try pipelinedTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", statements) }
    }

    /// `statements` in one round trip: with `begin` (which may carry `SET LOCAL`s after a `;`)
    /// and `COMMIT` around them, or, inside a transaction, alone in it.
    private func pipelinedTransaction(
        begin: String, _ statements: [(sql: String, arguments: PGArguments)]
    ) throws -> [PGResult] {
        try translatingErrors {
            try locked { db in
                if depth > 0 { return try db.pipelined(statements) }
                try db.begin(begin)
                do {
                    let results = try db.pipelined(statements + [("COMMIT", PGArguments())])
                    return Array(results.dropLast())
                } catch {
                    // A failed statement leaves the transaction aborted on the server.
                    if !db.endUnstarted(), db.isConnected { _ = try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
        }
    }

    /// `statements` as one write transaction in ONE round trip: the BEGIN (with the lock
    /// timeout), the statements (the first of which takes the write lock) and the durable
    /// COMMIT, pipelined (``addInOneTrip(_:)``). Nil when the server refused a statement:
    /// it skipped the rest, the COMMIT included, and the transaction is rolled back (nothing
    /// written). A lost connection, a full disk or a lock wait past the patience is thrown as
    /// ever. Nil at once inside a transaction or on a store opened for reading.
    func writeInOneTrip(_ statements: [(sql: String, arguments: PGArguments)]) throws -> [PGResult]? {
        try translatingErrors {
            try locked { db in
                guard depth == 0, !isReadOnly else { return nil }
                try db.begin("BEGIN ISOLATION LEVEL READ COMMITTED; " + lockTimeoutStatement)
                do {
                    return Array(try db.pipelined(statements + [("COMMIT", PGArguments())]).dropLast())
                } catch let error as PGError {
                    if !db.endUnstarted(), db.isConnected { _ = try? db.execute(sql: "ROLLBACK") }
                    switch Self.translate(error, displayName) {
                    case .io, .diskFull, .busy: throw error
                    default: return nil
                    }
                }
            }
        }
    }

    /// Runs `statements` as one small write transaction in ONE round trip (BEGIN, the
    /// statements and COMMIT pipelined), without the store's write lock and without waiting
    /// for the commit's disk flush (`synchronous_commit = off` for this transaction alone).
    /// Only for writes whose loss in a server crash loses nothing saved (clearing a draft
    /// after its record was saved). Inside a transaction: the statements alone, in it.
    func writeUnflushed(_ statements: [(sql: String, arguments: PGArguments)]) throws {
        if isReadOnly { throw StoreError.readOnly }
        _ = try pipelinedTransaction(
            begin: "BEGIN ISOLATION LEVEL READ COMMITTED; " + lockTimeoutStatement + "; SET LOCAL synchronous_commit = off",
            statements)
    }

    /// Takes the database's write lock for this transaction, waiting while its holder works;
    /// a holder idle in its transaction past the patience's stall limit is stuck: ``StoreError/busy``.
    private func acquireWriteLock(_ db: PGConnection) throws {
        let (key1, key2) = PostgresSchema.writeLockKey
        let attempt = "SELECT pg_try_advisory_xact_lock(?::int4, ?::int4)"
        if try Bool.fetchOne(db, sql: attempt, arguments: [key1, key2]) == true { return }
        let start = Date()
        var lastReport: Date?
        var idleSince: Date?
        // The holder last seen (its pid and when its state last changed): a new holder, or
        // the same one between two statements, is progress, never a stall.
        var lastHolder: String?
        while true {
            if try waitInLockQueue(db) { return }
            let holder = try PGRow.fetchOne(
                db,
                sql: """
                    SELECT a.pid, a.state, a.state_change::text FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE l.locktype = 'advisory' AND l.classid = ?::int8 AND l.objid = ?::int8 AND l.objsubid = 2
                      AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    LIMIT 1
                    """, arguments: [Int64(UInt32(bitPattern: key1)), Int64(key2)])
            let now = Date()
            let working = holder.map { ($0[1] as String?) == "active" } ?? true
            let seen = holder.map { "\(($0[0] as Int32?) ?? 0) \(($0[2] as String?) ?? "")" }
            if seen != lastHolder { idleSince = nil }
            lastHolder = seen
            if working { idleSince = nil } else if idleSince == nil { idleSince = now }
            if let idleSince, now.timeIntervalSince(idleSince) > patience.stallLimit { throw StoreError.busy }
            let waited = now.timeIntervalSince(start)
            if waited >= patience.reportAfter, lastReport.map({ now.timeIntervalSince($0) >= patience.reportInterval }) ?? true {
                lastReport = now
                let pid: Int32? = holder.flatMap { $0[0] as Int32? }
                observer?(LockWaitStatus(waited: waited, holderPID: pid))
            }
        }
    }

    /// Waits for the write lock in the SERVER's queue for at most one slice
    /// (``lockQueueSlice``) and says whether it got it (issue 12, branch pgcrowd). A blocking
    /// `pg_advisory_xact_lock` under a short `lock_timeout`, in a savepoint so that the
    /// timeout leaves the transaction usable (rolling the savepoint back also restores the
    /// transaction's own `lock_timeout`, which a RELEASE restores by hand). The waiter is woken
    /// the moment the holder commits and waiters are served in order of arrival (the server's
    /// lock queue; a `pg_try_advisory_xact_lock` never jumps it). It replaces a sleep of
    /// ``LockPatience/pollInterval`` between two tries: with a hundred admins saving at
    /// once a save that met the lock held slept at least 20 ms per try and tries raced each
    /// other, which made the saves' tail (PG4's p99) several lock hold times long.
    private func waitInLockQueue(_ db: PGConnection) throws -> Bool {
        let (key1, key2) = PostgresSchema.writeLockKey
        let slice = max(1, Int((lockQueueSlice * 1000).rounded()))
        do {
            _ = try db.pipelined([
                ("SAVEPOINT ipasn_lock_wait", []),
                ("SET LOCAL lock_timeout = '\(slice)ms'", []),
                ("SELECT pg_advisory_xact_lock(?::int4, ?::int4)", [key1, key2]),
                ("RELEASE SAVEPOINT ipasn_lock_wait", []),
                (lockTimeoutStatement, []),
            ])
            return true
        } catch let error as PGError where error.sqlState == "55P03" {
            try db.execute(sql: "ROLLBACK TO SAVEPOINT ipasn_lock_wait")
            try db.execute(sql: "RELEASE SAVEPOINT ipasn_lock_wait")
            return false
        }
    }

    /// How long one wait in the server's lock queue lasts before the holder is looked at
    /// again (stalled? to be reported?): the report interval or a quarter of the stall limit,
    /// whichever is shorter (a quarter of a second by default), never below the poll interval.
    /// Each slice that ends costs the waiter a look at `pg_locks`: with slices of the poll
    /// interval, a hundred waiters' looks were most of the server's CPU.
    var lockQueueSlice: TimeInterval {
        max(patience.pollInterval, min(patience.reportInterval, patience.stallLimit / 4))
    }

    /// Runs `body`, translating PostgreSQL's failures into ``StoreError``.
    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PGError {
            throw Self.translate(error, displayName)
        }
    }

    /// A PostgreSQL error as the ``StoreError`` of `docs/store.md`'s table.
    static func translate(_ error: PGError, _ name: String) -> StoreError {
        let state = error.sqlState
        switch state {
        case "53100": return .diskFull
        case "55P03", "40001", "40P01", "57014": return .busy
        case "25006": return .readOnly
        case "42501": return .readOnly
        case "58030": return .io("\(name): \(error.message)")
        case "XX001", "XX002": return .corrupt("\(name): \(error.message)")
        default:
            if state.hasPrefix("53") { return .diskFull }
            if state.hasPrefix("08") || state.hasPrefix("57P") { return .io("\(name): \(oneLine(error.message))") }
            return .corrupt("unexpected database error \(state) in \(name): \(error.message)")
        }
    }

    /// libpq's message on one line (it breaks "connection ... failed" and its hint with a
    /// newline and a tab, which a terminal shows as garbage in a message line).
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: Settings

    public func measurementYear() throws -> Int {
        try read { try measurementYear($0) }
    }

    func measurementYear(_ db: PGConnection) throws -> Int {
        if let text = try String.fetchOne(db, sql: "SELECT value FROM config WHERE key = 'year'"), let year = Int(text) {
            return year
        }
        return context.today.year
    }

    public func ruleset() throws -> Ruleset {
        try read { try ruleset($0) }
    }

    func ruleset(_ db: PGConnection) throws -> Ruleset {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM config WHERE key = 'ruleset'") else {
            return .bkn2019
        }
        return try RulesetFile.load(Data(json.utf8))
    }
}
