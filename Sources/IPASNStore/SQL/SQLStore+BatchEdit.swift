import Foundation
import IPASNCore

/// ``BatchEditStore``, once for both engines: a batch's members are the records its audit
/// rows (and those of its edits, batch rows whose `parent` is the batch) name that still exist.
extension SQLStore {
    package static func batchInfo(_ row: some SQLRow) -> BatchInfo {
        BatchInfo(id: row[0], label: row[1], at: row[2], actor: row[3], count: row[4], parent: row[5])
    }

    /// The columns ``batchInfo(_:)`` reads, of `batches`.
    var batchColumns: String { "id, label, at, actor, \(dialect.batchCount), parent" }

    public func batches(limit: Int) throws -> [BatchSummary] {
        try sqlRead { db in
            try db.fetchAll(
                sql: "SELECT \(batchColumns) FROM batches WHERE parent IS NULL AND \(Self.notVerdict("batches")) ORDER BY id DESC LIMIT ?",
                arguments: [max(0, limit)]
            ).map { row in
                let info = Self.batchInfo(row)
                return BatchSummary(info: info, members: try memberIDs(info.id, db).count, template: try template(info.id, db))
            }
        }
    }

    public func batchMembers(_ batch: Int64) throws -> BatchContents? {
        try sqlRead { db in try contents(batch, db) }
    }

    public func addToBatch(_ batch: Int64, nips: [String]) throws -> BatchResult {
        try sqlWrite { db in
            guard !nips.isEmpty, let info = try batchRow(batch, db), let template = try template(batch, db) else {
                throw ValidationFailure([ValidationIssue(field: "nip", code: .required)])
            }
            try sqlPermitRecords(nips: nips, db)
            let edit = try db.insertReturningID(
                sql: "INSERT INTO batches(label, at, actor, \(dialect.batchCount), parent) VALUES (?, ?, ?, ?, ?)",
                arguments: [info.label, context.now(), context.actor, nips.count, batch])
            return try writeBatch(nips.map(template.owned(by:)), batch: edit, db)
        }
    }

    public func removeFromBatch(_ batch: Int64, record id: RecordID) throws -> SaveResult {
        try sqlWrite { db in
            guard let info = try batchRow(batch, db), try memberIDs(batch, db).contains(id), let old = try sqlRecord(id, db) else {
                throw StoreError.recordNotFound(id)
            }
            try sqlPermitRecords(nips: [old.nip], db)
            let edit = try db.insertReturningID(
                sql: "INSERT INTO batches(label, at, actor, \(dialect.batchCount), parent) VALUES (?, ?, ?, 1, ?)",
                arguments: [info.label, context.now(), context.actor, batch])
            try db.execute(sql: "DELETE FROM \(Self.recordTable(id.kind)) WHERE id = ?", arguments: [id.id])
            try sqlAudit(.delete, .record(id), nip: old.nip, old: .record(old), new: nil, batch: edit, db)
            return SaveResult(id: id, score: try sqlRecomputeEmployee(old.nip, db))
        }
    }

    public func batch(containing record: RecordID) throws -> Int64? {
        try sqlRead { db in try batch(containing: record, db) }
    }

    /// ``batch(containing:)`` in the current transaction.
    func batch(containing record: RecordID, _ db: Connection) throws -> Int64? {
        // Only audit rows of a batch (the partial index audit_batch), newest first; an event
        // verdict's rows (EventVerdictStore) name no batch of data entry.
        guard
            let row = try db.fetchOne(
                sql: """
                    SELECT b.id, b.parent FROM audit a JOIN batches b ON b.id = a.batch
                    WHERE a.batch IS NOT NULL AND a.entity = ? AND a.entity_id = ? AND \(Self.notVerdict("b"))
                    ORDER BY a.id DESC LIMIT 1
                    """, arguments: [record.kind.rawValue, String(record.id)])
        else { return nil }
        let batch: Int64 = (row[1] as Int64?) ?? row[0]
        return try memberIDs(batch, db).contains(record) ? batch : nil
    }

    /// The condition that the batch row aliased `alias` is no event verdict (whose audit rows
    /// are `verify` entries; a batch of data entry has none).
    static func notVerdict(_ alias: String) -> String {
        "NOT EXISTS (SELECT 1 FROM audit v WHERE v.batch = \(alias).id AND v.action = 'verify')"
    }

    // MARK: Reading a batch

    /// The batch row itself (not an edit's), or nil.
    func batchRow(_ batch: Int64, _ db: Connection) throws -> BatchInfo? {
        try db.fetchOne(sql: "SELECT \(batchColumns) FROM batches WHERE id = ? AND parent IS NULL AND \(Self.notVerdict("batches"))",
            arguments: [batch])
            .map(Self.batchInfo)
    }

    /// The record the batch's first insert wrote (what every member shares but the NIP).
    func template(_ batch: Int64, _ db: Connection) throws -> Record? {
        let entry = try db.fetchOne(
            sql: "SELECT \(Self.auditColumns) FROM audit a WHERE a.batch = ? AND a.action = 'insert' ORDER BY a.id LIMIT 1",
            arguments: [batch]
        ).map(sqlAuditEntry)
        guard case .record(let record)? = entry?.new else { return nil }
        return record
    }

    /// The records the batch and its edits wrote that exist now, by kind and id.
    func memberIDs(_ batch: Int64, _ db: Connection) throws -> [RecordID] {
        let named = try db.fetchAll(
            sql: """
                SELECT DISTINCT entity, \(dialect.integer("entity_id")) FROM audit
                WHERE batch IN (SELECT id FROM batches WHERE id = ? OR parent = ?)
                  AND entity IN ('pendidikan', 'diklat', 'skp', 'disiplin')
                """, arguments: [batch, batch])
        var ids: [RecordID] = []
        for row in named {
            guard let kind = RecordKind(rawValue: row[0]) else { continue }
            let id: Int64 = row[1]
            if try db.fetchValue(
                Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM \(Self.recordTable(kind)) WHERE id = ?)", arguments: [id]) == true
            {
                ids.append(RecordID(kind: kind, id: id))
            }
        }
        return ids.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
    }

    private func contents(_ batch: Int64, _ db: Connection) throws -> BatchContents? {
        guard let info = try batchRow(batch, db) else { return nil }
        var members: [BatchContents.Member] = []
        let ids = try memberIDs(batch, db)
        for id in ids {
            guard let record = try sqlRecord(id, db), let pegawai = try sqlPegawai(nip: record.nip, db) else { continue }
            members.append(.init(id: id, record: record, pegawai: pegawai))
        }
        members.sort { ($0.pegawai.nama.lowercased(), $0.pegawai.nip) < ($1.pegawai.nama.lowercased(), $1.pegawai.nip) }
        return BatchContents(summary: BatchSummary(info: info, members: ids.count, template: try template(batch, db)), members: members)
    }
}
