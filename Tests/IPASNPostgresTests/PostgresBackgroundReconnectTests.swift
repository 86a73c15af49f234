import CLibPQ
import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNPostgres
@testable import IPASNWorkstation

/// A connection attempt that answers as the test says (``ScriptedConnector``): each
/// ``advance()`` takes the next step of the script; `.real` connects to the test server for real.
final class ScriptedConnector: PGConnector, @unchecked Sendable {
    enum Step { case wait, fail(String), real }
    private let lock = NSLock()
    private var steps: [Step]
    /// Attempts started, and steps taken.
    private(set) var started = 0
    private(set) var taken = 0

    init(_ steps: [Step]) { self.steps = steps }

    func start(_ conninfo: String) -> PGConnectAttempt {
        lock.withLock { started += 1 }
        return Attempt(conninfo: conninfo, owner: self)
    }

    /// What every step is once the script is done (`wait`: a server that never answers).
    private var afterScript = Step.wait

    /// From now on, once the script is done, every step is `step`.
    func answer(_ step: Step) { lock.withLock { afterScript = step } }

    fileprivate func next() -> Step {
        lock.withLock {
            taken += 1
            return steps.isEmpty ? afterScript : steps.removeFirst()
        }
    }

    var remaining: Int { lock.withLock { steps.count } }

    private final class Attempt: PGConnectAttempt {
        let conninfo: String
        let owner: ScriptedConnector
        init(conninfo: String, owner: ScriptedConnector) {
            self.conninfo = conninfo
            self.owner = owner
        }

        func advance() -> PGConnectStep {
            switch owner.next() {
            case .wait: return .waiting(socket: -1, forWriting: false)
            case .fail(let message): return .failed(message)
            case .real:
                let connection = PQconnectdb(conninfo)
                guard let connection, PQstatus(connection) == CONNECTION_OK else {
                    if let connection { PQfinish(connection) }
                    return .failed("the test server refused")
                }
                return .connected(connection)
            }
        }

        func cancel() {}
    }
}

/// A clock the test moves by hand.
final class HandClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: TimeInterval = 1_000
    var now: TimeInterval { lock.withLock { seconds } }
    func advance(_ by: TimeInterval) { lock.withLock { seconds += by } }
}

