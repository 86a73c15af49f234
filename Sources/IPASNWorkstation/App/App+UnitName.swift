import IPASNCore

extension App {
    /// The unit's name as lists show it (``UnitTree/displayNames()``): a name several units
    /// share gets its nearest uniquely named ancestor, `DISDIK › Sekretariat`.
    func displayName(of unit: OrgUnit) -> String {
        guard let units = try? store.units() else { return unit.nama }
        return UnitTree(units).displayNames()[unit.kode] ?? unit.nama
    }
}
