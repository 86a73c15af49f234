import GRDB

extension SQLiteStore {
    /// `unit_score_totals` equals a fresh sum over the score cache (``UnitScoreTotals``):
    /// every (year, unit) of active employees with their exact count and scaled sums, and no
    /// other row but emptied ones (all zero). One sentence per wrong row, at most 50.
    func checkUnitTotals(_ db: Database) throws -> [String] {
        typealias Sums = [Int64]
        var fresh: [String: Sums] = [:]
        let freshRows = try Row.fetchCursor(db, sql: UnitScoreTotals.freshTotalsSQL)
        while let row = try freshRows.next() {
            fresh["\(row[0] as Int64) \(row[1] as String)"] = (2..<8).map { row[$0] as Int64 }
        }
        var problems: [String] = []
        let kept = try Row.fetchCursor(
            db, sql: "SELECT year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin FROM unit_score_totals")
        while let row = try kept.next() {
            let key = "\(row[0] as Int64) \(row[1] as String)"
            let sums: Sums = (2..<8).map { row[$0] as Int64 }
            let expected = fresh.removeValue(forKey: key) ?? Array(repeating: 0, count: 6)
            if sums != expected {
                problems.append("Unit totals \(key) are \(Self.describe(sums)) but the cached scores sum to \(Self.describe(expected)).")
            }
        }
        for key in fresh.keys.sorted() {
            problems.append("Unit totals \(key) are missing; the cached scores sum to \(Self.describe(fresh[key]!)).")
        }
        if problems.count > 50 { return Array(problems.prefix(50)) + ["... and \(problems.count - 50) more unit total mismatches."] }
        return problems
    }

    private static func describe(_ sums: [Int64]) -> String {
        let points = sums[2...].map { "\(Double($0) / Double(UnitScoreTotals.scale))" }
        return "\(sums[0]) pegawai, \(sums[1]) complete, " + points.joined(separator: "/")
    }
}
