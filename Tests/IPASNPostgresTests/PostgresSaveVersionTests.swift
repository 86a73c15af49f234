import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Issue 12, row PG3, branch pgsave11: the first save after an employee's page is read is ONE
/// exchange (the page's read keeps the one-trip basis), for every kind of record; the one-trip
/// save's digest is a per-employee version number (`save_version`, migration
/// `2026-12-06-pgsave11`) raised by every writer, and a save decided on a stale basis is still
/// refused by the server and decided again in two exchanges.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSaveVersionTests {
    /// Whether an exchange sent the one-trip save's guard.
    private static func guarded(_ trip: [String]) -> Bool { trip.contains(PostgresStore.oneTripGuardSQL) }

    /// The exchanges of `body` on `store`, but those that only prepare statements.
    private static func exchanges(_ store: PostgresStore, _ body: () throws -> Void) rethrows -> [[String]] {
        var trips: [[String]] = []
        store.roundTripObserver = { trips.append($0.statements) }
        defer { store.roundTripObserver = nil }
        try body()
        return trips.filter { !$0.allSatisfy { $0.hasPrefix("PREPARE ") } }
    }

    /// One record of each kind for Budi (a pelaksana of SUB).
    private static let records: [IPASNCore.Record] = [
        .pendidikan(Pendidikan(nip: SmallProvince.nipB, tingkat: .s1, tanggalLulus: TestClock.date("2012-08-01"))),
        SmallProvince.teknis(SmallProvince.nipB, "Bimtek Pertama", jp: 20),
        .skp(SKP(nip: SmallProvince.nipB, tahun: 2023, predikat: .baik)),
        .disiplin(HukumanDisiplin(nip: SmallProvince.nipB, tingkat: .ringan, tmt: TestClock.date("2024-02-01"), jenis: "teguran")),
    ]

    @Test func theFirstSaveAfterThePageIsOneExchangeForEveryKind() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try PostgresSaveWarmupTests.seeded(databases)
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Lama", jp: 10))
        for record in Self.records {
            // A workstation of its own: its warm-up, the page opened, then the save.
            let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
            try admin.warmSavePath()
            let page = try #require(try admin.employeePage(nip: SmallProvince.nipB))
            var saved: SaveResult?
            let trips = try Self.exchanges(admin) { saved = try admin.add(record) }
            #expect(trips.count == 1, "\(record.kind)")
            #expect(trips.first.map(Self.guarded) == true, "\(record.kind)")
            #expect(trips.first?.last == "COMMIT", "\(record.kind)")
            // Scored on the page's records and the new one, as the server keeps it.
            let score = try #require(saved).score
            #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear) == score, "\(record.kind)")
            #expect(try ops.records(nip: SmallProvince.nipB)?.allIDs.count == page.records.allIDs.count + 1)
        }
        // 10 + 20 JP of teknis in 2024: a pelaksana's 22.5 kompetensi points (checked by hand).
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi == 22.5)
        // After a save of one kind, a save of another kind is one exchange too (one basis for the employee).
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 1))
        let trips = try Self.exchanges(admin) {
            _ = try admin.add(.skp(SKP(nip: SmallProvince.nipB, tahun: 2022, predikat: .baik)))
        }
        #expect(trips.count == 1 && Self.guarded(trips[0]))
        #expect(try ops.check() == [])
    }

    /// Every kind of writer between the page's read (or the last save) and the next save makes
    /// the one-trip save refused (rolled back) and decided again in two exchanges; a change of
    /// another employee does not.
    @Test func everyWriterMakesAStaleOneTripSaveRefused() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try PostgresSaveWarmupTests.seeded(databases)
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try PostgresStore(conninfo, context: TestClock.context(actor: "vera"))
        let mine = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Milik Budi", jp: 10))
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        try admin.warmSavePath()
        _ = try admin.employeePage(nip: SmallProvince.nipB)
        var count = 0

        /// The next save of Budi's after `write`: refused in one trip, then two exchanges.
        func refused(_ name: String, _ write: () throws -> Void) throws {
            try write()
            count += 1
            let trips = try Self.exchanges(admin) { _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sesudah \(count)", jp: 1)) }
            #expect(trips.first.map(Self.guarded) == true, "\(name): tried in one trip")
            #expect(trips.count == 4 && trips[1] == ["ROLLBACK"], "\(name): refused, then two exchanges: \(trips.count)")
            #expect(trips.last?.last == "COMMIT", "\(name)")
        }
        /// The next save of Budi's after `write`: one exchange.
        func notRefused(_ name: String, _ write: () throws -> Void) throws {
            try write()
            count += 1
            let trips = try Self.exchanges(admin) { _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sesudah \(count)", jp: 1)) }
            #expect(trips.count == 1 && Self.guarded(trips[0]), "\(name): one exchange")
        }

        // Another session's record save: the save is decided on it (10 + 5 + 5 JP = 20 JP).
        try refused("another session's save") { _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Operator", jp: 5)) }
        try refused("an edit") {
            _ = try ops.update(mine.id, to: SmallProvince.teknis(SmallProvince.nipB, "Milik Budi (ubah)", jp: 10))
        }
        try refused("a verdict") { _ = try vera.setVerification([mine.id], status: .tidak, reason: "sertifikat tidak terbaca") }
        try refused("a verdict undone") { _ = try vera.setVerification([mine.id], status: .belum, reason: "") }
        try refused("a delete") {
            let other = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Dihapus", jp: 2))
            count += 1
            _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sesudah \(count)", jp: 1))
            _ = try ops.delete(other.id)
        }
        try refused("an employee edit") {
            var budi = try #require(try ops.pegawai(nip: SmallProvince.nipB))
            budi.nama = "Budi Santoso"
            try ops.savePegawai(budi)
        }
        try refused("an import") {
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(SmallProvince.teknis(SmallProvince.nipB, "Impor", jp: 3)))])
            let outcome = try ops.importRows(&rows, skipInvalid: false)
            #expect(outcome.imported == 1)
        }
        try refused("a SIASN mark") {
            let pending = try ops.recordVersions(kind: .diklat, unit: nil, pendingOnly: true)
                .map { RecordVersion(id: RecordID(kind: .diklat, id: $0.key), version: $0.value) }
            _ = try ops.saveExportBatch(
                NewExportBatch(kind: "siasn-kursus", format: "csv", file: "/tmp/k.csv", marksSent: true, records: pending))
        }
        // The first load's COPY runs with the table's insert triggers dropped (the version's
        // among them); switching them on again raises every employee's version at once.
        try refused("a first load") {
            let owner = try PGConnection(conninfo: conninfo)
            try owner.execute(sql: "BEGIN")
            let triggers = try FirstLoadTriggers.off(.diklat, unverified: false, owner)
            #expect(triggers.names.contains("diklat_save_version_insert"))
            // (the COPY of no row here: what raises the versions is the triggers' return)
            try triggers.on(pending: [:], waiting: [:], owner)
            try owner.execute(sql: "COMMIT")
        }
        try refused("the measurement year") { try ops.setMeasurementYear(TestClock.measurementYear + 1) }
        try refused("the measurement year again") { try ops.setMeasurementYear(TestClock.measurementYear) }
        // Another employee's changes: Budi's basis stands.
        try notRefused("another employee's save") { _ = try ops.add(SmallProvince.teknis(SmallProvince.nipC, "Citra", jp: 4)) }
        try notRefused("another employee's edit") {
            var citra = try #require(try ops.pegawai(nip: SmallProvince.nipC))
            citra.nama = "Citra Dewi"
            try ops.savePegawai(citra)
        }
        // The records as decided: every save above kept, the score the server's.
        let stored = try #require(try ops.records(nip: SmallProvince.nipB))
        // Budi's own, the operator's, the import's and one of each of the admin's saves (one deleted other).
        #expect(stored.diklat.count == 3 + count)
        #expect(try ops.check() == [])
    }

    /// The digest on the server: the same before and after outside a write; inside a
    /// transaction that wrote the employee's record, `before` leaves the transaction's own
    /// raise out; a rollback leaves it as it was; the epoch changes every employee's.
    @Test func theDigestIsTheVersionBeforeAndAfterTheTransactionsOwnWrites() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try PostgresSaveWarmupTests.seeded(databases)
        let kept = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Ada", jp: 10))
        let db = try PGConnection(conninfo: conninfo)
        func digest(_ nip: String) throws -> (before: String, after: String) {
            let row = try #require(try PGRow.fetchAll(db, sql: "SELECT before, after FROM ipasn_save_digest(?, '', NULL)", arguments: [nip]).first)
            return (row[0], row[1])
        }
        func version(_ nip: String) throws -> Int? {
            try Int.fetchOne(db, sql: "SELECT v::int FROM save_version WHERE nip = ?", arguments: [nip])
        }
        let budi = try digest(SmallProvince.nipB)
        let citra = try digest(SmallProvince.nipC)
        #expect(budi.before == budi.after)
        // Budi: one insert, one statement; Citra: never written since the seed (version 0).
        #expect(try version(SmallProvince.nipB) == 1)
        #expect(try version(SmallProvince.nipC) == nil)
        #expect(citra.after.hasSuffix("|0|0"))
        try db.execute(sql: "BEGIN")
        try db.execute(sql: "UPDATE diklat SET jp = jp + 1 WHERE id = ?", arguments: [kept.id.id])
        try db.execute(sql: "UPDATE diklat SET jp = jp + 1 WHERE id = ?", arguments: [kept.id.id])
        let inside = try digest(SmallProvince.nipB)
        #expect(inside.before == budi.after, "the transaction's own raises left out")
        #expect(inside.after != budi.after)
        #expect(try version(SmallProvince.nipB) == 3)
        #expect(try digest(SmallProvince.nipC) == citra)
        try db.execute(sql: "ROLLBACK")
        #expect(try digest(SmallProvince.nipB) == budi)
        // One statement over two employees' rows raises each once.
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipC, "Citra", jp: 1))
        try db.execute(sql: "UPDATE diklat SET jp = jp WHERE nip IN (?, ?)", arguments: [SmallProvince.nipB, SmallProvince.nipC])
        #expect(try version(SmallProvince.nipB) == 2)
        #expect(try version(SmallProvince.nipC) == 2)
        // The epoch: every employee's digest, one row.
        let andi = try digest(SmallProvince.nipA)
        try db.execute(sql: "SELECT ipasn_save_epoch_bump()")
        #expect(try digest(SmallProvince.nipA) != andi)
        #expect(try version("") == 1)
        // An account may read the versions but not write them, nor raise the epoch.
        #expect(
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT NOT has_table_privilege('ipasn_users', 'save_version', 'INSERT, UPDATE, DELETE, TRUNCATE')
                       AND has_table_privilege('ipasn_users', 'save_version', 'SELECT')
                       AND NOT has_function_privilege('ipasn_users', 'ipasn_save_epoch_bump()', 'EXECUTE')
                    """) == true)
    }
}
