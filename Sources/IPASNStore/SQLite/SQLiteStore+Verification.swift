import Foundation
import GRDB
import IPASNCore

/// Verification of records (see ``VerificationStore`` and `docs/store.md`, "Verification"):
/// written once for both engines in `SQLStore+Verification`; here only what is SQLite's own.
extension SQLiteStore {
    // MARK: Reading

    public func verifications(nip: String) throws -> [RecordID: RecordVerification] {
        try read { db in
            var result: [RecordID: RecordVerification] = [:]
            for kind in RecordKind.allCases {
                let rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT r.id, \(Self.verificationColumns) FROM \(RecordRows.table(kind)) r
                            JOIN verification v ON v.kind = ? AND v.record_id = r.id WHERE r.nip = ?
                            """), arguments: [kind.rawValue, nip])
                for row in rows { result[RecordID(kind: kind, id: row[0])] = try Self.verification(row, offset: 1) }
            }
            return result
        }
    }

    // MARK: Scores

    /// Whether the active ruleset leaves rejected records out of the scores (``SQLStore/rejectedLeftOut(_:)``).
    func rejectedLeftOut(_ db: Database) throws -> Bool { try rejectedLeftOut(SQLiteConnection(db)) }

    /// The records of one employee the scores leave out (rejected ones, unless the ruleset counts them).
    func uncountedRecords(nip: String, _ db: Database) throws -> Set<RecordID> {
        guard try rejectedLeftOut(db) else { return [] }
        return try rejectedIDs(nip: nip, db)
    }

    private func rejectedIDs(nip: String, _ db: Database) throws -> Set<RecordID> {
        var ids = Set<RecordID>()
        for kind in RecordKind.allCases {
            let table = RecordRows.table(kind)
            for id in try Int64.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT r.id FROM \(table) r JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                        WHERE r.nip = ? AND v.status = 'tidak'
                        """), arguments: [nip])
            {
                ids.insert(RecordID(kind: kind, id: id))
            }
        }
        return ids
    }

    /// Keeps one employee's scores as entered: a row per cached year when some of their
    /// records do not count, none otherwise.
    func refreshScoresAsEntered(
        _ stored: StoredEmployeeRecords, uncounted: Set<RecordID>, engine: ScoringEngine, years: [Int], _ db: Database
    ) throws {
        guard try db.tableExists("employee_score_entered") else { return }
        try db.cachedStatement(sql: "DELETE FROM employee_score_entered WHERE nip = ?").execute(arguments: [stored.pegawai.nip])
        guard !uncounted.isEmpty else { return }
        let statement = try db.cachedStatement(sql: Self.upsertScoreSQL.replacingOccurrences(of: "employee_score", with: "employee_score_entered"))
        for year in years {
            statement.setUncheckedArguments(Self.scoreArguments(engine.score(stored.plain, year: year)))
            try statement.execute()
        }
    }

    /// After a recompute of `years` (for `only` these employees, or everyone): the scores as
    /// entered of every employee concerned with a record left out.
    func recomputeScoresAsEntered(years: [Int], only: EmployeeSelection?, engine: ScoringEngine, _ db: Database) throws {
        guard try db.tableExists("employee_score_entered") else { return }
        if let only {
            // An import's refresh passes 50,000 employees: with no score as entered stored at all
            // (no record rejected anywhere, the usual case) there is nothing to delete, and one
            // query saves 50,000 deletes per year (issue 14, round 6).
            let anyEntered = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employee_score_entered)") ?? false
            // One prepared statement for all.
            let delete = try db.makeStatement(sql: "DELETE FROM employee_score_entered WHERE year = ? AND nip = ?")
            if anyEntered {
                try only.forEach { nip in
                    for year in years {
                        delete.setUncheckedArguments([year, nip])
                        try delete.execute()
                    }
                }
            }
        } else {
            for year in years { try db.execute(sql: "DELETE FROM employee_score_entered WHERE year = ?", arguments: [year]) }
        }
        guard try rejectedLeftOut(db) else { return }
        let ownersSQL: String = RecordKind.allCases.map { kind in
            let table = RecordRows.table(kind)
            return "SELECT r.nip FROM verification v JOIN \(table) r ON r.id = v.record_id WHERE v.kind = '\(table)' AND v.status = 'tidak'"
        }.joined(separator: " UNION ") + " ORDER BY 1"
        let statement = try db.cachedStatement(sql: Self.upsertScoreSQL.replacingOccurrences(of: "employee_score", with: "employee_score_entered"))
        for nip in try String.fetchAll(db, sql: ownersSQL) {
            if let only, !only.contains(nip) { continue }
            guard let stored = try records(nip: nip, db) else { continue }
            for year in years {
                statement.setUncheckedArguments(Self.scoreArguments(engine.score(stored.plain, year: year)))
                try statement.execute()
            }
        }
    }

    // MARK: Rows, for the SQLite store's own code (``SQLStore`` `+Verification`)

    static let verificationColumns = SQLDialect.sqlite.verificationColumns

    static func verification(_ row: Row, offset: Int) throws -> RecordVerification {
        try verification(SQLiteRow(row: row), offset: offset)
    }

    func verificationRow(_ id: RecordID, _ db: Database) throws -> RecordVerification? {
        try verificationRow(id, SQLiteConnection(db))
    }

    func item(_ id: RecordID, _ db: Database) throws -> VerificationItem? { try item(id, SQLiteConnection(db)) }

    func writeVerification(_ id: RecordID, _ v: RecordVerification, since: Int64?, _ db: Database) throws {
        try writeVerification(id, v, since: since, SQLiteConnection(db))
    }
}
