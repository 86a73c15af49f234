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

    /// The records of `kind` (alias r) with their employees (alias p), as `FROM` begins, in the
    /// join order `join` (``QueuePlan/Join``; nil: the planner's).
    static func records(_ kind: RecordKind, join: QueuePlan.Join?) -> String {
        let t = kind.rawValue
        switch join {
        case nil: return "\(t) r JOIN pegawai p ON p.nip = r.nip"
        case .recordsFirst?: return "\(t) r CROSS JOIN pegawai p ON p.nip = r.nip"
        case .employeesFirst?: return "pegawai p CROSS JOIN \(t) r ON r.nip = p.nip"
        case .recordsFirstLateral?: return "\(t) r CROSS JOIN LATERAL \(employeeOf)"
        case .employeesFirstLateral?:
            return "(SELECT nip, aktif, kode_unit FROM pegawai WHERE kode_unit = ANY(ARRAY(SELECT kode FROM sub)) OFFSET 0) p "
                + "CROSS JOIN LATERAL (SELECT r.id, r.nip FROM \(t) r WHERE r.nip = p.nip OFFSET 0) r"
        }
    }

    /// PostgreSQL: the employee of record r, one index probe per record (the `OFFSET 0` fence
    /// keeps the planner from turning it into a join that reads every record first).
    static let employeeOf = "(SELECT p.nip, p.aktif, p.kode_unit FROM pegawai p WHERE p.nip = r.nip OFFSET 0) p"

    /// `FROM ... WHERE ...` of the waiting records of `kind` (alias r, employee p).
    public static func waiting(_ kind: RecordKind, unit: Bool, join: QueuePlan.Join? = nil) -> String {
        """
        FROM \(records(kind, join: join))
        LEFT JOIN verification v ON v.kind = '\(kind.rawValue)' AND v.record_id = r.id
        WHERE p.aktif = 1 \(within(unit)) AND (v.status IS NULL OR v.status = 'belum')
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
        case .recordsFirstLateral?: touches = "record_touch t JOIN \(k) r ON r.id = t.record_id CROSS JOIN LATERAL \(employeeOf)"
        case .employeesFirstLateral?: touches = "\(records(kind, join: join)) JOIN record_touch t ON t.kind = '\(k)' AND t.record_id = r.id"
        }
        return """
            FROM \(touches)
            LEFT JOIN verification v ON v.kind = '\(k)' AND v.record_id = r.id
            WHERE p.aktif = 1 \(within(unit)) AND (v.status IS NULL OR v.status = 'belum') AND t.kind = '\(k)'\
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
    /// `first ... last` (no own touch, in no range of `newer`).
    public static func inRange(
        _ kind: RecordKind, unit: Bool, first: Int64, last: Int64, newer: [(first: Int64, last: Int64)], join: QueuePlan.Join? = nil
    ) -> String {
        "\(waiting(kind, unit: unit, join: join)) AND r.id BETWEEN \(first) AND \(last)\(outside(newer)) \(noOwnTouch(kind))"
    }

    /// `FROM ... WHERE ...` of the waiting records of `kind` without a known touch (in none of `ranges`).
    public static func untouched(_ kind: RecordKind, unit: Bool, ranges: [(first: Int64, last: Int64)], join: QueuePlan.Join? = nil) -> String {
        "\(waiting(kind, unit: unit, join: join))\(outside(ranges)) \(noOwnTouch(kind))"
    }
}
