import IPASNCore
import IPASNStore

extension PendingReport {
    /// Per unit kode, its records and its sub-units' records not yet sent to SIASN (the
    /// report's rows' ``Row/total``; units with none are absent), from the per-unit counts
    /// the store keeps current (``UnitPendingStore``): a read of a few hundred rows and the
    /// unit tree, never a pass over the unsent records. The dashboard's "Belum dikirim".
    public static func unitTotals(store: any Store) throws -> [String: Int] {
        let direct = try store.unitPendingCounts().mapValues { $0.values.reduce(0, +) }
        var totals: [String: Int] = [:]
        for entry in UnitTree(try store.units()).fold(direct: direct, zero: 0, add: { $0 += $1 }) where entry.value != 0 {
            totals[entry.unit.kode] = entry.value
        }
        return totals
    }
}
