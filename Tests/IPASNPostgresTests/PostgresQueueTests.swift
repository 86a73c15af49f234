import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The verifikator's queue on PostgreSQL's own touch tables (migration `2026-11-30-pgqueue`):
/// an existing database is backfilled from its audit log, a bulk import is one range row, a
/// copy from SQLite gives SQLite's queue, and accounts read the tables but never write them.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresQueueTests {
    static let filters: [QueueFilter] = [
        QueueFilter(), QueueFilter(unit: "SUB"), QueueFilter(kind: .diklat), QueueFilter(since: TestClock.now.addingTimeInterval(90)),
        QueueFilter(touchedBy: "ani"), QueueFilter(unit: "SUB", kind: .diklat, since: TestClock.now, touchedBy: "ops"),
    ]

    /// Every filter at limits 5 and 50.
    static var asked: [(filter: QueueFilter, limit: Int)] { filters.flatMap { [($0, 5), ($0, 50)] } }

    /// The pages of ``asked``.
    static func pages(_ store: any Store) throws -> [QueuePage] {
        try asked.map { try store.verificationQueue($0.filter, limit: $0.limit) }
    }

    /// A history: entries at three moments by two logins, a change, an undo, a plain and a bulk import.
    static func history(_ conninfo: String) throws -> PostgresStore {
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "ops-1", at: StoreConformance.tuesday))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "ani", role: .operator))
        let a = try ops.add(SmallProvince.teknis(SmallProvince.nipA, "Arsip")).id
        try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Anggaran"))
        try ops.add(.skp(SKP(nip: SmallProvince.nipC, tahun: 2024, predikat: .baik)))
        let ani = try PostgresStore(conninfo, context: TestClock.context(actor: "ani", session: "ani-1", at: TestClock.now))
        try ani.update(a, to: SmallProvince.teknis(SmallProvince.nipA, "Arsip", jp: 32))
        try ani.add(SmallProvince.teknis(SmallProvince.nipC, "Dibatalkan"))
        try ani.undoLast(session: "ani-1")
        let later = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "ops-2", at: TestClock.now.addingTimeInterval(120)))
        var plain = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(SmallProvince.teknis(SmallProvince.nipB, "Impor Biasa")))])
        #expect(try later.importRows(&plain, skipInvalid: false, dryRun: false, bulk: false).imported == 1)
        let bulkAt = try PostgresStore(conninfo, context: TestClock.context(actor: "ani", session: "ani-2", at: TestClock.now.addingTimeInterval(180)))
        var bulk = ArrayRowSource(kind: .diklat, rows: [
            Line(2, .record(SmallProvince.teknis(SmallProvince.nipA, "Impor Curah"))), Line(3, .record(SmallProvince.teknis(SmallProvince.nipC, "Impor Curah"))),
        ])
        #expect(try bulkAt.importRows(&bulk, skipInvalid: false, dryRun: false, bulk: true).imported == 2)
        return ops
    }

    @Test func anExistingDatabaseIsBackfilledFromItsAuditLogAndGivesTheSameQueue() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try Self.history(conninfo)
        let kept = try Self.pages(ops)
        #expect(kept == (try Self.asked.map { try QueueFromAudit.page(ops, filter: $0.filter, limit: $0.limit) }))
        #expect(kept[0].entries.map(\.touchedBy) == ["ani", "ani", "ops", "ani", "ops"])
        let owner = try PGConnection(conninfo: conninfo)
        func touches() throws -> [String] {
            try String.fetchAll(owner, sql: "SELECT t::text FROM record_touch t ORDER BY 1")
                + String.fetchAll(owner, sql: "SELECT t::text FROM touch_ranges t ORDER BY 1")
        }
        let written = try touches()
        #expect(try Int.fetchOne(owner, sql: "SELECT COUNT(*) FROM touch_ranges") == 2, "the plain and the bulk import")
        // The database as the version before this migration left it.
        try owner.execute(
            sql: """
                DROP TRIGGER audit_record_touch ON audit;
                DROP FUNCTION ipasn_audit_touch();
                DROP FUNCTION ipasn_import_ids(text);
                DROP TABLE record_touch;
                DROP TABLE touch_ranges;
                DELETE FROM schema_migrations WHERE name = '2026-11-30-pgqueue';
                """)
        // Opening it migrates it: the same touches from the audit log, the same queue.
        let reopened = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        #expect(try touches() == written)
        #expect(try Self.pages(reopened) == kept)
    }

    @Test func aCopyFromSQLiteGivesSQLitesQueue() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let directory = try TemporaryDirectory(prefix: "ipasn-pgqueue")
        defer { directory.remove() }
        let path = directory.path("source.sqlite")
        let sqlite = try SQLiteStore(path: path, context: TestClock.context(actor: "ops", session: "ops-1", at: StoreConformance.tuesday))
        try SmallProvince.seed(sqlite)
        try sqlite.saveAccount(Account(login: "ani", role: .operator))
        let a = try sqlite.add(SmallProvince.teknis(SmallProvince.nipA, "Arsip")).id
        try sqlite.add(.skp(SKP(nip: SmallProvince.nipB, tahun: 2024, predikat: .baik)))
        let ani = try SQLiteStore(path: path, context: TestClock.context(actor: "ani", session: "ani-1", at: TestClock.now))
        try ani.update(a, to: SmallProvince.teknis(SmallProvince.nipA, "Arsip", jp: 32))
        var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(SmallProvince.teknis(SmallProvince.nipC, "Impor")))])
        let later = try SQLiteStore(path: path, context: TestClock.context(actor: "ops", session: "ops-2", at: TestClock.now.addingTimeInterval(120)))
        #expect(try later.importRows(&rows, skipInvalid: false).imported == 1)
        let conninfo = try databases.makeConninfo()
        let copy = try PostgresCopy(conninfo)
        try sqlite.exportTables(order: PostgresCopy.tableOrder) { try copy.copy($0) }
        _ = try copy.finish()
        let postgres = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        let copied = try Self.pages(postgres)
        #expect(copied == (try Self.pages(sqlite)))
        #expect(copied[1].entries.map(\.touchedBy) == ["ops", "ani", "ops"])
        #expect(try Int.fetchOne(PGConnection(conninfo: conninfo), sql: "SELECT COUNT(*) FROM touch_ranges") == 1)
    }

    @Test func anAccountReadsTheTouchesButOnlyItsSavesWriteThem() throws {
        let login = "ipasn_queue_admin"
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: login)
        let (ops, own, raw) = (role.ops, role.own, role.raw)
        try ops.add(SmallProvince.teknis(SmallProvince.nipA, "Arsip"))
        #expect(try Int.fetchOne(raw, sql: "SELECT COUNT(*) FROM record_touch") == 1)
        for table in PostgresSchema.queueTables {
            #expect(role.refused("DELETE FROM \(table)") == "42501", "\(table)")
            #expect(role.refused("UPDATE \(table) SET actor = '\(login)'") == "42501", "\(table)")
            #expect(role.refused("TRUNCATE \(table)") == "42501", "\(table)")
        }
        #expect(role.refused("INSERT INTO record_touch VALUES ('diklat', 999, 999, now(), 'x')") == "42501")
        #expect(role.refused("INSERT INTO touch_ranges VALUES (999, 'diklat', 1, 999, now(), 'x')") == "42501")
        // The admin's own save writes its touch through the owner's trigger, in the save.
        let admin = try PostgresStore(own, context: TestClock.context(actor: login, at: TestClock.now.addingTimeInterval(60)))
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Anggaran")).id
        let page = try admin.verificationQueue(QueueFilter(), limit: 10)
        #expect(page.entries.first?.item.id == saved && page.entries.first?.touchedBy == login)
        #expect(page.entries.count == 2 && page.matching == 2)
        #expect(try Int.fetchOne(raw, sql: "SELECT COUNT(*) FROM record_touch") == 2)
    }
}
