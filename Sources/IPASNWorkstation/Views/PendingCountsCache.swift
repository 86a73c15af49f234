import IPASNReports
import IPASNStore

/// The dashboard's count of records not yet sent to SIASN per unit (sub-units folded in),
/// from ``PendingReport``: kept while nothing changed, because counting them reads every
/// unsent record (about 0.8 s at province scale when nothing was sent yet).
///
/// "Nothing changed" is a stamp of the store's data generation (moved by every save, undo,
/// import and verdict, here or in another session) and the newest export batch (an export
/// writes no audit row but sends records). Ctrl-L drops the copy.
final class PendingCountsCache {
    private var stamp: Stamp?
    private var totals: [String: Int] = [:]
    /// How many times the counts were read from the store (tests check the cache with it).
    private(set) var computations = 0

    struct Stamp: Equatable {
        let generation: Int64
        let lastBatch: Int64?
    }

    /// Per unit kode, the records of the unit and its sub-units not yet sent.
    func totals(app: App) throws -> [String: Int] {
        let now = Stamp(generation: try app.store.dataGeneration(), lastBatch: try app.store.exportBatches(limit: 1).first?.number)
        if now == stamp { return totals }
        let report = try PendingReport.compute(store: app.store, timeZone: app.context.timeZone)
        totals = Dictionary(report.rows.map { ($0.unit.kode, $0.total) }, uniquingKeysWith: { a, _ in a })
        stamp = now
        computations += 1
        return totals
    }

    func invalidate() { stamp = nil }
}
