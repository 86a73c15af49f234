import IPASNCore

/// The words of the report titles, in either language.
public enum ReportTitle {
    /// The instansi a database holds: the name of its root unit, or of each root joined
    /// (`Pemerintah Kota`, `Dinas A, Dinas B`).
    public static func instansi(_ units: [OrgUnit]) -> String {
        let roots = UnitTree(units).roots.map(\.nama)
        return roots.isEmpty ? "-" : roots.joined(separator: ", ")
    }

    static func year(_ year: Int, _ language: Language) -> String {
        language == .id ? "Tahun pengukuran \(year)" : "Measurement year \(year)"
    }

    static func scope(_ unit: OrgUnit?, _ language: Language) -> String {
        guard let unit else { return "" }
        return language == .id ? "; unit \(unit.kode) \(unit.nama) beserta sub-unitnya" : "; unit \(unit.kode) \(unit.nama) with its sub-units"
    }

    static func t(_ language: Language, _ id: String, _ en: String) -> String { language == .id ? id : en }
}
