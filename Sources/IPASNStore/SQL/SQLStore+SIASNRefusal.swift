import Foundation
import IPASNCore

/// ``SIASNRefusalStore`` once for both engines: the batch's items, the check of a marking (the
/// batch, its rows, the permission) and the refusals in force. Each engine writes a refusal
/// its own way (``sqlMarkRefusals(batch:_:apply:)``'s `apply`): SQLite by its statements,
/// PostgreSQL through the owner's function `ipasn_siasn_refuse`, because a verifikator's role
/// may not write the records' sent marks itself.
extension SQLStore {
    public func exportItems(batch: Int64) throws -> [ExportItem]? {
        try sqlRead { db in
            guard try db.exists(sql: "SELECT 1 FROM export_batches WHERE id = ?", arguments: [batch]) else { return nil }
            var items: [ExportItem] = []
            for kind in RecordKind.allCases {
                let rows = try db.fetchAll(
                    sql: """
                        SELECT i.record_id, i.version, i.deleted, COALESCE(r.nip, d.nip, '')
                        FROM export_items i
                        LEFT JOIN \(Self.recordTable(kind)) r ON i.deleted = 0 AND r.id = i.record_id
                        LEFT JOIN export_deleted d ON d.kind = i.kind AND d.record_id = i.record_id
                        WHERE i.batch = ? AND i.kind = ? ORDER BY i.record_id
                        """, arguments: [batch, kind.rawValue])
                items += rows.map { row in
                    let deleted: Int = row[2]
                    return ExportItem(id: RecordID(kind: kind, id: row[0]), version: row[1], deleted: deleted != 0, nip: row[3])
                }
            }
            return items
        }
    }

    /// Checks a marking in its own transaction and hands each refusal, with the version its batch
    /// sent and its NIP, to `apply`, which keeps it and says whether it changed the record's (or
    /// the deletion's) state. The permission is the batch's own (``PermittedChange/exportBatch(_:)``):
    /// an admin refuses only their units' rows.
    package func sqlMarkRefusals(
        batch: Int64, _ refusals: [NewSIASNRefusal],
        apply: (Connection, NewSIASNRefusal, _ version: Int64, _ nip: String, _ at: Date) throws -> Bool
    ) throws -> SIASNRefusalOutcome {
        try sqlWrite { db in
            guard let marks: Bool = try db.fetchValue(sql: "SELECT marks_sent FROM export_batches WHERE id = ?", arguments: [batch])
            else { throw SIASNRefusalError.noSuchBatch(batch) }
            guard marks else { throw SIASNRefusalError.notSentBatch(batch) }
            var found: [(NewSIASNRefusal, Int64, String)] = []
            for refusal in refusals {
                let kind = refusal.id.kind
                guard let row = try db.fetchOne(
                    sql: """
                        SELECT i.version, COALESCE(r.nip, d.nip, '') FROM export_items i
                        LEFT JOIN \(Self.recordTable(kind)) r ON i.deleted = 0 AND r.id = i.record_id
                        LEFT JOIN export_deleted d ON d.kind = i.kind AND d.record_id = i.record_id
                        WHERE i.batch = ? AND i.kind = ? AND i.record_id = ? AND i.deleted = ?
                        """, arguments: [batch, kind.rawValue, refusal.id.id, refusal.deleted ? 1 : 0])
                else { throw SIASNRefusalError.notInBatch(refusal.id, batch: batch) }
                found.append((refusal, row[0], row[1]))
            }
            try sqlPermit(
                .exportBatch(
                    NewExportBatch(
                        kind: "siasn-refusal", format: "", file: "", marksSent: true,
                        records: found.filter { !$0.0.deleted }.map { RecordVersion(id: $0.0.id, version: $0.1) },
                        deletions: found.filter { $0.0.deleted }.map(\.0.id))), db)
            let at = context.now()
            var outcome = SIASNRefusalOutcome(pendingAgain: 0, alreadyPending: 0, deletionsAgain: 0)
            for (refusal, version, nip) in found {
                let changed = try apply(db, refusal, version, nip, at)
                if refusal.deleted {
                    if changed { outcome.deletionsAgain += 1 }
                } else if changed {
                    outcome.pendingAgain += 1
                } else {
                    outcome.alreadyPending += 1
                }
            }
            // Open pages and lists follow the refusals (the data generation moves; PostgreSQL notifies).
            if !found.isEmpty { try sqlAudit(.siasnRefused, .siasnBatch(batch), nip: nil, old: nil, new: nil, batch: nil, db) }
            return outcome
        }
    }

