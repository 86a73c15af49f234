import Foundation
import IPASNCore

/// What a verifikator narrows the queue of records not yet verified to. Every filter is
/// optional; all given filters must hold.
public struct QueueFilter: Hashable, Sendable {
    /// A unit and its sub-units (nil: every unit).
    public var unit: String?
    /// One kind of record (nil: every kind).
    public var kind: RecordKind?
    /// Only records entered or changed on or after this moment.
    public var since: Date?
    /// Only records whose last entry or change was by this login.
    public var touchedBy: String?

    public init(unit: String? = nil, kind: RecordKind? = nil, since: Date? = nil, touchedBy: String? = nil) {
        self.unit = unit
        self.kind = kind
        self.since = since
        self.touchedBy = touchedBy
    }
}

/// One record in the newest-first queue: the record and when and by whom it was last entered
/// or changed (nil for a record whose entry the audit log does not hold).
public struct QueueEntry: Hashable, Sendable {
    public var item: VerificationItem
    public var touchedAt: Date?
    public var touchedBy: String?

    public init(item: VerificationItem, touchedAt: Date?, touchedBy: String?) {
        self.item = item
        self.touchedAt = touchedAt
        self.touchedBy = touchedBy
    }
}

/// A page of the queue: the first entries, how many records match the filter, and how many
/// are waiting in the unit at all (the filter's unit only).
public struct QueuePage: Hashable, Sendable {
    public var entries: [QueueEntry]
    /// Records not yet verified that match every filter: exact without `since` and `by` (kept
    /// per unit and kind); with either, counted up to ``matchingCap`` (``moreMatching`` when
    /// more match).
    public var matching: Int
    /// Records not yet verified in the filter's unit (kind, since and who ignored).
    public var total: Int
    /// More than ``matchingCap`` records match a `since` or `by` filter; `matching` is the cap
    /// (shown as "1.000+").
    public var moreMatching: Bool

    /// How far a `since` or `by` filter's matching records are counted: more than a
    /// verifikator's day of work (a page is 200), so "1.000+" tells all that is needed, and the
    /// count reads at most this many rows more than the page does (docs/store.md, "Queue
    /// filters at province scale").
    public static let matchingCap = 1_000

    public init(entries: [QueueEntry], matching: Int, total: Int, moreMatching: Bool = false) {
        self.entries = entries
        self.matching = matching
        self.total = total
        self.moreMatching = moreMatching
    }

    /// `matching` and `moreMatching` of a filter: `counted` as is without `since` and `by`;
    /// with either (`narrowed`), at most ``matchingCap`` (`counted` was counted up to the cap
    /// and one more).
    public static func matching(_ counted: Int, narrowed: Bool) -> (matching: Int, more: Bool) {
        narrowed && counted > matchingCap ? (matchingCap, true) : (counted, false)
    }
}

/// The verifikator's queue, newest first, at province scale (a province has 500 and more
/// records waiting; what came in today must not be buried under last month's). The full
/// contract is `docs/store.md`, "The verifikator's queue, newest first"; the conformance suite
/// checks it (`StoreConformance+Queue.swift`).
///
/// A record's **touch** is the newest audit entry that entered or changed its content: its
/// insert, update, or an undo or redo that set its values (never a verdict or a document
/// mark, nor the undo of its delete, which puts it back as it was entered), or the record
/// import (or redo of one) that wrote it when nothing touched it since.
public protocol VerificationQueueStore: AnyObject, Sendable {
    /// The records not yet verified (``VerificationStatus/belum``) of active employees that
    /// match `filter`, the newest touch first (then kind order pendidikan, diklat, SKP,
    /// hukuman, then the newest id first; records without a known touch last), at most
    /// `limit`, with the counts of ``QueuePage``.
    func verificationQueue(_ filter: QueueFilter, limit: Int) throws -> QueuePage
}

/// ``VerificationQueueStore`` for any store through the rest of the protocol: every record
/// waiting in the unit (``VerificationStore/verificationQueue(unit:status:limit:)``) and the
/// whole audit log for the touches. Correct, but it reads every audit row: both stores answer
/// with indexed queries (`record_touch`, `touch_ranges`); SQLite falls back to this for a file
/// opened for reading that predates its migration, and the conformance suite checks every
/// store's pages against it.
public enum QueueFromAudit {
    public static func page(_ store: some Store, filter: QueueFilter, limit: Int) throws -> QueuePage {
        let waiting = try store.verificationQueue(unit: filter.unit, status: .belum, limit: Int.max)
        var touches: [RecordID: (at: Date, actor: String)] = [:]
        var ranges: [(ids: ImportedIDs, at: Date, actor: String)] = []
        // Oldest first, so that a newer touch replaces an older one.
        for entry in try store.auditLog(limit: Int.max).reversed() {
            switch (entry.action, entry.subject) {
            case (.undo, .record) where entry.old == nil:
                continue  // an undone delete: the record keeps who entered it (migration `2026-12-03-ux9`)
            case (.insert, .record(let id)), (.update, .record(let id)), (.undo, .record(let id)), (.redo, .record(let id)):
                touches[id] = (entry.at, entry.actor)
            case (.import, .importFile), (.redo, .importFile):
                if case .importSummary(let summary) = entry.new, let ids = summary.ids { ranges.append((ids, entry.at, entry.actor)) }
            default: continue
            }
        }
        func touch(_ id: RecordID) -> (at: Date, actor: String)? {
            if let own = touches[id] { return own }
            return ranges.last { $0.ids.kind == id.kind && $0.ids.first <= id.id && id.id <= $0.ids.last }.map { ($0.at, $0.actor) }
        }
        var entries: [QueueEntry] = []
        for item in waiting where filter.kind == nil || item.id.kind == filter.kind {
            let found = touch(item.id)
            if let since = filter.since, (found?.at ?? .distantPast) < since { continue }
            if let by = filter.touchedBy, found?.actor != by { continue }
            entries.append(QueueEntry(item: item, touchedAt: found?.at, touchedBy: found?.actor))
        }
        entries.sort(by: newestFirst)
        let counted = QueuePage.matching(entries.count, narrowed: filter.since != nil || filter.touchedBy != nil)
        return QueuePage(
            entries: Array(entries.prefix(max(0, limit))), matching: counted.matching, total: waiting.count, moreMatching: counted.more)
    }

    /// The queue's order: the newest touch first, then kind order, then the newest id.
    public static func newestFirst(_ a: QueueEntry, _ b: QueueEntry) -> Bool {
        switch (a.touchedAt, b.touchedAt) {
        case (let x?, let y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let ka = RecordKind.allCases.firstIndex(of: a.item.id.kind) ?? 0
        let kb = RecordKind.allCases.firstIndex(of: b.item.id.kind) ?? 0
        if ka != kb { return ka < kb }
        return a.item.id.id > b.item.id.id
    }
}
