import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

/// The pending report's SKP sent to SIASN and then moved before 2022 on PostgreSQL: the same
/// hand-checked units as on SQLite (``PendingHeldScenario``, PendingHeldReportTests).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresPendingHeldTests {
    @Test func postgresCountsAndListsTheSKPSIASNHolds() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let store = try databases.make()(TestClock.context())
        try PendingHeldScenario.seed(store)
        let utc = TimeZone(identifier: "UTC")!
        func units(_ rows: [PendingReport.Row]) -> [String] { rows.map { "\($0.unit.kode) \($0.depth) \($0.total) \($0.skpHeldBySIASN)" } }
        let report = try PendingReport.compute(store: store, timeZone: utc)
        #expect(units(report.rowsWithHeld) == PendingHeldScenario.listed)
        #expect(units(report.rows) == PendingHeldScenario.sending)
        #expect(report.skpHeldBySIASN.map { "\($0.skp.nip) \($0.skp.tahun) \($0.unit) #\($0.batch)" } == ["\(SmallProvince.nipB) 2020 SUB #1"])
        #expect(units(try PendingReport.compute(store: store, unit: "SUB", timeZone: utc).rowsWithHeld) == ["SUB 0 0 1"])
    }
}
