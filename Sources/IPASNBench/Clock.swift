import Foundation

/// A monotonic clock in nanoseconds.
public enum Clock {
    @inline(__always)
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// CPU time of this process (user + system, all threads) in nanoseconds: unlike the
    /// wall clock, it does not count the time other programs on a shared machine hold the cores.
    @inline(__always)
    public static func cpuNow() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    @inline(__always)
    public static func seconds(since start: UInt64) -> Double {
        Double(now() &- start) / 1e9
    }

    /// Times `body` once, in seconds.
    public static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let value = try body()
        return (value, seconds(since: start))
    }
}
