import Foundation
import IPASNCore

/// The verifikator queue's kept waiting counts (migration `2026-11-30-pgqueue2`, both
/// engines; `docs/store.md`, "Kept waiting counts"), as SQL text both engines run.
///
/// `queue_waiting(kode_unit, kind, waiting)` holds, per unit and record kind, how many
/// records are **waiting for verification**: the record exists, its employee is active
/// (`aktif = 1`), and it has no verdict (no `verification` row, or one with status `belum`).
/// That is exactly the set ``VerificationQueueStore/verificationQueue(_:limit:)`` pages
/// through, so a queue open reads a few hundred rows instead of counting a million records.
///
/// Triggers keep it in the writing transaction, keyed on STATE, never on a write path: a
/// change of a record (inserted, deleted, moved to another employee), of a verdict
/// (`verification` inserted, deleted, its status crossing between `belum` and a verdict) or
/// of an employee (inserted, deleted, moved to another unit, leaving or coming back) adds
/// the signed difference it makes, computed against the other tables as they are at that
/// moment. Every write path (a save, an edit resetting a verdict, a delete, a verdict, an
/// import and its undo, undo and redo of anything, a mutasi) is one of those changes.
/// Each engine's schema file says how it orders them (`SQLiteSchema+QueueWaiting.swift`,
/// `PostgresSchema+QueueWaiting.swift`).
public enum QueueWaiting {
    /// The kept table (both engines).
    public static let table = "queue_waiting"

    /// Whether the record `r` (a row alias or `NEW`/`OLD`) of `kind` has a verdict now.
    public static func decided(_ kind: RecordKind, id: String) -> String {
        "EXISTS (SELECT 1 FROM verification v WHERE v.kind = '\(kind.rawValue)' AND v.record_id = \(id) AND v.status <> 'belum')"
    }

    /// The waiting test of a record row `r` of `kind` joined with its employee `p`.
    public static func waiting(_ kind: RecordKind, r: String = "r", p: String = "p") -> String {
        "\(p).aktif = 1 AND NOT \(decided(kind, id: "\(r).id"))"
    }

    /// The counts afresh from the records (the migrations' fill; `check` compares), of the
    /// record rows `rows` (default: the whole table) of every kind: `kode_unit, kind, count`.
    public static func freshSQL(only kinds: [RecordKind] = RecordKind.allCases) -> String {
        kinds.map { kind in
            """
            SELECT p.kode_unit, '\(kind.rawValue)', COUNT(*) FROM \(RecordRows.table(kind)) r JOIN pegawai p ON p.nip = r.nip
            WHERE \(waiting(kind)) GROUP BY p.kode_unit
            """
        }.joined(separator: " UNION ALL ")
    }

    /// The kept counts of the queue's header: per kind, the records waiting in the unit given
    /// as the one `?` of `subunits` (with its sub-units), or everywhere when `subunits` is nil.
    public static func countsSQL(subunits: String?) -> String {
        let (cte, within) = subunits.map { ($0, "WHERE kode_unit IN (SELECT kode FROM sub)") } ?? ("", "")
        return "\(cte) SELECT kind, CAST(SUM(waiting) AS BIGINT) FROM \(table) \(within) GROUP BY kind"
    }

    /// The header's two figures from the per-kind kept counts: `total` every kind, `matching`
    /// those of `kinds`.
    public static func figures(_ perKind: [RecordKind: Int], kinds: [RecordKind]) -> (total: Int, matching: Int) {
        (perKind.values.reduce(0, +), kinds.reduce(0) { $0 + (perKind[$1] ?? 0) })
    }
}

extension SQLStore {
    /// The kept waiting counts per kind in `unit` (with its sub-units; nil: every unit).
    package func sqlQueueWaiting(unit: String?, _ db: Connection) throws -> [RecordKind: Int] {
        var counts: [RecordKind: Int] = [:]
        let arguments: SQLArguments = unit.map { [$0] } ?? []
        for row in try db.fetchAll(sql: QueueWaiting.countsSQL(subunits: unit == nil ? nil : dialect.subunits), arguments: arguments) {
            let kindText: String = row[0]
            guard let kind = RecordKind(rawValue: kindText) else { continue }
            counts[kind] = row[1]
        }
        return counts
    }

