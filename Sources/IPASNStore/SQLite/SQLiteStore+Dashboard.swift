import IPASNCore

extension SQLiteStore: DashboardStore {
    /// The unit's score rows read as ``scores(year:unit:)`` reads them (through `pegawai_unit`,
    /// 0.3 ms for a unit at 50,000 employees), counted per band.
    public func categoryCounts(year: Int, unit: String, minimums: [Double]) throws -> [Int] {
        CategoryBands.counts(try scores(year: year, unit: unit), minimums: minimums)
    }
}
