import Foundation
import GRDB
import IPASNCore

/// Verification of records (see ``VerificationStore`` and `docs/store.md`, "Verification").
extension SQLiteStore {
    // MARK: Reading

    public func verification(of id: RecordID) throws -> RecordVerification {
        try read { db in
            guard try record(id, db) != nil else { throw StoreError.recordNotFound(id) }
            return try verificationRow(id, db) ?? .unverified
        }
    }

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

    public func verificationQueue(unit: String?, status: VerificationStatus, limit: Int) throws -> [VerificationItem] {
        guard limit > 0 else { return [] }
        return try read { db in
            // (order key, kind, id) per kind, each kind's first `limit`, then merged.
            var found: [(key: String, kind: Int, id: Int64)] = []
            let within = unit == nil ? "" : "AND p.kode_unit IN sub"
            let cte = unit == nil ? "" : Self.subunitsCTE
            for (index, kind) in RecordKind.allCases.enumerated() {
                let table = RecordRows.table(kind)
                let sql: String
                if status == .belum {
                    sql = """
                        \(cte) SELECT printf('%020d', COALESCE(v.since, 0)), r.id
                        FROM pegawai p CROSS JOIN \(table) r ON r.nip = p.nip
                        LEFT JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                        WHERE p.aktif = 1 \(within) AND (v.status IS NULL OR v.status = 'belum')
                        ORDER BY COALESCE(v.since, 0), r.id LIMIT ?
                        """
                } else {
                    sql = """
                        \(cte) SELECT v.at, r.id
                        FROM verification v JOIN \(table) r ON r.id = v.record_id JOIN pegawai p ON p.nip = r.nip
                        WHERE v.kind = '\(table)' AND v.status = '\(status.rawValue)' AND p.aktif = 1 \(within)
                        ORDER BY v.at, r.id LIMIT ?
                        """
                }
                let arguments: StatementArguments = unit.map { [$0, limit] } ?? [limit]
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
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
                let table = RecordRows.table(kind)
                let rows = try Row.fetchCursor(
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
                        try String.fetchAll(db, sql: "\(Self.subunitsCTE) SELECT kode FROM units WHERE kode IN sub", arguments: [unit]))
                }
                included = set
            }
            let rows = try Row.fetchAll(
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
            let rows = try Row.fetchCursor(
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
    func rejectedLeftOut(_ db: Database) throws -> Bool {
        try !ruleset(db).verification.rejectedRecordsCount && db.tableExists("verification")
    }

    /// `WHERE` clause of a scoring read leaving out the kind's rejected records.
    static func countedOnly(_ kind: RecordKind) -> String {
        " WHERE id NOT IN (SELECT record_id FROM verification WHERE status = 'tidak' AND kind = '\(kind.rawValue)')"
    }

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

    // MARK: Rows

    static let verificationColumns = "v.status, v.reason, v.by, v.at, v.document, v.document_path"

    static func verification(_ row: Row, offset: Int) throws -> RecordVerification {
        let statusText: String = row[offset]
        guard let status = VerificationStatus(rawValue: statusText) else {
            throw StoreError.corrupt("verification status \(statusText)")
        }
        return RecordVerification(
            status: status, reason: row[offset + 1], by: row[offset + 2], at: row[offset + 3],
            documentInHand: row[offset + 4] as Bool, documentPath: row[offset + 5])
    }

    func verificationRow(_ id: RecordID, _ db: Database) throws -> RecordVerification? {
        try Row.fetchOne(
            db, sql: "SELECT \(Self.verificationColumns) FROM verification v WHERE v.kind = ? AND v.record_id = ?",
            arguments: [id.kind.rawValue, id.id]
        ).map { try Self.verification($0, offset: 0) }
    }

    /// One record of a list with its employee and verification, or nil when it is gone.
    func item(_ id: RecordID, _ db: Database) throws -> VerificationItem? {
        guard let record = try record(id, db), let pegawai = try pegawai(nip: record.nip, db) else { return nil }
        return VerificationItem(id: id, record: record, pegawai: pegawai, verification: try verificationRow(id, db) ?? .unverified)
    }

    /// Writes a record's verification row; `since` (when it becomes belum again) only when given.
    func writeVerification(_ id: RecordID, _ v: RecordVerification, since: Int64?, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO verification(kind, record_id, status, reason, by, at, since, document, document_path)
                VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, 0), ?, ?)
                ON CONFLICT(kind, record_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                    by = excluded.by, at = excluded.at, since = COALESCE(?, since), document = excluded.document,
                    document_path = excluded.document_path
                """,
            arguments: StatementArguments([
                id.kind.rawValue, id.id, v.status.rawValue, v.reason, v.by, v.at, since, v.documentInHand, v.documentPath, since,
            ] as [(any DatabaseValueConvertible)?]))
    }

    private func nextAuditID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM audit") ?? 1
    }

    // MARK: Permissions

    /// Verdicts: verifikator and operator only.
    private func permitVerdict(_ db: Database) throws {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try operators(db)))
        }
        switch account.role {
        case .operator, .verifikator: return
        case .admin, .pimpinan: throw StoreError.notPermitted(.verifiersOnly(account.role))
        }
    }

    /// Document marks: operator and verifikator for any record, an admin for their units' records.
    private func permitDocument(nip: String, _ db: Database) throws {
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
