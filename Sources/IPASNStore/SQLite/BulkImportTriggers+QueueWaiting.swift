import GRDB
import IPASNCore

extension BulkImportTriggers {
    /// ``QueueWaitingSchema``'s `AFTER INSERT` trigger on the record table.
    static func waitingInsertTrigger(_ kind: RecordKind) -> String { QueueWaitingSchema.insertTrigger(kind) }

    /// Set-based `<table>_queue_insert` for the import's rows `first ... last`: the import's own
    /// per-unit counts of rows written (``ImportEmployees/rowsByUnit``), less those of inactive
    /// employees and those with a verdict (an import's ids are new, so in practice none: it is
    /// asked anyway, through the primary key, so that the result is the trigger's whatever
    /// the ids; `CROSS JOIN` keeps the few inactive employees outer). The trigger adds 1 at the employee's unit per inserted row of an active
    /// employee without a verdict; the employee's unit is the one the import's map read in
    /// this transaction (a record import changes no employee). Two small reads, one upsert per unit.
    static func waitingRows(_ kind: RecordKind, first: Int64, last: Int64, rowsByUnit: [String: Int], _ db: Database) throws {
        let table = RecordRows.table(kind)
        var byUnit = rowsByUnit
        let notWaiting = try Row.fetchAll(
            db,
            sql: """
                SELECT p.kode_unit, COUNT(*) FROM pegawai p CROSS JOIN \(table) r ON r.nip = p.nip
                WHERE p.aktif <> 1 AND r.id BETWEEN ? AND ? GROUP BY p.kode_unit
                UNION ALL
                SELECT p.kode_unit, COUNT(*) FROM verification v JOIN \(table) r ON r.id = v.record_id JOIN pegawai p ON p.nip = r.nip
                WHERE v.kind = '\(kind.rawValue)' AND v.record_id BETWEEN ? AND ? AND v.status <> 'belum' AND p.aktif = 1
                GROUP BY p.kode_unit
                """, arguments: [first, last, first, last])
        for row in notWaiting { byUnit[row[0] as String, default: 0] -= row[1] as Int }
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO queue_waiting(kode_unit, kind, waiting) VALUES (?, '\(kind.rawValue)', ?)
                    ON CONFLICT(kode_unit, kind) DO UPDATE SET waiting = waiting + excluded.waiting
                """)
        for (unit, rows) in byUnit.sorted(by: { $0.key < $1.key }) where rows != 0 {
            try statement.execute(arguments: [unit, rows])
        }
    }
}
