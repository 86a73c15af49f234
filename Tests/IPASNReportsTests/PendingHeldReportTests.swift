import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

/// The pending report counts and lists the SKP sent to SIASN and then moved before 2022
/// (``PendingHeldScenario``, figures by hand there); PostgreSQL runs the same checks
/// (PostgresPendingHeldTests).
@Suite struct PendingHeldReportTests {
    static func describe(_ rows: [PendingReport.Row]) -> [String] {
        rows.map { "\($0.unit.kode) \($0.depth) \($0.total) \($0.skpHeldBySIASN)" }
    }

    /// The checks both engines pass.
    static func expectHeld(_ store: any Store) throws {
        let report = try PendingReport.compute(store: store, timeZone: TimeZone(identifier: "UTC")!)
        #expect(describe(report.rowsWithHeld) == PendingHeldScenario.listed)
        #expect(describe(report.rows) == PendingHeldScenario.sending)
        #expect(report.total == 1)
        #expect(report.skpHeldBySIASN.map { "\($0.skp.nip) \($0.skp.tahun) \($0.unit) #\($0.batch)" } == ["\(SmallProvince.nipB) 2020 SUB #1"])
        // Limited to SUB: nothing to send, the held SKP still listed (at depth 0).
        let sub = try PendingReport.compute(store: store, unit: "SUB", timeZone: TimeZone(identifier: "UTC")!)
        #expect(sub.rows.isEmpty)
        #expect(describe(sub.rowsWithHeld) == ["SUB 0 0 1"])
        // `since` after everything: nothing pending, the held SKP still counted and listed.
        let later = try PendingReport.compute(store: store, since: LocalDate(iso: "2030-01-01")!, timeZone: TimeZone(identifier: "UTC")!)
        #expect(describe(later.rowsWithHeld) == ["ROOT 0 0 1", "SUB 1 0 1"])
        #expect(later.rows.isEmpty)
    }

    @Test func sqliteCountsAndListsTheSKPSIASNHolds() throws {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try PendingHeldScenario.seed(store)
        try Self.expectHeld(store)
    }
}
