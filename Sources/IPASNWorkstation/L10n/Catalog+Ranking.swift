import IPASNCore
import IPASNReports

/// The intervention screen's strings for its two orders (branch `ranking`): the rise of the
/// whole index (employee-weighted, the default) and the rise of the unit's own mean.
extension L {
    /// The status line: how many rows, in which order, and the index they raise.
    static func interventionsRanked(
        _ rows: Int, _ units: Int, _ minimum: Int, order: InterventionPlan.Order, index: String, pegawai: Int
    ) -> Txt {
        let filter = minimum > 1 ? Txt("; unit min. \(minimum) pegawai", "; units of \(minimum)+ employees") : Txt("", "")
        let by: Txt
        switch order {
        case .own, .index:
            by = Txt("urut kenaikan indeks (\(pegawai) pegawai, kini \(index))", "by the index's rise (\(pegawai) employees, now \(index))")
        case .unitMean:
            by = Txt("urut kenaikan rata-rata unit", "by the unit mean's rise")
        }
        // Each unit with its sub-units (`s`) says so; the default (each unit's own employees)
        // marks the units that have sub-units by name.
        let sub = order == .own ? Txt("", "") : Txt(" & sub-unit", " & subunits")
        return Txt(
            "\(rows) peluang di \(units) unit\(sub.id)\(filter.id), \(by.id).",
            "\(rows) options in \(units) units\(sub.en)\(filter.en), \(by.en).")
    }

    /// What `s` just did.
    static func interventionOrderSet(_ order: InterventionPlan.Order) -> Txt {
        switch order {
        case .own:
            return Txt(
                "Tiap unit dengan pegawainya sendiri (tanpa sub-unit), urut kenaikan indeks.",
                "Each unit with its own employees (without sub-units), by the rise of the index.")
        case .index:
            return Txt(
                "Tiap unit dengan sub-unitnya, urut kenaikan indeks (unit induk lebih dulu).",
                "Each unit with its sub-units, by the rise of the index (parent units first).")
        case .unitMean:
            return Txt("Urut kenaikan rata-rata unit (unit kecil lebih dulu).", "Ranked by the rise of the unit mean (small units first).")
        }
    }

    /// A unit with sub-units standing for its own employees only (the own order).
    static func ownEmployeesOf(_ name: String) -> Txt {
        Txt("\(name) (tanpa sub-unit)", "\(name) (without sub-units)")
    }

    /// The rise of the whole index (narrow) and the index after with its rise (wide).
    static let colIndexRise = Txt("Indeks+", "Index+")
    static let colIndex = Txt("Indeks", "Index")
    /// The rise of the unit's own mean in the narrow layout.
    static let colUnitRise = Txt("Unit+", "Unit+")

    /// The legend under the narrow list.
    static let interventionsRankLegend = Txt(
        "Indeks+: naik indeks  Unit+: naik rata-rata unit  *: kategori indeks berubah",
        "Index+: index rise  Unit+: unit mean rise  *: index category changes")

    /// The selected row's index line: `Indeks 53,75 -> 59,38 (+5,63)  Sangat Rendah`.
    static let indexLabel = Txt("Indeks", "Index")
}
