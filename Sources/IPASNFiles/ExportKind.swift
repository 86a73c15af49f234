import IPASNCore
import IPASNStore

/// What can be exported: the six import kinds, whose files read back with the importer, and
/// SIASN riwayat kursus (``SIASNKursus``).
public enum ExportKind: String, CaseIterable, Sendable {
    case units, pegawai, pendidikan, diklat, skp, disiplin
    case siasnKursus = "siasn-kursus"

    /// The import kind whose columns the export has; nil for SIASN kursus.
    public var importKind: ImportKind? { ImportKind(rawValue: rawValue) }

    /// The columns, in order.
    public var columns: [String] {
        importKind.map(ImportFormat.header) ?? SIASNKursus.columns
    }

    /// Positions of the columns written as numbers in JSON (the rest are strings).
    public var numericColumns: Set<Int> {
        switch self {
        case .diklat: return [1, 7]
        case .skp: return [1, 3]
        case .siasnKursus: return SIASNKursus.numericColumns
        case .units, .pegawai, .pendidikan, .disiplin: return []
        }
    }

    /// The rows one employee contributes to a record export (none for units and pegawai).
    public func rows(_ records: EmployeeRecords) -> [[String]] {
        switch self {
        case .pendidikan: return records.pendidikan.map { ImportFormat.fields(.pendidikan($0)) }
        case .diklat: return records.diklat.map { ImportFormat.fields(.diklat($0)) }
        case .skp: return records.skp.map { ImportFormat.fields(.skp($0)) }
        case .disiplin: return records.disiplin.map { ImportFormat.fields(.disiplin($0)) }
        case .siasnKursus: return records.diklat.filter(SIASNKursus.includes).map(SIASNKursus.fields)
        case .units, .pegawai: return []
        }
    }
}