    /// `check`: the kept waiting counts against a recount of the records (one sentence per
    /// unit and kind that differs; none when the table does not exist, an SQLite file opened
    /// for reading that predates the migration).
    package func sqlQueueWaitingProblems(_ db: Connection) throws -> [String] {
        guard try sqlHasTable(QueueWaiting.table, db) else { return [] }
        var fresh: [String: [String: Int]] = [:]
        for row in try db.fetchAll(sql: QueueWaiting.freshSQL()) {
            fresh[row[0] as String, default: [:]][row[1] as String] = row[2]
        }
        var problems: [String] = []
        func problem(_ unit: String, _ kind: String, kept: Int, counted: Int) {
            problems.append("Records waiting for verification in unit \(unit) (\(kind)): kept \(kept), counted \(counted).")
        }
        for row in try db.fetchAll(sql: "SELECT kode_unit, kind, waiting FROM \(QueueWaiting.table) ORDER BY kode_unit, kind") {
            let unit: String = row[0]
            let kind: String = row[1]
            let kept: Int = row[2]
            let counted = fresh[unit]?.removeValue(forKey: kind) ?? 0
            if kept != counted { problem(unit, kind, kept: kept, counted: counted) }
        }
        for (unit, kinds) in fresh.sorted(by: { $0.key < $1.key }) {
            for (kind, counted) in kinds.sorted(by: { $0.key < $1.key }) { problem(unit, kind, kept: 0, counted: counted) }
        }
        if problems.count > 50 { return Array(problems.prefix(50)) + ["... and \(problems.count - 50) more waiting-count mismatches."] }
        return problems
    }
}

/// The verifikator queue's SQL text, once for both engines (`SQLiteStore+Queue.swift`,
/// `PostgresStore+VerificationQueue.swift`): each engine only says how it sends the
/// statements (SQLite one by one, PostgreSQL pipelined) and splices its subunits CTE first
/// when the filter has a unit (its one `?`, before every other argument).
public enum QueueSQL {
    /// `AND p.kode_unit IN (SELECT kode FROM sub)` when the filter has a unit.
    static func within(_ unit: Bool) -> String { unit ? "AND p.kode_unit IN (SELECT kode FROM sub)" : "" }

    /// ``within(_:)`` for the join `join`: nothing for ``QueuePlan/Join/recordsFirstLateral``,
    /// whose employee subquery tests the unit itself (``employeeOf(unit:)``).
    public static func within(_ unit: Bool, join: QueuePlan.Join?) -> String { within(unit && join != .recordsFirstLateral) }

    /// The records of `kind` (alias r) with their employees (alias p), as `FROM` begins, in the
    /// join order `join` (``QueuePlan/Join``; nil: the planner's); `unit`: the filter has a unit
    /// (the records-first lateral join tests it in its employee subquery).
    public static func records(_ kind: RecordKind, join: QueuePlan.Join?, unit: Bool = false) -> String {
        let t = kind.rawValue
        switch join {
        case nil: return "\(t) r JOIN pegawai p ON p.nip = r.nip"
        case .recordsFirst?: return "\(t) r CROSS JOIN pegawai p ON p.nip = r.nip"
        case .employeesFirst?: return "pegawai p CROSS JOIN \(t) r ON r.nip = p.nip"
        case .recordsFirstLateral?: return "\(t) r CROSS JOIN LATERAL \(employeeOf(unit: unit))"
        case .employeesFirstLateral?:
            return "(SELECT nip, aktif, kode_unit FROM pegawai WHERE kode_unit = ANY(ARRAY(SELECT kode FROM sub)) OFFSET 0) p "
                + "CROSS JOIN LATERAL (SELECT r.id, r.nip FROM \(t) r WHERE r.nip = p.nip OFFSET 0) r"
        }
    }

    /// PostgreSQL: the employee of record r, one index probe per record (the `OFFSET 0` fence
    /// keeps the planner from turning it into a join that reads every record first); with a
    /// unit, only an employee of the unit. Tested outside the fence (`p.kode_unit IN (SELECT
    /// ...)`), the unit became a hash semi-join, which PostgreSQL does not count as keeping the
    /// records' id order: when it guessed few rows (an id window, branch pgnewest) it read every
    /// record of the window and sorted them (850 ms against 10 ms for DINKES's oldest diklat).
    static func employeeOf(unit: Bool) -> String {
        let mine = unit ? " AND p.kode_unit = ANY(ARRAY(SELECT kode FROM sub))" : ""
        return "(SELECT p.nip, p.aktif, p.kode_unit FROM pegawai p WHERE p.nip = r.nip\(mine) OFFSET 0) p"
    }

