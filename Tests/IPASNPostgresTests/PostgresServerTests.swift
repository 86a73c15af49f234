import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// What only a server shows: several connections writing at once, a connection that dies
/// mid-import, a writer stuck in its transaction, a database that is not (yet) ipasn's.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresServerTests {
    /// A seeded database (SmallProvince, by operator "ops") and how to open it as another operator.
    private func seeded(_ databases: TestDatabases) throws -> (conninfo: String, open: (String) throws -> PostgresStore) {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        return (
            conninfo,
            { login in
                if try ops.account(login: login) == nil { try ops.saveAccount(Account(login: login, role: .operator)) }
                return try PostgresStore(conninfo, context: TestClock.context(actor: login))
            }
        )
    }

    private func course(_ nip: String, _ n: Int, jp: Int = 20) -> Record {
        SmallProvince.teknis(nip, "Kursus \(n)", jp: jp)
    }

    @Test func twoAdminsAddingToOneEmployeeAtOnceLoseNothing() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (_, open) = try seeded(databases)
        let stores = [try open("ani"), try open("budi")]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { who in
            for n in 0..<15 {
                do { try stores[who].add(course(SmallProvince.nipA, who * 100 + n)) } catch { failures.add(error) }
            }
        }
        #expect(failures.all.isEmpty)
        let records = try #require(try stores[0].records(nip: SmallProvince.nipA))
        #expect(records.diklat.count == 30)
        let inserts = try stores[0].auditLog(limit: 100).filter {
            if case .record = $0.subject { return $0.action == .insert } else { return false }
        }
        #expect(Set(inserts.map(\.actor)) == ["ani", "budi"])
        #expect(inserts.count == 30)
        // Every cached score is what a recompute gives: no refresh was lost between the writers.
        #expect(try stores[1].check() == [])
        // 20 JP teknis in 2024 earns a pelaksana 22.5 kompetensi points (no seminar: no more).
        #expect(try stores[1].score(nip: SmallProvince.nipA, year: 2024)?.kompetensi == 22.5)
    }

    @Test func twoAdminsUpdatingOneRecordAtOnceSeeEachOthersSave() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (_, open) = try seeded(databases)
        let stores = [try open("ani"), try open("budi")]
        let id = try stores[0].add(course(SmallProvince.nipB, 0, jp: 10)).id
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { who in
            for n in 1...10 {
                do { try stores[who].update(id, to: course(SmallProvince.nipB, 0, jp: who * 100 + n)) } catch {
                    failures.add(error)
                }
            }
        }
        #expect(failures.all.isEmpty)
        // The writes were serialised: each update's old value is exactly the previous one's
        // new value (no update was made against a stale read and then lost).
        let updates = try stores[0].auditLog(limit: 100).filter { $0.action == .update }.sorted { $0.id < $1.id }
        #expect(updates.count == 20)
        var previous: AuditValue? = .record(course(SmallProvince.nipB, 0, jp: 10))
        for update in updates {
            #expect(update.old == previous)
            previous = update.new
        }
        let stored = try #require(try stores[1].records(nip: SmallProvince.nipB)?.diklat.first)
        #expect(AuditValue.record(.diklat(stored.value)) == previous)
        #expect(try stores[1].check() == [])
    }

    @Test func aConnectionKilledMidImportLeavesNothingAndTheStoreReconnects() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, open) = try seeded(databases)
        let store = try open("ani")
        let admin = try PGConnection(conninfo: conninfo)
        let pid = store.connection.backendPID
        let audited = try store.auditLog(limit: 1000).count
        // 200 diklat rows; after the 120th the server drops the importing connection (as when
        // the admin's SSH session and its process die, or the server restarts).
        var rows = KillingRowSource(
            rows: (1...200).map { Line($0, ImportRow.record(course(SmallProvince.nipA, $0))) }, killAfter: 120
        ) {
            _ = try? admin.execute(sql: "SELECT pg_terminate_backend(?::int4)", arguments: [pid])
        }
        let error = #expect(throws: StoreError.self) { try store.importRows(&rows, skipInvalid: false) }
        if case .io = error {} else { Issue.record("expected StoreError.io, got \(String(describing: error))") }
        #expect(rows.delivered > 120)
        let other = try open("budi")
        #expect(try other.records(nip: SmallProvince.nipA)?.diklat.isEmpty == true)
        #expect(try other.auditLog(limit: 1000).count == audited + 1)  // budi's account only
        #expect(try other.check() == [])
        // The same store carries on: the next call opens a new connection.
        let saved = try store.add(course(SmallProvince.nipA, 999))
        #expect(saved.score.kompetensi == 22.5)
        #expect(store.connection.backendPID != pid)
    }

    @Test func aWriterStuckInItsTransactionMakesASaveBusyAndNothingIsWritten() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _) = try seeded(databases)
        let store = try PostgresStore(
            conninfo, context: TestClock.context(actor: "ops"),
            patience: LockPatience(stallLimit: 0.05, pollInterval: 0.005, reportAfter: 0, reportInterval: 0))
        let waits = Waits()
        store.lockWaitObserver = { waits.add($0) }
        // Another client takes the write lock and then sits idle in its transaction.
        let stuck = try PGConnection(conninfo: conninfo)
        try stuck.execute(sql: "BEGIN")
        try stuck.execute(
            sql: "SELECT pg_advisory_xact_lock(?::int4, ?::int4)",
            arguments: [PostgresSchema.writeLockKey.0, PostgresSchema.writeLockKey.1])
        #expect(throws: StoreError.busy) { try store.add(course(SmallProvince.nipA, 1)) }
        #expect(waits.all.contains { $0.holderPID == stuck.backendPID })
        try stuck.execute(sql: "ROLLBACK")
        #expect(try store.records(nip: SmallProvince.nipA)?.diklat.isEmpty == true)
        try store.add(course(SmallProvince.nipA, 1))
        #expect(try store.records(nip: SmallProvince.nipA)?.diklat.count == 1)
    }

    @Test func readingADatabaseWithoutTheSchemaIsRefusedAndWritingCreatesIt() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let admin = try PGConnection(conninfo: PostgresTestServer.conninfo!)
        let name = "ipasn_empty_\(ProcessInfo.processInfo.processIdentifier)_\(Int.random(in: 0..<1_000_000))"
        try admin.execute(sql: "CREATE DATABASE \(name)")
        defer { PostgresTestServer.drop(name) }
        let conninfo = PostgresStore.conninfo(PostgresTestServer.conninfo!, database: name)
        #expect(throws: StoreError.notADatabase(path: PostgresStore.displayName(conninfo))) {
            try PostgresStore(conninfo, context: TestClock.context(), access: .read)
        }
        // Said as what it is (an empty server database) and what to do, not "a damaged file" (user test 5).
        do {
            _ = try PostgresStore(conninfo, context: TestClock.context(), access: .read)
        } catch let error as StoreError {
            #expect(error.message(.id).contains("belum berisi tabel ipasn"), "\(error.message(.id))")
            #expect(error.message(.id).contains("migrate --to"))
            #expect(!error.message(.id).contains("rusak") && !error.message(.id).contains("berkas jenis lain"))
            #expect(error.message(.en).contains("no ipasn tables yet") && error.message(.en).contains("migrate --to"))
        }
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        #expect(store.createdSchema)
        #expect(store.becameFirstOperator)
        #expect(try store.account(login: "ops")?.role == .operator)
        let again = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        #expect(!again.createdSchema)
        #expect(!again.becameFirstOperator)
        // A reader writes nothing: refused with readOnly.
        let reader = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"), access: .read)
        #expect(throws: StoreError.readOnly) { try reader.saveUnit(OrgUnit(kode: "X", nama: "X")) }
    }

    @Test func aDatabaseOfANewerVersionIsRefused() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let admin = try PGConnection(conninfo: conninfo)
        try admin.execute(sql: "INSERT INTO schema_migrations(name) VALUES ('2099-01-01-future')")
        #expect(throws: StoreError.newerVersion(path: PostgresStore.displayName(conninfo))) {
            try PostgresStore(conninfo, context: TestClock.context())
        }
    }
}

