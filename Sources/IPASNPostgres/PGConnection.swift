import CLibPQ
import Foundation

/// One libpq connection (`PGconn`), used synchronously: every call sends one statement and
/// waits for its result, like the ``IPASNStore/Store`` protocol itself.
///
/// Statements are written with `?` placeholders (as the SQLite store writes them) and sent
/// with typed text parameters through the extended protocol (never spliced into the SQL):
/// `?` becomes `$1`, `$2` ... outside quoted literals. Data statements are prepared once per
/// connection and then executed by name (a save sends no SQL text, only its parameters).
///
/// Not thread-safe: ``PostgresStore`` guards its one connection with a lock.
final class PGConnection {
    private var connection: OpaquePointer?
    /// Prepared statements by their `?` SQL text.
    private var prepared: [String: String] = [:]
    /// `?` SQL text to `$n` SQL text.
    private var numbered: [String: String] = [:]
    private var cursorCount = 0
    /// Statements sent to the server and waited for (each `PQexec*`/`PQprepare`, a `COPY`):
    /// the connection's round trips, for measuring (``PostgresStore/roundTrips``).
    private(set) var roundTrips = 0
    /// Told of every round trip once its answer is in (for measuring by hand: `ipasn bench
    /// --only pgsave` times each phase of a save); nil, the default, costs nothing.
    var roundTripObserver: ((PGRoundTrip) -> Void)?
    /// The conninfo this connection was opened with (a libpq keyword string or URL).
    let conninfo: String

    /// Connects (a conninfo such as `host=/run/postgresql dbname=ipasn` or a
    /// `postgresql://` URL) and sets the session up: UTF-8, UTC moments, ISO dates.
    ///
    /// `lockTimeoutMilliseconds` (above 0): the session's `lock_timeout`, the longest any
    /// statement waits for a lock (a write transaction sets its own).
    init(conninfo: String, lockTimeoutMilliseconds: Int = 0) throws {
        self.conninfo = conninfo
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
        try connect()
    }

    /// The session's `lock_timeout` (0: the server's default, no limit).
    let lockTimeoutMilliseconds: Int

    deinit {
        attempt?.attempt.cancel()
        if let connection { PQfinish(connection) }
    }

