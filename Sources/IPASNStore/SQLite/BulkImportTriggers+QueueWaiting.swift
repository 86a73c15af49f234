import Foundation
import GRDB
import IPASNCore

extension BulkImportTriggers {
    /// Set (to anything) in the environment, `IPASN_IMPORT_WAITING_BY_READ` makes
    /// ``waitingRows(_:first:last:rowsByUnit:activeRowsByUnit:_:)`` count the inactive
    /// employees' rows by reading them back as before branch growth2: only for measuring both
    /// ways on one binary by hand (docs/performance.md). Both give the same counts.
    static let waitingByRead = ProcessInfo.processInfo.environment["IPASN_IMPORT_WAITING_BY_READ"] != nil

    /// ``QueueWaitingSchema``'s `AFTER INSERT` trigger on the record table.
    static func waitingInsertTrigger(_ kind: RecordKind) -> String { QueueWaitingSchema.insertTrigger(kind) }

    /// Set-based `<table>_queue_insert` for the import's rows `first ... last`: the import's own
    /// per-unit counts of rows written for ACTIVE employees (``ImportEmployees/activeRowsByUnit``,
    /// the trigger's `p.aktif = 1` taken from the import's map of the employees), less those with
    /// a verdict (an import's ids are new, so in practice none: it is asked anyway, through the
    /// verdicts' primary key, so that the result is the trigger's whatever the ids). The trigger
    /// adds 1 at the employee's unit per inserted row of an active employee without a verdict;
    /// the employee's unit is the one the import's map read in this transaction (a record
    /// import changes no employee). One small read, one upsert per unit.
    ///
    /// Why it is fast: the inactive employees' rows were counted by a read of `pegawai` joined
    /// with the imported rows after the insert; SQLite walked every employee through an index
    /// and looked each one up in the table, a page read per employee that searched the
    /// import's whole uncommitted WAL (docs/performance.md, "Linear growth to 500,000"):
    /// 0.04 s at 50,000 employees, 4.1 s at 500,000. `BulkImportTests` compares the counts with
    /// the plain path's (the trigger) with inactive employees and verdicts.
    /// `IPASN_IMPORT_WAITING_BY_READ` (``waitingByRead``) counts them by that read again.
    static func waitingRows(
        _ kind: RecordKind, first: Int64, last: Int64, rowsByUnit: [String: Int], activeRowsByUnit: [String: Int],
        _ db: Database
    ) throws {
        let table = RecordRows.table(kind)
        var byUnit = waitingByRead ? rowsByUnit : activeRowsByUnit
        let inactiveRows = """
            SELECT p.kode_unit, COUNT(*) FROM pegawai p CROSS JOIN \(table) r ON r.nip = p.nip
            WHERE p.aktif <> 1 AND r.id BETWEEN ?1 AND ?2 GROUP BY p.kode_unit
            UNION ALL
            """
        let notWaiting = try Row.fetchAll(
            db,
            sql: """
                \(waitingByRead ? inactiveRows : "")
                SELECT p.kode_unit, COUNT(*) FROM verification v JOIN \(table) r ON r.id = v.record_id JOIN pegawai p ON p.nip = r.nip
                WHERE v.kind = '\(kind.rawValue)' AND v.record_id BETWEEN ?1 AND ?2 AND v.status <> 'belum' AND p.aktif = 1
                GROUP BY p.kode_unit
                """, arguments: [first, last])
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
