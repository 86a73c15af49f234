import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Less server work in every save, the same decisions (issue 12, row PG3, migration
/// `2026-12-05-pgsave10`): the per-row triggers run their statements themselves, and the
/// one-trip guard takes the insert's row-security check as the permission when the admin
/// connects as its own role. The admin connects as its own PostgreSQL role, as a workstation
/// does; what its session ran is read from `pg_stat_user_functions`.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSaveServerWorkTests {
    private typealias Setup = PostgresWarmCommitTests.Setup

    private func admin(_ setup: Setup) throws -> PostgresStore {
        try PostgresStore(setup.conninfo + " user=\(setup.login)", context: TestClock.context(actor: setup.login))
    }

    /// A one-trip save by the admin's own role keeps every effect of a save: its record, its
    /// audit row naming the record's id, the record's touch naming that audit row, the entry
    /// mark up to the record's id, its score (10 + 10 JP: a pelaksana's 22.5 points) and one
    /// notification to another connection. Its per-row triggers ran once each and called no
    /// helper function.
    @Test func aOneTripSaveByTheAdminsRoleKeepsEveryEffect() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let setup = try PostgresWarmCommitTests.setUp(databases, login: "ipasn_save10_admin")
        let admin = try admin(setup)
        try admin.warmSavePath()
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))
        let listener = try PGConnection(conninfo: setup.conninfo)
        try listener.listen(PostgresSchema.changeChannel)
        let before = try PostgresWarmCommitTests.calls(admin, setup)
        let trips = admin.roundTrips

        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 10))

        #expect(admin.roundTrips - trips == 1)
        #expect(saved.score.kompetensi == 22.5)
        #expect(try setup.ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi == 22.5)
        #expect(try setup.ops.records(nip: SmallProvince.nipB)?.diklat.map(\.value.nama) == ["Pertama", "Kedua"])
        let audit = try setup.ops.auditLog(limit: 1)[0]
        #expect(audit.actor == setup.login && audit.action == .insert && audit.subject == .record(saved.id))
        let touch = try String.fetchOne(
            setup.owner, sql: "SELECT audit_id::text || ' ' || actor FROM record_touch WHERE kind = 'diklat' AND record_id = \(saved.id.id)")
        #expect(touch == "\(audit.id) \(setup.login)")
        let mark = try String.fetchOne(setup.owner, sql: "SELECT max(upto_id)::text FROM entry_marks WHERE kind = 'diklat'")
        #expect(mark == String(saved.id.id))
        _ = try listener.execute(sql: "SELECT 1")
        #expect(try listener.takeNotifications().count == 1)

        let after = try PostgresWarmCommitTests.calls(admin, setup)
        func delta(_ name: String) -> Int { after[name, default: 0] - before[name, default: 0] }
        for name in ["ipasn_restored", "ipasn_entry_marks", "ipasn_audit_touch", "ipasn_one_trip_guard"] {
            #expect(delta(name) == 1, "\(name)")
        }
        for name in ["ipasn_take_export_deleted", "ipasn_mark_entries", "ipasn_touch_record"] {
            #expect(delta(name) == 0, "\(name)")
        }
        #expect(try setup.ops.check() == [])
    }

    /// The admin's own role lost the employee's unit between two saves: the one-trip insert is
    /// refused by the table's row-security policy (the guard no longer asks it again for the
    /// admin's own role), nothing of it stays, and the two-exchange save reports the
    /// permission error it always reported.
    @Test func theAdminsRoleLosingTheUnitIsRefusedByThePolicy() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let setup = try PostgresWarmCommitTests.setUp(databases, login: "ipasn_save10_moved")
        let admin = try admin(setup)
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))
        try setup.ops.saveUnit(OrgUnit(kode: "LAIN", nama: "Bagian Lain", induk: "ROOT"))
        try setup.ops.saveAccount(Account(login: setup.login, role: .admin, units: ["LAIN"]))
        let records = try setup.ops.records(nip: SmallProvince.nipB)
        let audited = try setup.ops.auditLog(limit: 1000).count
        var trips: [[String]] = []
        admin.roundTripObserver = { trips.append($0.statements) }
        #expect(throws: StoreError.notPermitted(.notYourUnit("SUB"))) {
            try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 10))
        }
        let oneTrip = try #require(trips.firstIndex { $0.contains(PostgresStore.oneTripGuardSQL) })
        #expect(trips[oneTrip + 1] == ["ROLLBACK"])
        #expect(try setup.ops.records(nip: SmallProvince.nipB) == records)
        #expect(try setup.ops.auditLog(limit: 1000).count == audited)

        // The raw insert of another unit's record by the admin's role: 42501.
        let raw = try PGConnection(conninfo: setup.conninfo + " user=\(setup.login)")
        let refused: String?
        do {
            _ = try raw.execute(
                sql: "INSERT INTO diklat (nip, jenis, nama, tanggal_mulai, tanggal_selesai, jp, dedup_key) "
                    + "VALUES ('\(SmallProvince.nipB)', 3, 'X', '2024-03-01', '2024-03-02', 1, 1)")
            refused = nil
        } catch let error as PGError {
            refused = error.sqlState
        }
        #expect(refused == "42501")
        #expect(try setup.ops.check() == [])
    }
}
