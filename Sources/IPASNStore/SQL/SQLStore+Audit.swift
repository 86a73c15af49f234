import Foundation
import IPASNCore

/// The audit log's shared readers, the marks "selesai diinput" and the drafts, once for both
/// engines.
///
/// What stays in each engine is what differs: the audit row's writers (SQLite's prepared
/// statement taking a reserved id; PostgreSQL's statement sent with a save's other writes),
/// `auditLog(limit:)` and `progressMarks()` (PostgreSQL sends BEGIN, the query and COMMIT in
/// one pipelined round trip: the page and the dashboard read them on every open) and
/// `clearDraft` (PostgreSQL's unflushed one-round-trip delete).
extension SQLStore {
    /// The newest audit row's id: every change of data writes one, in every process, so it
    /// grows with each change (one index lookup).
    public func dataGeneration() throws -> Int64 {
        try sqlRead { try $0.fetchValue(Int64.self, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0 }
    }

    // MARK: Progress

    /// Marks (or reopens) one dimension of a unit as "selesai diinput", audited.
    /// Throws ``ValidationFailure`` (`.unknownUnit`) for an unknown unit, and when marking done
    /// while a sub-unit (at any depth) is not done for the dimension: a parent is done only
    /// when its sub-units are. Reopening a unit reopens the parents marked done above it.
    public func setProgress(unit: String, dimension: ProgressDimension, done: Bool) throws {
        try sqlWrite { db in
            // A dashboard opened before its unit was renamed marks the renamed unit.
            let (unit, exists) = try sqlUnitFollowingRename(unit, db)
            try sqlPermit(.progress(unit: unit), db)
            guard exists else { throw ValidationFailure([ValidationIssue(field: "kode", code: .unknownUnit(unit))]) }
            if done {
                let open = try openSubunits(of: unit, dimension: dimension, db)
                if !open.isEmpty {
                    let names = open.joined(separator: ", ")
                    throw ValidationFailure([
                        ValidationIssue(
                            field: "kode",
                            code: .custom(
                                id: "Sub-unit belum selesai diinput: \(names). Tandai sub-unitnya selesai dulu.",
                                en: "Sub-units not fully entered yet: \(names). Mark the sub-units first."))
                    ])
                }
            }
            if !done { try reopenParents(of: unit, dimension: dimension, db) }
            try writeProgress(unit: unit, dimension: dimension, done: done, db)
        }
    }

    /// Reopening a unit reopens every parent marked done above it, first, so that the unit's
    /// own row is the newest (undoing it leaves no parent done above an open unit).
    package func reopenParents(of unit: String, dimension: ProgressDimension, _ db: Connection) throws {
        var seen: Set<String> = [unit]
        var current = unit
        while let parent = try db.fetchValue(String.self, sql: "SELECT induk FROM units WHERE kode = ?", arguments: [current]),
            seen.insert(parent).inserted
        {
            let parentDone = try db.fetchValue(
                Bool.self, sql: "SELECT done FROM progress WHERE unit = ? AND dimension = ?",
                arguments: [parent, dimension.rawValue])
            if parentDone == true { try writeProgress(unit: parent, dimension: dimension, done: false, db) }
            current = parent
        }
    }

    /// Writes one mark and its audit row.
    package func writeProgress(unit: String, dimension: ProgressDimension, done: Bool, _ db: Connection) throws {
        let by = dialect.progressBy
        let old = try db.fetchValue(
            Bool.self, sql: "SELECT done FROM progress WHERE unit = ? AND dimension = ?", arguments: [unit, dimension.rawValue])
        try db.execute(
            sql: """
                INSERT INTO progress(unit, dimension, done, \(by), at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(unit, dimension) DO UPDATE SET done = excluded.done, \(by) = excluded.\(by), at = excluded.at
                """, arguments: [unit, dimension.rawValue, done, context.actor, context.now()])
        try sqlAudit(
            .progress, .progress(unit: unit, dimension: dimension), nip: nil, old: old.map(AuditValue.done),
            new: .done(done), batch: nil, db)
    }

    /// The units below `unit` (at any depth) not marked done for `dimension`, as `nama (kode)`, by kode.
    package func openSubunits(of unit: String, dimension: ProgressDimension, _ db: Connection) throws -> [String] {
        try db.fetchValues(
            String.self,
            sql: """
                \(dialect.subunits)
                SELECT u.nama || ' (' || u.kode || ')' FROM units u
                WHERE u.kode IN (SELECT kode FROM sub) AND u.kode <> ?
                    AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.unit = u.kode AND p.dimension = ? AND p.done = 1)
                ORDER BY u.kode
                """, arguments: [unit, unit, dimension.rawValue])
    }

    // MARK: Records entered

    /// Records entered per unit (the employee's current unit) since a moment: one per
    /// `insert` audit row of a record, plus the rows of every import since then (an import's
    /// audit row carries its per-unit counts, so this stays one small query even after a
    /// million-row import). Undone inserts still count: the work was done (and a redone
    /// import is not counted twice).
    public func recordsEntered(since: Date) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in try recordEntries(since: since) { counts[entry.unit, default: 0] += entry.count }
        return counts
    }

