import Foundation
import IPASNCore

/// ``TeamStore``, once for both engines: who did what, the verdict counts, the history of an
/// employee or a unit, and the review (confirm or reopen) of the marks "done".
extension SQLStore {
    // MARK: Who did what

    /// Record changes in `[from, until)` per unit, actor and source, net of undo (see ``TeamStore``).
    public func activity(from: Date, until: Date) throws -> [ActivityCount] {
        try sqlRead { db in
            var counts: [TeamActivityKey: ActivityCount] = [:]
            let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            // A record row's kind of change by its values: a redo of an undone insert has no old
            // value, like the insert; an undone change (a live `undo` row points at it) is left out.
            // Grouped by employee first, then by their unit: one pass over the period's rows
            // on `audit_at`, the undone ones left out through the (small) set of undo targets.
            for row in try db.fetchAll(
                sql: """
                    SELECT p.kode_unit, g.actor, g.kind, CAST(SUM(g.n) AS BIGINT), MAX(g.last) FROM (
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
                let key = TeamActivityKey(unit: row[0], actor: row[1], source: .typed)
                var count = counts[key] ?? ActivityCount(unit: key.unit, actor: key.actor, source: .typed)
                let n: Int = row[3]
                switch row[2] as Int {
                case 0: count.entered += n
                case 2: count.deleted += n
                default: count.changed += n
                }
                count.last = TeamActivityKey.later(count.last, row[4])
                counts[key] = count
            }
            for row in try db.fetchAll(
                sql: """
                    SELECT a.actor, a.new_value, a.at FROM audit a
                    WHERE a.at >= ? AND a.at < ? AND a.action = 'import' AND a.entity IN (\(kinds))
                        AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id AND u.action = 'undo')
                    """, arguments: [from, until])
            {
                let json: String = row[1]
                guard let summary = ImportSummaryFigures.of(json) else { continue }
                let source: ActivitySource = summary.demo ? .demo : .imported
                for (unit, n) in summary.byUnit where n > 0 {
                    let key = TeamActivityKey(unit: unit, actor: row[0], source: source)
                    var count = counts[key] ?? ActivityCount(unit: unit, actor: key.actor, source: source)
                    count.entered += n
                    count.last = TeamActivityKey.later(count.last, row[2])
                    counts[key] = count
                }
            }
            return counts.values.sorted {
                ($0.unit, $0.actor, $0.source.order) < ($1.unit, $1.actor, $1.source.order)
            }
        }
    }

    /// The verdicts of the period per unit and verifikator (see ``TeamStore``): one pass over
    /// the period's rows on `audit_at`, the verify entries' statuses read from their JSON.
    public func verdicts(from: Date, until: Date) throws -> [VerdictCount] {
        let d = dialect
        let status = d.jsonText("a.new_value", "status")
        let changed = """
            (\(status) \(d.distinctFrom) \(d.jsonText("a.old_value", "status"))
                OR \(d.jsonText("a.new_value", "reason")) \(d.distinctFrom) \(d.jsonText("a.old_value", "reason")))
            """
        return try sqlRead { db in
            try db.fetchAll(
                sql: """
                    SELECT p.kode_unit, g.actor, CAST(SUM(g.verified) AS BIGINT), CAST(SUM(g.rejected) AS BIGINT), MAX(g.last) FROM (
                        SELECT a.nip, a.actor,
                            \(d.countWhere("\(status) = 'memenuhi'")) AS verified,
                            \(d.countWhere("\(status) = 'tidak'")) AS rejected,
                            MAX(a.at) AS last
                        FROM audit a
                        WHERE a.at >= ? AND a.at < ? AND a.action = 'verify' AND a.undoes IS NULL
                            AND \(status) IN ('memenuhi', 'tidak') AND \(changed)
                        GROUP BY a.nip, a.actor
                    ) g JOIN pegawai p ON p.nip = g.nip
                    GROUP BY 1, 2
                    """, arguments: [from, until]
            ).map { row in
                VerdictCount(unit: row[0], actor: row[1], verified: row[2], rejected: row[3], last: row[4])
            }
            // Sorted here, by code point: a PostgreSQL collation may order text otherwise.
            .sorted { ($0.unit, $0.actor) < ($1.unit, $1.actor) }
        }
    }

    /// Each actor's newest audited change: one lookup per actor on `audit_actor(actor, id)`.
    public func lastActivity(actors: [String]) throws -> [String: Date] {
        try sqlRead { db in
            var result: [String: Date] = [:]
            for actor in Set(actors) {
                if let at = try db.fetchValue(
                    Date.self, sql: "SELECT at FROM audit WHERE actor = ? ORDER BY id DESC LIMIT 1", arguments: [actor])
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
        return try sqlRead { db in
            // A database opened for reading before its migration has no team indexes: no hints then.
            let indexed = try sqlHasTable("progress_review", db)
            switch subject {
            case .pegawai(let nip):
                return try db.fetchAll(
                    sql: """
                        SELECT \(Self.auditColumns) FROM audit a \(indexed ? dialect.indexedBy("audit_nip") : "")
                        WHERE a.nip = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?
                        """, arguments: [nip, before, limit]
                ).map(sqlAuditEntry)
            case .unit(let kode):
                return try unitHistory(kode, before: before, limit: limit, indexed: indexed, db)
            }
        }
    }

    /// A unit's history: its employees' entries and the unit's own (saves, marks, confirmations).
    /// A unit holding a large part of the province is read walking the log backwards (its
    /// entries are dense there); a smaller one through `audit_nip`, employee by employee.
    private func unitHistory(_ kode: String, before: Int64, limit: Int, indexed: Bool, _ db: Connection) throws -> [AuditEntry] {
        let byNIP = indexed ? dialect.indexedBy("audit_nip") : ""
        let byEntity = indexed ? dialect.indexedBy("audit_entity") : ""
        let units = try db.fetchValues(
            String.self, sql: "\(dialect.subunits) SELECT kode FROM units WHERE kode IN (SELECT kode FROM sub)", arguments: [kode])
        guard !units.isEmpty else { return [] }
        let placeholders = sqlPlaceholders(units.count)
        let employees =
            try db.fetchValue(
                Int.self, sql: "SELECT COUNT(*) FROM pegawai WHERE kode_unit IN (\(placeholders))", arguments: SQLArguments(units)) ?? 0
        let everyone = try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM pegawai") ?? 0
        let dense = employees * 10 > everyone
        let staff = "SELECT nip FROM pegawai WHERE kode_unit IN (\(placeholders))"
        let employeeRows =
            dense
            ? "SELECT \(Self.auditColumns) FROM audit a \(dialect.notIndexed) WHERE a.id < ? AND a.nip IN (\(staff)) ORDER BY a.id DESC LIMIT ?"
            : "SELECT \(Self.auditColumns) FROM audit a \(byNIP) WHERE a.nip IN (\(staff)) AND a.id < ? ORDER BY a.id DESC LIMIT ?"
        var arguments: SQLArguments = dense ? [before] : []
        arguments += SQLArguments(units)
        if !dense { arguments += [before] }
        arguments += [limit]
        var entries = try db.fetchAll(sql: employeeRows, arguments: arguments).map(sqlAuditEntry)
        // The units' own entries: saves (`units`), marks and confirmations (`progress`,
        // `UNIT/dimension`): two lookups on `audit_entity(entity_id, entity, id)`.
        // A unit renamed (``UnitRenameStore``) also shows its own entries under its earlier codes,
        // each up to the rename (the rename's own row, under the new code, says it was renamed).
        var own: [AuditEntry] = []
        for (codes, bound) in [(units, before)] + (try earlierCodes(units, db)).map({ ([$0.kode], min(before, $0.renamedAt)) }) {
            let marks = codes.flatMap { unit in ProgressDimension.allCases.map { "\(unit)/\($0.rawValue)" } }
            for (entity, ids) in [("units", codes), ("progress", marks)] {
                own += try db.fetchAll(
                    sql: """
                        SELECT \(Self.auditColumns) FROM audit a \(byEntity)
                        WHERE a.entity_id IN (\(sqlPlaceholders(ids.count))) AND a.entity = ? AND a.id < ?
                        ORDER BY a.id DESC LIMIT ?
                        """, arguments: SQLArguments(ids) + [entity, bound, limit]
                ).map(sqlAuditEntry)
            }
        }
        entries += own
        entries.sort { $0.id > $1.id }
        return Array(entries.prefix(limit))
    }

    /// The codes `units` carried before a rename (following renames back, at most 20 steps),
    /// each with the id of the rename that took it away: a few lookups on `audit_entity`.
    private func earlierCodes(_ units: [String], _ db: Connection) throws -> [(kode: String, renamedAt: Int64)] {
        var found: [(kode: String, renamedAt: Int64)] = []
        var frontier = units
        var seen = Set(units)
        for _ in 0..<20 where !frontier.isEmpty {
            let rows = try db.fetchAll(
                sql: """
                    SELECT \(dialect.jsonText("old_value", "kode")), id FROM audit
                    WHERE entity_id IN (\(sqlPlaceholders(frontier.count))) AND entity = 'units' AND action = 'rename'
                    """, arguments: SQLArguments(frontier))
            frontier = []
            for row in rows {
                let kode: String = row[0]
                guard seen.insert(kode).inserted else { continue }
                found.append((kode, row[1]))
                frontier.append(kode)
            }
        }
        return found
    }

    // MARK: Confirmed marks

    /// Confirms a dimension marked done (verifikator or operator), audited as `confirm`.
    public func confirmProgress(unit: String, dimension: ProgressDimension) throws {
        try sqlWrite { db in
            try permitReview(db)
            let mark = try doneMark(unit: unit, dimension: dimension, db)
            try writeReview(unit: unit, dimension: dimension, confirmed: true, reason: nil, markBy: mark.by, markAt: mark.at, db)
            try sqlAudit(
                .confirm, .progress(unit: unit, dimension: dimension), nip: nil, old: .done(true), new: .done(true), batch: nil, db)
        }
    }

    /// Reopens a dimension marked done, with a reason (verifikator or operator).
    public func reopenProgress(unit: String, dimension: ProgressDimension, reason: String) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try sqlWrite { db in
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
        let d = dialect
        return try sqlRead { db in
            guard try sqlHasTable("progress_review", db) else { return [] }
            return try db.fetchAll(
                sql: """
                    SELECT r.unit, r.dimension, r.confirmed, r.\(d.reviewBy), r.at, r.reason FROM progress_review r
                    JOIN progress p ON p.unit = r.unit AND p.dimension = r.dimension AND p.\(d.progressBy) = r.mark_by
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
    private func permitReview(_ db: Connection) throws {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try sqlOperators(db)))
        }
        guard account.role == .operator || account.role == .verifikator else {
            throw StoreError.notPermitted(.reviewerOnly)
        }
    }

    /// The unit's mark for the dimension, which must exist and be done.
    private func doneMark(unit: String, dimension: ProgressDimension, _ db: Connection) throws -> (by: String, at: Date) {
        guard try db.exists(sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [unit]) else {
            throw ValidationFailure([ValidationIssue(field: "kode", code: .unknownUnit(unit))])
        }
        guard
            let row = try db.fetchOne(
                sql: "SELECT done, \(dialect.progressBy), at FROM progress WHERE unit = ? AND dimension = ?",
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
        _ db: Connection
    ) throws {
        let by = dialect.reviewBy
        try db.execute(
            sql: """
                INSERT INTO progress_review(unit, dimension, confirmed, \(by), at, reason, mark_by, mark_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(unit, dimension) DO UPDATE SET confirmed = excluded.confirmed, \(by) = excluded.\(by),
                    at = excluded.at, reason = excluded.reason, mark_by = excluded.mark_by, mark_at = excluded.mark_at
                """, arguments: [unit, dimension.rawValue, confirmed, context.actor, context.now(), reason, markBy, markAt])
    }
}

/// One row of ``SQLStore/activity(from:until:)``'s counts.
private struct TeamActivityKey: Hashable {
    var unit: String
    var actor: String
    var source: ActivitySource

    static func later(_ a: Date?, _ b: Date?) -> Date? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }
}

extension ActivitySource {
    /// Typed first, then imports, then the demo.
    var order: Int { ActivitySource.allCases.firstIndex(of: self)! }
}
