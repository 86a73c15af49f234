import IPASNCore

/// What the dashboard asks that a server answers in one small statement (branch pgdash2,
/// issue 12): the contract is `docs/store.md`, "The dashboard's category counts
/// (`DashboardStore`)"; the conformance suite checks it (`StoreConformance+Dashboard.swift`).
public protocol DashboardStore: AnyObject, Sendable {
    /// How many of the employees ``Store/scores(year:unit:)`` lists for `unit` (with its
    /// sub-units: those counted in `year`) fall in each category band. `minimums` are the
    /// bands' minimum totals, highest first (``CategoryBands/minimums(_:)``); an employee's
    /// total (``EmployeeScore/total``) counts in the first band whose minimum it reaches
    /// (within 1e-9, as ``Ruleset/category(for:)``), else in the last. One count per minimum,
    /// in their order; all zero for an unknown unit.
    func categoryCounts(year: Int, unit: String, minimums: [Double]) throws -> [Int]
}

/// The bands of a ruleset as ``DashboardStore/categoryCounts(year:unit:minimums:)`` takes them,
/// and the generic count over ``Store/scores(year:unit:)``.
public enum CategoryBands {
    /// The bands' minimum totals, highest first (the order of ``Ruleset/category(for:)``'s ranks).
    public static func minimums(_ ruleset: Ruleset) -> [Double] {
        ruleset.categories.map(\.min).sorted(by: >)
    }

    /// The band of `total`: the first whose minimum it reaches (within 1e-9), else the last.
    public static func rank(of total: Double, minimums: [Double]) -> Int {
        minimums.firstIndex { total >= $0 - 1e-9 } ?? max(0, minimums.count - 1)
    }

    /// The counts read from every score row (a store without a faster way; SQLite's).
    public static func counts(_ scores: [ScoredPegawai], minimums: [Double]) -> [Int] {
        var counts = Array(repeating: 0, count: minimums.count)
        for scored in scores where !counts.isEmpty { counts[rank(of: scored.score.total, minimums: minimums)] += 1 }
        return counts
    }
}
