import Foundation
import GRDB
import IPASNCore

/// Undo and redo, per session, on the audit log.
///
/// Every undoable audit row says what the entity was before (`old_value`) and after
/// (`new_value`). Undoing a row sets the entity back from `new` to `old`, but only when it
/// is still exactly `new`: what this session left. An `undo` row keeps the reverse pair
/// (old = what it found, new = what it restored) and points at the change; a `redo` row
/// applies the pair again and points at the undo, and is itself undoable like any change.
/// Record ids are never reused (AUTOINCREMENT), so a row that still has the id is the
/// same record, and a record deleted meanwhile is never confused with a newer one.
extension SQLiteStore {
    /// The actions a session can undo (a `redo` re-applied a change, so it can be undone too).
    static let undoableActions = "'insert', 'update', 'delete', 'import', 'redo'"
    /// The actions that are new work (and so end the chance to redo older undos); a redone
    /// import is an `import` row that points at the undo it redoes, and is not new work.
    static let freshActions = "'insert', 'update', 'delete', 'import'"
    /// Above this many records an import's undo keeps no copy of them, so it cannot be redone
    /// (the admin imports the file again).
    static let redoableImportRows = 20_000

    public func nextUndo(session: String) throws -> AuditEntry? {
        try read { try nextUndoEntry(session: session, $0) }
    }

    public func nextRedo(session: String) throws -> AuditEntry? {
        try read { db in
            guard let undo = try nextRedoEntry(session: session, db), let id = undo.undoes else { return nil }
            return try auditEntry(id: id, db)
        }
    }

    @discardableResult
    public func undoLast(session: String) throws -> AuditEntry? {
        try transaction { db in
            guard let entry = try nextUndoEntry(session: session, db) else { return nil }
            var touched: Set<String> = []
            if entry.action == "import" {
                // The undo row's old value: what it removed, for a redo (the records, or the
                // import's own list of unit and employee changes).
                let removed = try undoImport(entry, touched: &touched, db)
                try audit(
                    action: "undo", entity: entry.entity, entityID: entry.entityID, nip: entry.nip, old: removed,
                    new: nil, undoes: entry.id, db)
            } else {
                try revert(
                    entity: entry.entity, key: entry.entityID, from: entry.newValue, to: entry.oldValue, since: entry.id,
                    touched: &touched, db)
                try audit(
                    action: "undo", entity: entry.entity, entityID: entry.entityID, nip: entry.nip, old: entry.newValue,
                    new: entry.oldValue, undoes: entry.id, db)
            }
            try refreshAfterUndo(touched, db)
            return entry
        }
    }

    @discardableResult
    public func redoLast(session: String) throws -> AuditEntry? {
        try transaction { db in
            guard let undo = try nextRedoEntry(session: session, db), let changeID = undo.undoes,
                let change = try auditEntry(id: changeID, db)
            else { return nil }
            var touched: Set<String> = []
            if change.action == "import" {
                // Written as an `import` row (pointing at the undo) so it is undone as an import.
                try redoImport(change, undo: undo, touched: &touched, db)
                try audit(
                    action: "import", entity: change.entity, entityID: change.entityID, nip: change.nip, old: nil,
                    new: change.newValue, undoes: undo.id, db)
                try refreshAfterUndo(touched, db)
                return change
            }
            try revert(
                entity: undo.entity, key: undo.entityID, from: undo.newValue, to: undo.oldValue, since: undo.id,
                touched: &touched, db)
            try audit(
                action: "redo", entity: undo.entity, entityID: undo.entityID, nip: undo.nip, old: undo.newValue,
                new: undo.oldValue, undoes: undo.id, db)
            try refreshAfterUndo(touched, db)
            return change
        }
    }

    // MARK: Finding the rows

    func auditEntry(id: Int64, _ db: Database) throws -> AuditEntry? {
        try Row.fetchOne(db, sql: "SELECT \(Self.auditColumns) FROM audit a WHERE a.id = ?", arguments: [id])
            .map(Self.auditEntry)
    }

