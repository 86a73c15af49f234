/// A prepared weighted choice (cumulative weights), for the hot loops.
struct WeightedTable<T>: Sendable where T: Sendable {
    let items: [T]
    let cumulative: [Double]

    init(_ pairs: [(T, Double)]) {
        items = pairs.map(\.0)
        var sum = 0.0
        cumulative = pairs.map {
            sum += $0.1
            return sum
        }
    }

    func pick(_ rng: inout SplitMix64) -> T {
        let r = rng.unit() * cumulative[cumulative.count - 1]
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if r < cumulative[mid] { hi = mid } else { lo = mid + 1 }
        }
        return items[lo]
    }
}