    /// Connects, waiting as long as libpq does (`connect_timeout`): the first connection, and
    /// every reconnection of a store no screen follows (the CLI). See ``reconnectsInBackground``.
    private func connect() throws {
        dropConnection()
        connection = PQconnectdb(PGConnectionDefaults.applied(to: conninfo))
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            throw PGError(sqlState: "08001", message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try setUp()
    }

    /// Closes the connection (a lost one), forgetting its prepared statements.
    private func dropConnection() {
        if let connection { PQfinish(connection) }
        connection = nil
        prepared = [:]
    }

    /// The last notice or unexpected error the server sent outside a statement (a restart's
    /// `FATAL:  terminating connection due to administrator command` to an idle connection),
    /// kept here instead of libpq's default of writing it to stderr: on a workstation stderr is
    /// the screen, and the text landed on the pimpinan's dashboard and scrolled it (user test 5).
    private(set) var lastNotice: String?

    /// Sets a new connection's session up: its notices to ``lastNotice``, UTF-8, UTC moments,
    /// ISO dates, the channels listened to.
    private func setUp() throws {
        if let connection {
            PQsetNoticeProcessor(connection, { context, message in
                guard let context, let message else { return }
                let connection = Unmanaged<PGConnection>.fromOpaque(context).takeUnretainedValue()
                connection.lastNotice = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
            }, Unmanaged.passUnretained(self).toOpaque())
        }
        try execute(
            sql: """
                SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD';
                SET application_name = 'ipasn'; SET client_min_messages = 'warning'
                """ + (lockTimeoutMilliseconds > 0 ? "; SET lock_timeout = \(lockTimeoutMilliseconds)" : ""))
        for channel in channels { try execute(sql: "LISTEN \(channel)") }
        connectionCount += 1
    }

    // MARK: Reconnecting without freezing the screen

    /// Whether a lost connection is opened again WITHOUT blocking (``PGConnectAttempt``,
    /// driven by ``advanceReconnect()``), so that a screen's keys keep working while the server
    /// is unreachable: set by ``PostgresStore`` once a screen follows its change feed. A
    /// statement on a lost connection then waits at most ``inlineWait`` for a fresh attempt
    /// (a restarted server answers in milliseconds) and otherwise fails at once with `08001`
    /// ("unreachable"), leaving the attempt to the screen's ticks. Off (the CLI), a lost
    /// connection is opened again with the blocking `PQconnectdb` (bounded by `connect_timeout`).
    var reconnectsInBackground = false
    /// Starts the attempts (tests script one).
    var connector: any PGConnector = LibPQConnector()
    /// A monotonic clock in seconds, bounding each attempt (tests inject one).
    var clock: @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    /// How long a statement or ``advanceReconnect(waitingUpTo:)`` may wait for a FRESH attempt
    /// (never for one already under way).
    var inlineWait: TimeInterval = 0.2
    /// The attempt under way and when it started (``clock``).
    private var attempt: (attempt: any PGConnectAttempt, started: TimeInterval)?
    /// Attempts that failed or timed out since the connection was lost.
    private(set) var failedAttempts = 0
    /// Why the last attempt failed (libpq's words), for the message of a refused statement.
    private(set) var lastFailure: String?

    /// Where reconnecting stands.
    enum ReconnectState: Equatable {
        case connected
        /// An attempt is under way; it goes on when `socket` is ready (for writing or reading).
        case trying(socket: Int32, forWriting: Bool)
        /// The attempt failed (the next call starts another).
        case failed(String)
    }

    /// How long one background attempt may take: 2 s, then 4 and 8, at most `connect_timeout`
    /// (10 s unless the connection string says otherwise). A short first limit restarts an
    /// attempt whose packets went into a dead route soon after the route is back.
    var attemptLimit: TimeInterval {
        let configured = PGConnectionDefaults.settings(PGConnectionDefaults.applied(to: conninfo))?["connect_timeout"]
            .flatMap { Double($0) }.map { $0 > 0 ? $0 : .infinity } ?? 10
        return min(configured, 2 * pow(2, Double(min(failedAttempts, 8))))
    }

    /// Moves reconnection on as far as it can go without blocking (waiting up to `budget`
    /// seconds only when a fresh attempt starts): starts an attempt when none is under way,
    /// advances it, gives it up past ``attemptLimit``. Connected: the session is set up again
    /// (listening included) and ``connectionCount`` grows.
    func advanceReconnect(waitingUpTo budget: TimeInterval = 0) -> ReconnectState {
        if isConnected { return .connected }
        let fresh = attempt == nil
        if fresh {
            dropConnection()
            attempt = (connector.start(PGConnectionDefaults.applied(to: conninfo)), clock())
        }
        let deadline = clock() + (fresh ? budget : 0)
        while true {
            let state = stepAttempt()
            guard case .trying(let socket, let writing) = state, clock() < deadline else { return state }
            var entry = pollfd(fd: socket, events: Int16(writing ? POLLOUT : POLLIN), revents: 0)
            _ = poll(&entry, 1, Int32(max(1, min(50, ((deadline - clock()) * 1000).rounded(.up)))))
        }
    }

    private func stepAttempt() -> ReconnectState {
        guard let (current, started) = attempt else { return .failed(lastFailure ?? "no attempt") }
        switch current.advance() {
        case .connected(let connection):
            attempt = nil
            self.connection = connection
            prepared = [:]
            do {
                try setUp()
            } catch {
                dropConnection()
                return failed("\(error)")
            }
            failedAttempts = 0
            lastFailure = nil
            return .connected
        case .failed(let message):
            attempt = nil
            return failed(message)
        case .waiting(let socket, let writing):
            guard clock() - started < attemptLimit else {
                current.cancel()
                attempt = nil
                return failed("timeout expired")
            }
            return .trying(socket: socket, forWriting: writing)
        }
    }

    private func failed(_ message: String) -> ReconnectState {
        failedAttempts += 1
        lastFailure = message
        return .failed(message)
    }

    /// A statement's way back to a lost (or just failed) connection: the blocking connect, or,
    /// in the background mode, the attempt waited for at most ``inlineWait`` when fresh, else
    /// `08001` at once.
    private func reopen(force: Bool) throws {
        guard reconnectsInBackground else {
            try connect()
            return
        }
        if force, attempt == nil { dropConnection() }
        if case .connected = advanceReconnect(waitingUpTo: inlineWait) { return }
        throw PGError(
            sqlState: "08001",
            message: "the database server is unreachable; reconnecting in the background (\(lastFailure ?? "no answer yet"))")
    }

    // MARK: Notifications

    /// The channels this connection listens on (again after every reconnection).
    private var channels: [String] = []
    /// How many times this connection has been opened (a new one may have missed notifications).
    private(set) var connectionCount = 0

    /// Listens on `channel` (a plain identifier) from now on, also after a reconnection.
    func listen(_ channel: String) throws {
        guard !channels.contains(channel) else { return }
        try execute(sql: "LISTEN \(channel)")
        channels.append(channel)
    }

    /// The socket to wait on for notifications; nil when the connection is down.
    var socket: Int32? {
        guard let connection, PQstatus(connection) == CONNECTION_OK else { return nil }
        let fd = PQsocket(connection)
        return fd >= 0 ? fd : nil
    }

    /// Reads what the server sent without blocking and returns the notifications received
    /// (during earlier statements too): each sender's process id and payload. Throws a
    /// connection failure (`08006`) when the server closed the connection.
    func takeNotifications() throws -> [(pid: Int32, payload: String)] {
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            throw PGError(sqlState: "08003", message: "no connection")
        }
        // Read while the socket has more: a server shutting down sends its FATAL message and
        // then closes, and only reading the end tells libpq the connection is gone.
        var rounds = 0
        repeat {
            rounds += 1
            if PQconsumeInput(connection) == 0 || PQstatus(connection) != CONNECTION_OK {
                let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
                throw PGError(sqlState: "08006", message: message.isEmpty ? "connection lost" : message)
            }
        } while rounds < 16 && Self.isReadable(PQsocket(connection))
        var notes: [(pid: Int32, payload: String)] = []
        while let note = PQnotifies(connection) {
            notes.append((note.pointee.be_pid, String(cString: note.pointee.extra)))
            PQfreemem(note)
        }
        return notes
    }

