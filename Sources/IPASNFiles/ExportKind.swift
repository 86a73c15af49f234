import IPASNCore
import IPASNStore

/// What can be exported: the six import kinds, whose files read back with the importer, and
/// SIASN's shapes of the record kinds (``SIASNShape``), which read back too.
public enum ExportKind: String, CaseIterable, Sendable {
    case units, pegawai, pendidikan, diklat, skp, disiplin
    case siasnKursus = "siasn-kursus"
    case siasnDiklatStruktural = "siasn-diklat-struktural"
    case siasnPendidikan = "siasn-pendidikan"
    case siasnSKP = "siasn-skp"
    case siasnDisiplin = "siasn-disiplin"

    /// The import kind whose columns the export has; nil for SIASN's shapes.
    public var importKind: ImportKind? { ImportKind(rawValue: rawValue) }

    /// SIASN's shape, for the `siasn-` kinds.
    public var siasnShape: SIASNShape? {
        rawValue.hasPrefix("siasn-") ? SIASNShape(rawValue: String(rawValue.dropFirst(6))) : nil
    }

    /// The import kind a file of this export reads back as (`ipasn import KIND`).
    public var readsBackAs: ImportKind {
        importKind ?? ImportKind(rawValue: siasnShape!.recordKind.rawValue)!
    }

    /// The columns, in order.
    public var columns: [String] {
        importKind.map(ImportFormat.header) ?? siasnShape!.columns
    }

    /// Positions of the columns written as numbers in JSON (the rest are strings).
    public var numericColumns: Set<Int> {
        switch self {
        case .diklat: return [1, 7]
        case .skp: return [1, 3]
        case .units, .pegawai, .pendidikan, .disiplin: return []
        case .siasnKursus, .siasnDiklatStruktural, .siasnPendidikan, .siasnSKP, .siasnDisiplin:
            return siasnShape!.numericColumns
        }
    }

    /// The record kind a record export holds (nil for units and pegawai).
    public var recordKind: RecordKind? {
        siasnShape?.recordKind ?? importKind?.recordKind
    }

    /// One record's row, or nil when this export does not carry it.
    public func fields(_ record: Record) -> [String]? {
        if let shape = siasnShape { return shape.fields(record) }
        return record.kind == recordKind ? ImportFormat.fields(record) : nil
    }

    /// The rows one employee contributes to a record export (none for units and pegawai).
    public func rows(_ records: EmployeeRecords) -> [[String]] {
        switch self {
        case .pendidikan: return records.pendidikan.map { ImportFormat.fields(.pendidikan($0)) }
        case .diklat: return records.diklat.map { ImportFormat.fields(.diklat($0)) }
        case .skp: return records.skp.map { ImportFormat.fields(.skp($0)) }
        case .disiplin: return records.disiplin.map { ImportFormat.fields(.disiplin($0)) }
        case .units, .pegawai: return []
        case .siasnKursus, .siasnDiklatStruktural, .siasnPendidikan, .siasnSKP, .siasnDisiplin:
            return siasnShape!.rows(records)
        }
    }

    /// Whether a deleted record of this export's kind is one this shape would have carried (a
    /// leadership diklat belongs to diklat struktural, every other diklat to kursus).
    public func carries(_ deletion: SentDeletion) -> Bool {
        guard deletion.id.kind == recordKind else { return false }
        guard deletion.id.kind == .diklat, let shape = siasnShape, let jenis = deletion.diklatJenis else { return true }
        let struktural = jenis == JenisDiklat.struktural.id
        return shape == .diklatStruktural ? struktural : !struktural
    }
}
