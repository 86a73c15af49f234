import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The kept waiting counts on PostgreSQL (migration `2026-11-30-pgqueue2`): an account reads
/// them and its saves move them, but no account can write them by hand; `check` finds a count
/// the owner changed by hand; a copy from SQLite gets the counts from its own triggers.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresQueueWaitingTests {
    @Test func anAccountReadsTheCountsItsSavesMoveThemButItCannotPlantOne() throws {
        let login = "ipasn_waiting_admin"
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: login)
        let (conninfo, ops, own, raw) = (role.conninfo, role.ops, role.own, role.raw)
        try ops.add(SmallProvince.teknis(SmallProvince.nipA, "Arsip"))
        #expect(try Int.fetchOne(raw, sql: "SELECT CAST(SUM(waiting) AS BIGINT) FROM queue_waiting WHERE kode_unit = 'ROOT'") == 1)
        for table in PostgresSchema.queueWaitingTables {
            #expect(role.refused("DELETE FROM \(table)") == "42501", "\(table)")
            #expect(role.refused("TRUNCATE \(table)") == "42501", "\(table)")
        }
        #expect(role.refused("UPDATE queue_waiting SET waiting = 0") == "42501")
        #expect(role.refused("INSERT INTO queue_waiting VALUES ('SUB', 'diklat', 500)") == "42501")
        #expect(role.refused("INSERT INTO queue_gone VALUES ('diklat', 1)") == "42501")
        #expect(role.refused("SELECT ipasn_queue_add('\(SmallProvince.nipB)', 'diklat', 500)") == "42501", "the triggers' helper is the owner's")
        #expect(try ops.check() == [])
        // A count changed by hand (by the owner: nobody else can) is what check names.
        let owner = try PGConnection(conninfo: conninfo)
        try owner.execute(sql: "INSERT INTO queue_waiting VALUES ('SUB', 'diklat', 500)")
        #expect(try ops.check() == ["Records waiting for verification in unit SUB (diklat): kept 500, counted 0."])
        try owner.execute(sql: "DELETE FROM queue_waiting WHERE kode_unit = 'SUB'")
        #expect(try ops.check() == [])
        // The admin's own save moves the count through the owner's trigger, in the save.
        let admin = try PostgresStore(own, context: TestClock.context(actor: login, at: TestClock.now.addingTimeInterval(60)))
        try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Anggaran"))
        #expect(try admin.verificationQueue(QueueFilter(unit: "SUB"), limit: 0).total == 1)
        #expect(try admin.verificationQueue(QueueFilter(), limit: 0).total == 2)
        #expect(try ops.check() == [])
    }

    @Test func aCopyFromSQLiteCountsWhatSQLiteCounts() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-pg-waiting")
        defer { directory.remove() }
        let path = directory.path("waiting.sqlite")
        let sqlite = try SQLiteStore(path: path, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(sqlite)
        let a = try sqlite.add(SmallProvince.teknis(SmallProvince.nipA, "Arsip")).id
        let b = try sqlite.add(SmallProvince.teknis(SmallProvince.nipB, "Anggaran")).id
        try sqlite.add(.skp(SKP(nip: SmallProvince.nipC, tahun: 2024, predikat: .baik)))
        #expect(try sqlite.setVerification([b], status: .tidak, reason: "Buram") == 1)
        var citra = try #require(try sqlite.pegawai(nip: SmallProvince.nipC))
        citra.aktif = false
        citra.keluar = PegawaiKeluar(alasan: .pensiun, tanggal: TestClock.date("2024-06-30"))
        try sqlite.changePegawai(citra)
        // Waiting: only Arsip (Anggaran rejected, Citra's SKP of an employee who left).
        #expect(try sqlite.verificationQueue(QueueFilter(), limit: 10).entries.map(\.item.id) == [a])
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let copy = try PostgresCopy(conninfo)
        try sqlite.exportTables(order: PostgresCopy.tableOrder) { try copy.copy($0) }
        _ = try copy.finish()
        let postgres = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        for filter in [QueueFilter(), QueueFilter(unit: "SUB"), QueueFilter(kind: .skp)] {
            #expect(try postgres.verificationQueue(filter, limit: 5) == (try sqlite.verificationQueue(filter, limit: 5)), "\(filter)")
        }
        #expect(try postgres.verificationQueue(QueueFilter(), limit: 0).total == 1)
        #expect(try postgres.check() == [])
    }
}
