import Foundation
import IPASNCore

/// Undo and redo, per session, on the audit log, once for both engines.
///
/// Every undoable audit entry says what its subject was before (``AuditEntry/old``) and
/// after (``AuditEntry/new``). Undoing an entry sets the subject back from `new` to `old`,
/// but only when it is still exactly `new`: what this session left. An ``AuditAction/undo``
/// entry keeps the reverse pair (old = what it found, new = what it restored) and points at
/// the change; a ``AuditAction/redo`` entry applies the pair again and points at the undo,
/// and is itself undoable like any change. Record ids are never reused (AUTOINCREMENT), so
/// a row that still has the id is the same record, and a record deleted meanwhile is never
/// confused with a newer one.
extension SQLStore {
    /// The actions a session can undo (a `redo` re-applied a change, so it can be undone too).
    package static var undoableActions: String { "'insert', 'update', 'delete', 'import', 'redo'" }
    /// The actions that are new work (and so end the chance to redo older undos); a redone
    /// import is an `import` row that points at the undo it redoes, and is not new work.
    package static var freshActions: String { "'insert', 'update', 'delete', 'import'" }
    /// Above this many records an import's undo keeps no copy of them, so it cannot be redone
    /// (the admin imports the file again).
    package static var redoableImportRows: Int { 20_000 }

    public func nextUndo(session: String) throws -> AuditEntry? {
        try sqlRead { try nextUndoEntry(session: session, $0) }
    }

    public func nextRedo(session: String) throws -> AuditEntry? {
        try sqlRead { db in
            guard let undo = try nextRedoEntry(session: session, db), let id = undo.undoes else { return nil }
            return try auditEntry(id: id, db)
        }
    }

    @discardableResult
    public func undoLast(session: String) throws -> AuditEntry? {
        try sqlWrite { db in
            guard let entry = try nextUndoEntry(session: session, db) else { return nil }
            if let batch = entry.batch, isEventVerdict(entry) {
                // A verifikator's verdict for a whole event: taken back in one step.
                try sqlReverseEventVerdict(batch, session: session, undo: true, db)
                return entry
            }
            try sqlPermitAnyWrite(db)
            var touched: Set<String> = []
            if entry.action == .import {
                try sqlPermitRevert(entry.subject, from: entry.new, to: nil, db)
                // The undo's old value: what it removed, for a redo (the records; nothing for
                // units and employees, whose changes the import's summary lists).
                let removed = try undoImport(entry, touched: &touched, db)
                try sqlPermitRecords(nips: Array(touched), db)
                try sqlAudit(.undo, entry.subject, nip: entry.nip, old: removed, new: nil, undoes: entry.id, batch: nil, db)
            } else {
                let mark = try sqlNewestAuditID(db)
                if let batch = entry.batch {
                    try undoBatch(batch, session: session, touched: &touched, db)
                } else {
                    try reverse(entry, as: .undo, touched: &touched, db)
                }
                try restoreVerdicts(after: mark, session: session, db)
            }
            try refreshAfterUndo(touched, db)
            return entry
        }
    }

    @discardableResult
    public func redoLast(session: String) throws -> AuditEntry? {
        try sqlWrite { db in
            guard let undo = try nextRedoEntry(session: session, db), let changeID = undo.undoes,
                let change = try auditEntry(id: changeID, db)
            else { return nil }
            if let batch = undo.batch, isEventVerdict(undo) {
                try sqlReverseEventVerdict(batch, session: session, undo: false, db)
                return change
            }
            try sqlPermitAnyWrite(db)
            var touched: Set<String> = []
            if change.action == .import {
                try sqlPermitRevert(change.subject, from: nil, to: change.new, db)
                // Written as an `import` entry (pointing at the undo) so it is undone as an import.
                try redoImport(change, undo: undo, touched: &touched, db)
                try sqlPermitRecords(nips: Array(touched), db)
                try sqlAudit(.import, change.subject, nip: change.nip, old: nil, new: change.new, undoes: undo.id, batch: nil, db)
            } else {
                let mark = try sqlNewestAuditID(db)
                if let batch = undo.batch {
                    try redoBatch(batch, session: session, touched: &touched, db)
                } else {
                    try reverse(undo, as: .redo, touched: &touched, db)
                }
                try restoreVerdicts(after: mark, session: session, db)
            }
            try refreshAfterUndo(touched, db)
            return change
        }
    }

