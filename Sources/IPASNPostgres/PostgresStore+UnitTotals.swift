import IPASNStore

extension PostgresStore {
    /// `unit_score_totals` equals a fresh sum over the score cache (``PostgresSchema/unitTotals``):
    /// every (year, unit) of counted employees with their exact count and scaled sums, and no
    /// other row but emptied ones (all zero). One sentence per wrong row, at most 50.
    func checkUnitTotals(_ db: PGConnection) throws -> [String] {
        var fresh: [String: [Int64]] = [:]
        for row in try db.fetchAll(sql: PostgresSchema.freshUnitTotalsSQL) {
            fresh["\(row[0] as Int64) \(row[1] as String)"] = (2..<8).map { row[$0] as Int64 }
        }
        var problems: [String] = []
        let kept = try db.fetchAll(
            sql: "SELECT year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin FROM unit_score_totals")
        for row in kept {
            let key = "\(row[0] as Int64) \(row[1] as String)"
            let sums: [Int64] = (2..<8).map { row[$0] as Int64 }
            let expected = fresh.removeValue(forKey: key) ?? Array(repeating: 0, count: 6)
            if sums != expected {
                problems.append("Unit totals \(key) are \(Self.describeTotals(sums)) but the cached scores sum to \(Self.describeTotals(expected)).")
            }
        }
        for key in fresh.keys.sorted() {
            problems.append("Unit totals \(key) are missing; the cached scores sum to \(Self.describeTotals(fresh[key]!)).")
        }
        if problems.count > 50 { return Array(problems.prefix(50)) + ["... and \(problems.count - 50) more unit total mismatches."] }
        return problems
    }

    private static func describeTotals(_ sums: [Int64]) -> String {
        let points = sums[2...].map { "\(Double($0) / Double(PostgresSchema.unitTotalsScale))" }
        return "\(sums[0]) pegawai, \(sums[1]) complete, " + points.joined(separator: "/")
    }
}
