import Foundation
import IPASNStore
import IPASNCore

extension PostgresStore {
    /// The project's consistency checks (PostgreSQL enforces every foreign key at commit, so
    /// a dangling reference cannot be stored; its own page checks are the server
    /// administrator's, `pg_amcheck`): every cached score equals a fresh recompute (and every
    /// employee has one for each cached year), every employee's unit exists and can be found
    /// by name, and the unit tree has no cycle and at most ``UnitTree/maximumLevels`` levels.
    /// Returns one English sentence per problem; empty when all is well.
    public func check() throws -> [String] {
        try read { db in
            var problems: [String] = []
            for row in try PGRow.fetchAll(
                db, sql: "SELECT nip, kode_unit FROM pegawai WHERE kode_unit NOT IN (SELECT kode FROM units) ORDER BY nip")
            {
                problems.append("Employee \(row[0] as String) belongs to unit \(row[1] as String), which does not exist.")
            }
            let tree = UnitTree(try units(db))
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
            problems += try checkUnitTotals(db)
            return problems
        }
    }

    /// Every employee's `search_key` is the key of the name (a row written without it cannot
    /// be found by name).
    private func checkSearchKeys(_ db: PGConnection) throws -> [String] {
        var stale: [String] = []
        let rows = try PGRow.fetchCursor(db, sql: "SELECT nip, nama, search_key FROM pegawai ORDER BY nip")
        while let row = try rows.next() {
            let nama: String = row[1]
            let key: String = row[2]
            if key != SearchText.key(nama) { stale.append(row[0]) }
        }
        guard !stale.isEmpty else { return [] }
        let shown = stale.prefix(10).joined(separator: ", ") + (stale.count > 10 ? " and \(stale.count - 10) more" : "")
        return ["The search key of \(stale.count) employee(s) does not match the name (not found by name): \(shown)."]
    }

    private func checkScores(_ db: PGConnection) throws -> [String] {
        var problems: [String] = []
        let years = try cachedYears(db)
        guard !years.isEmpty else { return [] }
        var cached: [Int: [String: EmployeeScore]] = [:]
        let rows = try PGRow.fetchCursor(db, sql: "SELECT \(Self.scoreColumns) FROM employee_score")
        while let row = try rows.next() {
            let score = Self.score(row)
            cached[score.year, default: [:]][score.nip] = score
        }
        let engine = ScoringEngine(ruleset: try ruleset(db))
        let limit = 50
        var found = 0
        try forEachEmployee(db) { records in
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
