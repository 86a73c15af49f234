import Foundation
import IPASNCore

/// ``UnitRenameStore``, once for both engines: the operator's check, the new code's
/// validation and the audit row here; the moves themselves are ``UnitRename``'s statements
/// (SQLite) or the owner's function that runs them (PostgreSQL: ``SQLDialect/unitRenameCall``).
extension SQLStore {
    public func renameUnit(_ old: String, to new: String) throws {
        try sqlWrite { db in
            try sqlPermit(.unitRename, db)
            guard let unit = try unit(kode: old, db) else {
                throw ValidationFailure([ValidationIssue(field: "kode", code: .unknownUnit(old))])
            }
            let renamed = try Self.validRename(unit, to: new, today: context.today)
            if try db.exists(sql: Self.unitExists, arguments: [renamed.kode]) {
                throw ValidationFailure([Self.codeTaken(renamed.kode)])
            }
            // The audit row first: PostgreSQL's function renames only with it in its transaction.
            try sqlAudit(.rename, .unit(renamed.kode), nip: nil, old: .unit(unit), new: .unit(renamed), batch: nil, db)
            if let call = dialect.unitRenameCall {
                _ = try db.fetchOne(sql: call, arguments: [old, renamed.kode])
            } else {
                for statement in UnitRename.sqlite(old: old, new: renamed.kode) {
                    _ = try db.execute(sql: statement.sql, arguments: statement.arguments)
                }
            }
        }
    }

    public func renamedUnit(_ kode: String) throws -> String? {
        try sqlRead { try sqlRenamedUnit(kode, $0) }
    }

    /// The code `kode` was renamed to (following later renames, at most 20), or nil when a unit
    /// holds `kode` or it was never renamed. Reads the audit's rename rows (few; only asked when
    /// a write names a unit that does not exist).
    package func sqlRenamedUnit(_ kode: String, _ db: Connection) throws -> String? {
        guard try !db.exists(sql: Self.unitExists, arguments: [kode]) else { return nil }
        return try renamedAway(kode, db)
    }

    /// The code a unit code no unit holds was renamed to (``sqlRenamedUnit(_:_:)`` after its check).
    private func renamedAway(_ kode: String, _ db: Connection) throws -> String? {
        let next = """
            SELECT entity_id FROM audit
            WHERE action = 'rename' AND entity = 'units' AND \(dialect.jsonText("old_value", "kode")) = ?
            ORDER BY id DESC LIMIT 1
            """
        var code = kode
        for _ in 0..<20 {
            guard let renamed = try db.fetchValue(String.self, sql: next, arguments: [code]) else { return nil }
            if try db.exists(sql: Self.unitExists, arguments: [renamed]) { return renamed }
            code = renamed
        }
        return nil
    }

    /// `kode` as a write names it, and whether a unit holds it: a code renamed away (by a
    /// session opened before the rename) becomes the code its unit carries now. One query when
    /// the unit exists, as the writes asked before.
    package func sqlUnitFollowingRename(_ kode: String, _ db: Connection) throws -> (String, Bool) {
        if try db.exists(sql: Self.unitExists, arguments: [kode]) { return (kode, true) }
        guard let renamed = try renamedAway(kode, db) else { return (kode, false) }
        return (renamed, true)
    }

    /// An employee's audited value under the code its unit carries now, when a rename took its
    /// code away (an undo or redo of a save made before the rename); any other value as it is.
    /// One query when the unit exists, as the undo asked before.
    package func sqlFollowingRename(_ value: AuditValue?, _ db: Connection) throws -> AuditValue? {
        guard case .pegawai(var pegawai)? = value else { return value }
        let (kode, exists) = try sqlUnitFollowingRename(pegawai.kodeUnit, db)
        guard exists, kode != pegawai.kodeUnit else { return value }
        pegawai.kodeUnit = kode
        return .pegawai(pegawai)
    }

    /// `unit` under the code `new`, checked as a unit file's row is (``RecordParser/unit(_:)``:
    /// required, no control character, not too long; surrounding spaces dropped).
    package static func validRename(_ unit: OrgUnit, to new: String, today: LocalDate) throws -> OrgUnit {
        // The unit's own name and parent are as stored (and checked when saved): only the code is new.
        switch RecordParser(today: today).unit(["kode": new, "nama": unit.nama]) {
        case .success(let renamed): return OrgUnit(kode: renamed.kode, nama: unit.nama, induk: unit.induk)
        case .failure(let failure):
            let issues = failure.issues.filter { $0.field == "kode" }
            throw ValidationFailure(issues.isEmpty ? failure.issues : issues)
        }
    }

    private static var unitExists: String { "SELECT 1 FROM units WHERE kode = ?" }

    /// A code another unit already holds.
    package static func codeTaken(_ kode: String) -> ValidationIssue {
        ValidationIssue(
            field: "kode",
            code: .custom(
                id: "Kode unit \(kode) sudah dipakai unit lain; pilih kode yang belum dipakai.",
                en: "The unit code \(kode) is already used by another unit; choose an unused code."))
    }
}