    /// `FROM ... WHERE ...` of the waiting records of `kind` (alias r, employee p).
    public static func waiting(_ kind: RecordKind, unit: Bool, join: QueuePlan.Join? = nil) -> String {
        """
        FROM \(records(kind, join: join, unit: unit))
        LEFT JOIN verification v ON v.kind = '\(kind.rawValue)' AND v.record_id = r.id
        WHERE p.aktif = 1 \(within(unit, join: join)) AND (v.status IS NULL OR v.status = 'belum')
        """
    }

    /// `FROM ... WHERE ...` of the waiting records of `kind` with their own touch (alias t),
    /// with `t.at >= ?` when `since` and `t.actor = ?` when `by`, in that order after the unit.
    /// Newest first walks the touches (`record_touch_at`, `record_touch_actor`); employees
    /// first probes each of the unit's records' touch.
    public static func ownTouches(_ kind: RecordKind, unit: Bool, since: Bool, by: Bool, join: QueuePlan.Join? = nil) -> String {
        let k = kind.rawValue
        let touches: String
        switch join {
        case nil: touches = "record_touch t JOIN \(k) r ON r.id = t.record_id JOIN pegawai p ON p.nip = r.nip"
        case .recordsFirst?: touches = "record_touch t CROSS JOIN \(k) r ON r.id = t.record_id CROSS JOIN pegawai p ON p.nip = r.nip"
        case .employeesFirst?: touches = "\(records(kind, join: join)) CROSS JOIN record_touch t ON t.kind = '\(k)' AND t.record_id = r.id"
        case .recordsFirstLateral?: touches = "record_touch t JOIN \(k) r ON r.id = t.record_id CROSS JOIN LATERAL \(employeeOf(unit: unit))"
        case .employeesFirstLateral?: touches = "\(records(kind, join: join)) JOIN record_touch t ON t.kind = '\(k)' AND t.record_id = r.id"
        }
        return """
            FROM \(touches)
            LEFT JOIN verification v ON v.kind = '\(k)' AND v.record_id = r.id
            WHERE p.aktif = 1 \(within(unit, join: join)) AND (v.status IS NULL OR v.status = 'belum') AND t.kind = '\(k)'\
            \(since ? " AND t.at >= ?" : "")\(by ? " AND t.actor = ?" : "")
            """
    }

    /// How many rows `from` (`FROM ... WHERE ...`) has, counted up to ``QueuePage/matchingCap``
    /// and one more: a `since` or `by` filter's `matching` reads at most that many rows.
    public static func cappedCount(_ from: String) -> String {
        "SELECT COUNT(*) FROM (SELECT 1 AS one \(from) LIMIT \(QueuePage.matchingCap + 1)) capped"
    }

    /// The import ranges of a kind (`?`), newest first.
    public static let ranges = "SELECT first_id, last_id, at, actor FROM touch_ranges WHERE kind = ? ORDER BY audit_id DESC"

    /// ` AND r.id NOT BETWEEN first AND last` for each of `newer`.
    static func outside(_ newer: [(first: Int64, last: Int64)]) -> String {
        newer.map { " AND r.id NOT BETWEEN \($0.first) AND \($0.last)" }.joined()
    }

    /// No own touch for the record r of `kind`.
    static func noOwnTouch(_ kind: RecordKind) -> String {
        "AND NOT EXISTS (SELECT 1 FROM record_touch t WHERE t.kind = '\(kind.rawValue)' AND t.record_id = r.id)"
    }

    /// `FROM ... WHERE ...` of the waiting records of `kind` whose touch is the range
    /// `first ... last` (no own touch, in no range of `newer`), read only inside `window` (the
    /// ids the unit's records lie between, ``window(_:join:)``); nil when the range lies outside
    /// it and holds none of the unit's records (the statement is not sent).
    public static func inRange(
        _ kind: RecordKind, unit: Bool, first: Int64, last: Int64, newer: [(first: Int64, last: Int64)], join: QueuePlan.Join? = nil,
        window: ClosedRange<Int64>? = nil
    ) -> String? {
        let lo = max(first, window?.lowerBound ?? first)
        let hi = min(last, window?.upperBound ?? last)
        guard lo <= hi else { return nil }
        return "\(waiting(kind, unit: unit, join: join)) AND r.id BETWEEN \(lo) AND \(hi)\(outside(newer)) \(noOwnTouch(kind))"
    }

