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

extension ValidationFailure {
    /// The refusal of an edit that would turn record `id` into a record of another kind
    /// (every store's `update`: a record keeps its kind; nothing is written).
    public static func checkKeepsKind(_ id: RecordID, _ record: Record) throws {
        guard record.kind != id.kind else { return }
        throw ValidationFailure([
            ValidationIssue(
                field: "kind",
                code: .custom(
                    id: "Jenis data tidak boleh diubah (\(id.kind.rawValue) → \(record.kind.rawValue)).",
                    en: "A record cannot change kind (\(id.kind.rawValue) → \(record.kind.rawValue))."))
        ])
    }
}
