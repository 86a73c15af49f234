import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    /// Writes one audit row in the current transaction, stamped with the context's actor,
    /// session and clock.
    /// `id`: the row's id when reserved beforehand (an employee import's, whose changes are
    /// written under it first: ``EmployeeImportChangesStore``); nil takes the next one.
    func audit(
        _ action: AuditAction, _ subject: AuditSubject, nip: String?, old: AuditValue?, new: AuditValue?,
        undoes: Int64? = nil, batch: Int64? = nil, id: Int64? = nil, _ db: Database
    ) throws {
        let (entity, entityID) = AuditRows.entity(subject)
        try db.cachedStatement(
            sql: """
                INSERT INTO audit(id, at, actor, action, entity, entity_id, nip, old_value, new_value, session, undoes, batch)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                id, context.now(), context.actor, action.rawValue, entity, entityID, nip,
                try old.map { try AuditRows.text($0, subject) }, try new.map { try AuditRows.text($0, subject) },
                context.session, undoes, batch,
            ])
    }

    /// Writes one audit row whose columns are already in their stored form (the settings:
    /// action `config`, the year as text, the ruleset as sorted-key JSON, as
    /// ``AuditRows/text(_:_:)`` writes them). `action` must be an ``AuditAction`` raw value.
    func audit(
        action: String, entity: String, entityID: String, nip: String?, old: String?, new: String?,
        undoes: Int64? = nil, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session, undoes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [context.now(), context.actor, action, entity, entityID, nip, old, new, context.session, undoes])
    }

    /// The newest audit row's id: every change of data writes one, in every process, so it
    /// grows with each change (one index lookup).
    public func dataGeneration() throws -> Int64 {
        try read { try Int64.fetchOne($0, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0 }
    }

    /// The most recent audit rows, newest first.
    public func auditLog(limit: Int) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(AuditRows.columns) FROM audit a ORDER BY a.id DESC LIMIT ?", arguments: [max(0, limit)]
            ).map(AuditRows.entry)
        }
    }

    // MARK: Progress

    /// Marks (or reopens) one dimension of a unit as "selesai diinput", audited.
    /// Throws ``ValidationFailure`` (`.unknownUnit`) for an unknown unit, and when marking done
    /// while a sub-unit (at any depth) is not done for the dimension: a parent is done only
    /// when its sub-units are. Reopening a unit reopens the parents marked done above it.
    public func setProgress(unit: String, dimension: ProgressDimension, done: Bool) throws {
        try transaction { db in
            try permit(.progress(unit: unit), db)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [unit]) == true else {
                throw ValidationFailure([ValidationIssue(field: "kode", code: .unknownUnit(unit))])
            }
            if done {
                let open = try openSubunits(of: unit, dimension: dimension, db)
                if !open.isEmpty {
                    let names = open.joined(separator: ", ")
                    throw ValidationFailure([
                        ValidationIssue(
                            field: "kode",
                            code: .custom(
                                id: "Sub-unit belum selesai diinput: \(names). Tandai sub-unitnya selesai dulu.",
                                en: "Sub-units not fully entered yet: \(names). Mark the sub-units first."))
                    ])
                }
            }
            if !done { try reopenParents(of: unit, dimension: dimension, db) }
            try writeProgress(unit: unit, dimension: dimension, done: done, db)
        }
    }

    /// Reopening a unit reopens every parent marked done above it, first, so that the unit's
    /// own row is the newest (undoing it leaves no parent done above an open unit).
    func reopenParents(of unit: String, dimension: ProgressDimension, _ db: Database) throws {
        var seen: Set<String> = [unit]
        var current = unit
        while let parent = try String.fetchOne(db, sql: "SELECT induk FROM units WHERE kode = ?", arguments: [current]),
            seen.insert(parent).inserted
        {
            let parentDone = try Bool.fetchOne(
                db, sql: "SELECT done FROM progress WHERE unit = ? AND dimension = ?",
                arguments: [parent, dimension.rawValue])
            if parentDone == true { try writeProgress(unit: parent, dimension: dimension, done: false, db) }
            current = parent
        }
    }

    /// Writes one mark and its audit row.
    func writeProgress(unit: String, dimension: ProgressDimension, done: Bool, _ db: Database) throws {
        let old = try Bool.fetchOne(
            db, sql: "SELECT done FROM progress WHERE unit = ? AND dimension = ?", arguments: [unit, dimension.rawValue])
        try db.execute(
            sql: """
                INSERT INTO progress(unit, dimension, done, by, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(unit, dimension) DO UPDATE SET done = excluded.done, by = excluded.by, at = excluded.at
                """, arguments: [unit, dimension.rawValue, done, context.actor, context.now()])
        try audit(
            .progress, .progress(unit: unit, dimension: dimension), nip: nil, old: old.map(AuditValue.done),
            new: .done(done), db)
    }

    /// The units below `unit` (at any depth) not marked done for `dimension`, as `nama (kode)`, by kode.
    func openSubunits(of unit: String, dimension: ProgressDimension, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                \(Self.subunitsCTE)
                SELECT u.nama || ' (' || u.kode || ')' FROM units u
                WHERE u.kode IN sub AND u.kode <> ?
                    AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.unit = u.kode AND p.dimension = ? AND p.done = 1)
                ORDER BY u.kode
                """, arguments: [unit, unit, dimension.rawValue])
    }

    /// Every unit's marks, by unit then dimension.
    public func progressMarks() throws -> [ProgressMark] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT unit, dimension, done, by, at FROM progress ORDER BY unit, dimension")
                .compactMap { row in
                    guard let dimension = ProgressDimension(rawValue: row[1]) else { return nil }
                    return ProgressMark(unit: row[0], dimension: dimension, done: row[2], by: row[3], at: row[4])
                }
        }
    }

    /// Records entered per unit (the employee's current unit) since a moment: one per
    /// `insert` audit row of a record, plus the rows of every import since then (an import's
    /// audit row carries its per-unit counts, so this stays one small query even after a
    /// million-row import). Undone inserts still count: the work was done (and a redone
    /// import is not counted twice).
    public func recordsEntered(since: Date) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in try recordEntries(since: since) { counts[entry.unit, default: 0] += entry.count }
        return counts
    }

    /// Records entered since a moment per unit and per actor, counted as
    /// ``recordsEntered(since:)`` counts them (an import counts for the actor who ran it).
    public func recordEntries(since: Date) throws -> [EntryCount] {
        try read { db in
            var counts: [EntryCount.Key: Int] = [:]
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.kode_unit, a.actor, COUNT(*) FROM audit a JOIN pegawai p ON p.nip = a.nip
                    WHERE a.at >= ? AND a.action = 'insert' AND a.entity IN (\(kinds))
                    GROUP BY p.kode_unit, a.actor
                    """, arguments: [since])
            {
                counts[EntryCount.Key(unit: row[0], actor: row[1]), default: 0] += row[2] as Int
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT actor, new_value FROM audit
                    WHERE at >= ? AND action = 'import' AND entity IN (\(kinds)) AND undoes IS NULL
                    """,
                arguments: [since])
            {
                let json: String = row[1]
                guard let summary = ImportSummaryFigures.of(json) else { continue }
                for (unit, n) in summary.byUnit { counts[EntryCount.Key(unit: unit, actor: row[0]), default: 0] += n }
            }
            return counts.map { EntryCount(unit: $0.key.unit, actor: $0.key.actor, count: $0.value) }
                .sorted { ($0.unit, $0.actor) < ($1.unit, $1.actor) }
        }
    }

    // MARK: Drafts

    /// Keeps `owner`'s unsaved form, replacing only their earlier draft of the same form.
    public func saveDraft(_ draft: Draft, owner: String) throws {
        let json = try RecordRows.json(draft)
        try transaction { db in
            try db.execute(
                sql: """
                    INSERT INTO drafts(owner, form_key, saved_at, json) VALUES (?, ?, ?, ?)
                    ON CONFLICT(owner, form_key) DO UPDATE SET saved_at = excluded.saved_at, json = excluded.json
                    """, arguments: [owner, draft.formKey, draft.savedAt, json])
        }
    }

    /// `owner`'s drafts, newest first, and one carried over from before drafts had owners.
    public func loadDrafts(owner: String) throws -> [Draft] {
        let texts = try read { db in
            try String.fetchAll(
                db, sql: "SELECT json FROM drafts WHERE owner IN (?, '') ORDER BY saved_at DESC, form_key",
                arguments: [owner])
        }
        return try texts.map { try JSONDecoder().decode(Draft.self, from: Data($0.utf8)) }
    }

    /// Forgets `owner`'s draft of one form (and the carried-over one of that form).
    public func clearDraft(owner: String, formKey: String) throws {
        try transaction {
            try $0.execute(
                sql: "DELETE FROM drafts WHERE owner IN (?, '') AND form_key = ?", arguments: [owner, formKey])
        }
    }
}
