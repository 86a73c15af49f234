import Foundation
import GRDB
import IPASNCore

extension SQLiteStore: EmployeeChangeStore {
    /// Changes an existing employee: an edit, a mutasi, an inactivation or a reactivation, in
    /// one transaction with its audit row (see ``EmployeeChangeStore/changePegawai(_:expecting:)``).
    @discardableResult
    public func changePegawai(_ pegawai: Pegawai, expecting original: Pegawai?) throws -> Pegawai? {
        try transaction { db in
            guard let old = try self.pegawai(nip: pegawai.nip, db) else {
                throw ValidationFailure([ValidationIssue(field: "nip", code: .unknownNIP(pegawai.nip))])
            }
            if let original, old != original { throw StoreError.editedMeanwhile(by: try lastEditor(of: .pegawai(old.nip), db)) }
            var new = pegawai
            if new.aktif { new.keluar = nil }
            let permissions = try permit(.employee(oldUnit: nil, newUnit: old.kodeUnit), db)
            if new.kodeUnit != old.kodeUnit, try !permissions.mayWrite(unit: new.kodeUnit, db) {
                throw StoreError.notPermitted(.mutasiOutside(unit: new.kodeUnit, operators: try operators(db)))
            }
            let unitExists = try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [new.kodeUnit]) == true
            let issues = EmployeeChangeRules.issues(old: old, new: new, unitExists: unitExists, today: context.today)
            guard issues.isEmpty else { throw ValidationFailure(issues) }
            guard new != old else { return nil }
            try db.makeStatement(sql: Self.upsertPegawaiSQL).execute(arguments: Self.arguments(new))
            try audit(.update, .pegawai(new.nip), nip: new.nip, old: .pegawai(old), new: .pegawai(new), db)
            _ = try recomputeEmployee(new.nip, db)
            return new
        }
    }

    /// The employee's saves still in effect, oldest first: inserts, updates and redos of the
    /// employee, without those undone (an undo names the row it reverts; a redo re-applies).
    public func pegawaiHistory(nip: String) throws -> [PegawaiHistory.Step] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(AuditRows.columns) FROM audit a WHERE a.entity = 'pegawai' AND a.entity_id = ? ORDER BY a.id",
                arguments: [nip])
            var steps: [(id: Int64, step: PegawaiHistory.Step)] = []
            for row in rows {
                let entry = try AuditRows.entry(row)
                switch entry.action {
                case .undo:
                    steps.removeAll { $0.id == entry.undoes }
                case .insert, .update, .redo:
                    guard case .pegawai(let new)? = entry.new else { continue }
                    var old: Pegawai?
                    if case .pegawai(let before)? = entry.old { old = before }
                    steps.append((entry.id, PegawaiHistory.Step(at: entry.at, actor: entry.actor, old: old, new: new)))
                default:
                    continue
                }
            }
            return steps.map(\.step)
        }
    }
}
