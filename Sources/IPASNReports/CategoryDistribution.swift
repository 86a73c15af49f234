import IPASNCore
import IPASNStore

/// How many active employees of a unit (sub-units included) fall in each category of the
/// ruleset, highest category first: the dashboard's "Sebaran kategori".
public enum CategoryDistribution {
    /// Counts per category rank (0 is the highest band), one entry per band of `ruleset`.
    public static func compute(store: Store, unit kode: String, year: Int, ruleset: Ruleset) throws -> [Int] {
        var counts = Array(repeating: 0, count: ruleset.categories.count)
        for scored in try store.scores(year: year, unit: kode) {
            let rank = ruleset.category(for: scored.score.total).rank
            if rank >= 0 && rank < counts.count { counts[rank] += 1 }
        }
        return counts
    }
}