/// PostgreSQL's errors as the contract's ``StoreError`` (no server needed).
@Suite struct PostgresErrorTranslationTests {
    @Test func sqlStatesBecomeStoreErrors() {
        func translated(_ state: String) -> StoreError {
            PostgresStore.translate(PGError(sqlState: state, message: "m"), "db")
        }
        #expect(translated("53100") == .diskFull)
        #expect(translated("53200") == .diskFull)
        #expect(translated("55P03") == .busy)
        #expect(translated("40001") == .busy)
        #expect(translated("40P01") == .busy)
        #expect(translated("25006") == .readOnly)
        #expect(translated("42501") == .readOnly)
        #expect(translated("08006") == .io("db: m"))
        #expect(translated("57P01") == .io("db: m"))
        #expect(translated("58030") == .io("db: m"))
        #expect(translated("XX001") == .corrupt("db: m"))
        #expect(translated("42P01") == .corrupt("unexpected database error 42P01 in db: m"))
    }

    @Test func messagesNeverShowThePassword() {
        #expect(PostgresStore.displayName("postgresql://ani:rahasia@db.bkd/ipasn") == "postgresql://ani@db.bkd/ipasn")
        #expect(PostgresStore.displayName("host=db dbname=ipasn password=rahasia user=ani") == "host=db dbname=ipasn user=ani")
        #expect(PostgresStore.conninfo("postgresql://db.bkd/postgres?sslmode=require", database: "x") == "postgresql://db.bkd/x?sslmode=require")
        #expect(PostgresStore.conninfo("host=/tmp/pg dbname=postgres", database: "x") == "host=/tmp/pg dbname=postgres dbname='x'")
    }

