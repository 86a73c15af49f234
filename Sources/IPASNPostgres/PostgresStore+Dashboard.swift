import Foundation
import IPASNCore
import IPASNStore

extension PostgresStore: DashboardStore {
    /// Counted on the server: one statement returning a row per band that has employees,
    /// instead of the unit's score rows (with every employee's columns) to count in Swift.
    ///
    /// The unit's employees are found through `pegawai_unit` (``inSubunits``: exactly the
    /// units' entries) and each one's score through the cache's primary key (`LATERAL ...
    /// LIMIT 1`: the LIMIT keeps the planner from flattening it into a hash join over the whole
    /// year of the cache, 13 ms at 50,000 employees; a nested loop whatever the statistics say). Before, the dashboard read the unit's score
    /// rows through a cursor whose fast-start plan walked `pegawai_unit` from its start to the
    /// unit: 22.7 ms at 50,000 employees for a unit of 40.
    /// The band of each total is a CASE over the minimums (parameters), in float8 arithmetic
    /// as ``EmployeeScore/total`` and ``CategoryBands/rank(of:minimums:)`` compute it.
    public func categoryCounts(year: Int, unit: String, minimums: [Double]) throws -> [Int] {
        guard !minimums.isEmpty else { return [] }
        let bands = minimums.indices.dropLast().map { "WHEN t >= ?::float8 - 1e-9 THEN \($0)" }.joined(separator: " ")
        let rank = bands.isEmpty ? "0" : "CASE \(bands) ELSE \(minimums.count - 1) END"
        var arguments: PGArguments = [unit]
        arguments += PGArguments(minimums.dropLast().map { $0 as (any PGBindable)? })
        arguments += [year, LocalDate.endOfYear(year).iso]
        let sql = """
            \(Self.subunitsCTE)
            SELECT \(rank) AS band, COUNT(*) FROM (
                SELECT s.kualifikasi + s.kompetensi + s.kinerja + s.disiplin AS t
                FROM pegawai p CROSS JOIN LATERAL (
                    SELECT e.kualifikasi, e.kompetensi, e.kinerja, e.disiplin FROM employee_score e
                    WHERE e.year = ? AND e.nip = p.nip LIMIT 1) s
                WHERE \(Self.inSubunits) AND \(Self.countedInYear)) x
            GROUP BY 1
            """
        var counts = Array(repeating: 0, count: minimums.count)
        // The cached year's check and the count in one round trip; a year not cached yet is
        // cached now (or computed), as ``scores(year:unit:)`` does.
        let results = try readPipelined([("SELECT 1 FROM score_year WHERE year = ?", [year]), (sql, arguments)])
        guard results[0].count > 0 else {
            guard try ensureCached(year: year) else {
                return CategoryBands.counts(try computedScores(year: year, unit: unit), minimums: minimums)
            }
            return try categoryCounts(year: year, unit: unit, minimums: minimums)
        }
        let rows = results[1]
        for index in 0..<rows.count {
            let row = PGRow(result: rows, index: index)
            let band = Int(row[0] as Int64)
            if counts.indices.contains(band) { counts[band] += Int(row[1] as Int64) }
        }
        return counts
    }
}

/// The ruleset decoded from its stored JSON, kept while the text stays the same: the dashboard
/// reads the text on every open (in its one round trip) but decodes it only after a change.
final class RulesetMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (json: String?, ruleset: Ruleset)?

    /// The ruleset of `json` (nil: the default, ``Ruleset/bkn2019``).
    func ruleset(_ json: String?) throws -> Ruleset {
        if let last = lock.withLock({ last }), last.json == json { return last.ruleset }
        let ruleset = try json.map { try RulesetFile.load(Data($0.utf8)) } ?? .bkn2019
        lock.withLock { last = (json, ruleset) }
        return ruleset
    }
}
