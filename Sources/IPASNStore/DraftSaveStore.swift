import IPASNCore

/// A form's save that forgets the admin's draft of that form in the SAME transaction
/// (issue 14, branch save7). The workstation autosaves an open form as a draft every idle
/// tick, so when the admin saves, a draft is almost always there; clearing it in a second
/// transaction after the save was a second commit (on SQLite a second disk sync), and a crash
/// between the two left a draft of a record already saved (offered again on the next start).
///
/// Contract (docs/store.md, "A save forgets its form's draft"):
/// - ``add(_:clearingDraft:)`` is ``Store/add(_:)`` followed by
///   ``Store/clearDraft(owner:formKey:)`` of `draft`, in ONE transaction: the record
///   committed means the draft is gone, and the draft still there means nothing was saved.
/// - ``update(_:to:expecting:clearingDraft:)`` likewise: ``RecordEditStore/update(_:to:expecting:)``
///   (or ``Store/update(_:to:)`` when `original` is nil) and the clear, in one transaction.
/// - A refused save (validation, permission, a record edited meanwhile, an unknown record)
///   writes nothing and leaves the draft; the save's result, checks, rows, audit rows and
///   scores are exactly those of the save alone.
/// - Only `draft`'s owner's draft of that form (and the one carried over from before drafts
///   had owners) goes; other owners' and other forms' drafts stay. No draft: nothing to clear.
public protocol DraftSaveStore {
    /// Saves a new record and forgets `draft` (see the contract).
    func add(_ record: Record, clearingDraft draft: DraftKey) throws -> SaveResult
    /// Replaces record `id` and forgets `draft` (see the contract); with `original`, refused
    /// when the stored record is no longer it.
    func update(_ id: RecordID, to record: Record, expecting original: Record?, clearingDraft draft: DraftKey) throws
        -> SaveResult
}

/// One owner's draft of one form (``Draft/formKey``), as ``Store/clearDraft(owner:formKey:)`` names it.
public struct DraftKey: Hashable, Sendable {
    public var owner: String
    public var formKey: String

    public init(owner: String, formKey: String) {
        self.owner = owner
        self.formKey = formKey
    }
}
