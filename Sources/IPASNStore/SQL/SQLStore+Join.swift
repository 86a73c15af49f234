import Foundation

/// ``JoinStore``'s reads, once for both engines.
extension SQLStore {
    /// The years whose scores this database caches.
    public func cachedScoreYears() throws -> [Int] {
        try sqlRead { db in try db.fetchValues(Int.self, sql: "SELECT year FROM score_year ORDER BY year") }
    }
}
