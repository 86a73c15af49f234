import Foundation
import IPASNCore

/// Opening a batch again later ("Sosialisasi X, 23 peserta") and adding or removing a
/// participant: what a ``Store`` owes beyond ``Store/addBatch(_:label:)``. The contract is
/// `docs/store.md`, "Reopening a batch"; the conformance behaviours are in
/// `StoreConformance+BatchEdit.swift`.
///
/// A batch's **members** are the records its changes wrote (the first save and every later
/// addition) that still exist: a removed participant, or an undone addition, is no member;
/// an undone removal is one again. Each addition or removal is a change of its own: one
/// transaction, audited (each record's entry carries the id of that change,
/// ``BatchInfo/id``, whose ``BatchInfo/parent`` is the batch), and undone or redone as one
/// step, like the batch itself.
public protocol BatchEditStore: AnyObject, Sendable {
    /// The batches (never their later additions and removals), newest first, at most
    /// `limit`, each with its current member count and the record its first save wrote for
    /// its first participant (its course fields are every member's).
    func batches(limit: Int) throws -> [BatchSummary]
    /// One batch with its current members, by employee name then NIP; nil for an unknown
    /// id or for the id of an addition or removal.
    func batchMembers(_ batch: Int64) throws -> BatchContents?
    /// Adds the batch's record (its course fields, as first saved) for every employee of
    /// `nips` in ONE transaction, all or nothing, validated like ``Store/addBatch(_:label:)``
    /// (an employee who has the record already is `.duplicate(kind)`); throws
    /// ``BatchRefused`` (positions in `nips`) or ``ValidationFailure`` (an empty list, an
    /// unknown batch: `.required` on `nip`). Audited as one insert per record carrying the
    /// id of the addition (a new ``BatchInfo`` whose `parent` is `batch`), undone as one step.
    @discardableResult
    func addToBatch(_ batch: Int64, nips: [String]) throws -> BatchResult
    /// Deletes one member's record (the record must be a member of `batch`, else
    /// ``StoreError/recordNotFound(_:)``), audited as a delete carrying the id of the removal
    /// (a new ``BatchInfo`` whose `parent` is `batch`), and refreshes the employee's scores;
    /// undone as one step (the record comes back under its id, a member again).
    @discardableResult
    func removeFromBatch(_ batch: Int64, record: RecordID) throws -> SaveResult
    /// The batch (never an addition's or removal's id: the batch itself) whose change last
    /// wrote or restored `record`, when it is a member now; nil for a record of no batch.
    func batch(containing record: RecordID) throws -> Int64?
}

/// A batch as the batches list shows it.
public struct BatchSummary: Hashable, Sendable {
    public var info: BatchInfo
    /// Members now (additions and removals counted).
    public var members: Int
    /// The record the batch's first save wrote first (its kind, jenis, name and dates).
    public var template: Record?

    public init(info: BatchInfo, members: Int, template: Record?) {
        self.info = info
        self.members = members
        self.template = template
    }
}

/// A batch with its members.
public struct BatchContents: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public var id: RecordID
        public var record: Record
        public var pegawai: Pegawai

        public init(id: RecordID, record: Record, pegawai: Pegawai) {
            self.id = id
            self.record = record
            self.pegawai = pegawai
        }
    }

    public var summary: BatchSummary
    public var members: [Member]

    public init(summary: BatchSummary, members: [Member]) {
        self.summary = summary
        self.members = members
    }
}
