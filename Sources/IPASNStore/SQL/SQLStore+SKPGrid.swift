import Foundation
import IPASNCore

/// ``SKPGridStore``, once for both engines; each engine's public methods (`SQLiteStore+SKPGrid`,
/// `PostgresStore+SKPGrid`) only say how a replaced row is locked.
extension SQLStore {
    /// At most this many NIPs in one `IN (...)` list (under SQLite's 32,766 variables): a
    /// unit's grid (a few hundred to a few thousand rows) is one query.
    package static var skpGridChunk: Int { 10_000 }

    package func sqlSKP(year: Int, nips: [String]) throws -> [String: StoredRecord<SKP>] {
        guard !nips.isEmpty else { return [:] }
        return try sqlRead { db in
            var found: [String: StoredRecord<SKP>] = [:]
            var start = 0
            while start < nips.count {
                let chunk = Array(nips[start..<min(nips.count, start + Self.skpGridChunk)])
                start += chunk.count
                let arguments: [(any SQLBindable)?] = [year] + chunk.map { $0 as (any SQLBindable)? }
                try db.forEachRow(
                    sql: "SELECT id, nip, tahun, predikat, nilai FROM skp WHERE tahun = ? AND nip IN (\(sqlPlaceholders(chunk.count)))",
                    arguments: SQLArguments(arguments)
                ) { row in
                    let predikat: String? = row[3]
                    let skp = SKP(nip: row[1], tahun: row[2], predikat: predikat.flatMap(Predikat.init(rawValue:)), nilai: row[4])
                    found[skp.nip] = StoredRecord(id: row[0], value: skp)
                }
            }
            return found
        }
    }

    /// `lockClause` is appended to the statement that reads a replaced row before comparing
    /// it (PostgreSQL: ` FOR UPDATE`, so that a concurrent edit waits or is waited for;
    /// SQLite serialises writers and passes nothing).
    package func sqlSaveSKPGrid(_ changes: [SKPGridChange], label: String, lockClause: String) throws -> BatchResult {
        guard !changes.isEmpty else {
            throw ValidationFailure([ValidationIssue(field: "nip", code: .required)])
        }
        return try sqlWrite { db in
            try sqlPermitRecords(nips: changes.map(\.skp.nip), db)
            // 1. Every replaced row as stored now (locked), compared with what the grid loaded.
            var conflicts: [SKPGridConflict.Row] = []
            var refusals: [BatchRefused.Refusal] = []
            var stored: [Int: SKP] = [:]
            for (index, change) in changes.enumerated() {
                guard case .replace(let id, let skp, let expecting) = change else { continue }
                let now = try db.fetchOne(
                    sql: "SELECT id, nip, tahun, predikat, nilai FROM skp WHERE id = ?" + lockClause, arguments: [id]
                ).map { row -> SKP in
                    let predikat: String? = row[3]
                    return SKP(nip: row[1], tahun: row[2], predikat: predikat.flatMap(Predikat.init(rawValue:)), nilai: row[4])
                }
                guard let now, now == expecting else {
                    conflicts.append(.init(index: index, nip: skp.nip, by: try sqlLastEditor(of: .record(RecordID(kind: .skp, id: id)), db)))
                    continue
                }
                stored[index] = now
                if skp.nip != now.nip || skp.tahun != now.tahun {
                    refusals.append(.init(index: index, nip: skp.nip, issues: [
                                ValidationIssue(
                                    field: "tahun",
                                    code: .custom(
                                        id: "SKP pengganti harus untuk pegawai dan tahun yang sama.",
                                        en: "A replacing SKP must be for the same employee and year."))
                            ]))
                }
            }
            if !conflicts.isEmpty { throw SKPGridConflict(conflicts) }
            // 2. The replacements' own fields.
            let validator = RecordValidator(today: context.today)
            for (index, change) in changes.enumerated() {
                guard case .replace(_, let skp, _) = change else { continue }
                let issues = validator.validate(.skp(skp)).filter { $0.severity == .error }
                if !issues.isEmpty { refusals.append(.init(index: index, nip: skp.nip, issues: issues)) }
            }
            let batch = try db.insertReturningID(
                sql: "INSERT INTO batches(label, at, actor, \(dialect.batchCount)) VALUES (?, ?, ?, ?)",
                arguments: [label, context.now(), context.actor, changes.count])
            // 3. The new rows, validated and written as addBatch writes them (positions mapped back).
            let added = changes.indices.filter { if case .add = changes[$0] { return true } else { return false } }
            var result = BatchResult(batch: batch, ids: [], scores: [:])
            if !added.isEmpty {
                do {
                    result = try writeBatch(added.map { .skp(changes[$0].skp) }, batch: batch, db)
                } catch let refused as BatchRefused {
                    refusals += refused.refusals.map { .init(index: added[$0.index], nip: $0.nip, issues: $0.issues) }
                }
            }
            if !refusals.isEmpty { throw BatchRefused(refusals.sorted { $0.index < $1.index }) }
            // 4. The replacements, each an audited update of the batch.
            var ids: [RecordID] = []
            var addedIDs = result.ids.makeIterator()
            for (index, change) in changes.enumerated() {
                switch change {
                case .add:
                    ids.append(addedIDs.next()!)
                case .replace(let id, let skp, _):
                    let recordID = RecordID(kind: .skp, id: id)
                    try sqlWriteRecord(.skp(skp), over: recordID, db)
                    try sqlAudit(.update, .record(recordID), nip: skp.nip, old: .record(.skp(stored[index]!)), new: .record(.skp(skp)), batch: batch, db)
                    result.scores[skp.nip] = try sqlRecomputeEmployee(skp.nip, db)
                    ids.append(recordID)
                }
            }
            result.ids = ids
            return result
        }
    }
}
