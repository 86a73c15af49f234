import Foundation
import IPASNCore

/// ``VerificationStore``, once for both engines (see `docs/store.md`, "Verification"): a
/// record's verification row, the verdicts and document marks (checked and audited in their
/// own transaction), the queue of records by status, the counts per unit, the rejected list
/// and the unit totals as entered (`directUnitTotalsAsEntered`, reading the cache).
///
/// What stays in each engine is what differs: `verifications(nip:)` (PostgreSQL sends the
/// four kinds in one pipelined round trip), the scores left out and kept "as entered"
/// (`uncountedRecords`, `refreshScoresAsEntered`, `recomputeScoresAsEntered`: they are the
/// score cache's, written through the engine's prepared statements or PostgreSQL's
/// schema-owner functions), and forwarding names for the
/// engine's own code (`verificationRow`, `writeVerification`, `item` on GRDB's `Database` or a
/// `PGConnection`).
extension SQLStore {
    // MARK: Reading

    public func verification(of id: RecordID) throws -> RecordVerification {
        try sqlRead { db in
            guard try sqlRecord(id, db) != nil else { throw StoreError.recordNotFound(id) }
            return try verificationRow(id, db) ?? .unverified
        }
    }

    public func verificationQueue(unit: String?, status: VerificationStatus, limit: Int) throws -> [VerificationItem] {
        guard limit > 0 else { return [] }
        let d = dialect
        return try sqlRead { db in
            // (order key, kind, id) per kind, each kind's first `limit`, then merged. The key is
            // the audit id the record became belum at (`since`), or the verdict's moment: both
            // read as numbers, ordered as the queries order them.
            var found: [(key: Double, kind: Int, id: Int64)] = []
            let within = unit == nil ? "" : "AND p.kode_unit IN (SELECT kode FROM sub)"
            let cte = unit == nil ? "" : d.subunits
            // With a unit, how each kind's never-judged records are joined to their employees
            // (``QueuePlan``, from the kept waiting counts, as the newest-first queue reads them).
            var plan = QueuePlan()
            if status == .belum, unit != nil, try sqlHasTable(QueueWaiting.table, db) {
                plan = QueuePlan(
                    unit: try sqlQueueWaiting(unit: unit, db), all: try sqlQueueWaiting(unit: nil, db),
                    need: QueuePlan.need(limit: limit, narrowed: false))
            }
            for (index, kind) in RecordKind.allCases.enumerated() {
                let table = Self.recordTable(kind)
                let sql: String
                let arguments: SQLArguments
                if status == .belum {
                    // Oldest first is: the records never judged (key 0) by id, then those back
                    // to belum after a verdict (key `since`). Read as two parts, each stopping
                    // at `limit`: the never-judged ones walked by id (or, for a small unit, its
                    // employees' records through the index), each one's employee and verdict
                    // probed; the ones back to belum from the verdicts. One ORDER BY over both
                    // read every waiting record of the kind and sorted them (branch pg500k:
                    // 0.9 s of server CPU at 50,000 employees, growing with the records).
                    let join = plan.join(kind, d.queueEngine) ?? d.queueEngine.recordsFirst
                    // Over several import ranges, a small share's walk by id only between the ids
                    // its records lie between (``QueuePlan/bounded``): another instansi's import
                    // before them was read through (branch pgnewest).
                    var bounds = ""
                    if let unit, plan.bounded.contains(kind),
                        plan.window(kind, ranges: try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM touch_ranges WHERE kind = ?", arguments: [table]) ?? 0)
                    {
                        guard let row = try db.fetchOne(sql: "\(cte) \(QueueSQL.window(kind, join: join))", arguments: [unit]), !row.isNull(0)
                        else { continue }  // none of the unit's records
                        bounds = "AND r.id BETWEEN \(row[0] as Int64) AND \(row[1] as Int64)"
                    }
                    // (`v.status IS NULL OR (... AND v.since = 0)`, not `COALESCE(v.since, 0) = 0`:
                    // PostgreSQL guessed the COALESCE kept 0.005% of the rows, planned a parallel
                    // walk of the whole table and compiled it (JIT): 653 ms against 15 ms at 500,000.)
                    let never = """
                        SELECT 0 AS k, r.id FROM \(QueueSQL.records(kind, join: join, unit: unit != nil))
                        LEFT JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                        WHERE p.aktif = 1 \(QueueSQL.within(unit != nil, join: join)) \(bounds) AND (v.status IS NULL OR (v.status = 'belum' AND v.since = 0))
                        ORDER BY r.id LIMIT ?
                        """
                    let back = """
                        SELECT v.since AS k, r.id FROM verification v JOIN \(table) r ON r.id = v.record_id JOIN pegawai p ON p.nip = r.nip
                        WHERE v.kind = '\(table)' AND v.status = 'belum' AND v.since > 0 AND p.aktif = 1 \(within)
                        ORDER BY v.since, r.id LIMIT ?
                        """
                    sql = "\(cte) SELECT k, id FROM (\(never)) never UNION ALL SELECT k, id FROM (\(back)) back"
                    arguments = unit.map { [$0, limit, limit] } ?? [limit, limit]
                    for row in try db.fetchAll(sql: sql, arguments: arguments) {
                        found.append((Double(row[0] as Int64), index, row[1]))
                    }
                } else {
                    arguments = unit.map { [$0, limit] } ?? [limit]
                    sql = """
                        \(cte) SELECT v.at, r.id
                        FROM verification v JOIN \(table) r ON r.id = v.record_id JOIN pegawai p ON p.nip = r.nip
                        WHERE v.kind = '\(table)' AND v.status = '\(status.rawValue)' AND p.aktif = 1 \(within)
                        ORDER BY v.at, r.id LIMIT ?
                        """
                    for row in try db.fetchAll(sql: sql, arguments: arguments) {
                        let at: Date? = row[0]
                        found.append(((at ?? .distantPast).timeIntervalSinceReferenceDate, index, row[1]))
                    }
                }
            }
            found.sort { ($0.key, $0.kind, $0.id) < ($1.key, $1.kind, $1.id) }
            return try found.prefix(limit).compactMap { entry in
                try item(RecordID(kind: RecordKind.allCases[entry.kind], id: entry.id), db)
            }
        }
    }

    /// Per unit, the totals of `year`'s scores as entered (every record counted, rejected ones
    /// too): the cached totals corrected by the few employees whose score as entered differs.
    public func directUnitTotalsAsEntered(year: Int) throws -> [String: ScoreTotals] {
        guard try sqlEnsureCached(year: year) else {
            // A read-only store that has not cached the year: one pass counting every record.
            return try sqlRead { db in
                let engine = ScoringEngine(ruleset: try sqlRuleset(db))
                var totals: [String: ScoreTotals] = [:]
                try sqlForEachEmployee(asEntered: true, db) { records in
                    guard records.pegawai.counts(inYear: year) else { return }
                    totals[records.pegawai.kodeUnit, default: ScoreTotals()].add(engine.score(records, year: year))
                }
                return totals
            }
        }
        var totals = try directUnitTotals(year: year)
        let corrections = try sqlRead { db in
            try db.fetchAll(
                sql: """
                    SELECT p.kode_unit, SUM(e.complete - s.complete), SUM(e.kualifikasi - s.kualifikasi),
                           SUM(e.kompetensi - s.kompetensi), SUM(e.kinerja - s.kinerja), SUM(e.disiplin - s.disiplin)
                    FROM employee_score_entered e
                    JOIN employee_score s ON s.year = e.year AND s.nip = e.nip
                    JOIN pegawai p ON p.nip = e.nip
                    WHERE e.year = ? AND \(sqlCountedInYear)
                    GROUP BY p.kode_unit
                    """, arguments: [year, LocalDate.endOfYear(year).iso])
        }
        for row in corrections {
            let unit: String = row[0]
            guard var unitTotals = totals[unit] else { continue }
            unitTotals.completePegawai += row[1] as Int
            unitTotals.kualifikasi += row[2] as Double
            unitTotals.kompetensi += row[3] as Double
            unitTotals.kinerja += row[4] as Double
            unitTotals.disiplin += row[5] as Double
            totals[unit] = unitTotals
        }
        return totals
    }

    public func verificationCounts() throws -> [String: VerificationCounts] {
        try sqlRead { db in
            var counts: [String: VerificationCounts] = [:]
            for kind in RecordKind.allCases {
                let table = Self.recordTable(kind)
                try db.forEachRow(
                    sql: """
                        SELECT p.kode_unit, COALESCE(v.status, 'belum'), COUNT(*), SUM(COALESCE(v.document, 0))
                        FROM \(table) r JOIN pegawai p ON p.nip = r.nip
                        LEFT JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                        WHERE p.aktif = 1 GROUP BY 1, 2
                        """, arguments: []
                ) { row in
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
        let subunits = dialect.subunits
        return try sqlRead { db in
            var included: Set<String>?
            if let units {
                var set = Set<String>()
                for unit in units {
                    set.formUnion(
                        try db.fetchValues(
                            String.self, sql: "\(subunits) SELECT kode FROM units WHERE kode IN (SELECT kode FROM sub)",
                            arguments: [unit]))
                }
                included = set
            }
            let rows = try db.fetchAll(
                sql: "SELECT kind, record_id FROM verification WHERE status = 'tidak' ORDER BY at DESC, kind, record_id DESC")
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

    // MARK: Writing

    @discardableResult
    public func setVerification(_ ids: [RecordID], status: VerificationStatus, reason: String) throws -> Int {
        let reason = try Self.checkedVerdictReason(status: status, reason)
        var seen = Set<RecordID>()
        let unique = ids.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return 0 }
        return try sqlWrite { db in
            try permitVerdict(db)
            // Only a move into or out of `tidak` changes what counts (and only when the ruleset
            // leaves rejected records out): accepting a belum record leaves the scores alone.
            let leftOut = try rejectedLeftOut(db)
            var nips = Set<String>()
            var changed = 0
            for id in unique {
                guard let record = try sqlRecord(id, db) else { throw StoreError.recordNotFound(id) }
                let old = try verificationRow(id, db) ?? .unverified
                var new = old
                new.status = status
                new.reason = status == .tidak ? reason : ""
                new.by = status == .belum ? nil : context.actor
                new.at = status == .belum ? nil : context.now()
                if old.status == new.status && old.reason == new.reason { continue }
                try writeVerification(id, new, since: status == .belum ? try nextAuditID(db) : nil, db)
                try sqlAudit(.verify, .record(id), nip: record.nip, old: .verification(old), new: .verification(new), batch: nil, db)
                if leftOut && (old.status == .tidak) != (new.status == .tidak) { nips.insert(record.nip) }
                changed += 1
            }
            for nip in nips.sorted() { _ = try sqlRecomputeEmployee(nip, db) }
            return changed
        }
    }

    public func setDocument(_ id: RecordID, inHand: Bool, path: String) throws {
        let path = inHand ? path.trimmingCharacters(in: .whitespacesAndNewlines) : ""
        try sqlWrite { db in
            guard let record = try sqlRecord(id, db) else { throw StoreError.recordNotFound(id) }
            try permitDocument(nip: record.nip, db)
            let old = try verificationRow(id, db) ?? .unverified
            var new = old
            new.documentInHand = inHand
            new.documentPath = path
            guard new != old else { return }
            try writeVerification(id, new, since: nil, db)
            try sqlAudit(.verify, .record(id), nip: record.nip, old: .verification(old), new: .verification(new), batch: nil, db)
        }
    }

    // MARK: Scores

    /// Whether the active ruleset leaves rejected records out of the scores (an SQLite
    /// database opened for reading may predate the verification table).
    package func rejectedLeftOut(_ db: Connection) throws -> Bool {
        try !sqlRuleset(db).verification.rejectedRecordsCount && sqlHasTable("verification", db)
    }

    /// `WHERE` clause of a scoring read leaving out the kind's rejected records.
    package static func countedOnly(_ kind: RecordKind) -> String {
        " WHERE id NOT IN (SELECT record_id FROM verification WHERE status = 'tidak' AND kind = '\(kind.rawValue)')"
    }

    // MARK: Rows

    /// Reads the columns ``SQLDialect/verificationColumns`` from `offset` on.
    package static func verification(_ row: some SQLRow, offset: Int) throws -> RecordVerification {
        let statusText: String = row[offset]
        guard let status = VerificationStatus(rawValue: statusText) else {
            throw StoreError.corrupt("verification status \(statusText)")
        }
        return RecordVerification(
            status: status, reason: row[offset + 1], by: row[offset + 2], at: row[offset + 3],
            documentInHand: row[offset + 4] as Bool, documentPath: row[offset + 5])
    }

    /// One record's verification row, or nil.
    package func verificationRow(_ id: RecordID, _ db: Connection) throws -> RecordVerification? {
        try db.fetchOne(
            sql: "SELECT \(dialect.verificationColumns) FROM verification v WHERE v.kind = ? AND v.record_id = ?",
            arguments: [id.kind.rawValue, id.id]
        ).map { try Self.verification($0, offset: 0) }
    }

    /// One record of a list with its employee and verification, or nil when it is gone.
    package func item(_ id: RecordID, _ db: Connection) throws -> VerificationItem? {
        guard let record = try sqlRecord(id, db), let pegawai = try sqlPegawai(nip: record.nip, db) else { return nil }
        return VerificationItem(id: id, record: record, pegawai: pegawai, verification: try verificationRow(id, db) ?? .unverified)
    }

    /// Writes a record's verification row; `since` (when it becomes belum again) only when given.
    package func writeVerification(_ id: RecordID, _ v: RecordVerification, since: Int64?, _ db: Connection) throws {
        let by = dialect.verifiedBy
        try db.execute(
            sql: """
                INSERT INTO verification(kind, record_id, status, reason, \(by), at, since, document, document_path)
                VALUES (?, ?, ?, ?, ?, ?, COALESCE(CAST(? AS BIGINT), 0), ?, ?)
                ON CONFLICT(kind, record_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                    \(by) = excluded.\(by), at = excluded.at, since = COALESCE(CAST(? AS BIGINT), verification.since),
                    document = excluded.document, document_path = excluded.document_path
                """,
            arguments: [
                id.kind.rawValue, id.id, v.status.rawValue, v.reason, v.by, v.at, since, v.documentInHand, v.documentPath, since,
            ])
    }

    private func nextAuditID(_ db: Connection) throws -> Int64 {
        try db.fetchValue(Int64.self, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM audit") ?? 1
    }

    // MARK: Permissions

    /// Verdicts: verifikator and operator only (``PermissionRule/verifiersOnly(_:)``; single and
    /// event verdicts).
    func permitVerdict(_ db: Connection) throws {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try sqlOperators(db)))
        }
        switch account.role {
        case .operator, .verifikator: return
        case .admin, .pimpinan: throw StoreError.notPermitted(.verifiersOnly(account.role))
        }
    }

    /// Document marks: operator and verifikator for any record, an admin for their units' records.
    private func permitDocument(nip: String, _ db: Connection) throws {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try sqlOperators(db)))
        }
        switch account.role {
        case .operator, .verifikator: return
        case .pimpinan: throw StoreError.notPermitted(.readOnlyRole(.pimpinan))
        case .admin:
            if let unit = try db.fetchValue(String.self, sql: "SELECT kode_unit FROM pegawai WHERE nip = ?", arguments: [nip]) {
                try WritePermissions(account: account, allUnits: false, dialect: dialect).requireUnit(unit, db)
            }
        }
    }
}

extension SQLDialect {
    /// The columns ``SQLStore/verification(_:offset:)`` reads, of the `verification` table aliased `v`.
    public var verificationColumns: String { "v.status, v.reason, v.\(verifiedBy), v.at, v.document, v.document_path" }
}
