import IPASNCore

extension ProgressReport {
    /// The rows of one unit and its sub-units (every row for nil), in tree order.
    /// - Throws: ``ReportError/unknownUnit(_:)``.
    public func within(unit kode: String?) throws -> ProgressReport {
        guard let kode else { return self }
        let tree = UnitTree(units.map(\.unit))
        guard tree.contains(kode) else { throw ReportError.unknownUnit(kode) }
        return ProgressReport(year: year, units: units.filter { tree.isInSubtree($0.unit.kode, of: kode) })
    }
}
