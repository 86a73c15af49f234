import Foundation
import GRDB
import IPASNCore

/// SQLite's writes of ``SIASNRefusalStore``: the checks and the reads are `SQLStore+SIASNRefusal`,
/// shared with PostgreSQL.
extension SQLiteStore: SIASNRefusalStore {
    @discardableResult
    public func markSIASNRefusals(batch: Int64, _ refusals: [NewSIASNRefusal]) throws -> SIASNRefusalOutcome {
        try sqlMarkRefusals(batch: batch, refusals) { connection, refusal, version, nip, at in
            let db = connection.db
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO siasn_refusals(batch, kind, record_id, deleted, version, nip, line, reason, actor, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    batch, refusal.id.kind.rawValue, refusal.id.id, refusal.deleted, version, nip, refusal.line, refusal.reason,
                    context.actor, at,
                ])
            if refusal.deleted {
                try db.execute(
                    sql: "UPDATE export_deleted SET reported = NULL WHERE kind = ? AND record_id = ? AND reported = ?",
                    arguments: [refusal.id.kind.rawValue, refusal.id.id, batch])
                return db.changesCount > 0
            }
            // Pending again only when its sent mark is this batch's (not a later batch's).
            try db.execute(
                sql: """
                    UPDATE \(RecordRows.table(refusal.id.kind)) SET sent_no = NULL WHERE id = ? AND sent_no = ? AND sent_no = change_no
                      AND NOT EXISTS (SELECT 1 FROM export_items i JOIN export_batches b ON b.id = i.batch
                                      WHERE i.kind = ? AND i.record_id = ? AND i.deleted = 0 AND i.batch > ? AND b.marks_sent = 1)
                    """, arguments: [refusal.id.id, version, refusal.id.kind.rawValue, refusal.id.id, batch])
            return db.changesCount > 0
        }
    }
}