    /// The session's newest change that no undo points at.
    func nextUndoEntry(session: String, _ db: Database) throws -> AuditEntry? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(Self.auditColumns) FROM audit a
                WHERE a.session = ? AND a.action IN (\(Self.undoableActions))
                  AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id AND u.action = 'undo')
                ORDER BY a.id DESC LIMIT 1
                """, arguments: [session]
        ).map(Self.auditEntry)
    }

    /// The session's newest undo that no redo points at, when the session has done no new
    /// work since it.
    func nextRedoEntry(session: String, _ db: Database) throws -> AuditEntry? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(Self.auditColumns) FROM audit a
                WHERE a.session = ? AND a.action = 'undo'
                  AND NOT EXISTS (SELECT 1 FROM audit r WHERE r.undoes = a.id AND r.action IN ('redo', 'import'))
                  AND NOT EXISTS (
                      SELECT 1 FROM audit c WHERE c.session = a.session AND c.id > a.id AND c.action IN (\(Self.freshActions))
                        AND c.undoes IS NULL)
                ORDER BY a.id DESC LIMIT 1
                """, arguments: [session]
        ).map(Self.auditEntry)
    }

    /// Who changed an entity after audit row `since` (the newest such row's actor).
    private func changedBy(entity: String, key: String, since: Int64, _ db: Database) throws -> String {
        if let actor = try String.fetchOne(
            db, sql: "SELECT actor FROM audit WHERE id > ? AND entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [since, entity, key])
        {
            return actor
        }
        // Imports write one row for all they touch.
        return try String.fetchOne(
            db, sql: "SELECT actor FROM audit WHERE id > ? AND entity = ? ORDER BY id DESC LIMIT 1",
            arguments: [since, entity]) ?? "?"
    }

    // MARK: Reverting one entity

    /// Sets one entity (a record, an employee or a unit) from `expected` to `target` (JSON as
    /// the audit log keeps them; nil means "does not exist"), refusing with
    /// ``StoreError/changedSince(by:)`` when it is not exactly `expected` now.
    func revert(
        entity: String, key: String, from expected: String?, to target: String?, since: Int64,
        deleting: Set<String> = [], touched: inout Set<String>, _ db: Database
    ) throws {
        if let kind = RecordKind(rawValue: entity) {
            guard let rawID = Int64(key) else { throw StoreError.corrupt("audit row \(since): record id \(key)") }
            let id = RecordID(kind: kind, id: rawID)
            let current = try record(id, db)
            guard current == (try expected.map { try RecordRows.fromJSON($0).record }) else {
                throw StoreError.changedSince(by: try changedBy(entity: entity, key: key, since: since, db))
            }
            if let current { touched.insert(current.nip) }
            guard let target else {
                try db.execute(sql: "DELETE FROM \(RecordRows.table(kind)) WHERE id = ?", arguments: [rawID])
                return
            }
            let record = try RecordRows.fromJSON(target).record
            guard try pegawai(nip: record.nip, db) != nil else {
                throw StoreError.cannotUndo(
                    id: "Tidak dibatalkan: pegawai \(record.nip) sudah tidak ada.",
                    en: "Not undone: employee \(record.nip) no longer exists.")
            }
            try refuseDuplicate(record, ignoring: id, db)
            if current != nil { try write(record, over: id, db) } else { _ = try insert(record, id: rawID, db) }
            touched.insert(record.nip)
            return
        }
        switch entity {
        case "pegawai":
            let current = try pegawai(nip: key, db)
            guard current == (try expected.map { try JSONDecoder().decode(Pegawai.self, from: Data($0.utf8)) }) else {
                throw StoreError.changedSince(by: try changedBy(entity: entity, key: key, since: since, db))
            }
            guard let target else {
                let hasRecords = try RecordKind.allCases.contains { kind in
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM \(RecordRows.table(kind)) WHERE nip = ? LIMIT 1", arguments: [key])
                        == true
                }
                if hasRecords {
                    throw StoreError.cannotUndo(
                        id: "Tidak dibatalkan: \(current?.nama ?? key) sudah punya data riwayat. Hapus datanya dulu.",
                        en: "Not undone: \(current?.nama ?? key) has records now. Delete them first.")
                }
                try db.execute(sql: "DELETE FROM employee_score WHERE nip = ?", arguments: [key])
                try db.execute(sql: "DELETE FROM pegawai WHERE nip = ?", arguments: [key])
                touched.remove(key)
                return
            }
            let pegawai = try JSONDecoder().decode(Pegawai.self, from: Data(target.utf8))
            guard try unit(kode: pegawai.kodeUnit, db) != nil else { throw Self.unitGone(pegawai.kodeUnit) }
            try db.makeStatement(sql: Self.upsertPegawaiSQL).execute(arguments: Self.arguments(pegawai))
            touched.insert(pegawai.nip)
        case "units":
            let current = try unit(kode: key, db)
            guard current == (try expected.map { try JSONDecoder().decode(OrgUnit.self, from: Data($0.utf8)) }) else {
                throw StoreError.changedSince(by: try changedBy(entity: entity, key: key, since: since, db))
            }
            guard let target else {
                let used =
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM pegawai WHERE kode_unit = ? LIMIT 1", arguments: [key]) == true
                    || String.fetchAll(db, sql: "SELECT kode FROM units WHERE induk = ?", arguments: [key])
                        .contains { !deleting.contains($0) }
                    || Bool.fetchOne(db, sql: "SELECT 1 FROM progress WHERE unit = ? LIMIT 1", arguments: [key]) == true
                if used {
                    throw StoreError.cannotUndo(
                        id: "Tidak dibatalkan: unit \(current?.nama ?? key) sudah dipakai (pegawai, sub-unit atau tanda selesai).",
                        en: "Not undone: unit \(current?.nama ?? key) is in use now (employees, sub-units or marks).")
                }
                try db.execute(sql: "DELETE FROM units WHERE kode = ?", arguments: [key])
                return
            }
            let unit = try JSONDecoder().decode(OrgUnit.self, from: Data(target.utf8))
            if let induk = unit.induk {
                var parents: [String: String?] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT kode, induk FROM units") { parents[row[0]] = .some(row[1]) }
                parents[unit.kode] = .some(induk)
                guard parents[induk] != nil, !deleting.contains(induk) else { throw Self.unitGone(induk) }
                if UnitTree.cycle(from: unit.kode, parents: parents) {
                    throw ValidationFailure([ValidationIssue(field: "induk", code: .unitCycle(induk))])
                }
            }
            try upsertUnit(unit, db)
        default:
            throw StoreError.cannotUndo(
                id: "Perubahan \(entity) tidak bisa dibatalkan.", en: "A change of \(entity) cannot be undone.")
        }
    }

    private static func unitGone(_ kode: String) -> StoreError {
        .cannotUndo(id: "Tidak dibatalkan: unit \(kode) sudah tidak ada.", en: "Not undone: unit \(kode) no longer exists.")
    }

    /// Refreshes the cached scores of the employees an undo or redo touched.
    func refreshAfterUndo(_ touched: Set<String>, _ db: Database) throws {
        let existing = try touched.filter { try pegawai(nip: $0, db) != nil }
        if existing.count > Self.streamingRecomputeThreshold {
            try recompute(years: try cachedYears(db), only: existing, replaceAll: false, db)
        } else {
            for nip in existing.sorted() { _ = try recomputeEmployee(nip, db) }
        }
    }
}