    /// Whether the connection is up (after a server restart it is not, until ``reconnectIfLost()``).
    var isConnected: Bool { connection.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Reconnects when the server dropped the connection (restarted, or a network fault);
    /// called between transactions only, so nothing half-done is ever replayed.
    func reconnectIfLost() throws {
        if !isConnected { try reopen(force: false) }
    }

    /// Starts a transaction with `statement`. A connection the server dropped since the last
    /// call (a restart, a network fault, an administrator's `pg_terminate_backend`) is opened
    /// again and the BEGIN sent once more: nothing had been done yet, so nothing is replayed.
    ///
    /// The `BEGIN` is not sent on its own: it goes with the transaction's first statement, in
    /// one round trip (libpq's pipeline mode, ``pipelined(_:)``), and a transaction that sends
    /// nothing sends no `BEGIN` (``endUnstarted()``). A failure of that first exchange that
    /// is the connection's is met the same way: reconnect, send both once more.
    func begin(_ statement: String) throws {
        try reconnectIfLost()
        pendingBegin = statement
    }

    /// Sends `statement` (a BEGIN) at once, reconnecting once when the connection was lost.
    private func begin(now statement: String) throws {
        do {
            try execute(sql: statement)
        } catch where Self.isConnectionFailure(error) || !isConnected {
            try reopen(force: true)
            try execute(sql: statement)
        }
    }

    /// The `BEGIN` of the transaction when no statement of it went out yet (see ``begin(_:)``).
    private var pendingBegin: String?

    /// Ends a transaction whose `BEGIN` was never sent (nothing ran in it) without a round
    /// trip, and says whether it did; false: the transaction is open on the server.
    func endUnstarted() -> Bool {
        guard pendingBegin != nil else { return false }
        pendingBegin = nil
        return true
    }

    private static func isConnectionFailure(_ error: Error) -> Bool {
        guard let error = error as? PGError else { return false }
        return error.sqlState.hasPrefix("08") || error.sqlState.hasPrefix("57P")
    }

    /// Sends the pending `BEGIN` together with `statements` (reconnecting once when the
    /// connection turns out to be lost: nothing of the transaction ran yet).
    private func withPendingBegin(_ statements: [(sql: String, arguments: PGArguments)]) throws -> [PGResult] {
        guard let begin = pendingBegin else { return try pipelinedNow(statements) }
        if statements.contains(where: { $0.arguments.values.isEmpty && !Self.isPreparable($0.sql) && $0.sql.contains(";") }) {
            // A script (several statements in one text) cannot be pipelined: BEGIN on its own.
            pendingBegin = nil
            try self.begin(now: begin)
            return try statements.map { try run($0.sql, $0.arguments) }
        }
        pendingBegin = nil
        // The BEGIN text may carry `SET LOCAL`s after it (`BEGIN ...; SET LOCAL lock_timeout
        // = ...`): a pipeline takes one command per statement, so each goes on its own.
        let opening: [(sql: String, arguments: PGArguments)] = begin.split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { (String($0), PGArguments()) }
        let all = opening + statements
        do {
            return Array(try pipelinedNow(all).dropFirst(opening.count))
        } catch where Self.isConnectionFailure(error) || !isConnected {
            try reopen(force: true)
            return Array(try pipelinedNow(all).dropFirst(opening.count))
        }
    }

    /// The value of a connection setting as libpq uses it (`connect_timeout`, `keepalives`...),
    /// nil when it is not set or there is no connection.
    func setting(_ keyword: String) -> String? {
        guard let connection, let options = PQconninfo(connection) else { return nil }
        defer { PQconninfoFree(options) }
        var option = options
        while let name = option.pointee.keyword {
            if String(cString: name) == keyword { return option.pointee.val.map { String(cString: $0) } }
            option += 1
        }
        return nil
    }

    /// The server's process id for this connection.
    var backendPID: Int32 { connection.map { PQbackendPID($0) } ?? 0 }

    // MARK: Statements

    /// Runs one statement (or, without arguments, several separated by `;`); returns the
    /// number of rows it changed.
    @discardableResult
    func execute(sql: String, arguments: PGArguments = []) throws -> Int {
        let result = try run(sql, arguments)
        return Int(String(cString: PQcmdTuples(result.pointer))) ?? 0
    }

    /// Every row of a query.
    func fetchAll(sql: String, arguments: PGArguments = []) throws -> [PGRow] {
        let result = try run(sql, arguments)
        return (0..<result.count).map { PGRow(result: result, index: $0) }
    }

    /// The first row of a query, or nil.
    func fetchOne(sql: String, arguments: PGArguments = []) throws -> PGRow? {
        let result = try run(sql, arguments)
        return result.count > 0 ? PGRow(result: result, index: 0) : nil
    }

    /// A query read in chunks through a server-side cursor (inside a transaction), so that a
    /// million rows are never held at once.
    func cursor(sql: String, arguments: PGArguments = [], chunk: Int = 5_000) throws -> PGCursor {
        cursorCount += 1
        let name = "ipasn_cursor_\(cursorCount)"
        try run("DECLARE \(name) NO SCROLL CURSOR FOR " + sql, arguments, prepare: false)
        return PGCursor(connection: self, name: name, chunk: chunk)
    }

    /// Runs `sql` with `arguments`; data statements with arguments go through a prepared
    /// statement kept for the connection's life.
    @discardableResult
    func run(_ sql: String, _ arguments: PGArguments, prepare: Bool = true) throws -> PGResult {
        if pendingBegin != nil { return try withPendingBegin([(sql, arguments)])[0] }
        guard let connection else { throw PGError(sqlState: "08003", message: "no connection") }
        let text = numberedSQL(sql)
        let values = arguments.values
        let result: OpaquePointer?
        roundTrips += 1
        let started = roundTripObserver == nil ? 0 : PGRoundTrip.now()
        defer { if let observer = roundTripObserver { observer(PGRoundTrip(statements: [sql], start: started, end: PGRoundTrip.now())) } }
        if values.isEmpty && !prepare {
            result = PQexec(connection, text)
        } else if values.isEmpty && !Self.isPreparable(text) {
            result = PQexec(connection, text)
        } else {
            result = try withCStrings(values) { pointers in
                if prepare && Self.isPreparable(text) {
                    let name = try preparedName(text, count: values.count)
                    return PQexecPrepared(connection, name, Int32(values.count), pointers, nil, nil, 0)
                }
                return PQexecParams(connection, text, Int32(values.count), nil, pointers, nil, nil, 0)
            }
        }
        return try check(result, sql: text)
    }

    /// Runs `statements` one after the other in ONE round trip (libpq's pipeline mode: all
    /// are sent, then one sync, then the results read in order) and returns their results.
    /// A statement that fails makes the server skip the rest (as it would abort the
    /// transaction anyway); the first failure is thrown. Statements never prepared on this
    /// connection are prepared first, all in one round trip (``prepare(_:)``), once per connection.
    func pipelined(_ statements: [(sql: String, arguments: PGArguments)]) throws -> [PGResult] {
        if pendingBegin != nil { return try withPendingBegin(statements) }
        return try pipelinedNow(statements)
    }

    private func pipelinedNow(_ statements: [(sql: String, arguments: PGArguments)]) throws -> [PGResult] {
        guard let connection else { throw PGError(sqlState: "08003", message: "no connection") }
        let texts = statements.map { numberedSQL($0.sql) }
        try prepareMissing(texts, counts: statements.map(\.arguments.values.count))
        let names: [String?] = texts.map { Self.isPreparable($0) ? prepared[$0] : nil }
        guard PQenterPipelineMode(connection) == 1 else {
            throw PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
        }
        roundTrips += 1
        let started = roundTripObserver == nil ? 0 : PGRoundTrip.now()
        defer {
            if let observer = roundTripObserver {
                observer(PGRoundTrip(statements: statements.map(\.sql), start: started, end: PGRoundTrip.now()))
            }
        }
        var failure: Error?
        for (index, statement) in statements.enumerated() where failure == nil {
            let values = statement.arguments.values
            let sent = withCStrings(values) { pointers in
                if let name = names[index] {
                    return PQsendQueryPrepared(connection, name, Int32(values.count), pointers, nil, nil, 0)
                }
                return PQsendQueryParams(connection, texts[index], Int32(values.count), nil, pointers, nil, nil, 0)
            }
            if sent != 1 {
                failure = PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
            }
        }
        var results: [PGResult] = []
        var broken = false
        if PQpipelineSync(connection) == 1 {
            let read = Self.readPipeline(
                statements: statements.count,
                next: { PQgetResult(connection) },
                connected: { PQstatus(connection) == CONNECTION_OK },
                check: { result, index in try self.check(result, sql: texts[min(index, texts.count - 1)]) })
            results = read.results
            failure = failure ?? read.failure
            broken = read.broken
        } else {
            failure = failure ?? PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
        }
        if broken {
            // Results are still owed that will never come: the connection cannot leave
            // pipeline mode, so it is closed; the next transaction opens a new one.
            let reason = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            dropConnection()
            throw Self.connectionLost(failure, reason: reason)
        }
        if PQexitPipelineMode(connection) != 1 && failure == nil {
            failure = PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
        }
        if let failure { throw failure }
        guard results.count == statements.count else {
            throw PGError(sqlState: "08006", message: "connection lost")
        }
        return results
    }

    /// What reading a pipeline's results gave: the statements' results in order, the first
    /// failure, and whether the connection broke before the sync's result (``readPipeline``).
    struct PipelineRead {
        var results: [PGResult] = []
        var failure: Error?
        var broken = false
    }

    /// Reads a pipeline's results up to its sync's, and never longer than the connection can
    /// deliver them. libpq gives each statement's result followed by ONE NULL (a skipped
    /// statement's `PGRES_PIPELINE_ABORTED` too), then the sync's result, so two NULLs in a row,
    /// a NULL on a connection that is no longer up, a COPY state, or more results than the
    /// statements sent mean that the rest will never come (the server went away at the wrong
    /// moment while libpq still calls the connection up): `broken`, at once. `next` is
    /// `PQgetResult`, `connected` `PQstatus` = OK, `check` turns a result into a ``PGResult``
    /// or throws its error (given the statement's index); tests script them.
    static func readPipeline(
        statements: Int, next: () -> OpaquePointer?, connected: () -> Bool,
        check: (OpaquePointer, Int) throws -> PGResult
    ) -> PipelineRead {
        var read = PipelineRead()
        var nulls = 0
        var answered = 0  // statements that gave their result (an error or `PIPELINE_ABORTED` included)
        while true {
            guard let result = next() else {
                nulls += 1
                if nulls >= 2 || !connected() {
                    read.broken = true
                    return read
                }
                continue
            }
            nulls = 0
            switch PQresultStatus(result) {
            case PGRES_PIPELINE_SYNC:
                PQclear(result)
                return read
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                PQclear(result)
                read.broken = true
                return read
            case PGRES_PIPELINE_ABORTED:
                PQclear(result)
                answered += 1
            default:
                answered += 1
                do {
                    read.results.append(try check(result, read.results.count))
                } catch {
                    read.failure = read.failure ?? error
                }
            }
            if answered > statements {
                read.broken = true
                return read
            }
        }
    }

    /// The error of a connection found broken: the server's own error when one came
    /// (a FATAL `57P01` "terminating connection" ...), else `08006` with libpq's reason.
    static func connectionLost(_ failure: Error?, reason: String) -> PGError {
        if let error = failure as? PGError, error.sqlState.hasPrefix("08") || error.sqlState.hasPrefix("57P") {
            return error
        }
        return PGError(
            sqlState: "08006",
            message: reason.isEmpty ? "connection lost: the server sent no answer" : "connection lost: \(reason)")
    }

    /// Reads and drops the results left after a COPY, up to libpq's NULL, and never longer
    /// than the connection can deliver them: a result that says the COPY is still under way
    /// (its end could not be sent) or more than a few results mean the connection is stuck
    /// (`broken`; see ``readPipeline``). `check` is called on each result (its error is kept).
    static func drainResults(next: () -> OpaquePointer?, check: (OpaquePointer) throws -> Void) -> (
        failure: Error?, broken: Bool
    ) {
        var failure: Error?
        for _ in 0..<16 {
            guard let result = next() else { return (failure, false) }
            switch PQresultStatus(result) {
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                PQclear(result)
                return (failure, true)
            default:
                do { try check(result) } catch { failure = failure ?? error }
            }
        }
        return (failure, true)
    }

    /// ``drainResults(next:check:)`` on this connection; a stuck connection is closed and its
    /// failure returned (the next transaction opens a new one).
    private func drain(sql: String, keep: ((PGResult) -> Void)? = nil) -> Error? {
        guard let connection else { return PGError(sqlState: "08003", message: "no connection") }
        let drained = Self.drainResults(next: { PQgetResult(connection) }) { result in
            let owned = try self.check(result, sql: sql)
            keep?(owned)
        }
        guard drained.broken else { return drained.failure }
        let reason = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
        dropConnection()
        return Self.connectionLost(drained.failure, reason: reason)
    }

    /// Prepares the data statements of `statements` that this connection has not prepared yet,
    /// ALL in one round trip (issue 12, branch pg3tail): a connection's first save used to
    /// prepare its statements one round trip each (about 20 before its first exchange). Does
    /// nothing (no round trip) when every one is prepared already. A store readies its save
    /// path with it when a workstation opens (``PostgresStore/warmSavePath()``).
    func prepare(_ statements: [(sql: String, arguments: PGArguments)]) throws {
        try prepareMissing(statements.map { numberedSQL($0.sql) }, counts: statements.map(\.arguments.values.count))
    }

    /// Prepares `texts` (numbered SQL; `counts` their parameters) not prepared yet in ONE
    /// pipelined exchange (`PQsendPrepare` each, one sync). A statement the server refuses
    /// fails the exchange with its error; the ones before it stay prepared (and are known as
    /// such), the ones after it were skipped by the server and are prepared on a later call.
    private func prepareMissing(_ texts: [String], counts: [Int]) throws {
        var missing: [(text: String, count: Int)] = []
        var seen = Set<String>()
        for (index, text) in texts.enumerated() where Self.isPreparable(text) && prepared[text] == nil {
            if seen.insert(text).inserted { missing.append((text, counts[index])) }
        }
        guard !missing.isEmpty else { return }
        guard let connection else { throw PGError(sqlState: "08003", message: "no connection") }
        guard PQenterPipelineMode(connection) == 1 else {
            throw PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
        }
        roundTrips += 1
        let started = roundTripObserver == nil ? 0 : PGRoundTrip.now()
        defer {
            if let observer = roundTripObserver {
                observer(PGRoundTrip(statements: missing.map { "PREPARE " + $0.text }, start: started, end: PGRoundTrip.now()))
            }
        }
        var failure: Error?
        var names: [String] = []
        for (index, statement) in missing.enumerated() where failure == nil {
            let name = "ipasn_\(prepared.count + 1 + index)"
            names.append(name)
            if PQsendPrepare(connection, name, statement.text, Int32(statement.count), nil) != 1 {
                failure = PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
            }
        }
        var broken = false
        if PQpipelineSync(connection) == 1 {
            let read = Self.readPipeline(
                statements: names.count,
                next: { PQgetResult(connection) },
                connected: { PQstatus(connection) == CONNECTION_OK },
                check: { result, index in try self.check(result, sql: missing[min(index, missing.count - 1)].text) })
            // The server prepares in order and skips everything after a refusal: the results
            // that came back are the first ones, all prepared.
            for index in read.results.indices where index < names.count {
                prepared[missing[index].text] = names[index]
            }
            failure = failure ?? read.failure
            broken = read.broken
        } else {
            failure = failure ?? PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
        }
        if broken {
            let reason = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            dropConnection()
            throw Self.connectionLost(failure, reason: reason)
        }
        if PQexitPipelineMode(connection) != 1 && failure == nil {
            failure = PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
        }
        if let failure { throw failure }
    }

    private func preparedName(_ text: String, count: Int) throws -> String {
        if let name = prepared[text] { return name }
        let name = "ipasn_\(prepared.count + 1)"
        roundTrips += 1
        let started = roundTripObserver == nil ? 0 : PGRoundTrip.now()
        defer { if let observer = roundTripObserver { observer(PGRoundTrip(statements: ["PREPARE " + text], start: started, end: PGRoundTrip.now())) } }
        let result = PQprepare(connection, name, text, Int32(count), nil)
        _ = try check(result, sql: text)
        prepared[text] = name
        return name
    }

    private static func isPreparable(_ text: String) -> Bool {
        let head = text.prefix(8).uppercased()
        return head.hasPrefix("SELECT") || head.hasPrefix("INSERT") || head.hasPrefix("UPDATE") || head.hasPrefix("DELETE")
            || head.hasPrefix("WITH")
    }

    private func check(_ result: OpaquePointer?, sql: String) throws -> PGResult {
        guard let result else {
            throw PGError(sqlState: "08006", message: connection.map { String(cString: PQerrorMessage($0)) } ?? "no connection")
        }
        let owned = PGResult(pointer: result)
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return owned
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            var message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                ?? String(cString: PQresultErrorMessage(result))
            if state.isEmpty, let connection { message = String(cString: PQerrorMessage(connection)) }
            let constraint = PQresultErrorField(result, Int32(UInt8(ascii: "n"))).map { String(cString: $0) }
            // A lost connection has no SQLSTATE from the server: call it a connection failure.
            let lost = connection.map { PQstatus($0) != CONNECTION_OK } ?? true
            throw PGError(
                sqlState: state.isEmpty && lost ? "08006" : state, message: message.trimmingCharacters(in: .whitespacesAndNewlines),
                constraint: constraint)
        }
    }

