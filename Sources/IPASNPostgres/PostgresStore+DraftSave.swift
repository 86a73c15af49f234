import IPASNCore
import IPASNStore

extension PostgresStore: DraftSaveStore {
    /// ``DraftSaveStore``: the draft's DELETE rides in the save's last exchange (its only one
    /// after a save of the same employee, PostgresStore+OneTrip), before its
    /// durable COMMIT (no round trip of its own; the separate clear was one more round trip
    /// and a commit that did not wait for the disk, so a crash could leave the draft behind).
    public func add(_ record: IPASNCore.Record, clearingDraft draft: DraftKey) throws -> SaveResult {
        let clear: [(sql: String, arguments: PGArguments)] = [(Self.clearDraftSQL, [draft.owner, draft.formKey])]
        return try addInOneTrip(record, also: clear) ?? addPipelined(record, also: clear)
    }

    public func update(
        _ id: RecordID, to record: IPASNCore.Record, expecting original: IPASNCore.Record?, clearingDraft draft: DraftKey
    ) throws -> SaveResult {
        try update(id, to: record, checking: original, also: [(Self.clearDraftSQL, [draft.owner, draft.formKey])])
    }
}
