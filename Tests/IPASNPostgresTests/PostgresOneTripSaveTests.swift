import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// A save in ONE round trip (issue 12, branch pgsave7): after a save of an employee's record,
/// the next save of that kind for that employee by the same store decides on what the first
/// left and sends everything (BEGIN, write lock, insert, audit row, scores, the server's guard,
/// COMMIT) in one exchange. A refusal by the server leaves nothing and the store saves in two
/// exchanges, which reports exactly the error it reports without the one-trip attempt.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresOneTripSaveTests {
    private func seeded(_ databases: TestDatabases) throws -> (conninfo: String, ops: PostgresStore) {
        try PostgresSaveWarmupTests.seeded(databases)
    }

    /// Whether an exchange sent the one-trip save's guard.
    private static func guarded(_ trip: [String]) -> Bool { trip.contains(PostgresStore.oneTripGuardSQL) }

    @Test func theNextSaveOfTheSameEmployeeIsOneRoundTripAndOneAuditedTransaction() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        try admin.warmSavePath()
        let first = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))
        let before = admin.roundTrips
        var trips: [[String]] = []
        admin.roundTripObserver = { trips.append($0.statements) }
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 10))
        #expect(admin.roundTrips - before == 1)
        #expect(trips.count == 1 && Self.guarded(trips[0]))
        #expect(trips[0].first?.hasPrefix("BEGIN") == true)
        #expect(trips[0].last == "COMMIT")
        // 10 + 10 JP in 2024: the 20 JP of a pelaksana's 22.5 points, decided on the first
        // save's records and the new one, and stored.
        #expect(saved.score.kompetensi == 22.5)
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi == 22.5)
        #expect(try ops.score(nip: SmallProvince.nipB, year: 2025)?.kompetensi == 0)
        // The id reserved by the first save: the next of the table.
        #expect(saved.id.id > first.id.id)
        let audit = try ops.auditLog(limit: 1)[0]
        #expect(audit.actor == "sub-admin")
        #expect(audit.action == .insert)
        #expect(audit.subject == .record(saved.id))
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.map(\.value.nama) == ["Pertama", "Kedua"])
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.last?.id == saved.id.id)
        // And the one after: one round trip again.
        let third = admin.roundTrips
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Ketiga", jp: 1))
        #expect(admin.roundTrips - third == 1)
        // Another employee, or another kind: two round trips (nothing to decide on).
        let other = admin.roundTrips
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipC, "Lain", jp: 1))
        #expect(admin.roundTrips - other == 2)
        #expect(try ops.check() == [])
    }

    /// The account lost the employee's unit between two saves: the one-trip save is refused
    /// by the server, nothing of it stays, and the error is the two-exchange save's.
    @Test func aRefusedOneTripSaveLeavesNothingAndReportsTheSameError() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))
        try ops.saveUnit(OrgUnit(kode: "LAIN", nama: "Bagian Lain", induk: "ROOT"))
        try ops.saveAccount(Account(login: "sub-admin", role: .admin, units: ["LAIN"]))
        let records = try ops.records(nip: SmallProvince.nipB)
        let audited = try ops.auditLog(limit: 1000).count
        let score = try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)
        var trips: [[String]] = []
        admin.roundTripObserver = { trips.append($0.statements) }
        #expect(throws: StoreError.notPermitted(.notYourUnit("SUB"))) {
            try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 10))
        }
        // The one-trip exchange went first and was refused (rolled back); the two-exchange
        // save decided.
        let oneTrip = try #require(trips.firstIndex(where: Self.guarded))
        #expect(trips.firstIndex(of: ["ROLLBACK"]) == oneTrip + 1)
        #expect(trips.firstIndex { $0.contains(PostgresStore.nextIDSQL) } == oneTrip + 2)
        // The same error as a store that never saved for Budi.
        let fresh = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        #expect(throws: StoreError.notPermitted(.notYourUnit("SUB"))) {
            try fresh.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 10))
        }
        #expect(try ops.records(nip: SmallProvince.nipB) == records)
        #expect(try ops.auditLog(limit: 1000).count == audited)
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear) == score)
        // A role that only reads now: refused as such.
        try ops.saveAccount(Account(login: "sub-admin", role: .verifikator, units: []))
        let afterRole = try ops.auditLog(limit: 1000).count  // the account's change is audited
        #expect(throws: StoreError.notPermitted(.readOnlyRole(.verifikator))) {
            try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Ketiga", jp: 10))
        }
        #expect(try ops.auditLog(limit: 1000).count == afterRole)
        #expect(try ops.records(nip: SmallProvince.nipB) == records)
        #expect(try ops.check() == [])
    }

    /// Another writer changed the employee's records between two saves: the one-trip save's
    /// decision is out of date, the server refuses it, and the two-exchange save decides on
    /// what is stored now: another record counts in the score, a duplicate is refused by
    /// validation.
    @Test func aSaveDecidedOnRecordsChangedSinceIsDecidedAgain() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Operator", jp: 5))
        var trips: [[String]] = []
        admin.roundTripObserver = { trips.append($0.statements) }
        // Decided on its own records only, the save would score 10 + 5 = 15 JP (19 JP earn
        // nothing); with the operator's course it is 20 JP: a pelaksana's 22.5 points.
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 5))
        // Tried in one trip, refused and rolled back, then the two exchanges.
        let oneTrip = try #require(trips.firstIndex(where: Self.guarded))
        #expect(trips.count == oneTrip + 4)
        #expect(trips[oneTrip + 1] == ["ROLLBACK"])
        #expect(saved.score.kompetensi == 22.5)
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi == 22.5)
        // The operator saves the very course the admin saves next: refused as a duplicate.
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Ketiga", jp: 1))
        let audited = try ops.auditLog(limit: 1000).count
        let failure = #expect(throws: ValidationFailure.self) {
            try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Ketiga", jp: 1))
        }
        #expect(failure?.issues.map(\.code) == [.duplicate(.diklat)])
        #expect(try ops.auditLog(limit: 1000).count == audited)
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.map(\.value.nama) == ["Pertama", "Operator", "Kedua", "Ketiga"])
        #expect(try ops.check() == [])
    }
}