/// Reconnecting without freezing the screen (pgdash2): once a screen follows the store's change
/// feed, a lost connection is opened again by non-blocking attempts (`PQconnectStart` /
/// `PQconnectPoll`, ``PGConnection/advanceReconnect(waitingUpTo:)``) that the workstation's
/// ticks move on; a statement meanwhile fails at once (I/O: "unreachable") instead of waiting
/// up to `connect_timeout`. The server's answers are scripted (``ScriptedConnector``) and the
/// clock is moved by hand: nothing here waits on real time.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresBackgroundReconnectTests {
    static let size = Size(width: 80, height: 24)

    /// A seeded store whose connection the server has just closed (`pg_terminate_backend`), as
    /// a screen sees it (the feed said `.disconnected`), with `script` for its attempts.
    private func lostStore(
        _ databases: TestDatabases, script: ScriptedConnector, clock: HandClock
    ) throws -> PostgresStore {
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(store)
        #expect(store.changeDescriptor() != nil, "a screen follows the feed")
        #expect(store.pollChanges() == .quiet)
        store.withConnection { db in
            db.connector = script
            db.clock = { clock.now }
            db.inlineWait = 0
        }
        let pid = store.withConnection { $0.backendPID }
        let killer = try PGConnection(conninfo: conninfo)
        _ = try killer.fetchAll(sql: "SELECT pg_terminate_backend(\(pid))")
        guard case .disconnected = store.newsAfterRestart() else {
            Issue.record("the feed says the connection is lost")
            return store
        }
        return store
    }

    @Test func attemptsAreMovedOnWithoutWaitingGivenUpAfterTheirLimitAndAStatementFailsAtOnce() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let clock = HandClock()
        // A server that does not answer (twice), refuses, stays silent until the attempt's
        // limit passes, then accepts.
        let script = ScriptedConnector([.wait, .wait, .fail("connection refused"), .wait, .wait, .real])
        let store = try lostStore(databases, script: script, clock: clock)

        #expect(!store.reconnect(), "an attempt starts; the server has not answered")
        #expect(script.started == 1 && script.taken == 1)
        #expect(!store.reconnect(), "still no answer: the same attempt, moved on")
        #expect(script.started == 1 && script.taken == 2)
        // A read meanwhile fails at once (no blocking connect): an I/O failure saying why.
        do {
            _ = try store.units()
            Issue.record("a read with the server unreachable fails")
        } catch StoreError.io(let message) {
            #expect(message.contains("unreachable"), "\(message)")
            #expect(message.contains("connection refused"), "libpq's reason: \(message)")
        }
        #expect(script.taken == 3 && store.failedReconnects == 1, "the read took one step: the refusal")

        #expect(!store.reconnect(), "a new attempt; no answer")
        #expect(script.started == 2)
        // The attempt's limit (2 s after one failure: 2 x 2^1 = 4 s) passes with no answer.
        let limit = store.withConnection { $0.attemptLimit }
        #expect(limit == 4)
        clock.advance(4.5)
        #expect(!store.reconnect(), "given up past its limit")
        #expect(store.failedReconnects == 2)
        #expect(store.withConnection { $0.attemptLimit } == 8, "the next may take longer")

        #expect(store.reconnect(), "a fresh attempt; the server accepts")
        #expect(script.started == 3 && script.remaining == 0)
        #expect(store.failedReconnects == 0)
        #expect(store.pollChanges() == .changed, "reopened: reload to be sure")
        #expect(try !store.units().isEmpty, "reads work again")
        _ = try store.add(SmallProvince.teknis(SmallProvince.nipA, "Setelah Tersambung", jp: 20))
        #expect(try store.check() == [])
    }

    @Test func aStoreNoScreenFollowsStillReconnectsByItselfOnItsNextStatement() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "cli"))
        try SmallProvince.seed(store)
        let script = ScriptedConnector([.wait])
        store.withConnection { $0.connector = script }
        let pid = store.withConnection { $0.backendPID }
        _ = try PGConnection(conninfo: conninfo).fetchAll(sql: "SELECT pg_terminate_backend(\(pid))")
        // The CLI: no feed, so the blocking connect (libpq's own, bounded by connect_timeout).
        #expect(try !store.units().isEmpty)
        #expect(script.started == 0, "no background attempt")
    }

    @Test func theWorkstationKeepsAnsweringKeysRefusesTheSaveAndIsBackOnTheTickAfterTheServerAnswers() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let clock = HandClock()
        let script = ScriptedConnector([])  // no answer until told
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(store)
        let station = try Workstation(store: store, screen: VirtualScreen(size: Self.size), context: store.context)
        try station.start()
        let app = station.app
        func text() -> String { app.frame(size: Self.size).text }
        func type(_ keys: String) { for c in keys { _ = app.handle(.key(c == "\t" ? .tab : .char(c))) } }
        type("/\(SmallProvince.nipA)")
        _ = app.handle(.key(.enter))
        type("kTeknis\tKursus Saat Server Ma")
        _ = app.link.wait(idle: 2000, feed: store)  // listening, as the loop does
        store.withConnection { db in
            db.connector = script
            db.clock = { clock.now }
            db.inlineWait = 0
        }
        let pid = store.withConnection { $0.backendPID }
        _ = try PGConnection(conninfo: conninfo).fetchAll(sql: "SELECT pg_terminate_backend(\(pid))")
        #expect(store.withConnection { Self.waitForEnd($0) })

        _ = app.handle(.tick)
        #expect(text().contains("Server basis data terputus"), "\(text())")
        #expect(app.link.isLost)
        #expect(app.link.wait(idle: 2000, feed: store) == (250, nil), "the first try in a quarter second")
        _ = app.handle(.tick)  // a try: no answer yet
        #expect(text().contains("tidak terjangkau; mencoba menyambung lagi tiap detik"), "\(text())")
        #expect(text().contains("(percobaan ke-1)"), "\(text())")
        // Keys answer while it is down: the form takes them.
        type("ti\tBPSDM\t02-03-2024\t03-03-2024\t24")
        #expect(text().contains("Kursus Saat Server Mati"), "\(text())")
        _ = app.handle(.key(.ctrl("s")))
        #expect(text().contains("Tidak tersimpan: server basis data terputus"), "\(text())")
        #expect(text().contains("Kursus Saat Server Mati"), "the form keeps its input")
        _ = app.handle(.tick)
        _ = app.handle(.tick)
        #expect(app.link.delay == 1000, "at most a second between tries")
        #expect(text().contains("(percobaan ke-3)"), "\(text())")
        #expect(script.started == 1, "one attempt under way all along, moved on without blocking")
        // The server answers: the next tick is connected.
        script.answer(.real)
        _ = app.handle(.tick)
        #expect(text().contains("Tersambung kembali ke server basis data"), "\(text())")
        #expect(!app.link.isLost)
        #expect(text().contains("Kursus Saat Server Mati"), "still the form as typed")
        _ = app.handle(.key(.ctrl("s")))
        let saved = try #require(try store.records(nip: SmallProvince.nipA)?.diklat)
        #expect(saved.map(\.value.nama) == ["Kursus Saat Server Mati"], "saved exactly once")
        #expect(try store.check() == [])
    }

    /// Reads the connection until libpq knows the server closed it (a terminated backend's
    /// goodbye arrives at once over the Unix socket; bounded by 10 s).
    static func waitForEnd(_ db: PGConnection) -> Bool {
        for _ in 0..<100 {
            if (try? db.takeNotifications()) == nil { return true }
            if let socket = db.socket {
                var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                _ = poll(&entry, 1, 100)
            }
        }
        return false
    }
}
