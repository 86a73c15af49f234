import Foundation
import IPASNCore

/// The bulk SKP grid (one year's SKP for many employees of a unit): what a ``Store`` owes
/// it beyond ``Store/addBatch(_:label:)``. The contract is `docs/store.md`, "The bulk SKP
/// grid"; the conformance behaviours are in `StoreConformance+SKPGrid.swift`.
///
/// The grid shows each employee's SKP of the year as stored (read once for all rows), and
/// the admin chooses per row whether a typed value replaces it. The save writes the new SKP
/// and the replacements in ONE transaction, all or nothing, as one batch (one undo step);
/// a replacement is an edit with the lost-update check of ``RecordEditStore``.
public protocol SKPGridStore: AnyObject, Sendable {
    /// The SKP of `year` stored for each employee of `nips` that has one, by NIP, read in
    /// ONE query (not one per employee; an employee has at most one SKP a year). NIPs of no
    /// employee, or without an SKP of the year, are absent.
    func skp(year: Int, nips: [String]) throws -> [String: StoredRecord<SKP>]

    /// Saves a grid's rows in ONE transaction, all or nothing, as one batch labelled `label`
    /// (``BatchResult/batch``; every audit row carries it, and undo reverts the whole save
    /// as one step: an added SKP is deleted, a replaced one gets its old value back).
    ///
    /// - ``SKPGridChange/add(_:)``: inserted as ``Store/addBatch(_:label:)`` inserts (an
    ///   employee who has the year's SKP by now is refused with `.duplicate(.skp)`).
    /// - ``SKPGridChange/replace(id:with:expecting:)``: the stored SKP `id` is overwritten,
    ///   audited as an `update` (old and new values), but only if it still equals `expecting`
    ///   (compared in the same transaction, the row locked or the write serialised, as
    ///   ``RecordEditStore/update(_:to:expecting:)``); the new value must keep the NIP and year.
    ///
    /// Refusals, nothing written (no record, no audit row, no batch, no score): every row
    /// whose stored SKP differs from `expecting` or is gone is listed in ONE
    /// ``SKPGridConflict`` (each with the actor of the record's newest audit row); otherwise
    /// every invalid row is listed in ONE ``BatchRefused`` (positions in `changes`). An empty
    /// list throws ``ValidationFailure`` (`.required` on `nip`). ``BatchResult/ids`` are the
    /// rows' record ids in the order given (a replacement keeps its id); ``BatchResult/scores``
    /// each employee's score of the measurement year after the save.
    @discardableResult
    func saveSKPGrid(_ changes: [SKPGridChange], label: String) throws -> BatchResult
}

/// One row of a bulk SKP grid's save.
public enum SKPGridChange: Hashable, Sendable {
    /// A new SKP for an employee who had none for the year when the grid opened.
    case add(SKP)
    /// The employee's stored SKP `id`, loaded as `expecting`, replaced by `with`.
    case replace(id: Int64, with: SKP, expecting: SKP)

    public var skp: SKP {
        switch self {
        case .add(let skp), .replace(_, let skp, _): return skp
        }
    }
}

/// A grid save refused because other admins changed (or deleted) SKP the grid meant to
/// replace since it was loaded. Nothing of the save was written.
public struct SKPGridConflict: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Row: Hashable, Sendable {
        /// The row's position in the list given to ``SKPGridStore/saveSKPGrid(_:label:)``.
        public var index: Int
        public var nip: String
        /// The login of the admin whose change came in between.
        public var by: String

        public init(index: Int, nip: String, by: String) {
            self.index = index
            self.nip = nip
            self.by = by
        }
    }

    public var rows: [Row]

    public init(_ rows: [Row]) {
        self.rows = rows
    }

    public var description: String {
        rows.map { "#\($0.index) \($0.nip): changed by \($0.by)" }.joined(separator: " | ")
    }
}
