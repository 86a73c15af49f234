import Foundation
import GRDB
import IPASNCore

/// What SQLite does its own way of ``ExportTrackingStore``; the reads are `SQLStore+ExportTracking`,
/// shared with PostgreSQL.
extension SQLiteStore: ExportTrackingStore {
    /// THE pending rule, the one place that says which records are not yet sent to SIASN: no
    /// SIASN batch holds the record's current version, and SIASN takes the record (an SKP
    /// before 2022 is never pending: ``SKPSiasn``, migration `2026-11-30-skp2022`). `alias`
    /// names the record table in the query. The partial indexes `<kind>_pending` cover exactly
    /// this condition (``UnitPendingCounts/pending(_:_:rule:)``, which the triggers use too).
    static func pendingCondition(_ alias: String, _ kind: RecordKind) -> String {
        UnitPendingCounts.pending(alias, kind)
    }

    @discardableResult
    public func saveExportBatch(_ batch: NewExportBatch) throws -> ExportBatch {
        try transaction { db in
            try permit(.exportBatch(batch), db)
            let at = context.now()
            try db.execute(
                sql: """
                    INSERT INTO export_batches(at, actor, kind, format, file, unit, since, pending_only, marks_sent, rows, deletions)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    at, context.actor, batch.kind, batch.format, batch.file, batch.unit, batch.since?.iso, batch.pendingOnly,
                    batch.marksSent, batch.records.count, batch.deletions.count,
                ])
            let number = db.lastInsertedRowID
            let item = try db.makeStatement(
                sql: "INSERT OR IGNORE INTO export_items(batch, kind, record_id, version, deleted) VALUES (?, ?, ?, ?, ?)")
            var sent: [RecordKind: Statement] = [:]
            for record in batch.records {
                item.setUncheckedArguments([number, record.id.kind.rawValue, record.id.id, record.version, false])
                try item.execute()
                guard batch.marksSent else { continue }
                let table = RecordRows.table(record.id.kind)
                let statement = try sent[record.id.kind] ?? db.makeStatement(
                    sql: "UPDATE \(table) SET sent_no = ? WHERE id = ? AND change_no = ?")
                sent[record.id.kind] = statement
                statement.setUncheckedArguments([record.version, record.id.id, record.version])
                try statement.execute()
            }
            for id in batch.deletions {
                let version = try Int64.fetchOne(
                    db, sql: "SELECT change_no FROM export_deleted WHERE kind = ? AND record_id = ?",
                    arguments: [id.kind.rawValue, id.id]) ?? 0
                item.setUncheckedArguments([number, id.kind.rawValue, id.id, version, true])
                try item.execute()
                if batch.marksSent {
                    try db.execute(
                        sql: "UPDATE export_deleted SET reported = ? WHERE kind = ? AND record_id = ? AND reported IS NULL",
                        arguments: [number, id.kind.rawValue, id.id])
                }
            }
            // Open pages follow the marks (the data generation moves; PostgreSQL notifies).
            if batch.marksSent { try audit(.siasnSent, .siasnBatch(number), nip: nil, old: nil, new: nil, batch: nil, db) }
            return ExportBatch(
                number: number, at: at, actor: context.actor, kind: batch.kind, format: batch.format, file: batch.file,
                unit: batch.unit, since: batch.since, pendingOnly: batch.pendingOnly, marksSent: batch.marksSent,
                rows: batch.records.count, deletions: batch.deletions.count)
        }
    }

    public func sentInfo(_ ids: [RecordID]) throws -> [RecordID: RecordSending] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var result: [RecordID: RecordSending] = [:]
            // A page of an employee asks for every record on it after each save: when no batch
            // ever marked records sent, nothing is (one lookup instead of one per record).
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM export_batches WHERE marks_sent = 1 LIMIT 1")) == true
            else { return result }
            let last = try db.cachedStatement(
                sql: """
                    SELECT b.id, b.at, i.version FROM export_items i JOIN export_batches b ON b.id = i.batch
                    WHERE i.kind = ? AND i.record_id = ? AND i.deleted = 0 AND b.marks_sent = 1
                    ORDER BY i.batch DESC LIMIT 1
                    """)
            var current: [RecordKind: Statement] = [:]
            for id in ids {
                guard let row = try Row.fetchOne(last, arguments: [id.kind.rawValue, id.id]) else { continue }
                let table = RecordRows.table(id.kind)
                let statement = try current[id.kind] ?? db.cachedStatement(
                    sql: "SELECT 1 FROM \(table) r WHERE r.id = ? AND r.sent_no = ? AND r.sent_no IS r.change_no")
                current[id.kind] = statement
                let version: Int64 = row[2]
                let isCurrent = try Bool.fetchOne(statement, arguments: [id.id, version]) == true
                result[id] = RecordSending(batch: row[0], at: row[1], current: isCurrent)
            }
            return result
        }
    }
}
