import Foundation
import IPASNCore
import IPASNStore

/// ``ChangeSinceStore`` on PostgreSQL, natively (as SQLite's `SQLiteStore+ChangeSince.swift`),
/// instead of the generic ``ChangeSinceFromAudit`` that reads the whole audit log since the
/// moment and every pending record: `ipasn report pending --since` is a few indexed queries.
/// The conformance suite (`StoreConformance+ChangeSince.swift`) pins the same answers on both engines.
extension PostgresStore {
    /// The SQL condition "record `r` of `kind` was touched on or after the moment" (docs/store.md,
    /// "Changes since a day"), with one moment argument: one of its own audit rows (not a
    /// verdict), read once through `audit_entity`/`audit_at`, not per record; or the id range of an
    /// import (or the redo of one) since the moment, given as constants (`ranges`, read before).
    static func touchedSince(_ alias: String, _ kind: RecordKind, ranges: [ClosedRange<Int64>]) -> String {
        let own = """
            \(alias).id IN (SELECT a.entity_id::bigint FROM audit a
                     WHERE a.at >= ? AND a.entity = '\(kind.rawValue)' AND a.entity_id <> ''
                       AND a.action NOT IN ('verify', 'confirm'))
            """
        return "(" + ([own] + ranges.map { "\(alias).id BETWEEN \($0.lowerBound) AND \($0.upperBound)" }).joined(separator: " OR ") + ")"
    }

    /// The id ranges (`ids.first` ... `ids.last` of the import summary) of the record imports
    /// (and redone imports) since the moment, per kind. Only those rows' values (JSON objects) are parsed; `OFFSET 0` keeps the
    /// planner from moving the parse before the filter.
    private func importedRanges(since moment: Date, _ db: PGConnection) throws -> [RecordKind: [ClosedRange<Int64>]] {
        let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var ranges: [RecordKind: [ClosedRange<Int64>]] = [:]
        for row in try PGRow.fetchAll(
            db,
            sql: """
                SELECT s.entity, s.summary #>> '{ids,first}', s.summary #>> '{ids,last}' FROM (
                    SELECT entity, new_value::jsonb AS summary FROM audit
                    WHERE at >= ? AND action = 'import' AND entity IN (\(kinds)) AND new_value LIKE '{%' OFFSET 0) s
                WHERE s.summary #>> '{ids,first}' IS NOT NULL
                """, arguments: [moment])
        {
            guard let kind = RecordKind(rawValue: row[0]), let first = Int64(row[1] as String), let last = Int64(row[2] as String)
            else { continue }
            if last >= first { ranges[kind, default: []].append(first...last) }
        }
        return ranges
    }

    public func pendingCounts(changedSince moment: Date) throws -> [PendingCount] {
        try read { db in
            let ranges = try importedRanges(since: moment, db)
            return try pendingCounts(
                also: { kind in Self.touchedSince("r", kind, ranges: ranges[kind] ?? []) }, arguments: [moment], db)
        }
    }

    public func sentDeletions(kind: RecordKind?, unit: String?, deletedSince moment: Date) throws -> [SentDeletion] {
        let deletions = try sentDeletions(kind: kind, unit: unit)
        guard !deletions.isEmpty else { return [] }
        let deleted: Set<RecordID> = try read { db in
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            var ids = Set<RecordID>()
            // Deleted by hand, by a batch edit, or by the undo (or redo) of a record's change.
            let rows = try PGRow.fetchAll(
                db,
                sql: """
                    SELECT entity, entity_id FROM audit
                    WHERE at >= ? AND action IN ('delete', 'undo', 'redo') AND entity IN (\(kinds)) AND entity_id <> ''
                    """, arguments: [moment])
            for row in rows {
                if let kind = RecordKind(rawValue: row[0]), let id = Int64(row[1] as String) { ids.insert(RecordID(kind: kind, id: id)) }
            }
            // Removed with the undo of their import: the undone import's id range.
            let undone = try PGRow.fetchAll(
                db,
                sql: """
                    SELECT s.entity, s.summary #>> '{ids,first}', s.summary #>> '{ids,last}' FROM (
                        SELECT i.entity, i.new_value::jsonb AS summary
                        FROM audit a JOIN audit i ON i.id = a.undoes
                        WHERE a.at >= ? AND a.action = 'undo' AND a.entity IN (\(kinds)) AND a.entity_id = ''
                          AND i.new_value LIKE '{%' OFFSET 0) s
                    WHERE s.summary #>> '{ids,first}' IS NOT NULL
                    """, arguments: [moment])
            for row in undone {
                guard let kind = RecordKind(rawValue: row[0]), let first = Int64(row[1] as String), let last = Int64(row[2] as String)
                else { continue }
                for deletion in deletions where deletion.id.kind == kind && (first...max(first, last)).contains(deletion.id.id) {
                    ids.insert(deletion.id)
                }
            }
            return ids
        }
        return deletions.filter { deleted.contains($0.id) }
    }
}
