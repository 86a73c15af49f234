import Foundation
import IPASNCore

/// `ipasn check`, once for both engines: the engine's own checks (``SQLStore/sqlEngineProblems(_:)``),
/// then the project's: every employee's unit exists and can be found by name, the unit tree has
/// no cycle and at most ``UnitTree/maximumLevels`` levels, every cached score equals a fresh
/// recompute (and every employee has one for each cached year), then the engine's checks of
/// what it keeps derived (``SQLStore/sqlDerivedProblems(_:)``) and the verifikator queue's kept
/// waiting counts (``SQLStore/sqlQueueWaitingProblems(_:)``).
extension SQLStore {
    /// Returns one English sentence per problem; empty when all is well.
    public func check() throws -> [String] {
        try sqlRead { db in
            var problems = try sqlEngineProblems(db)
            for row in try db.fetchAll(
                sql: "SELECT nip, kode_unit FROM pegawai WHERE kode_unit NOT IN (SELECT kode FROM units) ORDER BY nip")
            {
                problems.append("Employee \(row[0] as String) belongs to unit \(row[1] as String), which does not exist.")
            }
            let tree = UnitTree(try sqlUnits(db))
            let cyclic = tree.unreachable
            if !cyclic.isEmpty {
                problems.append("The unit tree has a cycle through: \(cyclic.joined(separator: ", ")).")
            }
            if tree.levels > UnitTree.maximumLevels, let deepest = tree.units.max(by: { tree.depth(of: $0.kode)! < tree.depth(of: $1.kode)! }) {
                problems.append(
                    "The unit tree is \(tree.levels) levels deep (down to unit \(deepest.kode)); at most \(UnitTree.maximumLevels) are allowed.")
            }
            problems += try checkSearchKeys(db)
            problems += try checkScores(db)
            problems += try sqlDerivedProblems(db)
            problems += try sqlQueueWaitingProblems(db)
            return problems
        }
    }

    /// Every employee's `search_key` is the key of the name (a row written without it cannot
    /// be found by name).
    private func checkSearchKeys(_ db: Connection) throws -> [String] {
        var stale: [String] = []
        try db.forEachRow(sql: "SELECT nip, nama, search_key FROM pegawai ORDER BY nip", arguments: []) { row in
            let nama: String = row[1]
            let key: String = row[2]
            if key != SearchText.key(nama) { stale.append(row[0]) }
        }
        guard !stale.isEmpty else { return [] }
        let shown = stale.prefix(10).joined(separator: ", ") + (stale.count > 10 ? " and \(stale.count - 10) more" : "")
        return ["The search key of \(stale.count) employee(s) does not match the name (not found by name): \(shown)."]
    }

    private func checkScores(_ db: Connection) throws -> [String] {
        var problems: [String] = []
        let years = try sqlCachedYears(db)
        guard !years.isEmpty else { return [] }
        var cached: [Int: [String: EmployeeScore]] = [:]
        try db.forEachRow(sql: "SELECT \(Self.scoreRowColumns) FROM employee_score", arguments: []) { row in
            let score = sqlScore(row)
            cached[score.year, default: [:]][score.nip] = score
        }
        let engine = ScoringEngine(ruleset: try sqlRuleset(db))
        let limit = 50
        var found = 0
        try sqlForEachEmployee(asEntered: false, db) { records in
            for year in years {
                let fresh = engine.score(records, year: year)
                let stored = cached[year]?.removeValue(forKey: fresh.nip)
                guard stored != fresh else { continue }
                found += 1
                guard found <= limit else { continue }
                if let stored {
                    problems.append(
                        "Cached \(year) score of employee \(fresh.nip) is \(Self.describe(stored)) but a recompute gives \(Self.describe(fresh)).")
                } else {
                    problems.append("Employee \(fresh.nip) has no cached \(year) score.")
                }
            }
        }
        for (year, left) in cached where !left.isEmpty {
            problems.append("\(left.count) cached \(year) score(s) belong to no employee.")
        }
        if found > limit { problems.append("... and \(found - limit) more score mismatches.") }
        return problems
    }

    private static func describe(_ s: EmployeeScore) -> String {
        "\(s.kualifikasi)/\(s.kompetensi)/\(s.kinerja)/\(s.disiplin)" + (s.missing.isEmpty ? "" : " (missing \(s.missing.map(\.rawValue).joined(separator: ", ")))")
    }
}