    public func siasnRefusals(unit: String?) throws -> [SIASNRefusal] {
        try sqlRead { db in
            guard try sqlHasTable("siasn_refusals", db) else { return [] }  // a database opened read-only before the migration
            guard let unit else { return try refusalsInForce(nil, [], db) }
            return try refusalsInForce(
                "s.nip IN (SELECT nip FROM pegawai WHERE kode_unit IN (SELECT kode FROM sub))", [unit], prefix: dialect.subunits, db)
        }
    }

    public func siasnRefusals(_ ids: [RecordID]) throws -> [RecordID: SIASNRefusal] {
        guard !ids.isEmpty else { return [:] }
        return try sqlRead { db in
            // Nothing refused yet (the usual case): one probe instead of a query per kind.
            guard try sqlHasTable("siasn_refusals", db), try db.exists(sql: "SELECT 1 FROM siasn_refusals LIMIT 1") else { return [:] }
            var result: [RecordID: SIASNRefusal] = [:]
            for kind in RecordKind.allCases {
                let wanted = ids.filter { $0.kind == kind }.map(\.id)
                guard !wanted.isEmpty else { continue }
                for refusal in try refusalsInForce(
                    "s.kind = ? AND s.record_id IN (\(sqlPlaceholders(wanted.count)))",
                    SQLArguments([kind.rawValue]) + SQLArguments(wanted), db) where !refusal.deleted
                {
                    result[refusal.id] = refusal
                }
            }
            return result
        }
    }

    /// The refusals in force (the newest of each row, no later SIASN batch holding it, the
    /// record still there or the deletion still unreported) meeting `condition` on `s`.
    private func refusalsInForce(
        _ condition: String?, _ arguments: SQLArguments, prefix: String = "", _ db: Connection
    ) throws -> [SIASNRefusal] {
        let rows = try db.fetchAll(sql: prefix + " " + Self.refusalsInForceSQL(condition), arguments: arguments)
        return rows.compactMap { row -> SIASNRefusal? in
            guard let kind = RecordKind(rawValue: row[0]) else { return nil }
            let deleted: Int = row[2]
            let version: Int64 = row[9]
            let now: Int64? = row[10]
            return SIASNRefusal(
                id: RecordID(kind: kind, id: row[1]), deleted: deleted != 0, nip: row[3], batch: row[4], line: row[5],
                reason: row[6], actor: row[7], at: row[8], corrected: now.map { $0 != version } ?? false)
        }.sorted { ($0.nip, $0.id.kind.order, $0.id.id) < ($1.nip, $1.id.kind.order, $1.id.id) }
    }

    /// The SELECT of the refusals in force meeting `condition` on `s` (columns: kind, record_id,
    /// deleted, nip, batch, line, reason, actor, at, version, now_version, unreported).
    package static func refusalsInForceSQL(_ condition: String?) -> String {
        let versions = RecordKind.allCases.map { kind in
            "WHEN '\(kind.rawValue)' THEN (SELECT r.change_no FROM \(Self.recordTable(kind)) r WHERE r.id = s.record_id)"
        }.joined(separator: " ")
        return """
                SELECT * FROM (
                    SELECT s.kind, s.record_id, s.deleted, s.nip, s.batch, s.line, s.reason, s.actor, s.at, s.version,
                        CASE WHEN s.deleted = 0 THEN CASE s.kind \(versions) END END AS now_version,
                        CASE WHEN s.deleted <> 0 THEN (SELECT COUNT(*) FROM export_deleted d
                            WHERE d.kind = s.kind AND d.record_id = s.record_id AND d.reported IS NULL) END AS unreported
                    FROM siasn_refusals s
                    WHERE \(condition ?? "1 = 1")
                      AND NOT EXISTS (SELECT 1 FROM siasn_refusals n WHERE n.kind = s.kind AND n.record_id = s.record_id AND n.batch > s.batch)
                      AND NOT EXISTS (SELECT 1 FROM export_items i JOIN export_batches b ON b.id = i.batch
                                      WHERE i.kind = s.kind AND i.record_id = s.record_id AND i.batch > s.batch AND b.marks_sent = 1)
                ) f WHERE f.now_version IS NOT NULL OR f.unreported > 0
                """
    }
}
