import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Two admins' saves arriving at the same moment on the same data, on two connections
/// (issue 12: "two connections saving to one employee at once: no lost update").
///
/// The moment is made deterministic with the locks themselves, never with sleeps: a raw
/// connection (a psql session) holds the record's row lock (`SELECT ... FOR UPDATE` in an
/// open transaction); the first store's save takes the database's write lock and then waits
/// on that row lock (seen in `pg_locks`); the second store's save waits for the write lock
/// (its lock-wait observer reports it); then the raw session lets go. Every wait is polled
/// with a bound (a failure, never a timing assumption).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSaveRaceTests {
    static let first = "ipasn_race_a"
    static let second = "ipasn_race_b"
    static let budi = SmallProvince.nipB

    /// A province with two admins of SUB, each a store connected as their own role, and a
    /// raw superuser connection that holds row locks and watches `pg_locks`.
    final class Race: @unchecked Sendable {
        let databases = TestDatabases()
        let conninfo: String
        let ops: PostgresStore
        let first: PostgresStore
        let second: PostgresStore
        let holder: PGConnection
        let monitor: PGConnection
        let secondWaits = Flag()
        let firstPID: Int

        init() throws {
            conninfo = try databases.makeConninfo()
            ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
            try SmallProvince.seed(ops)
            for login in [PostgresSaveRaceTests.first, PostgresSaveRaceTests.second] {
                try ops.saveAccount(Account(login: login, role: .admin, units: ["SUB"]))
                _ = try ops.provisionLoginRole(login)
            }
            // Long stall limits (a failing test ends at the bounds below, not at a timeout);
            // the wait reported at once and often.
            let patience = LockPatience(stallLimit: 60, pollInterval: 0.002, reportAfter: 0, reportInterval: 0.002)
            let firstStore = try PostgresStore(
                conninfo + " user=\(PostgresSaveRaceTests.first)", context: TestClock.context(actor: PostgresSaveRaceTests.first),
                patience: patience)
            first = firstStore
            second = try PostgresStore(
                conninfo + " user=\(PostgresSaveRaceTests.second)", context: TestClock.context(actor: PostgresSaveRaceTests.second),
                patience: patience)
            holder = try PGConnection(conninfo: conninfo)
            monitor = try PGConnection(conninfo: conninfo)
            firstPID = firstStore.withConnection { (try? Int.fetchOne($0, sql: "SELECT pg_backend_pid()")) ?? nil } ?? -1
            let flag = secondWaits
            second.lockWaitObserver = { _ in flag.set() }
        }

        /// Budi's course `id` as stored now (nil: gone).
        func stored(_ id: RecordID) throws -> Record? {
            try ops.records(nip: PostgresSaveRaceTests.budi)?.diklat.first { $0.id == id.id }.map { .diklat($0.value) }
        }

        deinit { databases.dropAll() }

        /// The raw session takes the record's row lock and keeps its transaction open.
        func holdRow(_ id: RecordID) throws {
            try holder.execute(sql: "BEGIN")
            #expect(try Int64.fetchOne(holder, sql: "SELECT id FROM \(id.kind.rawValue) WHERE id = ? FOR UPDATE", arguments: [id.id]) == id.id)
        }

        /// Starts the first store's save and returns once it waits on the held row lock.
        func firstSaveWaitsOnTheRow<T: Sendable>(_ save: @escaping @Sendable (PostgresStore) throws -> T) throws -> Background<T> {
            let store = first
            let running = Background { try save(store) }
            let pid = firstPID
            let monitor = monitor
            try PostgresSaveRaceTests.eventually("the first save waits on the row lock") {
                try Bool.fetchOne(monitor, sql: "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = ? AND NOT granted)", arguments: [pid]) == true
            }
            #expect(!running.isFinished)
            return running
        }

        /// Starts the second store's save and returns once it waits for the write lock.
        func secondSaveWaitsForTheFirst<T: Sendable>(_ save: @escaping @Sendable (PostgresStore) throws -> T) throws -> Background<T> {
            let store = second
            let running = Background { try save(store) }
            let flag = secondWaits
            try PostgresSaveRaceTests.eventually("the second save waits for the write lock") { flag.isSet }
            #expect(!running.isFinished)
            return running
        }

        /// The raw session lets go of its row lock without changing anything.
        func release() throws { try holder.execute(sql: "ROLLBACK") }
    }

    /// Polls `condition` (every 2 ms, at most 15 s: the bound is a failure, not a timing).
    static func eventually(_ what: String, _ condition: () throws -> Bool) throws {
        for _ in 0..<7_500 {
            if try condition() { return }
            usleep(2_000)
        }
        Issue.record("never happened: \(what)")
        throw StoreError.busy
    }

    /// The same record edited by two admins from the same version: the second save waits
    /// for the first, then is refused naming the first admin; the first's edit stays.
    @Test func theSameRecordFromTheSameVersionRefusesTheSecondSave() throws {
        let race = try Race()
        let original = SmallProvince.teknis(Self.budi, jp: 20)
        let id = try race.ops.add(original).id
        let firstEdit = SmallProvince.teknis(Self.budi, jp: 30)
        let secondEdit = SmallProvince.teknis(Self.budi, jp: 19)

        try race.holdRow(id)
        let firstSave = try race.firstSaveWaitsOnTheRow { try $0.update(id, to: firstEdit, expecting: original) }
        let secondSave = try race.secondSaveWaitsForTheFirst { try $0.update(id, to: secondEdit, expecting: original) }
        try race.release()

        let firstResult = try #require(firstSave.finish())
        #expect(try firstResult.get().score.kompetensi == 22.5)
        let secondResult = try #require(secondSave.finish())
        #expect(throws: StoreError.editedMeanwhile(by: Self.first)) { try secondResult.get() }
        // Not a lost update: the first admin's edit is stored, audited once; the second's is not.
        #expect(try race.stored(id) == firstEdit)
        let updates = try race.ops.auditLog(limit: 100).filter { $0.subject == .record(id) && $0.action == .update }
        #expect(updates.map(\.actor) == [Self.first])
        #expect(try race.ops.score(nip: Self.budi, year: 2024)?.kompetensi == 22.5)
        #expect(try race.ops.check() == [])
    }

    /// Two different records of one employee saved at once: both saves succeed, and the
    /// employee's cached score is the one of both edits (a full recompute gives the same).
    @Test func twoRecordsOfOneEmployeeAtOnceLoseNoScoreUpdate() throws {
        let race = try Race()
        // 10 + 5 JP: no kompetensi points; 12 + 8 = 20 JP: 22.5 (only with both edits:
        // 12 + 5 = 17 and 10 + 8 = 18 earn nothing).
        let arsip = SmallProvince.teknis(Self.budi, "Bimtek Arsip", jp: 10)
        let surat = SmallProvince.teknis(Self.budi, "Bimtek Surat", jp: 5)
        let arsipID = try race.ops.add(arsip).id
        let suratID = try race.ops.add(surat).id
        #expect(try race.ops.score(nip: Self.budi, year: 2024)?.kompetensi == 0)

        try race.holdRow(arsipID)
        let firstSave = try race.firstSaveWaitsOnTheRow {
            try $0.update(arsipID, to: SmallProvince.teknis(Self.budi, "Bimtek Arsip", jp: 12), expecting: arsip)
        }
        let secondSave = try race.secondSaveWaitsForTheFirst {
            try $0.update(suratID, to: SmallProvince.teknis(Self.budi, "Bimtek Surat", jp: 8), expecting: surat)
        }
        try race.release()

        #expect(try #require(firstSave.finish()).get().score.kompetensi == 0)
        #expect(try #require(secondSave.finish()).get().score.kompetensi == 22.5)
        let cached = try race.ops.score(nip: Self.budi, year: 2024)
        #expect(cached?.kompetensi == 22.5)
        #expect(try race.ops.directUnitTotals(year: 2024)["SUB"]?.kompetensi == 22.5)
        try race.ops.recomputeAll(year: 2024)
        #expect(try race.ops.score(nip: Self.budi, year: 2024) == cached)
        #expect(try race.ops.check() == [])
    }

    /// A delete and an edit of one record at once, the delete first: the edit waits, then
    /// is refused naming who deleted it (not "not found", not a generic error).
    @Test func anEditAfterAConcurrentDeleteIsRefusedNamingTheDeleter() throws {
        let race = try Race()
        let original = SmallProvince.teknis(Self.budi, jp: 20)
        let id = try race.ops.add(original).id

        try race.holdRow(id)
        let deletion = try race.firstSaveWaitsOnTheRow { try $0.delete(id) }
        let edit = try race.secondSaveWaitsForTheFirst { try $0.update(id, to: SmallProvince.teknis(Self.budi, jp: 30), expecting: original) }
        try race.release()

        #expect(try #require(deletion.finish()).get().score.kompetensi == 0)
        let edited = try #require(edit.finish())
        #expect(throws: StoreError.editedMeanwhile(by: Self.first)) { try edited.get() }
        #expect(try race.stored(id) == nil)
        #expect(try race.ops.score(nip: Self.budi, year: 2024)?.kompetensi == 0)
        #expect(try race.ops.check() == [])
    }

    /// The edit first, the delete second: the delete removes the edited record, and its
    /// audit row keeps what it removed (the first admin's version, not the one the deleter
    /// last saw): nothing is lost silently.
    @Test func aDeleteAfterAConcurrentEditRemovesTheEditedRecordAndSaysSo() throws {
        let race = try Race()
        let original = SmallProvince.teknis(Self.budi, jp: 20)
        let id = try race.ops.add(original).id
        let firstEdit = SmallProvince.teknis(Self.budi, jp: 19)

        try race.holdRow(id)
        let edit = try race.firstSaveWaitsOnTheRow { try $0.update(id, to: firstEdit, expecting: original) }
        let deletion = try race.secondSaveWaitsForTheFirst { try $0.delete(id) }
        try race.release()

        #expect(try #require(edit.finish()).get().score.kompetensi == 0)
        #expect(try #require(deletion.finish()).get().score.kompetensi == 0)
        #expect(try race.stored(id) == nil)
        let deleted = try race.ops.auditLog(limit: 100).first { $0.subject == .record(id) && $0.action == .delete }
        #expect(deleted?.actor == Self.second)
        #expect(deleted?.record == firstEdit)
        #expect(try race.ops.check() == [])
    }

    /// The row lock itself: a psql session (the second admin's own role) holding the row
    /// edits it and commits while a save of it waits on the lock; the save is then refused
    /// naming that admin (from the audit row the session wrote), and writes nothing.
    @Test func aSaveWaitingOnTheRowLockSeesTheHoldersEdit() throws {
        let race = try Race()
        let original = SmallProvince.teknis(Self.budi, jp: 20)
        let id = try race.ops.add(original).id
        let psql = try PGConnection(conninfo: race.conninfo + " user=\(Self.second)")
        try psql.execute(sql: "BEGIN")
        #expect(try Int64.fetchOne(psql, sql: "SELECT id FROM diklat WHERE id = ? FOR UPDATE", arguments: [id.id]) == id.id)

        let save = try race.firstSaveWaitsOnTheRow { try $0.update(id, to: SmallProvince.teknis(Self.budi, jp: 30), expecting: original) }
        #expect(try psql.execute(sql: "UPDATE diklat SET jp = 25 WHERE id = ?", arguments: [id.id]) == 1)
        let (entity, key) = StoreCodec.entity(.record(id))
        try psql.execute(
            sql: "INSERT INTO audit (at, actor, action, entity, entity_id, nip) VALUES (now(), session_user, 'update', ?, ?, ?)",
            arguments: [entity, key, Self.budi])
        try psql.execute(sql: "COMMIT")

        let result = try #require(save.finish())
        #expect(throws: StoreError.editedMeanwhile(by: Self.second)) { try result.get() }
        guard case .diklat(let stored)? = try race.stored(id) else {
            Issue.record("the course is gone")
            return
        }
        #expect(stored.jp == 25)
        #expect(try race.ops.auditLog(limit: 100).filter { $0.subject == .record(id) && $0.actor == Self.first }.isEmpty)
    }
}

/// A value set once by one thread and read by another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// `body` run on a thread of its own; ``finish()`` waits for its result (at most 30 s).
final class Background<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> T) {
        Thread { [self] in
            let outcome = Result { try body() }
            lock.withLock { result = outcome }
            done.signal()
        }.start()
    }

    var isFinished: Bool { lock.withLock { result != nil } }

    /// The result, or nil when the body is still running after the bound.
    func finish() -> Result<T, any Error>? {
        guard done.wait(timeout: .now() + 30) == .success else { return nil }
        return lock.withLock { result }
    }
}