    @Test func placeholdersAreNumberedOutsideQuotes() throws {
        // No server: numbering is text work (a connection object is not needed for it).
        #expect(PGPlaceholders.numbered("SELECT ? , '?', \"a?\" WHERE x = ? AND y = 'it''s ?'") == "SELECT $1 , '?', \"a?\" WHERE x = $2 AND y = 'it''s ?'")
    }

    @Test func momentsKeepMicroseconds() {
        let moment = Date(timeIntervalSince1970: 1_736_474_400.123456)
        #expect(PGMoment.format(TestClock.now) == "2025-01-10 02:00:00.000000+00")
        #expect(PGMoment.parse(PGMoment.format(moment))!.timeIntervalSince1970 == moment.timeIntervalSince1970)
        #expect(PGMoment.parse("2025-01-10 09:00:00+07") == TestClock.now)
        #expect(PGMoment.parse("2025-01-10 02:00:00.5+00")!.timeIntervalSince1970 == 1_736_474_400.5)
    }
}

/// A row source that runs `kill` once `killAfter` rows were handed out, then goes on.
private struct KillingRowSource: ImportRowSource {
    let kind = ImportKind.diklat
    let rows: [Line<ImportRow>]
    let killAfter: Int
    let kill: () -> Void
    var delivered = 0

    init(rows: [Line<ImportRow>], killAfter: Int, kill: @escaping () -> Void) {
        self.rows = rows
        self.killAfter = killAfter
        self.kill = kill
    }

    mutating func next() throws -> Line<ImportRow>? {
        guard delivered < rows.count else { return nil }
        if delivered == killAfter { kill() }
        defer { delivered += 1 }
        return rows[delivered]
    }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ error: any Error) { lock.withLock { errors.append(error) } }
    var all: [any Error] { lock.withLock { errors } }
}

/// Lock waits reported to an observer.
private final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [LockWaitStatus] = []
    func add(_ status: LockWaitStatus) { lock.withLock { list.append(status) } }
    var all: [LockWaitStatus] { lock.withLock { list } }
}
