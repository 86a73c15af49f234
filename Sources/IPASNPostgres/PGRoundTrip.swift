import Foundation

/// One round trip to the server as the client saw it: what was sent and when (monotonic
/// clock, nanoseconds, the clock of `clock_gettime(CLOCK_MONOTONIC)`), from the first byte
/// sent to the last result read. For timing a path's phases by hand
/// (``PostgresStore/roundTripObserver``); never used to decide anything.
public struct PGRoundTrip: Sendable {
    /// The statements sent in it, in order (`?` SQL text; a pipeline's several, a
    /// `BEGIN`'s `SET LOCAL`s as statements of their own; a prepare as `PREPARE ` + its SQL).
    public var statements: [String]
    public var start: UInt64
    public var end: UInt64

    public init(statements: [String], start: UInt64, end: UInt64) {
        self.statements = statements
        self.start = start
        self.end = end
    }

    /// Seconds it took.
    public var seconds: Double { Double(end &- start) / 1e9 }

    /// The monotonic clock now, in nanoseconds.
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

extension PostgresStore {
    /// Told of every round trip of this store's connection (``PGRoundTrip``), on the calling
    /// thread, under the store's lock (so it must not call the store). For measuring by hand.
    public var roundTripObserver: ((PGRoundTrip) -> Void)? {
        get { withConnection { $0.roundTripObserver } }
        set { withConnection { $0.roundTripObserver = newValue } }
    }
}
