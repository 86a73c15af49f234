import Foundation
import IPASNStore
import IPASNCore

/// Verification of records (see ``VerificationStore`` and `docs/store.md`, "Verification").
extension PostgresStore: VerificationStore {
    // MARK: Reading

    public func verification(of id: RecordID) throws -> RecordVerification {
        try read { db in
            guard try record(id, db) != nil else { throw StoreError.recordNotFound(id) }
            return try verificationRow(id, db) ?? .unverified
        }
    }

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

    public func verificationQueue(unit: String?, status: VerificationStatus, limit: Int) throws -> [VerificationItem] {
        guard limit > 0 else { return [] }
        return try read { db in
            // (order key, kind, id) per kind, each kind's first `limit`, then merged.
            var found: [(key: String, kind: Int, id: Int64)] = []
            let within = unit == nil ? "" : "AND p.kode_unit IN (SELECT kode FROM sub)"
            let cte = unit == nil ? "" : Self.subunitsCTE
            for (index, kind) in RecordKind.allCases.enumerated() {
                let table = PGRecordRows.table(kind)
                let sql: String
                if status == .belum {
                    sql = """
                        \(cte) SELECT lpad(COALESCE(v.since, 0)::text, 20, '0'), r.id
                        FROM pegawai p JOIN \(table) r ON r.nip = p.nip
                        LEFT JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                        WHERE p.aktif = 1 \(within) AND (v.status IS NULL OR v.status = 'belum')
                        ORDER BY COALESCE(v.since, 0), r.id LIMIT ?
                        """
                } else {
                    sql = """
                        \(cte) SELECT v.at::text, r.id
                        FROM verification v JOIN \(table) r ON r.id = v.record_id JOIN pegawai p ON p.nip = r.nip
                        WHERE v.kind = '\(table)' AND v.status = '\(status.rawValue)' AND p.aktif = 1 \(within)
                        ORDER BY v.at, r.id LIMIT ?
                        """
                }
                let arguments: PGArguments = unit.map { [$0, limit] } ?? [limit]
                for row in try PGRow.fetchAll(db, sql: sql, arguments: arguments) {
                    found.append((row[0] ?? "", index, row[1]))
                }
            }
            found.sort { ($0.key, $0.kind, $0.id) < ($1.key, $1.kind, $1.id) }
            return try found.prefix(limit).compactMap { entry in
                try item(RecordID(kind: RecordKind.allCases[entry.kind], id: entry.id), db)
            }
        }
    }

    public func verificationCounts() throws -> [String: VerificationCounts] {
        try read { db in
            var counts: [String: VerificationCounts] = [:]
            for kind in RecordKind.allCases {
                let table = PGRecordRows.table(kind)
                let rows = try PGRow.fetchCursor(
                    db,
                    sql: """
                        SELECT p.kode_unit, COALESCE(v.status, 'belum'), COUNT(*), SUM(COALESCE(v.document, 0))
                        FROM \(table) r JOIN pegawai p ON p.nip = r.nip
                        LEFT JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                        WHERE p.aktif = 1 GROUP BY 1, 2
                        """)
                while let row = try rows.next() {
                    let unit: String = row[0]
                    let statusText: String = row[1]
                    let count: Int = row[2]
                    var add = VerificationCounts(documents: row[3])
                    switch VerificationStatus(rawValue: statusText) {
                    case .belum?: add.belum = count
                    case .memenuhi?: add.memenuhi = count
                    case .tidak?: add.tidak = count
                    case nil: throw StoreError.corrupt("verification status \(statusText)")
                    }
                    counts[unit, default: VerificationCounts()].add(add)
                }
            }
            return counts
        }
    }

    public func rejectedRecords(inUnits units: [String]?) throws -> [VerificationItem] {
        try read { db in
            var included: Set<String>?
            if let units {
                var set = Set<String>()
                for unit in units {
                    set.formUnion(
                        try String.fetchAll(db, sql: "\(Self.subunitsCTE) SELECT kode FROM units WHERE kode IN (SELECT kode FROM sub)", arguments: [unit]))
                }
                included = set
            }
            let rows = try PGRow.fetchAll(
                db, sql: "SELECT kind, record_id FROM verification WHERE status = 'tidak' ORDER BY at DESC, kind, record_id DESC")
            var result: [VerificationItem] = []
            for row in rows {
                let kindText: String = row[0]
                guard let kind = RecordKind(rawValue: kindText) else { throw StoreError.corrupt("verification kind \(kindText)") }
                guard let item = try item(RecordID(kind: kind, id: row[1]), db), item.pegawai.aktif else { continue }
                if let included, !included.contains(item.pegawai.kodeUnit) { continue }
                result.append(item)
            }
            return result
        }
    }

