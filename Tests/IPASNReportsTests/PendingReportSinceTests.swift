import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

/// `PendingReport` with a first day: the figures of the records touched since, per unit with
/// sub-units folded, in the report's time zone.
@Suite struct PendingReportSinceTests {
    @Test func sinceADayFoldsTheTouchedRecordsIntoTheUnitTree() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-pending-since")
        defer { directory.remove() }
        let path = directory.path("since.sqlite")
        let (_, later) = try StoreConformance.changedToday { { try SQLiteStore(path: path, context: $0) } }
        // Since today (10 January, WIB): Andi's changed course in ROOT; Budi's new one, Citra's
        // imported and her sent-then-changed ones in SUB; Andi's sent course deleted today.
        let today = try PendingReport.compute(store: later, since: TestClock.today, timeZone: TestClock.timeZone)
        #expect(today.since == TestClock.today)
        #expect(today.rows.map { "\($0.unit.kode) \($0.depth) \($0.count(.diklat)) \($0.count(.skp)) \($0.deletions)" } == [
            "ROOT 0 4 0 1", "SUB 1 3 0 0",
        ])
        #expect(today.total == 4)
        #expect(today.deletions.map(\.what) == ["Hapus Nanti 2024-03-01"])
        #expect(today.rows.map(\.oldestDay) == [TestClock.date("2025-01-07"), TestClock.date("2025-01-07")])
        // Since Tuesday: everything pending (the SKP too) and both deletions.
        let tuesday = try PendingReport.compute(store: later, since: TestClock.date("2025-01-07"), timeZone: TestClock.timeZone)
        let all = try PendingReport.compute(store: later, timeZone: TestClock.timeZone)
        #expect(tuesday.rows == all.rows)
        #expect(tuesday.total == 8 && tuesday.deletions.count == 2)
        // A unit: its subtree only.
        let sub = try PendingReport.compute(store: later, unit: "SUB", since: TestClock.today, timeZone: TestClock.timeZone)
        #expect(sub.rows.map { "\($0.unit.kode) \($0.depth) \($0.total)" } == ["SUB 0 3"])
        #expect(sub.deletions.isEmpty)
        // In UTC, 10 January starts seven hours later: still after Tuesday, the same records.
        let utc = try PendingReport.compute(store: later, since: TestClock.today, timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.total == 4)
        // The day after today: nothing.
        #expect(try PendingReport.compute(store: later, since: TestClock.date("2025-01-11"), timeZone: TestClock.timeZone).rows.isEmpty)
    }
}
