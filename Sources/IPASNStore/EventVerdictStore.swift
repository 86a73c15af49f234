import Foundation
import IPASNCore

/// One verdict for a whole event (branch polish): a sosialisasi for forty participants is
/// forty diklat records whose one certificate list covers everyone, so the verifikator judges
/// the event once instead of forty times. The contract is `docs/store.md`, "A verdict for a
/// whole event"; the conformance behaviours are in `StoreConformance+EventVerdict.swift`.
///
/// - **An event** is a batch (``Store/addBatch(_:label:)``, its later additions counted: the
///   batch's members, ``BatchEditStore``), or, for a diklat of no batch, every diklat with the
///   same name (``DuplicateKey/normalizedName(_:)``), start and end date and organiser. Only
///   diklat records make events.
/// - **Waiting** members (belum, of an active employee) are judged; the others (already
///   judged, or of an employee who left) are left alone and counted as skipped.
/// - **The verdict** is ``VerificationStore/setVerification(_:status:reason:)``'s, record by
///   record, in ONE transaction: one `verify` audit entry per record judged, exactly as a
///   single verdict writes it, plus the id of the event verdict (a ``BatchInfo`` named after
///   the course) in ``AuditEntry/batch``. The permission (verifikator or operator) is checked
///   for every record in the transaction.
/// - **Undo**: the verifikator's ``Store/undoLast(session:)`` takes the whole event verdict
///   back in one step (every record to the verification it had, only when each still has the
///   verdict the event gave, else ``StoreError/changedSince(by:)``); ``Store/redoLast(session:)``
///   gives it again. A single verdict stays out of undo.
/// - **What an undo would do to verdicts**: ``verdictChanges(undo:session:)`` names, before
///   anything is undone or redone, the records whose verdict the next undo (or redo) would
///   bring back or take away, so a front end can say so in its question.
public protocol EventVerdictStore: AnyObject, Sendable {
    /// The event `record` belongs to; nil for a record of no event (not a diklat, unknown).
    func verdictEvent(containing record: RecordID) throws -> VerdictEvent?
    /// The event of a batch (the batch's diklat members); nil for an unknown batch, an edit's
    /// id, or a batch without diklat.
    func verdictEvent(batch: Int64) throws -> VerdictEvent?
    /// Gives `status` (``VerificationStatus/memenuhi`` or ``VerificationStatus/tidak``, which
    /// needs a reason) to every waiting record of the event, found again in the transaction.
    /// Throws ``ValidationFailure`` (field `alasan`) for a missing reason or a `belum` status,
    /// ``StoreError/recordNotFound(_:)`` when the event is gone, ``StoreError/notPermitted(_:)``.
    @discardableResult
    func setEventVerdict(_ event: VerdictEvent.Key, status: VerificationStatus, reason: String) throws -> EventVerdictResult
    /// The verdicts the session's next undo (`undo` true) or redo would change: for each record
    /// concerned, its verification now and after (nil: the record is gone). Empty when the
    /// change touches no verdict.
    func verdictChanges(undo: Bool, session: String) throws -> [VerdictChange]
}

/// An event's records as the verifikator judges them.
public struct VerdictEvent: Hashable, Sendable {
    /// How an event is named to the store.
    public enum Key: Hashable, Sendable {
        /// A batch (by id), its later additions counted.
        case batch(Int64)
        /// The event of this record (its batch, or the diklat sharing its course).
        case record(RecordID)
    }

    public var key: Key
    /// The course: its name, dates and organiser (the first member's).
    public var course: Diklat
    /// The batch the event is, when it is one.
    public var batch: Int64?
    /// The members waiting for a verdict (belum, of active employees), by kind and id.
    public var waiting: [RecordID]
    /// The members left alone: already judged, or of an employee who left.
    public var skipped: Int

    public init(key: Key, course: Diklat, batch: Int64?, waiting: [RecordID], skipped: Int) {
        self.key = key
        self.course = course
        self.batch = batch
        self.waiting = waiting
        self.skipped = skipped
    }
}

/// What ``EventVerdictStore/setEventVerdict(_:status:reason:)`` did.
public struct EventVerdictResult: Hashable, Sendable {
    /// The event verdict's id (carried by its audit entries); nil when nothing was judged.
    public var verdict: Int64?
    /// Records judged now.
    public var judged: Int
    /// Records left alone (already judged, or of an employee who left).
    public var skipped: Int

    public init(verdict: Int64?, judged: Int, skipped: Int) {
        self.verdict = verdict
        self.judged = judged
        self.skipped = skipped
    }
}

/// One record whose verdict an undo or redo would change.
public struct VerdictChange: Hashable, Sendable {
    public var id: RecordID
    public var now: RecordVerification
    /// Its verification afterwards; nil when the record will be gone.
    public var after: RecordVerification?

    public init(id: RecordID, now: RecordVerification, after: RecordVerification?) {
        self.id = id
        self.now = now
        self.after = after
    }
}
