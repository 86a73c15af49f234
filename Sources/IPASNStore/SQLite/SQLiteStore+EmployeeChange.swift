import Foundation
import GRDB
import IPASNCore

/// ``EmployeeChangeStore`` on SQLite: the change is `SQLStore+EmployeeChange`, shared with
/// PostgreSQL; here the history.
extension SQLiteStore: EmployeeChangeStore {
    /// The employee's saves still in effect, oldest first: inserts, updates and redos of the
    /// employee, without those undone (an undo names the row it reverts; a redo re-applies).
    public func pegawaiHistory(nip: String) throws -> [PegawaiHistory.Step] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(AuditRows.columns) FROM audit a WHERE a.entity = 'pegawai' AND a.entity_id = ? ORDER BY a.id",
                arguments: [nip])
            return PegawaiHistory.steps(try rows.map { try AuditRows.entry($0) })
        }
    }
}
