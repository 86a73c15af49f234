import Foundation
import IPASNStore
import IPASNCore

/// What PostgreSQL does its own way of ``ExportTrackingStore`` (the batch's items as arrays, a
/// page's sent marks in one statement); the reads are `SQLStore+ExportTracking`, shared with SQLite.
extension PostgresStore: ExportTrackingStore {
    /// THE pending rule, the one place that says which records are not yet sent to SIASN: no
    /// SIASN batch holds the record's current version, and SIASN takes the record (an SKP
    /// before 2022 is never pending: ``SKPSiasn``, migration `2026-11-30-skp2022`). `alias`
    /// names the record table in the query. The partial indexes `<kind>_pending` and the
    /// triggers of `unit_pending_counts` use the same condition (``PostgresSchema/pending(_:_:rule:)``).
    static func pendingCondition(_ alias: String, _ kind: RecordKind) -> String {
        PostgresSchema.pending(alias, kind)
    }

    @discardableResult
    public func saveExportBatch(_ batch: NewExportBatch) throws -> ExportBatch {
        try transaction { db in
            try permit(.exportBatch(batch), db)
            let at = context.now()
            let number = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO export_batches(at, actor, kind, format, file, unit, since, pending_only, marks_sent, rows, deletions)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                arguments: [
                    at, context.actor, batch.kind, batch.format, batch.file, batch.unit, batch.since?.iso, batch.pendingOnly,
                    batch.marksSent, batch.records.count, batch.deletions.count,
                ])!
            let item = "INSERT INTO export_items(batch, kind, record_id, version, deleted) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
            try Self.saveExportItems(batch.records, batch: number, db)
            for id in batch.deletions {
                let version = try Int64.fetchOne(
                    db, sql: "SELECT change_no FROM export_deleted WHERE kind = ? AND record_id = ?",
                    arguments: [id.kind.rawValue, id.id]) ?? 0
                try db.execute(sql: item, arguments: [number, id.kind.rawValue, id.id, version, true])
            }
            // The sent marks and the deletions' reports by the owner's function (migration
            // `2026-12-04-siasnback`): a verifikator's role may not write records itself.
            if batch.marksSent { try db.execute(sql: "SELECT ipasn_mark_batch_sent(?)", arguments: [number]) }
            // Open pages follow the marks (the data generation moves; PostgreSQL notifies).
            if batch.marksSent { try audit(.siasnSent, .siasnBatch(number), nip: nil, old: nil, new: nil, batch: nil, db) }
            return ExportBatch(
                number: number, at: at, actor: context.actor, kind: batch.kind, format: batch.format, file: batch.file,
                unit: batch.unit, since: batch.since, pendingOnly: batch.pendingOnly, marksSent: batch.marksSent,
                rows: batch.records.count, deletions: batch.deletions.count)
        }
    }

    /// How many records one statement of ``saveExportItems`` carries (as arrays): a whole
    /// province's diklat (a million) goes in a hundred statements, each a few hundred KB.
    static let exportItemsChunk = 10_000

    /// A batch's records in a few set-based statements (`unnest` of arrays), not two round
    /// trips per record: an export of 40,000 pending diklat took 85 s that way over the Unix
    /// socket. Per chunk, one INSERT of the items; the batch's records are then marked sent
    /// in one call of `ipasn_mark_batch_sent` (per record table one UPDATE setting `sent_no`
    /// where the record is still at the version read before the file was written: a record
    /// changed meanwhile stays pending).
    static func saveExportItems(_ records: [RecordVersion], batch: Int64, _ db: PGConnection) throws {
        var start = 0
        while start < records.count {
            let chunk = records[start..<min(start + exportItemsChunk, records.count)]
            start += exportItemsChunk
            try db.execute(
                sql: """
                    INSERT INTO export_items(batch, kind, record_id, version, deleted)
                    SELECT ?, w.kind, w.record_id, w.version, 0
                    FROM unnest(?::text[], ?::int8[], ?::int8[]) WITH ORDINALITY AS w(kind, record_id, version, n)
                    ORDER BY w.n
                    ON CONFLICT DO NOTHING
                    """,
                arguments: [
                    batch, Self.arrayLiteral(chunk.map(\.id.kind.rawValue)), Self.arrayLiteral(chunk.map { String($0.id.id) }),
                    Self.arrayLiteral(chunk.map { String($0.version) }),
                ])
        }
    }

    /// A PostgreSQL array literal of plain tokens (record kinds and numbers: no quoting needed).
    static func arrayLiteral(_ items: [String]) -> String {
        "{" + items.joined(separator: ",") + "}"
    }

    public func sentInfo(_ ids: [RecordID]) throws -> [RecordID: RecordSending] {
        guard !ids.isEmpty else { return [:] }
        // A page asks for every record on it after each save: one statement for all of them
        // (the ids as two arrays), not one round trip per record; with its snapshot's BEGIN
        // and COMMIT, one round trip in all.
        let kinds = "{" + ids.map(\.kind.rawValue).joined(separator: ",") + "}"
        let numbers = "{" + ids.map { String($0.id) }.joined(separator: ",") + "}"
        return try Self.decodeSentInfo(try readPipelined([(Self.sentInfoSQL, [kinds, numbers])])[0])
    }

    /// The rows of ``sentInfoSQL`` (or ``sentInfoOfEmployeeSQL``) by record.
    static func decodeSentInfo(_ rows: PGResult) throws -> [RecordID: RecordSending] {
        var result: [RecordID: RecordSending] = [:]
        for index in 0..<rows.count {
            let row = PGRow(result: rows, index: index)
            guard let kind = RecordKind(rawValue: row[0]) else { continue }
            result[RecordID(kind: kind, id: row[1])] = RecordSending(batch: row[2], at: row[3], current: row[4])
        }
        return result
    }

    /// ``sentInfoSQL`` for every record of one employee (the NIP once per kind): what a page
    /// asks for, without knowing the ids first.
    static let sentInfoOfEmployeeSQL = sentInfoSQL(
        from: "("
            + RecordKind.allCases.map { "SELECT '\($0.rawValue)'::text AS kind, id AS record_id FROM \(PGRecordRows.table($0)) WHERE nip = ?" }
            .joined(separator: " UNION ALL ") + ") AS w")

    /// Per record asked for (`unnest` of the kinds and ids): the newest batch that marked it
    /// sent, when, and whether the record is still as it was sent (its `sent_no` is that
    /// batch's version and nothing changed since).
    static let sentInfoSQL = sentInfoSQL(from: "unnest(?::text[], ?::int8[]) AS w(kind, record_id)")

    /// ``sentInfoSQL`` for the records `from` names (columns `kind`, `record_id`).
    static func sentInfoSQL(from source: String) -> String {
        let current = RecordKind.allCases.map { kind in
            """
            WHEN '\(kind.rawValue)' THEN EXISTS (SELECT 1 FROM \(PGRecordRows.table(kind)) r
                WHERE r.id = l.record_id AND r.sent_no = l.version AND r.sent_no = r.change_no)
            """
        }.joined(separator: "\n")
        return """
            SELECT l.kind, l.record_id, l.batch, l.at, CASE l.kind \(current) ELSE false END FROM (
                SELECT DISTINCT ON (i.kind, i.record_id) i.kind, i.record_id, b.id AS batch, b.at, i.version
                FROM \(source)
                JOIN export_items i ON i.kind = w.kind AND i.record_id = w.record_id AND i.deleted = 0
                JOIN export_batches b ON b.id = i.batch AND b.marks_sent = 1
                ORDER BY i.kind, i.record_id, i.batch DESC) l
            """
    }

    /// Pending counts with a condition `also` adds (``SQLStore/pendingCounts(also:arguments:_:)``).
    func pendingCounts(
        also: (RecordKind) -> String? = { _ in nil }, arguments: SQLArguments = [], _ db: PGConnection
    ) throws -> [PendingCount] {
        try pendingCounts(also: also, arguments: arguments, PGDatabase(db))
    }
}
