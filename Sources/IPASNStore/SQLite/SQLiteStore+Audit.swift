import Foundation
import GRDB
import IPASNCore

/// The audit rows' writers and the reads an engine does its own way; the rest of the area
/// (progress marks, records entered, drafts) is `SQLStore+Audit`, shared with PostgreSQL.
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

    /// The most recent audit rows, newest first.
    public func auditLog(limit: Int) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(AuditRows.columns) FROM audit a ORDER BY a.id DESC LIMIT ?", arguments: [max(0, limit)]
            ).map(AuditRows.entry)
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

    /// Forgets `owner`'s draft of one form (and the carried-over one of that form).
    public func clearDraft(owner: String, formKey: String) throws {
        try transaction { try forget(DraftKey(owner: owner, formKey: formKey), $0) }
    }
}
