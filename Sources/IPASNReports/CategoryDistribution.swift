import IPASNCore
import IPASNStore

/// How many active employees of a unit (sub-units included) fall in each category of the
/// ruleset, highest category first: the dashboard's "Sebaran kategori".
public enum CategoryDistribution {
    /// Counts per category rank (0 is the highest band), one entry per band of `ruleset`.
    /// Counted by the store (``DashboardStore/categoryCounts(year:unit:minimums:)``: on
    /// PostgreSQL one aggregate on the server instead of the unit's score rows).
    public static func compute(store: Store, unit kode: String, year: Int, ruleset: Ruleset) throws -> [Int] {
        try store.categoryCounts(year: year, unit: kode, minimums: CategoryBands.minimums(ruleset))
    }
}
