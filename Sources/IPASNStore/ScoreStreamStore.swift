import IPASNCore

/// Reading a unit's scores one row at a time, for a screen that keeps only a compact copy
/// of each row (the workstation's employee list: a province's 50,000 ``ScoredPegawai``
/// values held at once, in an array that doubles as it grows, were most of its peak memory).
///
/// Contract (docs/store.md, "Score rows one at a time"): ``eachScore(year:unit:_:)`` hands
/// `body` exactly the rows ``Store/scores(year:unit:)`` returns for the same arguments, in
/// the same order, one at a time, from one consistent read; the rows are not kept by the
/// store. `body` runs on the calling thread, inside the call, and must not call back into
/// the store. An error thrown by `body` ends the read and is rethrown.
public protocol ScoreStreamStore {
    func eachScore(year: Int, unit: String?, _ body: (ScoredPegawai) throws -> Void) throws
}

extension Store {
    /// The plain implementation for a store without a cursor of its own: the whole array,
    /// handed over row by row (the same rows and order; no memory saved).
    public func eachScore(year: Int, unit: String?, _ body: (ScoredPegawai) throws -> Void) throws {
        for row in try scores(year: year, unit: unit) { try body(row) }
    }
}
