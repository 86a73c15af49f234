import Foundation
import IPASNStore
import IPASNCore

/// Verification of records (see ``VerificationStore`` and `docs/store.md`, "Verification"):
/// written once for both engines in `SQLStore+Verification`; here only what is PostgreSQL's
/// own (the pipelined reads, the scores as entered through the schema owner's functions).
extension PostgresStore: VerificationStore {
    // MARK: Reading

    public func verifications(nip: String) throws -> [RecordID: RecordVerification] {
        // The four kinds in one round trip, with the snapshot's BEGIN and COMMIT.
        try Self.decodeVerifications(try readPipelined(Self.verificationStatements(nip: nip)))
    }

    /// The statements of ``verifications(nip:)``, one per kind, to send with others.
    static func verificationStatements(nip: String) -> [(sql: String, arguments: PGArguments)] {
        RecordKind.allCases.map { kind in
            (
                """
                SELECT r.id, \(Self.verificationColumns) FROM \(PGRecordRows.table(kind)) r
                JOIN verification v ON v.kind = ? AND v.record_id = r.id WHERE r.nip = ?
                """, [kind.rawValue, nip]
            )
        }
    }

    /// The results of ``verificationStatements(nip:)``.
    static func decodeVerifications(_ results: [PGResult]) throws -> [RecordID: RecordVerification] {
        var result: [RecordID: RecordVerification] = [:]
        for (kind, rows) in zip(RecordKind.allCases, results) {
            for index in 0..<rows.count {
                let row = PGRow(result: rows, index: index)
                result[RecordID(kind: kind, id: row[0])] = try Self.verification(row, offset: 1)
            }
        }
        return result
    }

    // MARK: Scores

    /// Whether the active ruleset leaves rejected records out of the scores (``SQLStore/rejectedLeftOut(_:)``).
    func rejectedLeftOut(_ db: PGConnection) throws -> Bool { try rejectedLeftOut(PGDatabase(db)) }

    /// The records of one employee the scores leave out (rejected ones, unless the ruleset counts them).
    func uncountedRecords(nip: String, _ db: PGConnection) throws -> Set<RecordID> {
        guard try rejectedLeftOut(db) else { return [] }
        return try rejectedIDs(nip: nip, db)
    }

    private func rejectedIDs(nip: String, _ db: PGConnection) throws -> Set<RecordID> {
        var ids = Set<RecordID>()
        // The four kinds in one round trip.
        let results = try db.pipelined(
            RecordKind.allCases.map { kind in
                let table = PGRecordRows.table(kind)
                return (
                    """
                    SELECT r.id FROM \(table) r JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                    WHERE r.nip = ? AND v.status = 'tidak'
                    """, [nip]
                )
            })
        for (kind, rows) in zip(RecordKind.allCases, results) {
            for index in 0..<rows.count {
                ids.insert(RecordID(kind: kind, id: PGRow(result: rows, index: index)[0]))
            }
        }
        return ids
    }

    /// Keeps one employee's scores as entered: a row per cached year when some of their
    /// records do not count, none otherwise.
    func refreshScoresAsEntered(
        _ stored: StoredEmployeeRecords, uncounted: Set<RecordID>, engine: ScoringEngine, years: [Int], _ db: PGConnection
    ) throws {
        _ = try db.pipelined(scoresAsEnteredStatements(stored, uncounted: uncounted, engine: engine, years: years))
    }

    /// The first statement of ``scoresAsEnteredStatements(_:uncounted:engine:years:)``: the
    /// employee's scores as entered dropped (rewritten after it when some records do not count).
    static let dropEnteredScoresSQL = "SELECT ipasn_drop_scores(true, NULL, ARRAY[?::text])"

    /// The statements of ``refreshScoresAsEntered(_:uncounted:engine:years:_:)``, to send with others.
    func scoresAsEnteredStatements(
        _ stored: StoredEmployeeRecords, uncounted: Set<RecordID>, engine: ScoringEngine, years: [Int]
    ) -> [(sql: String, arguments: PGArguments)] {
        var statements: [(sql: String, arguments: PGArguments)] = [
            (Self.dropEnteredScoresSQL, [stored.pegawai.nip])
        ]
        guard !uncounted.isEmpty else { return statements }
        let upsert = Self.upsertEnteredScoreSQL
        for year in years {
            statements.append((upsert, Self.scoreArguments(engine.score(stored.plain, year: year))))
        }
        return statements
    }

    /// After a recompute of `years` (for `only` these employees, or everyone): the scores as
    /// entered of every employee concerned with a record left out.
    func recomputeScoresAsEntered(years: [Int], only: Set<String>?, engine: ScoringEngine, _ db: PGConnection) throws {
        if let only {
            // One statement for every employee concerned (an import touching 50,000 employees
            // made 50,000 round trips here).
            guard !only.isEmpty else { return }
            try Self.dropScores(entered: true, years: years, nips: only.sorted(), db)
        } else {
            try Self.dropScores(entered: true, years: years, nips: nil, db)
        }
        guard try rejectedLeftOut(db) else { return }
        let ownersSQL: String = RecordKind.allCases.map { kind in
            let table = PGRecordRows.table(kind)
            return "SELECT r.nip FROM verification v JOIN \(table) r ON r.id = v.record_id WHERE v.kind = '\(table)' AND v.status = 'tidak'"
        }.joined(separator: " UNION ") + " ORDER BY 1"
        let upsert = Self.upsertEnteredScoreSQL
        for nip in try String.fetchAll(db, sql: ownersSQL) {
            if let only, !only.contains(nip) { continue }
            guard let stored = try records(nip: nip, db) else { continue }
            for year in years {
                try db.execute(sql: upsert, arguments: Self.scoreArguments(engine.score(stored.plain, year: year)))
            }
        }
    }

    // MARK: Rows, for the PostgreSQL store's own code (``SQLStore`` `+Verification`)

    static let verificationColumns = SQLDialect.postgresql.verificationColumns

    static func verification(_ row: PGRow, offset: Int) throws -> RecordVerification {
        try verification(PGSQLRow(row: row), offset: offset)
    }

    func verificationRow(_ id: RecordID, _ db: PGConnection) throws -> RecordVerification? {
        try verificationRow(id, PGDatabase(db))
    }

    func writeVerification(_ id: RecordID, _ v: RecordVerification, since: Int64?, _ db: PGConnection) throws {
        try writeVerification(id, v, since: since, PGDatabase(db))
    }
}
