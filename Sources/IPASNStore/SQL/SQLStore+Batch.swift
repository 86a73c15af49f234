import Foundation
import IPASNCore

/// Batches (one event's records for all its participants), once for both engines: the batch
/// row, its undo and redo as one step, and the holders of a course.
///
/// `writeBatch` validates against, inserts and scores through the engine's own record and
/// score statements (``sqlStoredRecords(nip:_:)``, ``sqlInsertRecord(_:id:_:)``,
/// ``sqlUpsertScore(_:_:)``: the save path's prepared statements; PostgreSQL's schema-owner
/// functions).
extension SQLStore {
    /// Adds one event's records for all its participants in ONE transaction, or nothing:
    /// every record is validated (against the stored records and the batch's earlier ones),
    /// inserted and audited with the batch id, and its employee's scores are refreshed for
    /// every cached year from the records read for the check (one read per record; the
    /// ruleset, the years and the statement once per batch). Throws ``BatchRefused`` listing
    /// every invalid record.
    @discardableResult
    public func addBatch(_ records: [IPASNCore.Record], label: String) throws -> BatchResult {
        guard !records.isEmpty else {
            throw ValidationFailure([ValidationIssue(field: "nip", code: .required)])
        }
        return try sqlWrite { db in
            // Every participant's unit must be the acting admin's: one refusal refuses the batch.
            try sqlPermitRecords(nips: records.map(\.nip), db)
            let batch = try db.insertReturningID(
                sql: "INSERT INTO batches(label, at, actor, \(dialect.batchCount)) VALUES (?, ?, ?, ?)",
                arguments: [label, context.now(), context.actor, records.count])
            return try writeBatch(records, batch: batch, db)
        }
    }

    /// Validates, inserts and audits `records` as batch `batch` (a stored batch row) and
    /// refreshes their employees' scores, in the current transaction; throws
    /// ``BatchRefused`` listing every invalid record (the caller's transaction rolls back).
    package func writeBatch(_ records: [IPASNCore.Record], batch: Int64, _ db: Connection) throws -> BatchResult {
        let year = try sqlMeasurementYear(db)
        try sqlEnsureCached(year: year, db)
        let years = try sqlCachedYears(db)
        let engine = ScoringEngine(ruleset: try sqlRuleset(db))
        let validator = RecordValidator(today: context.today)
        var ids: [RecordID] = []
        var refusals: [BatchRefused.Refusal] = []
        var scores: [String: EmployeeScore] = [:]
        for (index, record) in records.enumerated() {
            // The employee's records as stored now, the batch's earlier records included:
            // read once, for the duplicate check and for the new scores.
            guard let stored = try sqlStoredRecords(nip: record.nip, db) else {
                var issues = validator.validate(record).filter { $0.severity == .error }
                issues.insert(ValidationIssue(field: "nip", code: .unknownNIP(record.nip)), at: 0)
                refusals.append(.init(index: index, nip: record.nip, issues: issues))
                continue
            }
            let existing = stored.plain
            let issues = validator.validate(record, existing: existing).filter { $0.severity == .error }
            if !issues.isEmpty {
                refusals.append(.init(index: index, nip: record.nip, issues: issues))
                continue
            }
            // Inserted even after a refusal (the transaction is rolled back then), so that
            // a repeat later in the batch is found and listed too.
            let id = RecordID(kind: record.kind, id: try sqlInsertRecord(record, id: nil, db))
            try sqlAudit(.insert, .record(id), nip: record.nip, old: nil, new: .record(record), batch: batch, db)
            ids.append(id)
            guard refusals.isEmpty else { continue }
            let after = existing.adding(record)
            for cached in years {
                let score = engine.score(after, year: cached)
                try sqlUpsertScore(score, db)
                if cached == year { scores[record.nip] = score }
            }
        }
        if !refusals.isEmpty { throw BatchRefused(refusals) }
        return BatchResult(batch: batch, ids: ids, scores: scores)
    }

    public func batch(id: Int64) throws -> BatchInfo? {
        try sqlRead { db in
            try db.fetchOne(sql: "SELECT \(batchColumns) FROM batches WHERE id = ?", arguments: [id]).map(Self.batchInfo)
        }
    }

    /// Undoes, in the current transaction, every change of `batch` that `session` has not
    /// undone yet (its inserts, or the redo entries that applied them again), newest first,
    /// each with its own `undo` entry carrying the batch id.
    package func undoBatch(_ batch: Int64, session: String, touched: inout Set<String>, _ db: Connection) throws {
        let entries = try db.fetchAll(
            sql: """
                SELECT \(Self.auditColumns) FROM audit a
                WHERE a.session = ? AND a.batch = ? AND a.action IN (\(Self.undoableActions))
                  AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id AND u.action = 'undo')
                ORDER BY a.id DESC
                """, arguments: [session, batch]
        ).map(sqlAuditEntry)
        for entry in entries {
            try revert(entry.subject, from: entry.new, to: entry.old, since: entry.id, touched: &touched, db)
            try sqlAudit(.undo, entry.subject, nip: entry.nip, old: entry.new, new: entry.old, undoes: entry.id, batch: batch, db)
        }
    }

    /// Redoes, in the current transaction, every undo of `batch` by `session` that no redo
    /// points at yet, oldest first, each with its own `redo` entry carrying the batch id.
    package func redoBatch(_ batch: Int64, session: String, touched: inout Set<String>, _ db: Connection) throws {
        let undos = try db.fetchAll(
            sql: """
                SELECT \(Self.auditColumns) FROM audit a
                WHERE a.session = ? AND a.batch = ? AND a.action = 'undo'
                  AND NOT EXISTS (SELECT 1 FROM audit r WHERE r.undoes = a.id AND r.action IN ('redo', 'import'))
                ORDER BY a.id
                """, arguments: [session, batch]
        ).map(sqlAuditEntry)
        for undo in undos {
            try revert(undo.subject, from: undo.new, to: undo.old, since: undo.id, touched: &touched, db)
            try sqlAudit(.redo, undo.subject, nip: undo.nip, old: undo.new, new: undo.old, undoes: undo.id, batch: batch, db)
        }
    }

    /// One pass over the diklat of the course's jenis and dates, names compared as
    /// ``DuplicateKey`` compares them.
    public func holders(of course: Diklat) throws -> Set<String> {
        let name = DuplicateKey.normalizedName(course.nama)
        return try sqlRead { db in
            var nips = Set<String>()
            try db.forEachRow(
                sql: "SELECT nip, nama FROM diklat WHERE jenis = ? AND tanggal_mulai = ? AND tanggal_selesai = ?",
                arguments: [course.jenis.id, course.tanggalMulai.iso, course.tanggalSelesai.iso]
            ) { row in
                let nama: String = row[1]
                if DuplicateKey.normalizedName(nama) == name { nips.insert(row[0]) }
            }
            return nips
        }
    }
}
