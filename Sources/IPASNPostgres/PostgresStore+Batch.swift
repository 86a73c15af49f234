import Foundation
import IPASNStore
import IPASNCore

extension PostgresStore {
    /// Validates, inserts and audits `records` as batch `batch` (a stored batch row) and
    /// refreshes their employees' scores, in the current transaction; throws
    /// ``BatchRefused`` listing every invalid record (the caller's transaction rolls back).
    func writeBatch(_ records: [IPASNCore.Record], batch: Int64, _ db: PGConnection) throws -> BatchResult {
        let year = try measurementYear(db)
        try ensureCached(year: year, db)
        let years = try cachedYears(db)
        let engine = ScoringEngine(ruleset: try ruleset(db))
        let validator = RecordValidator(today: context.today)
        var ids: [RecordID] = []
        var refusals: [BatchRefused.Refusal] = []
        var scores: [String: EmployeeScore] = [:]
        for (index, record) in records.enumerated() {
            // The employee's records as stored now, the batch's earlier records included:
            // read once, for the duplicate check and for the new scores.
            guard let stored = try self.records(nip: record.nip, db) else {
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
            let id = RecordID(kind: record.kind, id: try insert(record, id: nil, db))
            try audit(.insert, .record(id), nip: record.nip, old: nil, new: .record(record), batch: batch, db)
            ids.append(id)
            guard refusals.isEmpty else { continue }
            let after = existing.adding(record)
            for cached in years {
                let score = engine.score(after, year: cached)
                try db.execute(sql: Self.upsertScoreSQL, arguments: Self.scoreArguments(score))
                if cached == year { scores[record.nip] = score }
            }
        }
        if !refusals.isEmpty { throw BatchRefused(refusals) }
        return BatchResult(batch: batch, ids: ids, scores: scores)
    }
}