    /// `?` placeholders as `$1`, `$2` ... (cached per SQL text).
    func numberedSQL(_ sql: String) -> String {
        if let known = numbered[sql] { return known }
        let text = PGPlaceholders.numbered(sql)
        numbered[sql] = text
        return text
    }

    /// Copies rows into `table` with `COPY ... FROM STDIN` (text format): the fastest way to
    /// load many rows. Returns how many rows the server took.
    func copyIn(table: String, columns: [String], rows next: () throws -> [String?]?) throws -> Int {
        try copyIn(table: table, columns: columns) { buffer in
            guard let row = try next() else { return false }
            buffer.row(row)
            return true
        }
    }

    /// ``copyIn(table:columns:rows:)`` with each row written by `encode` straight into the
    /// COPY's buffer (``PGCopyBuffer``: no String per field); `encode` returns false when
    /// there is no row left (it may also have written none for a call that returns true).
    /// `freeze`: `COPY ... (FREEZE)`, the rows written frozen (the table must have been
    /// created or truncated in this transaction: ``FirstLoadFreeze``); `binary`: COPY's binary
    /// format (``PGCopyBuffer/binary``).
    func copyIn(
        table: String, columns: [String], freeze: Bool = false, binary: Bool = false,
        encode: (inout PGCopyBuffer) throws -> Bool
    ) throws -> Int {
        if let begin = pendingBegin {
            pendingBegin = nil
            try execute(sql: begin)
        }
        guard let connection else { throw PGError(sqlState: "08003", message: "no connection") }
        let options: [String] = (binary ? ["FORMAT binary"] : []) + (freeze ? ["FREEZE"] : [])
        let sql =
            "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
            + (options.isEmpty ? "" : " (\(options.joined(separator: ", ")))")
        roundTrips += 1
        guard let started = PQexec(connection, sql) else { throw PGError(sqlState: "08006", message: "no connection") }
        if PQresultStatus(started) != PGRES_COPY_IN { _ = try check(started, sql: sql) }
        PQclear(started)
        var buffer = PGCopyBuffer(binary: binary)
        func flush() throws {
            guard buffer.count > 0 else { return }
            let sent = buffer.bytes.withUnsafeBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    PQputCopyData(connection, $0, Int32(bytes.count))
                }
            }
            buffer.removeAll()
            if sent != 1 { throw PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection))) }
        }
        do {
            while try encode(&buffer) {
                if buffer.count >= 1 << 16 { try flush() }
            }
            buffer.endData()
            try flush()
        } catch {
            _ = PQputCopyEnd(connection, "copy abandoned")
            _ = drain(sql: sql)
            throw error
        }
        guard PQputCopyEnd(connection, nil) == 1 else {
            throw PGError(sqlState: "08006", message: String(cString: PQerrorMessage(connection)))
        }
        var copied = 0
        if let failure = drain(sql: sql, keep: { copied = Int(String(cString: PQcmdTuples($0.pointer))) ?? 0 }) {
            throw failure
        }
        return copied
    }

    /// Runs `COPY (query) TO STDOUT` (text format: tab-separated, `\N` for NULL, backslash
    /// escapes) and calls `row` with each data row's bytes, without the newline, straight from
    /// libpq's buffer (valid during the call only): no result set, no cursor round trips, no
    /// String per field. `query` takes no parameters (COPY cannot); returns the row count.
    @discardableResult
    func copyOut(query: String, row: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        guard let connection else { throw PGError(sqlState: "08003", message: "no connection") }
        let sql = "COPY (\(query)) TO STDOUT"
        guard let started = PQexec(connection, sql) else { throw PGError(sqlState: "08006", message: "no connection") }
        if PQresultStatus(started) != PGRES_COPY_OUT { _ = try check(started, sql: sql) }
        PQclear(started)
        var count = 0
        var failure: Error?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(connection, &buffer, 0)
            if length > 0, let buffer {
                defer { PQfreemem(buffer) }
                // Once the caller failed, the rest of the data is read and dropped: the
                // connection must reach the end of the COPY before it can be used again.
                guard failure == nil else { continue }
                var size = Int(length)
                buffer.withMemoryRebound(to: UInt8.self, capacity: size) { bytes in
                    if size > 0 && bytes[size - 1] == 10 { size -= 1 }
                    do {
                        try row(UnsafeBufferPointer(start: bytes, count: size))
                        count += 1
                    } catch {
                        failure = error
                    }
                }
            } else if length == -1 {
                break
            } else {
                // The connection failed mid-COPY: it cannot be used again, even if libpq still
                // calls it up; the next transaction opens a new one.
                let reason = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
                dropConnection()
                throw Self.connectionLost(nil, reason: reason)
            }
        }
        if let drained = drain(sql: sql) { failure = failure ?? drained }
        if let failure { throw failure }
        return count
    }

    /// Whether `descriptor` has something to read (or was closed), without waiting.
    static func isReadable(_ descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return false }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0
    }

    /// Sends a notification on `channel` (delivered when the transaction commits).
    func notify(_ channel: String, _ payload: String) throws {
        try execute(sql: "SELECT pg_notify(?, ?)", arguments: [channel, payload])
    }
}

