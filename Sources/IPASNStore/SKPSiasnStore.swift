import IPASNCore

/// An SKP from 2022 on that is pending but that SIASN's shape cannot carry: its predikat is
/// PP 46/2011's only (Cukup, Buruk) or it has only a PP 46/2011 number (``SKPSiasn``).
public struct SKPNeedingPredikat: Hashable, Sendable {
    public var id: Int64
    public var skp: SKP
    /// The employee's current unit.
    public var unit: String

    public init(id: Int64, skp: SKP, unit: String) {
        self.id = id
        self.skp = skp
        self.unit = unit
    }
}

/// SKP and SIASN (branch skp2022; docs/store.md, "SKP and SIASN").
///
/// Contract:
/// - THE pending rule (``ExportTrackingStore``) leaves out every SKP before 2022
///   (``SKPSiasn/sentToSIASN(tahun:)``): such a record is never pending, in
///   ``ExportTrackingStore/pendingCounts()``, `pendingCounts(changedSince:)`,
///   `pendingRecords(unit:)`, `recordVersions(pendingOnly: true)` and
///   ``UnitPendingStore/unitPendingCounts()`` alike, whatever wrote it (a save, an update of
///   its year, an import, an undo). It still counts for the index and is verified as any.
/// - ``skpNeedingPredikat(unit:)``: the pending SKP from 2022 on whose predikat SIASN cannot
///   take (no predikat of PermenPANRB 6/2022: `cukup`, `buruk`, or none with a `nilai`), of
///   the employees of `unit` and its sub-units (nil: every unit), ordered by NIP, year, id.
///   They stay pending (the export cannot send them) until the admin chooses a predikat; the
///   screens and `report pending` list them with that reason. Reads only pending rows.
public protocol SKPSiasnStore {
    func skpNeedingPredikat(unit: String?) throws -> [SKPNeedingPredikat]
}

extension SKPSiasn {
    /// The predikat values stored (`skp.predikat`) SIASN's shape carries, for SQL `IN` lists.
    public static var siasnPredikatSQLList: String {
        siasnPredikat.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}