    public func directUnitTotalsAsEntered(year: Int) throws -> [String: ScoreTotals] {
        guard try ensureCached(year: year) else {
            // A read-only store that has not cached the year: one pass counting every record.
            return try read { db in
                let engine = ScoringEngine(ruleset: try ruleset(db))
                var totals: [String: ScoreTotals] = [:]
                try forEachEmployee(db, asEntered: true) { records in
                    guard records.pegawai.counts(inYear: year) else { return }
                    totals[records.pegawai.kodeUnit, default: ScoreTotals()].add(engine.score(records, year: year))
                }
                return totals
            }
        }
        var totals = try directUnitTotals(year: year)
        try read { db in
            // The cached totals corrected by the few employees whose score as entered differs.
            let rows = try PGRow.fetchCursor(
                db,
                sql: """
                    SELECT p.kode_unit, SUM(e.complete - s.complete), SUM(e.kualifikasi - s.kualifikasi),
                           SUM(e.kompetensi - s.kompetensi), SUM(e.kinerja - s.kinerja), SUM(e.disiplin - s.disiplin)
                    FROM employee_score_entered e
                    JOIN employee_score s ON s.year = e.year AND s.nip = e.nip
                    JOIN pegawai p ON p.nip = e.nip
                    WHERE e.year = ? AND \(Self.countedInYear)
                    GROUP BY p.kode_unit
                    """, arguments: [year, LocalDate.endOfYear(year).iso])
            while let row = try rows.next() {
                let unit: String = row[0]
                guard var unitTotals = totals[unit] else { continue }
                let complete: Int = row[1]
                let kualifikasi: Double = row[2]
                let kompetensi: Double = row[3]
                let kinerja: Double = row[4]
                let disiplin: Double = row[5]
                unitTotals.completePegawai += complete
                unitTotals.kualifikasi += kualifikasi
                unitTotals.kompetensi += kompetensi
                unitTotals.kinerja += kinerja
                unitTotals.disiplin += disiplin
                totals[unit] = unitTotals
            }
        }
        return totals
    }

    // MARK: Writing