    /// Sets `entry`'s subject back from its `new` to its `old` value and audits that as `action`
    /// (an undo of a change, or a redo, which reverses the undo), pointing at `entry`.
    private func reverse(_ entry: AuditEntry, as action: AuditAction, touched: inout Set<String>, _ db: Connection) throws {
        try revert(entry.subject, from: entry.new, to: entry.old, since: entry.id, touched: &touched, db)
        try sqlAudit(action, entry.subject, nip: entry.nip, old: entry.new, new: entry.old, undoes: entry.id, batch: nil, db)
    }

    // MARK: Finding the entries

    func auditEntry(id: Int64, _ db: Connection) throws -> AuditEntry? {
        try db.fetchOne(sql: "SELECT \(Self.auditColumns) FROM audit a WHERE a.id = ?", arguments: [id]).map(sqlAuditEntry)
    }

    /// The session's newest change that no undo points at.
    func nextUndoEntry(session: String, _ db: Connection) throws -> AuditEntry? {
        try db.fetchOne(
            sql: """
                SELECT \(Self.auditColumns) FROM audit a
                WHERE a.session = ? AND a.entity <> 'accounts'
                  AND (a.action IN (\(Self.undoableActions)) OR (a.action = 'verify' AND a.batch IS NOT NULL))
                  AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id AND u.action = 'undo')
                ORDER BY a.id DESC LIMIT 1
                """, arguments: [session]
        ).map(sqlAuditEntry)
    }

    /// The session's newest undo that no redo points at, when the session has done no new
    /// work since it.
    func nextRedoEntry(session: String, _ db: Connection) throws -> AuditEntry? {
        try db.fetchOne(
            sql: """
                SELECT \(Self.auditColumns) FROM audit a
                WHERE a.session = ? AND a.action = 'undo'
                  AND NOT EXISTS (SELECT 1 FROM audit r WHERE r.undoes = a.id AND r.action IN ('redo', 'import'))
                  AND NOT EXISTS (
                      SELECT 1 FROM audit c WHERE c.session = a.session AND c.id > a.id AND c.action IN (\(Self.freshActions))
                        AND c.undoes IS NULL)
                ORDER BY a.id DESC LIMIT 1
                """, arguments: [session]
        ).map(sqlAuditEntry)
    }

