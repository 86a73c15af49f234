import Foundation
import IPASNCore

/// Saving an edit of a record that a form loaded earlier, without losing another admin's edit
/// made in between (the "lost update"). The full contract is `docs/store.md`, "Editing a
/// record that may have changed"; the conformance suite checks it
/// (`StoreConformance+RecordEdit.swift`).
public protocol RecordEditStore: AnyObject, Sendable {
    /// As ``Store/update(_:to:)``, but only if the stored record still equals `original` (all
    /// its fields), the record as the caller loaded it. The comparison happens in the same
    /// transaction as the write, and no concurrent save of the same record can pass it at the
    /// same time (the row is locked or the write is serialised). If the stored record differs
    /// or is gone, nothing is written (no audit row, no score change) and
    /// ``StoreError/editedMeanwhile(by:)`` is thrown, naming the actor of the record's newest
    /// audit row (for a deleted record, whoever deleted it).
    func update(_ id: RecordID, to record: Record, expecting original: Record) throws -> SaveResult
}
