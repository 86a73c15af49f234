import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    static let auditColumns = "a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.nip, a.old_value, a.new_value"

    static func auditEntry(_ row: Row) -> AuditEntry {
        AuditEntry(
            id: row[0], at: row[1], actor: row[2], action: row[3], entity: row[4], entityID: row[5], nip: row[6],
            oldValue: row[7], newValue: row[8])
    }

    /// Writes one audit row in the current transaction, stamped with the context's actor and clock.
    func audit(
        action: String, entity: String, entityID: String, nip: String?, old: String?, new: String?, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [context.now(), context.actor, action, entity, entityID, nip, old, new])
    }

    /// The most recent audit rows, newest first.
    public func auditLog(limit: Int) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.auditColumns) FROM audit a ORDER BY a.id DESC LIMIT ?", arguments: [max(0, limit)]
            ).map(Self.auditEntry)
        }
    }

    // MARK: Progress

    /// Marks (or reopens) one dimension of a unit as "selesai diinput", audited.
    /// Throws ``ValidationFailure`` (`.unknownUnit`) for an unknown unit, and when marking done
    /// while a sub-unit (at any depth) is not done for the dimension: a parent is done only
    /// when its sub-units are. Reopening a unit reopens the parents marked done above it.
    public func setProgress(unit: String, dimension: ProgressDimension, done: Bool) throws {
        try transaction { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [unit]) == true else {
                throw ValidationFailure([ValidationIssue(field: "kode", code: .unknownUnit(unit))])
            }
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
            if !done {
                // Reopening a unit reopens every parent marked done above it, first, so that the
                // unit's own row is the newest (undoing it leaves no parent done above an open unit).
                var seen: Set<String> = [unit]
                var current = unit
                while let parent = try String.fetchOne(db, sql: "SELECT induk FROM units WHERE kode = ?", arguments: [current]),
                    seen.insert(parent).inserted
                {
                    let parentDone = try Bool.fetchOne(
                        db, sql: "SELECT done FROM progress WHERE unit = ? AND dimension = ?",
                        arguments: [parent, dimension.rawValue])
                    if parentDone == true { try writeProgress(unit: parent, dimension: dimension, done: false, db) }
                    current = parent
                }
            }
            try writeProgress(unit: unit, dimension: dimension, done: done, db)
        }
    }

    /// Writes one mark and its audit row.
    private func writeProgress(unit: String, dimension: ProgressDimension, done: Bool, _ db: Database) throws {
        let old = try Bool.fetchOne(
            db, sql: "SELECT done FROM progress WHERE unit = ? AND dimension = ?", arguments: [unit, dimension.rawValue])
        try db.execute(
            sql: """
                INSERT INTO progress(unit, dimension, done, by, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(unit, dimension) DO UPDATE SET done = excluded.done, by = excluded.by, at = excluded.at
                """, arguments: [unit, dimension.rawValue, done, context.actor, context.now()])
        try audit(
            action: "progress", entity: "progress", entityID: "\(unit)/\(dimension.rawValue)", nip: nil,
            old: old.map { $0 ? "true" : "false" }, new: done ? "true" : "false", db)
    }

    /// The units below `unit` (at any depth) not marked done for `dimension`, as `nama (kode)`, by kode.
    func openSubunits(of unit: String, dimension: ProgressDimension, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                \(Self.subunitsCTE)
                SELECT u.nama || ' (' || u.kode || ')' FROM units u
                WHERE u.kode IN sub AND u.kode <> ?
                    AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.unit = u.kode AND p.dimension = ? AND p.done = 1)
                ORDER BY u.kode
                """, arguments: [unit, unit, dimension.rawValue])
    }

    /// Every unit's marks, by unit then dimension.
    public func progressMarks() throws -> [ProgressMark] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT unit, dimension, done, by, at FROM progress ORDER BY unit, dimension")
                .compactMap { row in
                    guard let dimension = ProgressDimension(rawValue: row[1]) else { return nil }
                    return ProgressMark(unit: row[0], dimension: dimension, done: row[2], by: row[3], at: row[4])
                }
        }
    }

    /// Records entered per unit (the employee's current unit) since a moment: one per
    /// `insert` audit row of a record, plus the rows of every import since then (an import's
    /// audit row carries its per-unit counts, so this stays one small query even after a
    /// million-row import). Undone inserts still count: the work was done.
    public func recordsEntered(since: Date) throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.kode_unit, COUNT(*) FROM audit a JOIN pegawai p ON p.nip = a.nip
                    WHERE a.at >= ? AND a.action = 'insert' AND a.entity IN (\(kinds))
                    GROUP BY p.kode_unit
                    """, arguments: [since])
            {
                counts[row[0], default: 0] += row[1] as Int
            }
            for json in try String.fetchAll(
                db,
                sql: "SELECT new_value FROM audit WHERE at >= ? AND action = 'import' AND entity IN (\(kinds))",
                arguments: [since])
            {
                guard let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(json.utf8)) else { continue }
                for (unit, n) in summary.byUnit { counts[unit, default: 0] += n }
            }
            return counts
        }
    }

    // MARK: Drafts

    /// Keeps one unsaved form (replacing any earlier one).
    public func saveDraft(_ draft: Draft) throws {
        let json = try RecordRows.json(draft)
        try transaction { db in
            try db.execute(
                sql: "INSERT INTO draft(id, json) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json",
                arguments: [json])
        }
    }

    /// The kept form, or nil.
    public func loadDraft() throws -> Draft? {
        guard let json = try read({ try String.fetchOne($0, sql: "SELECT json FROM draft WHERE id = 1") }) else {
            return nil
        }
        return try JSONDecoder().decode(Draft.self, from: Data(json.utf8))
    }

    /// Forgets the kept form.
    public func clearDraft() throws {
        try transaction { try $0.execute(sql: "DELETE FROM draft") }
    }
}

/// The `new_value` of an import's audit row.
struct ImportSummary: Codable {
    var kind: String
    var imported: Int
    var issues: Int
    var skipInvalid: Bool
    /// Rows written per employee unit (record imports only).
    var byUnit: [String: Int]
    /// Pegawai imports: how many existing employees changed (their old values are the audit
    /// row's `old_value`, a ``PegawaiImportOldValues``) and how many were added.
    var changed: Int?
    var added: Int?
}
