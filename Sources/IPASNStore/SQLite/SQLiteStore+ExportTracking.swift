import Foundation
import GRDB
import IPASNCore

extension SQLiteStore: ExportTrackingStore {
    /// THE pending rule, the one place that says which records are not yet sent to SIASN: no
    /// SIASN batch holds the record's current version, and SIASN takes the record (an SKP
    /// before 2022 is never pending: ``SKPSiasn``, migration `2026-11-30-skp2022`). `alias`
    /// names the record table in the query. The partial indexes `<kind>_pending` cover exactly
    /// this condition (``UnitPendingCounts/pending(_:_:rule:)``, which the triggers use too).
    static func pendingCondition(_ alias: String, _ kind: RecordKind) -> String {
        UnitPendingCounts.pending(alias, kind)
    }

    public func recordVersions(kind: RecordKind, unit: String?, pendingOnly: Bool) throws -> [Int64: Int64] {
        try read { db in
            let table = RecordRows.table(kind)
            var conditions: [String] = []
            var arguments: StatementArguments = []
            var prefix = ""
            if let unit {
                prefix = Self.subunitsCTE
                arguments += [unit]
                conditions.append("r.nip IN (SELECT nip FROM pegawai WHERE kode_unit IN sub)")
            }
            if pendingOnly {
                conditions.append(Self.pendingCondition("r", kind))
                // A record a verifikator rejected (tidak memenuhi syarat) is not sent until it is
                // corrected (which returns it to belum diverifikasi); it stays in the pending counts.
                conditions.append(
                    "NOT EXISTS (SELECT 1 FROM verification v WHERE v.kind = '\(kind.rawValue)' AND v.record_id = r.id AND v.status = 'tidak')")
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            var versions: [Int64: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: "\(prefix) SELECT r.id, r.change_no FROM \(table) r\(filter)", arguments: arguments)
            while let row = try rows.next() { versions[row[0]] = row[1] }
            return versions
        }
    }

    @discardableResult
    public func saveExportBatch(_ batch: NewExportBatch) throws -> ExportBatch {
        try transaction { db in
            try permit(.anyWrite, db)
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
            return ExportBatch(
                number: number, at: at, actor: context.actor, kind: batch.kind, format: batch.format, file: batch.file,
                unit: batch.unit, since: batch.since, pendingOnly: batch.pendingOnly, marksSent: batch.marksSent,
                rows: batch.records.count, deletions: batch.deletions.count)
        }
    }

    public func exportBatches(limit: Int) throws -> [ExportBatch] {
        try read { db in
            try Row.fetchAll(
                db,
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

    public func sentDeletions(kind: RecordKind?, unit: String?) throws -> [SentDeletion] {
        try read { db in
            var conditions = ["d.reported IS NULL"]
            var arguments: StatementArguments = []
            var prefix = ""
            if let unit {
                prefix = Self.subunitsCTE
                arguments += [unit]
                conditions.append("p.kode_unit IN sub")
            }
            if let kind {
                conditions.append("d.kind = ?")
                arguments += [kind.rawValue]
            }
            return try Row.fetchAll(
                db,
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
        try read { db in
            var counts: [PendingCount] = []
            let entered = try db.makeStatement(
                sql: "SELECT at FROM entry_marks WHERE kind = ? AND upto_id >= ? ORDER BY upto_id LIMIT 1")
            // Counted per employee first (the partial index in NIP order, no sort), then one
            // join per employee instead of one per record.
            for kind in RecordKind.allCases {
                let table = RecordRows.table(kind)
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.kode_unit, SUM(c.n), MIN(c.m) FROM (
                            SELECT r.nip, COUNT(*) AS n, MIN(r.id) AS m FROM \(table) r
                            WHERE \(Self.pendingCondition("r", kind)) GROUP BY r.nip) c
                        JOIN pegawai p ON p.nip = c.nip GROUP BY p.kode_unit
                        """)
                for row in rows {
                    let oldest: Int64 = row[2]
                    let at = try Date.fetchOne(entered, arguments: [kind.rawValue, oldest])
                    counts.append(PendingCount(unit: row[0], kind: kind, count: row[1], oldestEntered: at))
                }
            }
            return counts.sorted { ($0.unit, $0.kind.order) < ($1.unit, $1.kind.order) }
        }
    }

    public func pendingRecords(unit: String) throws -> [PendingRecord] {
        try read { db in
            var result: [PendingRecord] = []
            for kind in RecordKind.allCases {
                let table = RecordRows.table(kind)
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        \(Self.subunitsCTE) SELECT r.nip, r.id FROM \(table) r
                        WHERE r.nip IN (SELECT nip FROM pegawai WHERE kode_unit IN sub) AND \(Self.pendingCondition("r", kind))
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