/// Calls `body` with C strings of `values` (NULL for nil), valid during the call.
private func withCStrings<T>(_ values: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> T) rethrows -> T {
    var buffers: [UnsafeMutablePointer<CChar>?] = values.map { $0.map { strdup($0) } }
    defer { for buffer in buffers { free(buffer) } }
    let pointers = buffers.map { $0.map { UnsafePointer($0) } }
    buffers.reserveCapacity(buffers.count)
    return try body(pointers)
}

/// A result owned by Swift (cleared when the last row of it is gone).
final class PGResult {
    let pointer: OpaquePointer
    let count: Int

    init(pointer: OpaquePointer) {
        self.pointer = pointer
        self.count = Int(PQntuples(pointer))
    }

    deinit { PQclear(pointer) }

    func text(_ row: Int, _ column: Int) -> String? {
        if PQgetisnull(pointer, Int32(row), Int32(column)) != 0 { return nil }
        return String(cString: PQgetvalue(pointer, Int32(row), Int32(column)))
    }
}

/// A server-side cursor read a chunk at a time.
final class PGCursor {
    private let connection: PGConnection
    private let name: String
    private let chunk: Int
    private var result: PGResult?
    private var index = 0
    private var done = false

    init(connection: PGConnection, name: String, chunk: Int) {
        self.connection = connection
        self.name = name
        self.chunk = chunk
    }

    func next() throws -> PGRow? {
        if let result, index < result.count {
            defer { index += 1 }
            return PGRow(result: result, index: index)
        }
        guard !done else { return nil }
        let fetched = try connection.run("FETCH \(chunk) FROM \(name)", [], prepare: false)
        if fetched.count < chunk {
            done = true
            try connection.execute(sql: "CLOSE \(name)")
        }
        result = fetched
        index = 0
        guard fetched.count > 0 else { return nil }
        index = 1
        return PGRow(result: fetched, index: 0)
    }
}

/// The `?` placeholders of the store's SQL as PostgreSQL's `$n`.
enum PGPlaceholders {
    /// `?` as `$1`, `$2` ... outside single-quoted literals and double-quoted names.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(character)
            }
        }
        return out
    }
}
