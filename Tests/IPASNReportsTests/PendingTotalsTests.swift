import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

/// `PendingReport.unitTotals`: the dashboard's "Belum dikirim" per unit, sub-units folded,
/// from the store's kept counts; the same figures as the full report's rows.
@Suite struct PendingTotalsTests {
    @Test func theKeptCountsFoldLikeTheReport() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-pending-totals")
        defer { directory.remove() }
        let path = directory.path("totals.sqlite")
        let (_, later) = try StoreConformance.changedToday { { try SQLiteStore(path: path, context: $0) } }
        // ROOT's own: Andi's first course and his changed "Ubah" (his sent-then-deleted and
        // undone ones are not pending): 2. SUB: Budi's first course, "Baru" and his SKP; Citra's
        // changed "Terkirim", rejected "Tolak" (still not sent) and imported "Impor": 6.
        // ROOT folds SUB in: 8.
        #expect(try PendingReport.unitTotals(store: later) == ["ROOT": 8, "SUB": 6])
        let report = try PendingReport.compute(store: later, timeZone: TestClock.timeZone)
        #expect(
            try PendingReport.unitTotals(store: later)
                == Dictionary(uniqueKeysWithValues: report.rows.filter { $0.total > 0 }.map { ($0.unit.kode, $0.total) }))
    }
}
