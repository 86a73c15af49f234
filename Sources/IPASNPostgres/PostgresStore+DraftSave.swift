import IPASNCore
import IPASNStore

extension PostgresStore: DraftSaveStore {
    /// ``DraftSaveStore``: the draft's DELETE rides in the save's last exchange, before its
    /// durable COMMIT (no round trip of its own; the separate clear was one more round trip
    /// and a commit that did not wait for the disk, so a crash could leave the draft behind).
    public func add(_ record: IPASNCore.Record, clearingDraft draft: DraftKey) throws -> SaveResult {
        try addPipelined(record, also: [(Self.clearDraftSQL, [draft.owner, draft.formKey])])
    }

    public func update(
        _ id: RecordID, to record: IPASNCore.Record, expecting original: IPASNCore.Record?, clearingDraft draft: DraftKey
    ) throws -> SaveResult {
        try update(id, to: record, checking: original, also: [(Self.clearDraftSQL, [draft.owner, draft.formKey])])
    }
}
