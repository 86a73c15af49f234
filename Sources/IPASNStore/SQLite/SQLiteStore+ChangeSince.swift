import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    /// The SQL condition "record `r` of `kind` was touched on or after the moment" (docs/store.md,
    /// "Changes since a day"), with one moment argument: one of its own audit rows (not a
    /// verdict), read once through `audit_at`, not per record; or the id range of an import
    /// (or the redo of one) since the moment, given as constants (`ranges`, read before).
    static func touchedSince(_ alias: String, _ kind: RecordKind, ranges: [ClosedRange<Int64>]) -> String {
        let own = """
            \(alias).id IN (SELECT CAST(a.entity_id AS INTEGER) FROM audit a
                     WHERE a.at >= ? AND a.entity = '\(kind.rawValue)' AND a.entity_id <> ''
                       AND a.action NOT IN ('verify', 'confirm'))
            """
        return "(" + ([own] + ranges.map { "\(alias).id BETWEEN \($0.lowerBound) AND \($0.upperBound)" }).joined(separator: " OR ") + ")"
    }

    /// The id ranges of the record imports (and redone imports) since the moment, per kind.
    private func importedRanges(since moment: Date, _ db: Database) throws -> [RecordKind: [ClosedRange<Int64>]] {
        let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var ranges: [RecordKind: [ClosedRange<Int64>]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT entity, json_extract(new_value, '$.ids.first'), json_extract(new_value, '$.ids.last') FROM audit
                WHERE at >= ? AND action = 'import' AND entity IN (\(kinds)) AND json_extract(new_value, '$.ids.first') IS NOT NULL
                """, arguments: [moment])
        {
            guard let kind = RecordKind(rawValue: row[0]) else { continue }
            let first: Int64 = row[1]
            let last: Int64 = row[2]
            if last >= first { ranges[kind, default: []].append(first...last) }
        }
        return ranges
    }

    public func pendingCounts(changedSince moment: Date) throws -> [PendingCount] {
        try read { db in
            let ranges = try importedRanges(since: moment, db)
            return try pendingCounts(
                also: { kind in Self.touchedSince("r", kind, ranges: ranges[kind] ?? []) }, arguments: [moment], SQLiteConnection(db))
        }
    }

    public func sentDeletions(kind: RecordKind?, unit: String?, deletedSince moment: Date) throws -> [SentDeletion] {
        let deletions = try sentDeletions(kind: kind, unit: unit)
        guard !deletions.isEmpty else { return [] }
        let deleted: Set<RecordID> = try read { db in
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            var ids = Set<RecordID>()
            // Deleted by hand, by a batch edit, or by the undo (or redo) of a record's change.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT entity, CAST(entity_id AS INTEGER) FROM audit
                    WHERE at >= ? AND action IN ('delete', 'undo', 'redo') AND entity IN (\(kinds)) AND entity_id <> ''
                    """, arguments: [moment])
            while let row = try rows.next() {
                if let kind = RecordKind(rawValue: row[0]) { ids.insert(RecordID(kind: kind, id: row[1])) }
            }
            // Removed with the undo of their import: the undone import's id range.
            let undone = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.entity, json_extract(i.new_value, '$.ids.first'), json_extract(i.new_value, '$.ids.last')
                    FROM audit a JOIN audit i ON i.id = a.undoes
                    WHERE a.at >= ? AND a.action = 'undo' AND a.entity IN (\(kinds)) AND a.entity_id = ''
                      AND json_extract(i.new_value, '$.ids.first') IS NOT NULL
                    """, arguments: [moment])
            for row in undone {
                guard let kind = RecordKind(rawValue: row[0]) else { continue }
                let first: Int64 = row[1]
                let last: Int64 = row[2]
                for deletion in deletions where deletion.id.kind == kind && (first...max(first, last)).contains(deletion.id.id) {
                    ids.insert(deletion.id)
                }
            }
            return ids
        }
        return deletions.filter { deleted.contains($0.id) }
    }
}
