import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// `ipasn migrate --to`: a whole SQLite database copied into PostgreSQL reads back the same
/// through the protocol, keeps working there, and never lands on data.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresCopyTests {
    /// A SQLite database with a bit of everything: units, employees, records (one updated, one
    /// deleted, one undone), a batch, a progress mark, an admin account, a draft, a ruleset
    /// change, and a second cached year.
    private func richSQLite(_ directory: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: directory.path("source.sqlite"), context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(store)
        let a = try store.add(SmallProvince.teknis(SmallProvince.nipA, "Bimtek Arsip", jp: 20)).id
        try store.update(a, to: SmallProvince.teknis(SmallProvince.nipA, "Bimtek Arsip Digital", jp: 24))
        let b = try store.add(SmallProvince.teknis(SmallProvince.nipB, "Dihapus", jp: 20)).id
        try store.delete(b)
        try store.add(SmallProvince.teknis(SmallProvince.nipC, "Dibatalkan", jp: 20))
        try store.undoLast(session: "ops")
        try store.addBatch(
            [SmallProvince.teknis(SmallProvince.nipB, "Sosialisasi SKP"), SmallProvince.teknis(SmallProvince.nipC, "Sosialisasi SKP")],
            label: "Sosialisasi SKP")
        try store.add(.skp(SKP(nip: SmallProvince.nipA, tahun: 2023, predikat: .baik)))
        try store.setProgress(unit: "SUB", dimension: .kompetensi, done: true)
        try store.saveAccount(Account(login: "ani", role: .admin, units: ["SUB"]))
        try store.saveDraft(
            Draft(form: "diklat", nip: SmallProvince.nipA, editing: nil, fields: ["nama": "Belum selesai"], savedAt: TestClock.now),
            owner: "ani")
        try store.recomputeAll(year: 2023)
        return store
    }

    @Test func aWholeSQLiteDatabaseCopiesIntoPostgreSQLAndReadsBackTheSame() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let directory = try TemporaryDirectory(prefix: "ipasn-copy")
        defer { directory.remove() }
        let sqlite = try richSQLite(directory)
        let conninfo = try emptyDatabase(databases)

        let copy = try PostgresCopy(conninfo)
        try sqlite.exportTables(order: PostgresCopy.tableOrder) { try copy.copy($0) }
        let report = try copy.finish()

        // 2025: the clock's year, cached when the new file opened (before the seed set 2024).
        #expect(report.cachedYears == [2023, 2024, 2025])
        let rows = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.name, $0.rows) })
        #expect(rows["units"] == 2)
        #expect(rows["pegawai"] == 3)
        #expect(rows["diklat"] == 3)  // the updated one and the batch's two
        #expect(rows["skp"] == 1)
        #expect(rows["batches"] == 1)
        #expect(rows["account_units"] == 1)
        #expect(rows["drafts"] == 1)
        #expect(rows["audit"] == (try sqlite.auditLog(limit: 1000).count))

        let target = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"), access: .read)
        #expect(try StoreComparison.differences(sqlite, target, years: report.cachedYears) == [])
        #expect(try target.check() == [])
        #expect(try target.loadDrafts(owner: "ani") == sqlite.loadDrafts(owner: "ani"))
        #expect(try target.dataGeneration() == sqlite.dataGeneration())

        // The copy goes on working: a new record's id is above every id SQLite ever gave
        // (the deleted one's and the undone one's included), and undo still works there.
        let writer = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "after"))
        let maxUsed = try sqlite.auditLog(limit: 1000).compactMap { entry -> Int64? in
            if case .record(let id) = entry.subject, id.kind == .diklat { return id.id }
            return nil
        }.max() ?? 0
        let next = try writer.add(SmallProvince.teknis(SmallProvince.nipA, "Setelah pindah", jp: 20)).id
        #expect(next.id > maxUsed)
        #expect(try writer.undoLast(session: "after")?.subject == .record(next))
        #expect(try writer.check() == [])
    }

    @Test func aCopyNeverLandsOnData() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(store)
        #expect(throws: PostgresCopyError.targetNotEmpty(database: PostgresStore.displayName(conninfo), table: "units")) {
            try PostgresCopy(conninfo)
        }
        #expect(try store.units().count == 2)
    }

    @Test func aTableThisVersionDoesNotKnowStopsTheCopyAndNothingStays() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let directory = try TemporaryDirectory(prefix: "ipasn-copy")
        defer { directory.remove() }
        let sqlite = try richSQLite(directory)
        let conninfo = try emptyDatabase(databases)
        do {
            let copy = try PostgresCopy(conninfo)
            try sqlite.exportTables(order: PostgresCopy.tableOrder) { try copy.copy($0) }
            try copy.copy(ExportedTable(name: "future_things", columns: ["x"]) { nil })
            _ = try copy.finish()
            Issue.record("the copy should have been refused")
        } catch let error as PostgresCopyError {
            #expect(error == .unknownTable("future_things"))
        }
        // Rolled back whole: the next copy finds an empty database.
        let again = try PostgresCopy(conninfo)
        try sqlite.exportTables(order: PostgresCopy.tableOrder) { try again.copy($0) }
        #expect(try again.finish().tables.first { $0.name == "units" }?.rows == 2)
    }

    /// A database with the ipasn schema and nothing else (no account, no cached year).
    private func emptyDatabase(_ databases: TestDatabases) throws -> String {
        try databases.makeConninfo()
    }
}
