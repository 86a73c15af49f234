import Foundation
import IPASNStore
import IPASNCore

/// The audit rows' writers and the reads PostgreSQL answers in one pipelined round trip; the
/// rest of the area (progress marks, records entered, drafts) is `SQLStore+Audit`, shared with SQLite.
extension PostgresStore {
    /// Writes one audit row in the current transaction, stamped with the context's actor,
    /// session and clock.
    /// `id`: the row's id when reserved beforehand (an employee import's, whose changes are
    /// written under it first: ``EmployeeImportChangesStore``); nil takes the next one.
    func audit(
        _ action: AuditAction, _ subject: AuditSubject, nip: String?, old: AuditValue?, new: AuditValue?,
        undoes: Int64? = nil, batch: Int64? = nil, id: Int64? = nil, _ db: PGConnection
    ) throws {
        let statement = try auditStatement(action, subject, nip: nip, old: old, new: new, undoes: undoes, batch: batch)
        guard let id else {
            try db.execute(sql: statement.sql, arguments: statement.arguments)
            return
        }
        let sql = statement.sql.replacingOccurrences(of: "INSERT INTO audit(", with: "INSERT INTO audit(id, ")
            .replacingOccurrences(of: "VALUES (", with: "VALUES (?, ")
        try db.execute(sql: sql, arguments: [id] + statement.arguments)
    }

    /// The statement of ``auditStatement(_:_:nip:old:new:undoes:batch:)``.
    static let auditInsertSQL = """
        INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session, undoes, batch)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The audit row's INSERT, to send with other statements (a save's one exchange of writes).
    func auditStatement(
        _ action: AuditAction, _ subject: AuditSubject, nip: String?, old: AuditValue?, new: AuditValue?,
        undoes: Int64? = nil, batch: Int64? = nil
    ) throws -> (sql: String, arguments: PGArguments) {
        let (entity, entityID) = StoreCodec.entity(subject)
        return (
            Self.auditInsertSQL,
            [
                context.now(), context.actor, action.rawValue, entity, entityID, nip,
                try old.map { try StoreCodec.auditText($0, subject) }, try new.map { try StoreCodec.auditText($0, subject) },
                context.session, undoes, batch,
            ]
        )
    }

    /// The statement of ``auditLog(limit:)``.
    static let auditLogSQL = "SELECT \(PGAuditRows.columns) FROM audit a ORDER BY a.id DESC LIMIT ?"

    /// The most recent audit rows, newest first.
    public func auditLog(limit: Int) throws -> [AuditEntry] {
        // One round trip with the snapshot's BEGIN and COMMIT (the page asks after each save).
        let rows = try readPipelined([(Self.auditLogSQL, [max(0, limit)])])[0]
        return try (0..<rows.count).map { try PGAuditRows.entry(PGRow(result: rows, index: $0)) }
    }

    /// Every unit's marks, by unit then dimension.
    public func progressMarks() throws -> [ProgressMark] {
        // One round trip (BEGIN, the query and COMMIT pipelined): the dashboard reads it on every open.
        let result = try readPipelined([("SELECT unit, dimension, done, marked_by, at FROM progress ORDER BY unit, dimension", [])])[0]
        return (0..<result.count).compactMap { index in
            let row = PGRow(result: result, index: index)
            guard let dimension = ProgressDimension(rawValue: row[1]) else { return nil }
            return ProgressMark(unit: row[0], dimension: dimension, done: row[2], by: row[3], at: row[4])
        }
    }

    /// Forgets `owner`'s draft of one form (and the carried-over one of that form).
    ///
    /// Outside a transaction this is ONE round trip (BEGIN, the DELETE and COMMIT pipelined),
    /// without the store's write lock (a draft is its owner's alone) and without waiting for the
    /// disk flush (`synchronous_commit = off` for this transaction only): it runs after every
    /// save, and the save itself was flushed. A server crash in the next fraction of a second
    /// can at worst bring the draft back, which the form offers again and a second save of it
    /// meets the duplicate check; nothing saved can be lost by it.
    public func clearDraft(owner: String, formKey: String) throws {
        try writeUnflushed([(Self.clearDraftSQL, [owner, formKey])])
    }

    /// The statement of ``clearDraft(owner:formKey:)``.
    static let clearDraftSQL = "DELETE FROM drafts WHERE owner IN (?, '') AND form_key = ?"
}