    @discardableResult
    public func setVerification(_ ids: [RecordID], status: VerificationStatus, reason: String) throws -> Int {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == .tidak && reason.isEmpty {
            throw ValidationFailure([
                ValidationIssue(
                    field: "alasan",
                    code: .custom(
                        id: "Alasan wajib diisi untuk data yang tidak memenuhi syarat: tulis apa yang harus diperbaiki.",
                        en: "A reason is required for a rejected record: say what must be corrected."))
            ])
        }
        if let bad = TextLimits.firstControlCharacter(reason) {
            throw ValidationFailure([
                ValidationIssue(
                    field: "alasan",
                    code: .custom(
                        id: "Alasan berisi karakter kendali \(TextLimits.name(of: bad)); hapus karakter itu.",
                        en: "The reason contains the control character \(TextLimits.name(of: bad)); remove it."))
            ])
        }
        var seen = Set<RecordID>()
        let unique = ids.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return 0 }
        return try transaction { db in
            try permitVerdict(db)
            // Only a move into or out of `tidak` changes what counts (and only when the ruleset
            // leaves rejected records out): accepting a belum record leaves the scores alone.
            let leftOut = try rejectedLeftOut(db)
            var nips = Set<String>()
            var changed = 0
            for id in unique {
                guard let record = try record(id, db) else { throw StoreError.recordNotFound(id) }
                let old = try verificationRow(id, db) ?? .unverified
                var new = old
                new.status = status
                new.reason = status == .tidak ? reason : ""
                new.by = status == .belum ? nil : context.actor
                new.at = status == .belum ? nil : context.now()
                if old.status == new.status && old.reason == new.reason { continue }
                try writeVerification(id, new, since: status == .belum ? try nextAuditID(db) : nil, db)
                try audit(.verify, .record(id), nip: record.nip, old: .verification(old), new: .verification(new), db)
                if leftOut && (old.status == .tidak) != (new.status == .tidak) { nips.insert(record.nip) }
                changed += 1
            }
            for nip in nips.sorted() { _ = try recomputeEmployee(nip, db) }
            return changed
        }
    }

    public func setDocument(_ id: RecordID, inHand: Bool, path: String) throws {
        let path = inHand ? path.trimmingCharacters(in: .whitespacesAndNewlines) : ""
        try transaction { db in
            guard let record = try record(id, db) else { throw StoreError.recordNotFound(id) }
            try permitDocument(nip: record.nip, db)
            let old = try verificationRow(id, db) ?? .unverified
            var new = old
            new.documentInHand = inHand
            new.documentPath = path
            guard new != old else { return }
            try writeVerification(id, new, since: nil, db)
            try audit(.verify, .record(id), nip: record.nip, old: .verification(old), new: .verification(new), db)
        }
    }

    // MARK: Scores

    /// Whether the active ruleset leaves rejected records out of the scores.
    func rejectedLeftOut(_ db: PGConnection) throws -> Bool {
        !(try ruleset(db).verification.rejectedRecordsCount)
    }

    /// `WHERE` clause of a scoring read leaving out the kind's rejected records.
    static func countedOnly(_ kind: RecordKind) -> String {
        " WHERE id NOT IN (SELECT record_id FROM verification WHERE status = 'tidak' AND kind = '\(kind.rawValue)')"
    }

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

    // MARK: Rows

    static let verificationColumns = "v.status, v.reason, v.verified_by, v.at, v.document, v.document_path"

    static func verification(_ row: PGRow, offset: Int) throws -> RecordVerification {
        let statusText: String = row[offset]
        guard let status = VerificationStatus(rawValue: statusText) else {
            throw StoreError.corrupt("verification status \(statusText)")
        }
        return RecordVerification(
            status: status, reason: row[offset + 1], by: row[offset + 2], at: row[offset + 3],
            documentInHand: row[offset + 4] as Bool, documentPath: row[offset + 5])
    }

    func verificationRow(_ id: RecordID, _ db: PGConnection) throws -> RecordVerification? {
        try PGRow.fetchOne(
            db, sql: "SELECT \(Self.verificationColumns) FROM verification v WHERE v.kind = ? AND v.record_id = ?",
            arguments: [id.kind.rawValue, id.id]
        ).map { try Self.verification($0, offset: 0) }
    }

    /// One record of a list with its employee and verification, or nil when it is gone.
    private func item(_ id: RecordID, _ db: PGConnection) throws -> VerificationItem? {
        guard let record = try record(id, db), let pegawai = try pegawai(nip: record.nip, db) else { return nil }
        return VerificationItem(id: id, record: record, pegawai: pegawai, verification: try verificationRow(id, db) ?? .unverified)
    }

    /// Writes a record's verification row; `since` (when it becomes belum again) only when given.
    func writeVerification(_ id: RecordID, _ v: RecordVerification, since: Int64?, _ db: PGConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO verification(kind, record_id, status, reason, verified_by, at, since, document, document_path)
                VALUES (?, ?, ?, ?, ?, ?, COALESCE(?::bigint, 0), ?, ?)
                ON CONFLICT(kind, record_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                    verified_by = excluded.verified_by, at = excluded.at, since = COALESCE(?::bigint, verification.since),
                    document = excluded.document,
                    document_path = excluded.document_path
                """,
            arguments: PGArguments([
                id.kind.rawValue, id.id, v.status.rawValue, v.reason, v.by, v.at, since, v.documentInHand, v.documentPath, since,
            ] as [(any PGBindable)?]))
    }

    private func nextAuditID(_ db: PGConnection) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM audit") ?? 1
    }

    // MARK: Permissions

    /// Verdicts: verifikator and operator only.
    private func permitVerdict(_ db: PGConnection) throws {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try operators(db)))
        }
        switch account.role {
        case .operator, .verifikator: return
        case .admin, .pimpinan: throw StoreError.notPermitted(.verifiersOnly(account.role))
        }
    }

    /// Document marks: operator and verifikator for any record, an admin for their units' records.
    private func permitDocument(nip: String, _ db: PGConnection) throws {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try operators(db)))
        }
        switch account.role {
        case .operator, .verifikator: return
        case .pimpinan: throw StoreError.notPermitted(.readOnlyRole(.pimpinan))
        case .admin:
            if let unit = try String.fetchOne(db, sql: "SELECT kode_unit FROM pegawai WHERE nip = ?", arguments: [nip]) {
                try WritePermissions(account: account, allUnits: false).requireUnit(unit, db)
            }
        }
    }
}
