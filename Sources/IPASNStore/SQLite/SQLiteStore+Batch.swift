import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
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
        return try transaction { db in
            try db.execute(
                sql: "INSERT INTO batches(label, at, actor, count) VALUES (?, ?, ?, ?)",
                arguments: [label, context.now(), context.actor, records.count])
            let batch = db.lastInsertedRowID
            let year = try measurementYear(db)
            try ensureCached(year: year, db)
            let years = try cachedYears(db)
            let engine = ScoringEngine(ruleset: try ruleset(db))
            let validator = RecordValidator(today: context.today)
            let upsert = try db.cachedStatement(sql: Self.upsertScoreSQL)
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
                    upsert.setUncheckedArguments(Self.scoreArguments(score))
                    try upsert.execute()
                    if cached == year { scores[record.nip] = score }
                }
            }
            if !refusals.isEmpty { throw BatchRefused(refusals) }
            return BatchResult(batch: batch, ids: ids, scores: scores)
        }
    }
}
