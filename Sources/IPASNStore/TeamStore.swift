import Foundation
import IPASNCore

/// What a team on one database needs beyond entering data: who did what (activity counts per
/// unit and admin, net of undo), the history of an employee or a unit from the audit log
/// (keyset-paged), and the confirmation of "selesai diinput" marks by a verifikator.
///
/// The contract is `docs/store.md`, section "Team: activity, history, confirmed marks"; the
/// conformance behaviours are `StoreConformance.team` in IPASNTestSupport.
public protocol TeamStore: AnyObject, Sendable {
    /// Record changes in `[from, until)` per unit (the employee's current unit), actor and
    /// source (typed, imported, demo), counted from the audit log NET of undo: a change an
    /// undo reverted counts nothing (an entry then its undo is zero), a redo counts as the
    /// change it re-applies, when it was made. Sorted by unit, actor, source.
    func activity(from: Date, until: Date) throws -> [ActivityCount]
    /// The moment of each actor's newest audited change (any kind), by login; actors who
    /// never changed anything are absent.
    func lastActivity(actors: [String]) throws -> [String: Date]
    /// The verdicts given in `[from, until)` per unit (the employee's current unit) and
    /// verifikator: every ``AuditAction/verify`` entry whose new status is
    /// ``VerificationStatus/memenuhi`` (`verified`) or ``VerificationStatus/tidak``
    /// (`rejected`) and whose status or reason differs from the old one (a document mark
    /// leaves the status alone and counts nothing; taking a verdict back to belum counts
    /// nothing). Each verdict counts once, whatever happened to the record afterwards.
    /// Sorted by unit, actor.
    func verdicts(from: Date, until: Date) throws -> [VerdictCount]
    /// Audit entries about `subject`, newest first: at most `limit` entries with an id below
    /// `before` (nil: from the newest). Page on by passing the last entry's id as `before`.
    /// An employee's history is every entry whose ``AuditEntry/nip`` is theirs (their records
    /// and their own saves); a unit's is its employees' (as the units stand now, sub-units
    /// included) plus the unit's and its sub-units' own saves, progress marks and
    /// confirmations. Imports appear in neither (they are one entry per file).
    func history(_ subject: HistorySubject, before: Int64?, limit: Int) throws -> [AuditEntry]
    /// Confirms a unit's dimension marked "selesai diinput": verifikator or operator only
    /// (``PermissionRule/reviewerOnly``), audited as ``AuditAction/confirm``. Throws
    /// ``ValidationFailure`` (`.unknownUnit`, or a custom issue when the dimension is not
    /// marked done).
    func confirmProgress(unit: String, dimension: ProgressDimension) throws
    /// Reopens a unit's dimension marked done, with a reason (required): verifikator or
    /// operator only. Clears the mark (and the marks of parents above it, as
    /// ``Store/setProgress(unit:dimension:done:)`` does), audited as ``AuditAction/progress``.
    func reopenProgress(unit: String, dimension: ProgressDimension, reason: String) throws
    /// The confirmations and reopenings that still stand: the mark they were about has not
    /// been set again since. Ordered by unit, then dimension.
    func progressReviews() throws -> [ProgressReview]
}

/// Where a change came from.
public enum ActivitySource: String, CaseIterable, Hashable, Sendable, Codable {
    /// Typed in a form (the workstation's forms, bulk entry, the CLI's single changes).
    case typed
    /// A file import (its rows count as entered).
    case imported
    /// The demo sample.
    case demo
}

/// One (unit, actor, source)'s record changes in a period: what ``TeamStore/activity(from:until:)`` returns.
public struct ActivityCount: Hashable, Sendable {
    public var unit: String
    public var actor: String
    public var source: ActivitySource
    public var entered: Int
    public var changed: Int
    public var deleted: Int
    /// The newest counted change.
    public var last: Date?

    public init(
        unit: String, actor: String, source: ActivitySource, entered: Int = 0, changed: Int = 0, deleted: Int = 0,
        last: Date? = nil
    ) {
        self.unit = unit
        self.actor = actor
        self.source = source
        self.entered = entered
        self.changed = changed
        self.deleted = deleted
        self.last = last
    }
}

/// One (unit, verifikator)'s verdicts in a period: what ``TeamStore/verdicts(from:until:)`` returns.
public struct VerdictCount: Hashable, Sendable {
    public var unit: String
    public var actor: String
    /// Records found memenuhi syarat.
    public var verified: Int
    /// Records found tidak memenuhi syarat.
    public var rejected: Int
    /// The newest counted verdict.
    public var last: Date?

    public init(unit: String, actor: String, verified: Int = 0, rejected: Int = 0, last: Date? = nil) {
        self.unit = unit
        self.actor = actor
        self.verified = verified
        self.rejected = rejected
        self.last = last
    }
}

/// Whose history ``TeamStore/history(_:before:limit:)`` reads.
public enum HistorySubject: Hashable, Sendable {
    /// One employee, by NIP.
    case pegawai(String)
    /// A unit with its sub-units, by kode.
    case unit(String)
}

/// A verifikator's (or operator's) word on a unit's "selesai diinput" mark.
public struct ProgressReview: Hashable, Sendable {
    public var unit: String
    public var dimension: ProgressDimension
    /// True: confirmed; false: reopened (with ``reason``).
    public var confirmed: Bool
    public var by: String
    public var at: Date
    /// Why the mark was reopened; nil for a confirmation.
    public var reason: String?

    public init(unit: String, dimension: ProgressDimension, confirmed: Bool, by: String, at: Date, reason: String? = nil) {
        self.unit = unit
        self.dimension = dimension
        self.confirmed = confirmed
        self.by = by
        self.at = at
        self.reason = reason
    }
}
