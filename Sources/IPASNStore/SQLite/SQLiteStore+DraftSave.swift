import GRDB
import IPASNCore

extension SQLiteStore: DraftSaveStore {
    /// ``DraftSaveStore``: the save and its form's draft's DELETE in one transaction, so one
    /// commit and one disk sync (the draft's own transaction was a second sync when a draft
    /// was there, as it mostly is: the workstation autosaves an open form on idle ticks).
    public func add(_ record: IPASNCore.Record, clearingDraft draft: DraftKey) throws -> SaveResult {
        try transaction { db in
            let result = try add(record, db)
            try forget(draft, db)
            return result
        }
    }

    public func update(
        _ id: RecordID, to record: IPASNCore.Record, expecting original: IPASNCore.Record?, clearingDraft draft: DraftKey
    ) throws -> SaveResult {
        try transaction { db in
            let result = try update(id, to: record, checking: original, db)
            try forget(draft, db)
            return result
        }
    }

    /// Deletes `draft` (and the one carried over from before drafts had owners) inside the
    /// caller's transaction: ``Store/clearDraft(owner:formKey:)``'s statement.
    func forget(_ draft: DraftKey, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM drafts WHERE owner IN (?, '') AND form_key = ?")
            .execute(arguments: [draft.owner, draft.formKey])
    }
}
