import Foundation
import IPASNCore

/// What a store tells about the records entered, changed or deleted since a moment: the
/// "since" of the reports (`ipasn report pending --since`). The full contract is
/// `docs/store.md`, "Changes since a day"; the conformance suite checks it
/// (`StoreConformance+ChangeSince.swift`).
///
/// A record is **touched since** a moment when, on or after it, it was entered (typed, added
/// in a bulk entry, imported, or put back by the redo of an import), its content changed (an
/// update, an undo or redo that restored or reverted it), or it was deleted (a delete, the undo
/// of its entry, the undo of its import). A verdict or a document mark is no change of
/// content: it does not touch a record. The audit log is the source of truth (every one of
/// those writes an audit row in its transaction).
public protocol ChangeSinceStore: AnyObject, Sendable {
    /// As ``ExportTrackingStore/pendingCounts()``, counting only the pending records touched
    /// on or after `moment`. `oldestEntered` is still the FIRST entry of the oldest of them
    /// (a record entered long ago and changed since counts with its first entry).
    func pendingCounts(changedSince moment: Date) throws -> [PendingCount]
    /// As ``ExportTrackingStore/sentDeletions(kind:unit:)``, listing only the records deleted
    /// on or after `moment`.
    func sentDeletions(kind: RecordKind?, unit: String?, deletedSince moment: Date) throws -> [SentDeletion]
}

extension Store {
    /// A store without its own implementation: ``ChangeSinceFromAudit/pendingCounts(_:changedSince:)``.
    public func pendingCounts(changedSince moment: Date) throws -> [PendingCount] {
        try ChangeSinceFromAudit.pendingCounts(self, changedSince: moment)
    }

    /// A store without its own implementation: ``ChangeSinceFromAudit/sentDeletions(_:kind:unit:deletedSince:)``.
    public func sentDeletions(kind: RecordKind?, unit: String?, deletedSince moment: Date) throws -> [SentDeletion] {
        try ChangeSinceFromAudit.sentDeletions(self, kind: kind, unit: unit, deletedSince: moment)
    }
}

/// ``ChangeSinceStore`` for any store, through the rest of the ``Store`` protocol: every audit
/// row since the moment (``Store/auditLog(limit:)``) and the pending records per root unit.
/// Correct, but it reads every audit row since the moment (and back to the first entry of
/// every record touched since) and every pending record: a store overrides it with an indexed
/// query (SQLite does). `oldestEntered` is nil only when the log does not hold a record's entry.
public enum ChangeSinceFromAudit {
    public static func pendingCounts(_ store: some Store, changedSince moment: Date) throws -> [PendingCount] {
        let touched = try RecordTouches(store, since: moment)
        var counts: [PendingKey: (count: Int, oldest: Date?, unknown: Bool)] = [:]
        for root in try store.units() where root.induk == nil {
            var unitOf: [String: String] = [:]
            for pegawai in try store.pegawai(inUnit: root.kode, includeSubunits: true) { unitOf[pegawai.nip] = pegawai.kodeUnit }
            for record in try store.pendingRecords(unit: root.kode) where touched.contains(record.id) {
                guard let unit = unitOf[record.nip] else { continue }
                let key = PendingKey(unit: unit, kind: record.id.kind)
                var value = counts[key] ?? (0, nil, false)
                value.count += 1
                if let at = touched.entered(record.id) {
                    value.oldest = min(value.oldest ?? at, at)
                } else {
                    value.unknown = true
                }
                counts[key] = value
            }
        }
        let order = { (kind: RecordKind) in RecordKind.allCases.firstIndex(of: kind)! }
        return counts.map {
            PendingCount(
                unit: $0.key.unit, kind: $0.key.kind, count: $0.value.count, oldestEntered: $0.value.unknown ? nil : $0.value.oldest)
        }
        .sorted { ($0.unit, order($0.kind)) < ($1.unit, order($1.kind)) }
    }

    public static func sentDeletions(
        _ store: some Store, kind: RecordKind?, unit: String?, deletedSince moment: Date
    ) throws -> [SentDeletion] {
        let deletions = try store.sentDeletions(kind: kind, unit: unit)
        guard !deletions.isEmpty else { return [] }
        let touched = try RecordTouches(store, since: moment)
        return deletions.filter { touched.contains($0.id) }
    }
}

private struct PendingKey: Hashable {
    var unit: String
    var kind: RecordKind
}

/// The records the audit rows since a moment touched, and when each was first entered (for
/// the generic implementation): the log is read newest first, as far back as the first entry
/// of every touched record (or its beginning).
private struct RecordTouches {
    /// Touched records, with their first entry when found.
    private var ids: [RecordID: Date?] = [:]
    /// Imports (not redone ones) since the moment: every record of their range is touched.
    private var ranges: [(ids: ImportedIDs, at: Date)] = []

    init(_ store: some Store, since moment: Date) throws {
        var limit = 4_096
        while true {
            let entries = try store.auditLog(limit: limit)
            self = RecordTouches()
            read(entries, since: moment)
            let exhausted = entries.count < limit
            let sinceRead = entries.last.map { $0.at < moment } ?? true
            if exhausted || (sinceRead && !ids.values.contains { $0 == nil }) { return }
            limit *= 4
        }
    }

    private init() {}

    private mutating func read(_ entries: [AuditEntry], since moment: Date) {
        for entry in entries where entry.at >= moment {
            switch (entry.action, entry.subject) {
            case (.verify, _), (.confirm, _): continue
            case (_, .record(let id)): if ids[id] == nil { ids[id] = .some(nil) }
            case (.import, .importFile(_)):
                if case .importSummary(let summary) = entry.new, let range = summary.ids {
                    ranges.append((range, entry.at))
                }
            case (.undo, .importFile(_)):
                if case .records(let records) = entry.old {
                    for record in records {
                        let id = RecordID(kind: record.value.kind, id: record.id)
                        if ids[id] == nil { ids[id] = .some(nil) }
                    }
                }
            default: continue
            }
        }
        // First entries: a record's insert, or the import (not a redo) that wrote it.
        for entry in entries {
            switch (entry.action, entry.subject) {
            case (.insert, .record(let id)): if ids[id] != nil { ids[id] = .some(entry.at) }
            case (.import, .importFile(_)):
                guard entry.undoes == nil, case .importSummary(let summary) = entry.new, let range = summary.ids else { continue }
                for (id, _) in ids where id.kind == range.kind && range.first <= id.id && id.id <= range.last {
                    ids[id] = .some(entry.at)
                }
            default: continue
            }
        }
    }

    func contains(_ id: RecordID) -> Bool {
        ids[id] != nil || ranges.contains { $0.ids.kind == id.kind && $0.ids.first <= id.id && id.id <= $0.ids.last }
    }

    /// When the record was first entered; nil when the log does not say.
    func entered(_ id: RecordID) -> Date? {
        if let at = ids[id], let at { return at }
        return ranges.filter { $0.ids.kind == id.kind && $0.ids.first <= id.id && id.id <= $0.ids.last }.map(\.at).min()
    }
}
