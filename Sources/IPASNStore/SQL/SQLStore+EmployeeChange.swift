import Foundation
import IPASNCore

/// ``EmployeeChangeStore``'s change of an employee, once for both engines; the history stays in
/// each engine (PostgreSQL reads it in one pipelined round trip) and shares its reading of the
/// audit rows (``PegawaiHistory/steps(_:)``).
extension SQLStore {
    /// Changes an existing employee: an edit, a mutasi, an inactivation or a reactivation, in
    /// one transaction with its audit row (see ``EmployeeChangeStore/changePegawai(_:expecting:)``).
    @discardableResult
    public func changePegawai(_ pegawai: Pegawai, expecting original: Pegawai?) throws -> Pegawai? {
        try sqlWrite { db in
            guard let old = try sqlPegawai(nip: pegawai.nip, db) else {
                throw ValidationFailure([ValidationIssue(field: "nip", code: .unknownNIP(pegawai.nip))])
            }
            if var original, old != original {
                // A form loaded before the employee's unit was renamed is not a change by another.
                if original.kodeUnit != old.kodeUnit, let renamed = try sqlRenamedUnit(original.kodeUnit, db) { original.kodeUnit = renamed }
                if old != original { throw StoreError.editedMeanwhile(by: try sqlLastEditor(of: .pegawai(old.nip), db)) }
            }
            var new = pegawai
            if new.aktif { new.keluar = nil }
            let unitExists: Bool
            (new.kodeUnit, unitExists) = try sqlUnitFollowingRename(new.kodeUnit, db)
            let permissions = try sqlPermit(.employee(oldUnit: nil, newUnit: old.kodeUnit), db)
            if new.kodeUnit != old.kodeUnit, try !permissions.mayWrite(unit: new.kodeUnit, db) {
                throw StoreError.notPermitted(.mutasiOutside(unit: new.kodeUnit, operators: try sqlOperators(db)))
            }
            let issues = EmployeeChangeRules.issues(old: old, new: new, unitExists: unitExists, today: context.today)
            guard issues.isEmpty else { throw ValidationFailure(issues) }
            guard new != old else { return nil }
            try sqlUpsertPegawai(new, db)
            try sqlAudit(.update, .pegawai(new.nip), nip: new.nip, old: .pegawai(old), new: .pegawai(new), batch: nil, db)
            _ = try sqlRecomputeEmployee(new.nip, db)
            return new
        }
    }
}

extension SQLStore {
    /// The actor of the newest audit row of a record or an employee ("?" when it has none).
    package func sqlLastEditor(of subject: AuditSubject, _ db: Connection) throws -> String {
        let (entity, key) = StoreCodec.entity(subject)
        return try db.fetchValue(
            String.self, sql: "SELECT actor FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [entity, key]) ?? "?"
    }
}

extension PegawaiHistory {
    /// The saves still in effect among an employee's audit entries (oldest first, as
    /// ``EmployeeChangeStore/pegawaiHistory(nip:)`` reads them): inserts, updates and redos of
    /// the employee, without those undone (an undo names the row it reverts; a redo re-applies).
    package static func steps(_ entries: [AuditEntry]) -> [Step] {
        var steps: [(id: Int64, step: Step)] = []
        for entry in entries {
            switch entry.action {
            case .undo:
                steps.removeAll { $0.id == entry.undoes }
            case .insert, .update, .redo:
                guard case .pegawai(let new)? = entry.new else { continue }
                var old: Pegawai?
                if case .pegawai(let before)? = entry.old { old = before }
                steps.append((entry.id, Step(at: entry.at, actor: entry.actor, old: old, new: new)))
            default:
                continue
            }
        }
        return steps.map(\.step)
    }
}