    /// `FROM ... WHERE ...` of the waiting records of `kind` without a known touch (in none of
    /// `ranges`), with `NOT BETWEEN` for every range: the form a unit read from its employees
    /// first keeps (each employee's records are few; ``untouchedIDs(_:unit:ranges:join:window:limit:)``
    /// walks the gaps instead).
    public static func untouched(_ kind: RecordKind, unit: Bool, ranges: [(first: Int64, last: Int64)], join: QueuePlan.Join? = nil) -> String {
        "\(waiting(kind, unit: unit, join: join))\(outside(ranges)) \(noOwnTouch(kind))"
    }

    /// The ids between the import ranges `ranges` (merged), newest first, clipped to `window`:
    /// each gap an id interval (`nil` bound: open), the ranges' complement.
    public static func gaps(_ ranges: [(first: Int64, last: Int64)], window: ClosedRange<Int64>? = nil) -> [(lo: Int64?, hi: Int64?)] {
        var merged: [(first: Int64, last: Int64)] = []
        for range in ranges.filter({ $0.first <= $0.last }).sorted(by: { $0.first < $1.first }) {
            if let end = merged.last?.last, range.first <= end || range.first - 1 == end {
                merged[merged.count - 1].last = max(end, range.last)
            } else {
                merged.append(range)
            }
        }
        var gaps: [(lo: Int64?, hi: Int64?)] = []
        var lo: Int64? = nil
        for range in merged {
            gaps.append((lo, range.first - 1))
            lo = range.last == .max ? nil : range.last + 1
            if lo == nil { break }
        }
        if lo != nil || merged.isEmpty { gaps.append((lo, nil)) }
        // Clipped to the window: a gap outside it holds none of the unit's records.
        if let window {
            gaps = gaps.compactMap { gap in
                let lo = max(gap.lo ?? window.lowerBound, window.lowerBound)
                let hi = min(gap.hi ?? window.upperBound, window.upperBound)
                return lo <= hi ? (lo, hi) : nil
            }
        }
        return gaps.filter { gap in
            guard let lo = gap.lo, let hi = gap.hi else { return true }
            return lo <= hi
        }.reversed()
    }

    /// The newest `limit` ids of the waiting records of `kind` without a known touch (in none of
    /// `ranges`, no own touch), as one statement (the unit's `?` in the caller's CTE only): each
    /// gap between the ranges read newest first as one index range and stopped at `limit`, the
    /// gaps' ids merged. Walking the ids newest first with `NOT BETWEEN` for every range read the
    /// whole table when every record is in some range (branch pg500k: 3.3 s of server CPU at
    /// 500,000 with ten imports). Nil when no gap is left inside `window`. A unit read from its
    /// employees first keeps the `NOT BETWEEN` form (``untouched(_:unit:ranges:join:)``).
    public static func untouchedIDs(
        _ kind: RecordKind, unit: Bool, ranges: [(first: Int64, last: Int64)], join: QueuePlan.Join? = nil,
        window: ClosedRange<Int64>? = nil, limit: Int
    ) -> String? {
        let limit = max(0, limit)
        if join == .employeesFirst || join == .employeesFirstLateral {
            return "SELECT r.id \(untouched(kind, unit: unit, ranges: ranges, join: join)) ORDER BY r.id DESC LIMIT \(limit)"
        }
        let parts = gaps(ranges, window: window).enumerated().map { index, gap in
            let bounds = [gap.lo.map { " AND r.id >= \($0)" }, gap.hi.map { " AND r.id <= \($0)" }].compactMap { $0 }.joined()
            return "SELECT id FROM (SELECT r.id AS id \(waiting(kind, unit: unit, join: join))\(bounds) \(noOwnTouch(kind)) "
                + "ORDER BY r.id DESC LIMIT \(limit)) gap\(index)"
        }
        guard !parts.isEmpty else { return nil }
        return parts.count == 1 ? parts[0] : parts.joined(separator: " UNION ALL ") + " ORDER BY id DESC LIMIT \(limit)"
    }

    /// `SELECT MIN(r.id), MAX(r.id)` of the records of `kind` of the unit's employees (every
    /// record, waiting or not: a superset is enough to bound the walks), read from the employees
    /// through the `(nip, dedup_key)` index: about as many rows as the unit has records, once
    /// (``QueuePlan/bounded``).
    public static func window(_ kind: RecordKind, join: QueuePlan.Join?) -> String {
        let employees: QueuePlan.Join = join == .recordsFirstLateral || join == .employeesFirstLateral ? .employeesFirstLateral : .employeesFirst
        return "SELECT MIN(r.id), MAX(r.id) FROM \(records(kind, join: employees)) WHERE \(within(true).dropFirst(4))"
    }
}