    /// Records entered since a moment per unit and per actor, counted as
    /// ``recordsEntered(since:)`` counts them (an import counts for the actor who ran it).
    public func recordEntries(since: Date) throws -> [EntryCount] {
        try sqlRead { db in
            var counts: [EntryCount.Key: Int] = [:]
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for row in try db.fetchAll(
                sql: """
                    SELECT p.kode_unit, a.actor, COUNT(*) FROM audit a JOIN pegawai p ON p.nip = a.nip
                    WHERE a.at >= ? AND a.action = 'insert' AND a.entity IN (\(kinds))
                    GROUP BY p.kode_unit, a.actor
                    """, arguments: [since])
            {
                counts[EntryCount.Key(unit: row[0], actor: row[1]), default: 0] += row[2] as Int
            }
            for row in try db.fetchAll(
                sql: """
                    SELECT actor, new_value FROM audit
                    WHERE at >= ? AND action = 'import' AND entity IN (\(kinds)) AND undoes IS NULL
                    """,
                arguments: [since])
            {
                let json: String = row[1]
                guard let summary = ImportSummaryFigures.of(json) else { continue }
                for (unit, n) in summary.byUnit { counts[EntryCount.Key(unit: unit, actor: row[0]), default: 0] += n }
            }
            return counts.map { EntryCount(unit: $0.key.unit, actor: $0.key.actor, count: $0.value) }
                .sorted { ($0.unit, $0.actor) < ($1.unit, $1.actor) }
        }
    }

    // MARK: Drafts

    /// Keeps `owner`'s unsaved form, replacing only their earlier draft of the same form.
    public func saveDraft(_ draft: Draft, owner: String) throws {
        let json = try StoreCodec.json(draft)
        try sqlWrite { db in
            _ = try db.execute(
                sql: """
                    INSERT INTO drafts(owner, form_key, saved_at, json) VALUES (?, ?, ?, ?)
                    ON CONFLICT(owner, form_key) DO UPDATE SET saved_at = excluded.saved_at, json = excluded.json
                    """, arguments: [owner, draft.formKey, draft.savedAt, json])
        }
    }

    /// `owner`'s drafts, newest first, and one carried over from before drafts had owners.
    public func loadDrafts(owner: String) throws -> [Draft] {
        let texts = try sqlRead { db in
            try db.fetchValues(
                String.self, sql: "SELECT json FROM drafts WHERE owner IN (?, '') ORDER BY saved_at DESC, form_key",
                arguments: [owner])
        }
        return try texts.map { try JSONDecoder().decode(Draft.self, from: Data($0.utf8)) }
    }
}
