import Foundation
import IPASNCore

/// ``ExportTrackingStore``'s reads, once for both engines: the record versions an export
/// writes, the batches, the deletions SIASN still has to be told about and the pending counts
/// and lists (THE pending rule is the engine's ``SQLStore/sqlPendingCondition(_:_:)``: the
/// text of its partial indexes).
///
/// What stays in each engine is what differs: `saveExportBatch` (SQLite writes an item per
/// record through one prepared statement; PostgreSQL sends a chunk of 10,000 as arrays, one
/// round trip each) and `sentInfo` (PostgreSQL answers a page in one pipelined statement).
extension SQLStore {
    public func recordVersions(kind: RecordKind, unit: String?, pendingOnly: Bool) throws -> [Int64: Int64] {
        try sqlRead { db in
            let table = Self.recordTable(kind)
            var conditions: [String] = []
            var arguments: SQLArguments = []
            var prefix = ""
            if let unit {
                prefix = dialect.subunits
                arguments += [unit]
                conditions.append("r.nip IN (SELECT nip FROM pegawai WHERE kode_unit IN (SELECT kode FROM sub))")
            }
            if pendingOnly {
                conditions.append(sqlPendingCondition("r", kind))
                // A record a verifikator rejected (tidak memenuhi syarat) is not sent until it is
                // corrected (which returns it to belum diverifikasi); it stays in the pending counts.
                conditions.append(
                    "NOT EXISTS (SELECT 1 FROM verification v WHERE v.kind = '\(kind.rawValue)' AND v.record_id = r.id AND v.status = 'tidak')")
                // Nor one SIASN refused, unchanged since (``SIASNRefusalStore``): sent as it is, SIASN
                // would refuse it again; corrected (a new version), it goes with the next batch.
                if try sqlHasTable("siasn_refusals", db) { conditions.append(
                    "NOT EXISTS (SELECT 1 FROM siasn_refusals s WHERE s.kind = '\(kind.rawValue)' AND s.record_id = r.id AND s.deleted = 0 AND s.version = r.change_no)") }
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            var versions: [Int64: Int64] = [:]
            try db.forEachRow(sql: "\(prefix) SELECT r.id, r.change_no FROM \(table) r\(filter)", arguments: arguments) { row in
                versions[row[0]] = row[1]
            }
            return versions
        }
    }

    public func exportBatches(limit: Int) throws -> [ExportBatch] {
        try sqlRead { db in
            try db.fetchAll(
                sql: """
                    SELECT id, at, actor, kind, format, file, unit, since, pending_only, marks_sent, rows, deletions
                    FROM export_batches ORDER BY id DESC LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                let since: String? = row[7]
                return ExportBatch(
                    number: row[0], at: row[1], actor: row[2], kind: row[3], format: row[4], file: row[5], unit: row[6],
                    since: since.flatMap(LocalDate.parse), pendingOnly: row[8], marksSent: row[9], rows: row[10],
                    deletions: row[11])
            }
        }
    }

    public func sentDeletions(kind: RecordKind?, unit: String?) throws -> [SentDeletion] {
        try sqlRead { db in
            var conditions = ["d.reported IS NULL"]
            var arguments: SQLArguments = []
            var prefix = ""
            if let unit {
                prefix = dialect.subunits
                arguments += [unit]
                conditions.append("p.kode_unit IN (SELECT kode FROM sub)")
            }
            if let kind {
                conditions.append("d.kind = ?")
                arguments += [kind.rawValue]
            }
            return try db.fetchAll(
                sql: """
                    \(prefix) SELECT d.kind, d.record_id, d.nip, p.kode_unit, d.what, d.jenis,
                        (SELECT MAX(i.batch) FROM export_items i JOIN export_batches b ON b.id = i.batch
                         WHERE i.kind = d.kind AND i.record_id = d.record_id AND i.deleted = 0 AND b.marks_sent = 1)
                    FROM export_deleted d LEFT JOIN pegawai p ON p.nip = d.nip
                    WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY d.kind, d.record_id
                    """, arguments: arguments
            ).compactMap { row in
                guard let kind = RecordKind(rawValue: row[0]) else { return nil }
                return SentDeletion(
                    id: RecordID(kind: kind, id: row[1]), nip: row[2], unit: row[3], what: row[4], diklatJenis: row[5],
                    batch: row[6])
            }
        }
    }

    public func pendingCounts() throws -> [PendingCount] {
        try sqlRead { db in try pendingCounts(db) }
    }

    /// Pending records per unit and kind, with the oldest one's entry time; `also` adds a
    /// condition on the record `r` of a kind (`pendingCounts(changedSince:)`'s), with `arguments`.
    package func pendingCounts(
        also: (RecordKind) -> String? = { _ in nil }, arguments: SQLArguments = [], _ db: Connection
    ) throws -> [PendingCount] {
        var counts: [PendingCount] = []
        let entered = "SELECT at FROM entry_marks WHERE kind = ? AND upto_id >= ? ORDER BY upto_id LIMIT 1"
        // Counted per employee first (the partial index in NIP order, no sort), then one
        // join per employee instead of one per record.
        for kind in RecordKind.allCases {
            let table = Self.recordTable(kind)
            let extra = also(kind).map { " AND \($0)" } ?? ""
            let rows = try db.fetchAll(
                sql: """
                    SELECT p.kode_unit, SUM(c.n), MIN(c.m) FROM (
                        SELECT r.nip, COUNT(*) AS n, MIN(r.id) AS m FROM \(table) r
                        WHERE \(sqlPendingCondition("r", kind))\(extra) GROUP BY r.nip) c
                    JOIN pegawai p ON p.nip = c.nip GROUP BY p.kode_unit
                    """, arguments: arguments)
            for row in rows {
                let oldest: Int64 = row[2]
                let at = try db.fetchValue(Date.self, sql: entered, arguments: [kind.rawValue, oldest])
                counts.append(PendingCount(unit: row[0], kind: kind, count: row[1], oldestEntered: at))
            }
        }
        return counts.sorted { ($0.unit, $0.kind.order) < ($1.unit, $1.kind.order) }
    }

    public func pendingRecords(unit: String) throws -> [PendingRecord] {
        try sqlRead { db in
            var result: [PendingRecord] = []
            for kind in RecordKind.allCases {
                let table = Self.recordTable(kind)
                let rows = try db.fetchAll(
                    sql: """
                        \(dialect.subunits) SELECT r.nip, r.id FROM \(table) r
                        WHERE r.nip IN (SELECT nip FROM pegawai WHERE kode_unit IN (SELECT kode FROM sub)) AND \(sqlPendingCondition("r", kind))
                        """, arguments: [unit])
                result += rows.map { PendingRecord(nip: $0[0], id: RecordID(kind: kind, id: $0[1])) }
            }
            return result.sorted { ($0.nip, $0.id.kind.order, $0.id.id) < ($1.nip, $1.id.kind.order, $1.id.id) }
        }
    }
}

extension RecordKind {
    /// The kinds' order in lists: pendidikan, diklat, skp, disiplin.
    var order: Int { RecordKind.allCases.firstIndex(of: self)! }
}
