import Foundation
import IPASNStore
import IPASNCore

/// ``BatchEditStore``: a batch's members are the records its audit rows (and those of its
/// edits, batch rows whose `parent` is the batch) name that still exist.
extension PostgresStore: BatchEditStore {
    static func batchInfo(_ row: PGRow) -> BatchInfo {
        BatchInfo(id: row[0], label: row[1], at: row[2], actor: row[3], count: row[4], parent: row[5])
    }

    public func batches(limit: Int) throws -> [BatchSummary] {
        try read { db in
            try PGRow.fetchAll(
                db, sql: "SELECT id, label, at, actor, record_count, parent FROM batches WHERE parent IS NULL ORDER BY id DESC LIMIT ?",
                arguments: [max(0, limit)]
            ).map { row in
                let info = Self.batchInfo(row)
                return BatchSummary(info: info, members: try memberIDs(info.id, db).count, template: try template(info.id, db))
            }
        }
    }

    public func batchMembers(_ batch: Int64) throws -> BatchContents? {
        try read { db in try contents(batch, db) }
    }

    public func addToBatch(_ batch: Int64, nips: [String]) throws -> BatchResult {
        try transaction { db in
            guard !nips.isEmpty, let info = try batchRow(batch, db), let template = try template(batch, db) else {
                throw ValidationFailure([ValidationIssue(field: "nip", code: .required)])
            }
            try permit(.records(nips: nips), db)
            let edit = try Int64.fetchOne(
                db, sql: "INSERT INTO batches(label, at, actor, record_count, parent) VALUES (?, ?, ?, ?, ?) RETURNING id",
                arguments: [info.label, context.now(), context.actor, nips.count, batch])!
            return try writeBatch(nips.map(template.owned(by:)), batch: edit, db)
        }
    }

    public func removeFromBatch(_ batch: Int64, record id: RecordID) throws -> SaveResult {
        try transaction { db in
            guard let info = try batchRow(batch, db), try memberIDs(batch, db).contains(id), let old = try record(id, db) else {
                throw StoreError.recordNotFound(id)
            }
            try permit(.records(nips: [old.nip]), db)
            let edit = try Int64.fetchOne(
                db, sql: "INSERT INTO batches(label, at, actor, record_count, parent) VALUES (?, ?, ?, 1, ?) RETURNING id",
                arguments: [info.label, context.now(), context.actor, batch])!
            try db.execute(sql: "DELETE FROM \(PGRecordRows.table(id.kind)) WHERE id = ?", arguments: [id.id])
            try audit(.delete, .record(id), nip: old.nip, old: .record(old), new: nil, batch: edit, db)
            return SaveResult(id: id, score: try recomputeEmployee(old.nip, db))
        }
    }

    public func batch(containing record: RecordID) throws -> Int64? {
        try read { db in
            // Only audit rows of a batch (the partial index audit_batch), newest first.
            guard
                let row = try PGRow.fetchOne(
                    db,
                    sql: """
                        SELECT b.id, b.parent FROM audit a JOIN batches b ON b.id = a.batch
                        WHERE a.batch IS NOT NULL AND a.entity = ? AND a.entity_id = ?
                        ORDER BY a.id DESC LIMIT 1
                        """, arguments: [record.kind.rawValue, String(record.id)])
            else { return nil }
            let batch: Int64 = (row[1] as Int64?) ?? row[0]
            return try memberIDs(batch, db).contains(record) ? batch : nil
        }
    }

    // MARK: Reading a batch

    /// The batch row itself (not an edit's), or nil.
    private func batchRow(_ batch: Int64, _ db: PGConnection) throws -> BatchInfo? {
        try PGRow.fetchOne(
            db, sql: "SELECT id, label, at, actor, record_count, parent FROM batches WHERE id = ? AND parent IS NULL", arguments: [batch]
        ).map(Self.batchInfo)
    }

    /// The record the batch's first insert wrote (what every member shares but the NIP).
    private func template(_ batch: Int64, _ db: PGConnection) throws -> IPASNCore.Record? {
        let entry = try PGRow.fetchOne(
            db,
            sql: "SELECT \(PGAuditRows.columns) FROM audit a WHERE a.batch = ? AND a.action = 'insert' ORDER BY a.id LIMIT 1",
            arguments: [batch]
        ).map(PGAuditRows.entry)
        guard case .record(let record)? = entry?.new else { return nil }
        return record
    }

    /// The records the batch and its edits wrote that exist now, by kind and id.
    private func memberIDs(_ batch: Int64, _ db: PGConnection) throws -> [RecordID] {
        let named = try PGRow.fetchAll(
            db,
            sql: """
                SELECT DISTINCT entity, (CASE WHEN entity_id ~ '^[0-9]+$' THEN entity_id::bigint END) FROM audit
                WHERE batch IN (SELECT id FROM batches WHERE id = ? OR parent = ?)
                  AND entity IN ('pendidikan', 'diklat', 'skp', 'disiplin')
                """, arguments: [batch, batch])
        var ids: [RecordID] = []
        for row in named {
            guard let kind = RecordKind(rawValue: row[0]) else { continue }
            let id: Int64 = row[1]
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(PGRecordRows.table(kind)) WHERE id = ?)", arguments: [id]) == true {
                ids.append(RecordID(kind: kind, id: id))
            }
        }
        return ids.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
    }

    private func contents(_ batch: Int64, _ db: PGConnection) throws -> BatchContents? {
        guard let info = try batchRow(batch, db) else { return nil }
        var members: [BatchContents.Member] = []
        let ids = try memberIDs(batch, db)
        for id in ids {
            guard let record = try record(id, db), let pegawai = try pegawai(nip: record.nip, db) else { continue }
            members.append(.init(id: id, record: record, pegawai: pegawai))
        }
        members.sort { ($0.pegawai.nama.lowercased(), $0.pegawai.nip) < ($1.pegawai.nama.lowercased(), $1.pegawai.nip) }
        return BatchContents(summary: BatchSummary(info: info, members: ids.count, template: try template(batch, db)), members: members)
    }
}
