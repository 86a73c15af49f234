import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    static let auditColumns =
        "a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.nip, a.old_value, a.new_value, a.session, a.undoes"

    static func auditEntry(_ row: Row) -> AuditEntry {
        AuditEntry(
            id: row[0], at: row[1], actor: row[2], action: row[3], entity: row[4], entityID: row[5], nip: row[6],
            oldValue: row[7], newValue: row[8], session: row[9], undoes: row[10])
    }

    /// Writes one audit row in the current transaction, stamped with the context's actor,
    /// session and clock.
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
                db, sql: "SELECT \(Self.auditColumns) FROM audit a ORDER BY a.id DESC LIMIT ?", arguments: [max(0, limit)]
            ).map(Self.auditEntry)
        }
    }

    // MARK: Progress

    /// Marks (or reopens) one dimension of a unit as "selesai diinput", audited.
    /// Throws ``ValidationFailure`` (`.unknownUnit`) for an unknown unit.
    public func setProgress(unit: String, dimension: ProgressDimension, done: Bool) throws {
        try transaction { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [unit]) == true else {
                throw ValidationFailure([ValidationIssue(field: "kode", code: .unknownUnit(unit))])
            }
            let old = try Bool.fetchOne(
                db, sql: "SELECT done FROM progress WHERE unit = ? AND dimension = ?", arguments: [unit, dimension.rawValue])
            try db.execute(
                sql: """
                    INSERT INTO progress(unit, dimension, done, by, at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(unit, dimension) DO UPDATE SET done = excluded.done, by = excluded.by, at = excluded.at
                    """, arguments: [unit, dimension.rawValue, done, context.actor, context.now()])
            try audit(
                action: "progress", entity: "progress", entityID: "\(unit)/\(dimension.rawValue)", nip: nil,
                old: old.map { $0 ? "true" : "false" }, new: done ? "true" : "false", db)
        }
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
        try read { db in
            var counts: [String: Int] = [:]
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.kode_unit, COUNT(*) FROM audit a JOIN pegawai p ON p.nip = a.nip
                    WHERE a.at >= ? AND a.action = 'insert' AND a.entity IN (\(kinds))
                    GROUP BY p.kode_unit
                    """, arguments: [since])
            {
                counts[row[0], default: 0] += row[1] as Int
            }
            for json in try String.fetchAll(
                db,
                sql: """
                    SELECT new_value FROM audit
                    WHERE at >= ? AND action = 'import' AND entity IN (\(kinds)) AND undoes IS NULL
                    """,
                arguments: [since])
            {
                guard let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(json.utf8)) else { continue }
                for (unit, n) in summary.byUnit { counts[unit, default: 0] += n }
            }
            return counts
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

/// The `new_value` of an import's audit row.
struct ImportSummary: Codable {
    var kind: String
    var imported: Int
    var issues: Int
    var skipInvalid: Bool
    /// Rows written per employee unit (record imports only).
    var byUnit: [String: Int]
    /// Record imports: per kind, the first and last id written (ids of one import are
    /// consecutive: they are given explicitly, never reused), so the import can be undone.
    var ids: [String: [Int64]]? = nil
    /// Unit and employee imports: every row the import added or changed, with its old and
    /// new values (JSON), so the change can be reviewed and undone. Unchanged rows are left out.
    var changes: [ImportChange]? = nil
}

/// One unit or employee an import added or changed.
struct ImportChange: Codable {
    /// The unit's kode or the employee's NIP.
    var key: String
    var old: String?
    var new: String
}
