import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    /// Adds one event's records for all its participants in ONE transaction, or nothing:
    /// every record is validated (against the stored records and the batch's earlier ones),
    /// inserted and audited with the batch id; then each participant's scores are refreshed
    /// once. Throws ``BatchRefused`` listing every invalid record.
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
            var ids: [RecordID] = []
            var refusals: [BatchRefused.Refusal] = []
            var participants: [String] = []
            var seen = Set<String>()
            for (index, record) in records.enumerated() {
                do {
                    try validate(record, editing: nil, db)
                } catch let failure as ValidationFailure {
                    refusals.append(.init(index: index, nip: record.nip, issues: failure.issues))
                    continue
                }
                // Inserted even after a refusal (the transaction is rolled back then), so that
                // a repeat later in the batch is found and listed too.
                let id = RecordID(kind: record.kind, id: try insert(record, id: nil, db))
                try audit(.insert, .record(id), nip: record.nip, old: nil, new: .record(record), batch: batch, db)
                ids.append(id)
                if seen.insert(record.nip).inserted { participants.append(record.nip) }
            }
            if !refusals.isEmpty { throw BatchRefused(refusals) }
            var scores: [String: EmployeeScore] = [:]
            for nip in participants { scores[nip] = try recomputeEmployee(nip, db) }
            return BatchResult(batch: batch, ids: ids, scores: scores)
        }
    }
}
