import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The save path in few round trips (issue 12, branch pgsave): the permission check, the
/// employee's records and the scoring inputs each in one pipelined exchange, BEGIN sent with
/// the first statement. These pin that nothing was weakened on the way: the check is still
/// the store's and the database's, the audit row is still in the save's transaction, and a
/// failing statement in a pipeline leaves a usable connection and no open transaction.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSavePathTests {
    /// A seeded database, its operator's store and an admin of SUB (a sub-unit of ROOT).
    private func seeded(_ databases: TestDatabases) throws -> (conninfo: String, ops: PostgresStore) {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "sub-admin", role: .admin, units: ["SUB"]))
        try ops.saveAccount(Account(login: "root-admin", role: .admin, units: ["ROOT"]))
        try ops.saveAccount(Account(login: "checker", role: .verifikator, units: []))
        return (conninfo, ops)
    }

    @Test func anAdminsSaveIsTwoRoundTripsAndOneAuditedTransaction() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))  // prepares the statements
        admin.oneTripMemo.forget()  // the two-exchange save (the next save of Budi's would be one: PostgresOneTripSaveTests)
        let before = admin.roundTrips
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 10))
        // 1 BEGIN, the write lock's attempt, the permission check, the employee's records,
        // the scoring inputs and the new id; 2 the insert, the audit row, the scores of both
        // cached years, the as-entered rows and COMMIT (branch pgsave3; four before).
        #expect(try ops.read { try ops.cachedYears($0) } == [2024, 2025])
        #expect(admin.roundTrips - before == 2)
        // 10 + 10 JP in 2024: the 20 JP of a pelaksana's 22.5 points, from the records read
        // before the insert plus the new one.
        #expect(saved.score.kompetensi == 22.5)
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi == 22.5)
        let audit = try ops.auditLog(limit: 1)[0]
        #expect(audit.actor == "sub-admin")
        #expect(audit.action == .insert)
        #expect(audit.subject == .record(saved.id))
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.map(\.value.nama) == ["Pertama", "Kedua"])
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.last?.id == saved.id.id)
        // Both cached years' scores were written with it (2025 counts no 2024 course).
        #expect(try ops.score(nip: SmallProvince.nipB, year: 2025)?.kompetensi == 0)
        #expect(try ops.check() == [])
    }

    /// The reads sent with the lock's attempt ran without the lock when another writer held
    /// it: they are thrown away and read again once the lock is taken, so the save scores the
    /// other writer's record too (with the stale reads it would score 10 JP, not 20).
    @Test func readsSentWithTheLockAttemptAreReadAgainWhenAnotherWriterHeldTheLock() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipC, "Persiapan", jp: 10))  // prepares the statements
        let holding = DispatchSemaphore(value: 0)
        let attempted = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let exchanges = Exchanges()
        admin.roundTripObserver = { trip in
            exchanges.add(trip.statements)
            if trip.statements.contains(PostgresStore.nextIDSQL), exchanges.withReads == 1 { attempted.signal() }
        }
        let outcome = Outcome()
        try ops.inOneTransaction {
            // The operator's write holds the write lock until its transaction commits.
            _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Operator", jp: 10))
            DispatchQueue.global().async {
                holding.wait()
                outcome.set(Result { try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Admin", jp: 10)) })
                done.signal()
            }
            holding.signal()
            attempted.wait()  // the admin's first exchange ran (and found the lock held)
        }
        done.wait()
        let saved = try #require(try outcome.value?.get())
        // The reads went twice: with the failed attempt, and again once the lock was taken.
        #expect(exchanges.withReads == 2)
        #expect(exchanges.all.first?.contains { $0.contains("pg_try_advisory_xact_lock") } == true)
        #expect(saved.score.kompetensi == 22.5)
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi == 22.5)
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.map(\.value.nama) == ["Operator", "Admin"])
        #expect(try ops.check() == [])
    }

    /// A write whose last exchange fails (its COMMIT went with it and was skipped) leaves
    /// nothing: no record, no audit row, no score, and the store writes on.
    @Test func aFailureInTheExchangeCarryingTheCommitRollsBackEverything() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        let audited = try ops.auditLog(limit: 1000).count
        // A check constraint the operator adds makes the insert (in the last exchange) fail.
        try ops.transaction { db in
            try db.execute(sql: "ALTER TABLE diklat ADD CONSTRAINT no_99 CHECK (jp <> 99) NOT VALID")
        }
        let error = #expect(throws: (any Error).self) { try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Gagal", jp: 99)) }
        #expect(!(error is ValidationFailure))  // the server's refusal, not the client's validation
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.isEmpty == true)
        #expect(try ops.auditLog(limit: 1000).count == audited)
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi ?? 0 == 0)
        #expect(try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Berhasil", jp: 20)).score.kompetensi == 22.5)
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.map(\.value.nama) == ["Berhasil"])
    }

    @Test func theOneExchangeCheckRefusesWhatTheCheckRefused() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let audited = try ops.auditLog(limit: 1000).count
        let sub = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        // Andi is in ROOT, above the admin's SUB: refused, naming the unit; nothing written.
        #expect(throws: StoreError.notPermitted(.notYourUnit("ROOT"))) {
            try sub.add(SmallProvince.teknis(SmallProvince.nipA))
        }
        // Moving one of their records to Andi: both employees are checked.
        let own = try sub.add(SmallProvince.teknis(SmallProvince.nipB))
        #expect(throws: StoreError.notPermitted(.notYourUnit("ROOT"))) {
            try sub.update(own.id, to: SmallProvince.teknis(SmallProvince.nipA))
        }
        #expect(try ops.records(nip: SmallProvince.nipA)?.diklat.isEmpty == true)
        #expect(try ops.auditLog(limit: 1000).count == audited + 1)
        // An admin of ROOT holds SUB below it: the walk up the tree from Budi's unit.
        let root = try PostgresStore(conninfo, context: TestClock.context(actor: "root-admin"))
        #expect(try root.add(SmallProvince.teknis(SmallProvince.nipC)).score.kompetensi == 22.5)
        // Roles that only read, and a login without an account.
        let checker = try PostgresStore(conninfo, context: TestClock.context(actor: "checker"))
        #expect(throws: StoreError.notPermitted(.readOnlyRole(.verifikator))) {
            try checker.add(SmallProvince.teknis(SmallProvince.nipB, "Lain"))
        }
        let stranger = try PostgresStore(conninfo, context: TestClock.context(actor: "stranger"))
        #expect(throws: StoreError.notPermitted(.noAccount(login: "stranger", operators: ["ops"]))) {
            try stranger.add(SmallProvince.teknis(SmallProvince.nipB, "Lain"))
        }
        // An unknown NIP is validation's to name, not a permission error.
        #expect(throws: ValidationFailure.self) { try sub.add(SmallProvince.teknis("199901012020011001")) }
        #expect(try ops.auditLog(limit: 1000).count == audited + 2)
    }

    @Test func aFailedStatementInAPipelineLeavesAUsableConnection() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let db = try PGConnection(conninfo: conninfo)
        let before = db.roundTrips
        let ok = try db.pipelined([("SELECT 1 + ?::int", [1]), ("SELECT 'two'", [])])
        #expect(ok.map { $0.text(0, 0) } == ["2", "two"])
        #expect(db.roundTrips - before <= 3)  // one exchange, after at most two PREPAREs
        #expect(throws: PGError.self) {
            try db.pipelined([("SELECT 1", []), ("SELECT 1 / (? - 1)", [1]), ("SELECT 3", [])])
        }
        #expect(try Int.fetchOne(db, sql: "SELECT 4") == 4)

        // A read whose statement fails ends its snapshot: the store reads and writes on.
        #expect(throws: StoreError.self) { try ops.readPipelined([("SELECT 1 / (? - 1)", [1])]) }
        #expect(try ops.records(nip: SmallProvince.nipB)?.pegawai.nama == "Budi")
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB))
        // A read that sends nothing sends no BEGIN either.
        let idle = ops.roundTrips
        #expect(try ops.read { _ in 5 } == 5)
        #expect(ops.roundTrips == idle)
        // A page's reads after a save: one round trip each, BEGIN and COMMIT included.
        _ = try ops.records(nip: SmallProvince.nipB)
        _ = try ops.verifications(nip: SmallProvince.nipB)
        _ = try ops.auditLog(limit: 3)
        let pageReads = ops.roundTrips
        _ = try ops.records(nip: SmallProvince.nipB)
        _ = try ops.verifications(nip: SmallProvince.nipB)
        _ = try ops.auditLog(limit: 3)
        #expect(ops.roundTrips - pageReads == 3)
    }

    /// The employee page's reload after a save (issue 12, branch pgsave3): ONE round trip for
    /// the records, their verification and SIASN marks and the employee's changes.
    @Test func anEmployeePageIsOneRoundTrip() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))
        #expect(try ops.setVerification([saved.id], status: .tidak, reason: "Sertifikat buram") == 1)
        _ = try admin.employeePage(nip: SmallProvince.nipB)  // prepares the statements
        let before = admin.roundTrips
        let page = try #require(try admin.employeePage(nip: SmallProvince.nipB))
        #expect(admin.roundTrips - before == 1)
        #expect(page.records.diklat.map(\.value.nama) == ["Pertama"])
        #expect(page.verifications[saved.id]?.reason == "Sertifikat buram")
        #expect(page.sent.isEmpty)
        #expect(page.history.map(\.new.nama) == ["Budi"])
        #expect(try admin.employeePage(nip: SmallProvince.stranger) == nil)
    }

    /// Clearing a draft after a save: one round trip, no write lock, the draft gone for good;
    /// inside a transaction it is part of it (rolled back with it).
    @Test func clearingADraftIsOneRoundTripAndPartOfAnOuterTransaction() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        func draft(_ form: String) -> Draft {
            Draft(form: form, nip: SmallProvince.nipB, editing: nil, fields: ["nama": "Belum"], savedAt: TestClock.now)
        }
        try admin.saveDraft(draft("diklat"), owner: "sub-admin")
        try admin.saveDraft(draft("skp"), owner: "sub-admin")
        try admin.clearDraft(owner: "sub-admin", formKey: draft("skp").formKey)  // prepares the DELETE
        let before = admin.roundTrips
        try admin.clearDraft(owner: "sub-admin", formKey: draft("diklat").formKey)
        #expect(admin.roundTrips - before == 1)
        #expect(try admin.loadDrafts(owner: "sub-admin").isEmpty)
        // Inside a transaction that fails, the clear is undone with it.
        try admin.saveDraft(draft("diklat"), owner: "sub-admin")
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try admin.inOneTransaction {
                try admin.clearDraft(owner: "sub-admin", formKey: draft("diklat").formKey)
                throw Abandon()
            }
        }
        #expect(try admin.loadDrafts(owner: "sub-admin").map(\.formKey) == [draft("diklat").formKey])
        // The store saves on after it.
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sesudah", jp: 2))
    }
}

/// The statements of each exchange an observer was told of (from another thread).
private final class Exchanges: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [[String]] = []
    func add(_ statements: [String]) { lock.withLock { list.append(statements) } }
    var all: [[String]] { lock.withLock { list } }
    /// How many exchanges carried the save's reads (its `nextval` of the new id).
    var withReads: Int { all.filter { $0.contains(PostgresStore.nextIDSQL) }.count }
}

/// A save's outcome on another thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<SaveResult, any Error>?
    func set(_ value: Result<SaveResult, any Error>) { lock.withLock { result = value } }
    var value: Result<SaveResult, any Error>? { lock.withLock { result } }
}
