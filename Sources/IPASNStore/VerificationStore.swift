import Foundation
import IPASNCore

/// Verification of records (SIASN's verifikasi, done before the data leaves the office):
/// every record is *belum diverifikasi* until a verifikator finds it *memenuhi syarat* or
/// *tidak memenuhi syarat* (with a reason); a changed record is belum again. The full
/// contract is `docs/store.md`, "Verification"; the conformance suite checks it
/// (`StoreConformance+Verification.swift`).
///
/// - **Changed means belum.** Any change of a record's values (``Store/update(_:to:)``, an undo
///   or redo that sets its values back or again, a delete and its undo) returns it to
///   ``VerificationStatus/belum`` in the same transaction as the change (the verdict and its
///   reason are gone; the document-in-hand mark stays, the document did not change). Saving a
///   record unchanged keeps its verdict. A new record (added, batch, import) is belum.
/// - **Who.** Only a verifikator or an operator gives verdicts; an admin or a pimpinan is
///   refused with ``StoreError/notPermitted(_:)`` (``PermissionRule/verifiersOnly(_:)``).
///   The document-in-hand mark may be set by an operator, a verifikator, or an admin for the
///   records of their units (``PermissionRule/notYourUnit(_:)`` otherwise); a pimpinan only reads.
/// - **Audit.** Every verdict or document mark writes one ``AuditAction/verify`` entry per
///   record (subject ``AuditSubject/record(_:)``, old and new ``AuditValue/verification(_:)``),
///   in the transaction of the change. A verdict is not undone by undo (it is not data entry).
/// - **Scores.** Whether rejected records count is the ruleset's
///   (``VerificationRules/rejectedRecordsCount``; default no); unverified and accepted records
///   always count. The cached scores follow it: a verdict refreshes the employee's cached
///   scores in its own transaction. ``directUnitTotalsAsEntered(year:)`` gives the figures
///   as entered (every record counting), for the dashboard's comparison.
public protocol VerificationStore: AnyObject, Sendable {
    /// One record's verification (belum, no document, for a record never verified). Throws
    /// ``StoreError/recordNotFound(_:)`` for an unknown record.
    func verification(of id: RecordID) throws -> RecordVerification
    /// The verification of every record of one employee that is not plain belum without a
    /// document (absent ids are ``RecordVerification/unverified``).
    func verifications(nip: String) throws -> [RecordID: RecordVerification]
    /// Gives one verdict to one or many records in ONE transaction (all or nothing), one
    /// ``AuditAction/verify`` entry per record whose status or reason changes, and refreshes
    /// the employees' cached scores. `.tidak` needs a reason (``ValidationFailure``, field
    /// `alasan`, when blank); the reason is dropped for the other statuses; `.belum` clears a
    /// verdict. Returns how many records changed. Throws ``StoreError/recordNotFound(_:)``
    /// for an unknown id, ``StoreError/notPermitted(_:)`` for an admin or pimpinan.
    @discardableResult
    func setVerification(_ ids: [RecordID], status: VerificationStatus, reason: String) throws -> Int
    /// Marks whether a record's document is in hand, with an optional path (trimmed; empty
    /// for none), audited as ``AuditAction/verify``; the status does not change.
    func setDocument(_ id: RecordID, inHand: Bool, path: String) throws
    /// The records of a unit and its sub-units (nil: every unit) with one status, of active
    /// employees: for ``VerificationStatus/belum`` the oldest first (records never verified
    /// in the order they were entered, pendidikan, diklat, SKP, then hukuman; then those
    /// changed after a verdict, in the order they changed), for a verdict the oldest verdict
    /// first. At most `limit`.
    func verificationQueue(unit: String?, status: VerificationStatus, limit: Int) throws -> [VerificationItem]
    /// Per unit (by the employee's current unit, active employees, sub-units not folded in):
    /// the records by status and those with their document in hand. Units without records
    /// are absent.
    func verificationCounts() throws -> [String: VerificationCounts]
    /// The rejected records of these units and their sub-units (nil: every unit), with their
    /// reasons, the newest verdict first: what an admin must correct.
    func rejectedRecords(inUnits units: [String]?) throws -> [VerificationItem]
    /// ``Store/directUnitTotals(year:)`` with every record counting whatever its status (as
    /// entered). Equal to it when the ruleset counts rejected records.
    func directUnitTotalsAsEntered(year: Int) throws -> [String: ScoreTotals]
}

extension Store {
    /// ``Store/unitFigures(year:)`` as entered (see ``VerificationStore/directUnitTotalsAsEntered(year:)``).
    public func unitFiguresAsEntered(year: Int) throws -> [UnitFigure] {
        UnitAggregation.figures(units: try units(), direct: try directUnitTotalsAsEntered(year: year), ruleset: try ruleset())
    }
}
