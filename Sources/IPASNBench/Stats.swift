import Foundation

/// Medians and percentiles of timed samples.
public enum Stats {
    /// The median (the mean of the two middle values for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The `p`-th percentile (0...100) by the nearest-rank method: the smallest sample such
    /// that at least p% of the samples are at or below it.
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Runs `body` `runs` times and returns every duration in seconds.
    public static func repeated(_ runs: Int, _ body: (Int) throws -> Double) rethrows -> [Double] {
        var samples: [Double] = []
        for run in 0..<max(runs, 1) { samples.append(try body(run)) }
        return samples
    }
}
