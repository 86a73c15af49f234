import Foundation
import IPASNStore
import IPASNCore

extension PostgresStore: TeamStore {
    // MARK: Who did what

    /// Record changes in `[from, until)` per unit, actor and source, net of undo (see ``TeamStore``).
    public func activity(from: Date, until: Date) throws -> [ActivityCount] {
        try read { db in
            var counts: [ActivityKey: ActivityCount] = [:]
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            // A record row's kind of change by its values: a redo of an undone insert has no old
            // value, like the insert; an undone change (a live `undo` row points at it) is left out.
            // Grouped by employee first, then by their unit: one pass over the period's rows
            // on `audit_at`, the undone ones left out through the (small) set of undo targets.
            for row in try PGRow.fetchAll(
                db,
                sql: """
                    SELECT p.kode_unit, g.actor, g.kind, SUM(g.n), MAX(g.last) FROM (
                        SELECT a.nip, a.actor,
                            CASE WHEN a.old_value IS NULL THEN 0 WHEN a.new_value IS NULL THEN 2 ELSE 1 END AS kind,
                            COUNT(*) AS n, MAX(a.at) AS last
                        FROM audit a
                        WHERE a.at >= ? AND a.at < ? AND a.entity IN (\(kinds))
                            AND a.action IN ('insert', 'update', 'delete', 'redo')
                            AND a.id NOT IN (SELECT undoes FROM audit WHERE undoes IS NOT NULL AND action = 'undo')
                        GROUP BY a.nip, a.actor, kind
                    ) g JOIN pegawai p ON p.nip = g.nip
                    GROUP BY 1, 2, 3
                    """, arguments: [from, until])
            {
                let key = ActivityKey(unit: row[0], actor: row[1], source: .typed)
                var count = counts[key] ?? ActivityCount(unit: key.unit, actor: key.actor, source: .typed)
                let n: Int = row[3]
                switch row[2] as Int {
                case 0: count.entered += n
                case 2: count.deleted += n
                default: count.changed += n
                }
                count.last = Self.later(count.last, row[4])
                counts[key] = count
            }
            for row in try PGRow.fetchAll(
                db,
                sql: """
                    SELECT a.actor, a.new_value, a.at FROM audit a
                    WHERE a.at >= ? AND a.at < ? AND a.action = 'import' AND a.entity IN (\(kinds))
                        AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id AND u.action = 'undo')
                    """, arguments: [from, until])
            {
                let json: String = row[1]
                guard let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(json.utf8)) else { continue }
                let source: ActivitySource = summary.demo == true ? .demo : .imported
                for (unit, n) in summary.byUnit where n > 0 {
                    let key = ActivityKey(unit: unit, actor: row[0], source: source)
                    var count = counts[key] ?? ActivityCount(unit: unit, actor: key.actor, source: source)
                    count.entered += n
                    count.last = Self.later(count.last, row[2])
                    counts[key] = count
                }
            }
            return counts.values.sorted {
                ($0.unit, $0.actor, $0.source.order) < ($1.unit, $1.actor, $1.source.order)
            }
        }
    }

    private struct ActivityKey: Hashable {
        var unit: String
        var actor: String
        var source: ActivitySource
    }

    private static func later(_ a: Date?, _ b: Date?) -> Date? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }

    /// Each actor's newest audited change: one lookup per actor on `audit_actor(actor, id)`.
    /// The verdicts of the period per unit and verifikator (see ``TeamStore``): the verify
    /// entries' statuses read from their JSON values.
    public func verdicts(from: Date, until: Date) throws -> [VerdictCount] {
        try read { db in
            try PGRow.fetchAll(
                db,
                sql: """
                    SELECT p.kode_unit, g.actor, SUM(g.verified)::bigint, SUM(g.rejected)::bigint, MAX(g.last) FROM (
                        SELECT a.nip, a.actor,
                            COUNT(*) FILTER (WHERE a.new_value::jsonb ->> 'status' = 'memenuhi') AS verified,
                            COUNT(*) FILTER (WHERE a.new_value::jsonb ->> 'status' = 'tidak') AS rejected,
                            MAX(a.at) AS last
                        FROM audit a
                        WHERE a.at >= ? AND a.at < ? AND a.action = 'verify'
                            AND a.new_value::jsonb ->> 'status' IN ('memenuhi', 'tidak')
                            AND ((a.new_value::jsonb ->> 'status') IS DISTINCT FROM (a.old_value::jsonb ->> 'status')
                                OR (a.new_value::jsonb ->> 'reason') IS DISTINCT FROM (a.old_value::jsonb ->> 'reason'))
                        GROUP BY a.nip, a.actor
                    ) g JOIN pegawai p ON p.nip = g.nip
                    GROUP BY 1, 2
                    """, arguments: [from, until]
            ).map { row in
                VerdictCount(unit: row[0], actor: row[1], verified: row[2], rejected: row[3], last: row[4])
            }
            // Sorted here, by code point: the database's collation may order text otherwise.
            .sorted { ($0.unit, $0.actor) < ($1.unit, $1.actor) }
        }
    }

    public func lastActivity(actors: [String]) throws -> [String: Date] {
        try read { db in
            var result: [String: Date] = [:]
            for actor in Set(actors) {
                if let at = try Date.fetchOne(
                    db, sql: "SELECT at FROM audit WHERE actor = ? ORDER BY id DESC LIMIT 1", arguments: [actor])
                {
                    result[actor] = at
                }
            }
            return result
        }
    }

    // MARK: History

    /// An employee's or a unit's audit entries, newest first, keyset-paged by id.
    public func history(_ subject: HistorySubject, before: Int64?, limit: Int) throws -> [AuditEntry] {
        let before = before ?? Int64.max
        let limit = max(0, limit)
        return try read { db in
            switch subject {
            case .pegawai(let nip):
                return try PGRow.fetchAll(
                    db,
                    sql: """
                        SELECT \(PGAuditRows.columns) FROM audit a
                        WHERE a.nip = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?
                        """, arguments: [nip, before, limit]
                ).map(PGAuditRows.entry)
            case .unit(let kode):
                return try unitHistory(kode, before: before, limit: limit, db)
            }
        }
    }

    /// A unit's history: its employees' entries and the unit's own (saves, marks, confirmations).
    /// A unit holding a large part of the province is read walking the log backwards (its
    /// entries are dense there); a smaller one through `audit_nip`, employee by employee.
    private func unitHistory(_ kode: String, before: Int64, limit: Int, _ db: PGConnection) throws -> [AuditEntry] {
        let units = try String.fetchAll(db, sql: "\(Self.subunitsCTE) SELECT kode FROM units WHERE kode IN (SELECT kode FROM sub)", arguments: [kode])
        guard !units.isEmpty else { return [] }
        let placeholders = Self.questionMarks(units.count)
        let employees = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM pegawai WHERE kode_unit IN (\(placeholders))", arguments: PGArguments(units)) ?? 0
        let everyone = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pegawai") ?? 0
        let dense = employees * 10 > everyone
        let staff = "SELECT nip FROM pegawai WHERE kode_unit IN (\(placeholders))"
        let employeeRows =
            dense
            ? "SELECT \(PGAuditRows.columns) FROM audit a WHERE a.id < ? AND a.nip IN (\(staff)) ORDER BY a.id DESC LIMIT ?"
            : "SELECT \(PGAuditRows.columns) FROM audit a WHERE a.nip IN (\(staff)) AND a.id < ? ORDER BY a.id DESC LIMIT ?"
        var arguments: PGArguments = dense ? [before] : []
        arguments += PGArguments(units)
        if !dense { arguments += [before] }
        arguments += [limit]
        var entries = try PGRow.fetchAll(db, sql: employeeRows, arguments: arguments).map(PGAuditRows.entry)
        // The units' own entries: saves (`units`), marks and confirmations (`progress`,
        // `UNIT/dimension`): two lookups on `audit_entity(entity_id, entity, id)`.
        let marks = units.flatMap { unit in ProgressDimension.allCases.map { "\(unit)/\($0.rawValue)" } }
        var own: [AuditEntry] = []
        for (entity, ids) in [("units", units), ("progress", marks)] {
            own += try PGRow.fetchAll(
                db,
                sql: """
                    SELECT \(PGAuditRows.columns) FROM audit a
                    WHERE a.entity_id IN (\(Self.questionMarks(ids.count))) AND a.entity = ? AND a.id < ?
                    ORDER BY a.id DESC LIMIT ?
                    """, arguments: PGArguments(ids) + [entity, before, limit]
            ).map(PGAuditRows.entry)
        }
        entries += own
        entries.sort { $0.id > $1.id }
        return Array(entries.prefix(limit))
    }

    // MARK: Confirmed marks

    /// Confirms a dimension marked done (verifikator or operator), audited as `confirm`.
    public func confirmProgress(unit: String, dimension: ProgressDimension) throws {
        try transaction { db in
            try permitReview(db)
            let mark = try doneMark(unit: unit, dimension: dimension, db)
            try writeReview(unit: unit, dimension: dimension, confirmed: true, reason: nil, markBy: mark.by, markAt: mark.at, db)
            try audit(.confirm, .progress(unit: unit, dimension: dimension), nip: nil, old: .done(true), new: .done(true), db)
        }
    }

    /// Reopens a dimension marked done, with a reason (verifikator or operator).
    public func reopenProgress(unit: String, dimension: ProgressDimension, reason: String) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try transaction { db in
            try permitReview(db)
            guard !reason.isEmpty else {
                throw ValidationFailure([ValidationIssue(field: "alasan", code: .required)])
            }
            _ = try doneMark(unit: unit, dimension: dimension, db)
            try reopenParents(of: unit, dimension: dimension, db)
            try writeProgress(unit: unit, dimension: dimension, done: false, db)
            let now = context.now()
            try writeReview(unit: unit, dimension: dimension, confirmed: false, reason: reason, markBy: context.actor, markAt: now, db)
        }
    }

    /// The reviews whose mark has not been set again since.
    public func progressReviews() throws -> [ProgressReview] {
        try read { db in
            return try PGRow.fetchAll(
                db,
                sql: """
                    SELECT r.unit, r.dimension, r.confirmed, r.reviewed_by, r.at, r.reason FROM progress_review r
                    JOIN progress p ON p.unit = r.unit AND p.dimension = r.dimension AND p.marked_by = r.mark_by
                        AND p.at = r.mark_at
                    ORDER BY r.unit, r.dimension
                    """
            ).compactMap { row in
                guard let dimension = ProgressDimension(rawValue: row[1]) else { return nil }
                return ProgressReview(unit: row[0], dimension: dimension, confirmed: row[2], by: row[3], at: row[4], reason: row[5])
            }
        }
    }

    /// Only a verifikator or an operator reviews marks; a login without an account is told whom to ask.
    private func permitReview(_ db: PGConnection) throws {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try operators(db)))
        }
        guard account.role == .operator || account.role == .verifikator else {
            throw StoreError.notPermitted(.reviewerOnly)
        }
    }

    /// The unit's mark for the dimension, which must exist and be done.
    private func doneMark(unit: String, dimension: ProgressDimension, _ db: PGConnection) throws -> (by: String, at: Date) {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [unit]) == true else {
            throw ValidationFailure([ValidationIssue(field: "kode", code: .unknownUnit(unit))])
        }
        guard
            let row = try PGRow.fetchOne(
                db, sql: "SELECT done, marked_by, at FROM progress WHERE unit = ? AND dimension = ?",
                arguments: [unit, dimension.rawValue]), row[0] as Bool
        else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "kode",
                    code: .custom(
                        id: "Dimensi \(dimension.rawValue) unit \(unit) belum ditandai selesai diinput.",
                        en: "The \(dimension.rawValue) dimension of unit \(unit) is not marked as entered."))
            ])
        }
        return (row[1], row[2])
    }

    private func writeReview(
        unit: String, dimension: ProgressDimension, confirmed: Bool, reason: String?, markBy: String, markAt: Date,
        _ db: PGConnection
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO progress_review(unit, dimension, confirmed, reviewed_by, at, reason, mark_by, mark_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(unit, dimension) DO UPDATE SET confirmed = excluded.confirmed, reviewed_by = excluded.reviewed_by,
                    at = excluded.at, reason = excluded.reason, mark_by = excluded.mark_by, mark_at = excluded.mark_at
                """, arguments: [unit, dimension.rawValue, confirmed, context.actor, context.now(), reason, markBy, markAt])
    }
}

extension PostgresStore {
    /// `?, ?, ...` for `count` parameters.
    static func questionMarks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
}

extension ActivitySource {
    /// Typed first, then imports, then the demo.
    var order: Int { ActivitySource.allCases.firstIndex(of: self)! }
}
