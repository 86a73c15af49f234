import IPASNCore

/// Per-unit counts of the records not yet sent to SIASN, kept current by every write
/// (issue 14: the dashboard's "Belum dikirim" column without reading every unsent record).
///
/// Contract (docs/store.md, "Per-unit pending counts"):
/// - ``unitPendingCounts()`` returns, per unit kode (the unit's OWN employees, sub-units not
///   folded in) and record kind, how many records are pending — exactly the counts of
///   ``ExportTrackingStore/pendingCounts()`` (same rule: no SIASN batch holds the record's
///   current version; records of no known employee count nowhere), without their oldest
///   moment. Units and kinds with nothing pending are absent.
/// - The counts are current after every committed write, whatever wrote it (a save, an undo,
///   an import, an export marking records sent, an employee moved to another unit), and
///   cost a read of one small table (a few hundred rows at province scale), never a pass
///   over the record tables.
public protocol UnitPendingStore {
    /// Pending records per unit (its own employees) and kind; absent: none.
    func unitPendingCounts() throws -> [String: [RecordKind: Int]]
}