    /// Who changed a subject after audit entry `since` (the newest such entry's actor).
    func changedBy(_ subject: AuditSubject, since: Int64, _ db: Connection) throws -> String {
        let (entity, key) = StoreCodec.entity(subject)
        if let actor = try db.fetchValue(
            String.self, sql: "SELECT actor FROM audit WHERE id > ? AND entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [since, entity, key])
        {
            return actor
        }
        // Imports write one entry for all they touch.
        return try db.fetchValue(
            String.self, sql: "SELECT actor FROM audit WHERE id > ? AND entity = ? ORDER BY id DESC LIMIT 1",
            arguments: [since, entity]) ?? "?"
    }

    // MARK: Reverting one subject

    /// Sets one subject (a record, an employee or a unit) from `expected` to `target` (nil
    /// means "does not exist"), refusing with ``StoreError/changedSince(by:)`` when it is not
    /// exactly `expected` now. `deleting` names the units an import's undo removes together,
    /// `adding` the units an import's redo writes together (a file may list a child first).
    package func revert(
        _ subject: AuditSubject, from expected: AuditValue?, to target: AuditValue?, since: Int64,
        deleting: Set<String> = [], adding: Set<String> = [], touched: inout Set<String>, _ db: Connection
    ) throws {
        // An employee saved before their unit's code changed (``UnitRenameStore``): both values
        // under the code the unit carries now, so the undo restores the rest and keeps the unit.
        let expected = try sqlFollowingRename(expected, db)
        let target = try sqlFollowingRename(target, db)
        try sqlPermitRevert(subject, from: expected, to: target, db)
        switch subject {
        case .record(let id):
            let current = try sqlRecord(id, db)
            guard current.map(AuditValue.record) == expected else {
                throw StoreError.changedSince(by: try changedBy(subject, since: since, db))
            }
            if let current { touched.insert(current.nip) }
            guard let target else {
                try db.execute(sql: "DELETE FROM \(Self.recordTable(id.kind)) WHERE id = ?", arguments: [id.id])
                return
            }
            guard case .record(let record) = target else { throw Self.unreadable(since) }
            guard try sqlPegawai(nip: record.nip, db) != nil else {
                throw StoreError.cannotUndo(
                    id: "Tidak dibatalkan: pegawai \(record.nip) sudah tidak ada.",
                    en: "Not undone: employee \(record.nip) no longer exists.")
            }
            try sqlRefuseDuplicate(record, ignoring: id, db)
            if current != nil { try sqlWriteRecord(record, over: id, db) } else { _ = try sqlInsertRecord(record, id: id.id, db) }
            touched.insert(record.nip)
        case .pegawai(let nip):
            let current = try sqlPegawai(nip: nip, db)
            guard current.map(AuditValue.pegawai) == expected else {
                throw StoreError.changedSince(by: try changedBy(subject, since: since, db))
            }
            guard let target else {
                let hasRecords = try RecordKind.allCases.contains { kind in
                    try db.exists(sql: "SELECT 1 FROM \(Self.recordTable(kind)) WHERE nip = ? LIMIT 1", arguments: [nip])
                }
                if hasRecords {
                    throw StoreError.cannotUndo(
                        id: "Tidak dibatalkan: \(current?.nama ?? nip) sudah punya data riwayat. Hapus datanya dulu.",
                        en: "Not undone: \(current?.nama ?? nip) has records now. Delete them first.")
                }
                try sqlDropScores(nip: nip, db)
                try db.execute(sql: "DELETE FROM pegawai WHERE nip = ?", arguments: [nip])
                touched.remove(nip)
                return
            }
            guard case .pegawai(let pegawai) = target else { throw Self.unreadable(since) }
            guard try unit(kode: pegawai.kodeUnit, db) != nil, !deleting.contains(pegawai.kodeUnit) else {
                throw Self.unitGone(pegawai.kodeUnit)
            }
            try sqlUpsertPegawai(pegawai, db)
            touched.insert(pegawai.nip)
        case .unit(let kode):
            let current = try unit(kode: kode, db)
            guard current.map(AuditValue.unit) == expected else {
                throw StoreError.changedSince(by: try changedBy(subject, since: since, db))
            }
            guard let target else {
                let used =
                    try db.exists(sql: "SELECT 1 FROM pegawai WHERE kode_unit = ? LIMIT 1", arguments: [kode])
                    || db.fetchValues(String.self, sql: "SELECT kode FROM units WHERE induk = ?", arguments: [kode])
                        .contains { !deleting.contains($0) }
                    || db.exists(sql: "SELECT 1 FROM progress WHERE unit = ? LIMIT 1", arguments: [kode])
                    || db.exists(sql: "SELECT 1 FROM account_units WHERE unit = ? LIMIT 1", arguments: [kode])
                if used {
                    throw StoreError.cannotUndo(
                        id: "Tidak dibatalkan: unit \(current?.nama ?? kode) sudah dipakai (pegawai, sub-unit, tanda selesai atau akun admin).",
                        en: "Not undone: unit \(current?.nama ?? kode) is in use now (employees, sub-units, marks or an admin's account).")
                }
                try db.execute(sql: "DELETE FROM units WHERE kode = ?", arguments: [kode])
                return
            }
            guard case .unit(let unit) = target else { throw Self.unreadable(since) }
            if let induk = unit.induk {
                var units = try sqlUnits(db).filter { $0.kode != unit.kode }
                let exists = units.contains { $0.kode == induk }
                guard induk != unit.kode, exists || adding.contains(induk), !deleting.contains(induk) else {
                    throw Self.unitGone(induk)
                }
                // A parent still to come is checked when it is written (with this unit below it).
                if exists {
                    units.append(unit)
                    if let issue = StoreCodec.treeIssue(for: unit, in: UnitTree(units)) { throw ValidationFailure([issue]) }
                }
            }
            try upsertUnit(unit, db)
        case .setting, .progress, .importFile, .account, .siasnBatch:
            let (entity, _) = StoreCodec.entity(subject)
            throw StoreError.cannotUndo(
                id: "Perubahan \(entity) tidak bisa dibatalkan.", en: "A change of \(entity) cannot be undone.")
        }
    }

    package static func unitGone(_ kode: String) -> StoreError {
        .cannotUndo(id: "Tidak dibatalkan: unit \(kode) sudah tidak ada.", en: "Not undone: unit \(kode) no longer exists.")
    }

    package static func unreadable(_ entry: Int64) -> StoreError {
        .corrupt("audit \(entry): a value this version cannot read")
    }

    /// Refreshes the cached scores of the employees an undo or redo touched.
    func refreshAfterUndo(_ touched: Set<String>, _ db: Connection) throws {
        let existing = try touched.filter { try sqlPegawai(nip: $0, db) != nil }
        if existing.count > StoreCodec.streamingRecomputeThreshold {
            try sqlRecompute(years: try sqlCachedYears(db), only: existing, db)
        } else {
            for nip in existing.sorted() { _ = try sqlRecomputeEmployee(nip, db) }
        }
    }
}
