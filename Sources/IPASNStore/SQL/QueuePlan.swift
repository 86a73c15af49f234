import Foundation
import IPASNCore

/// How the verifikator queue joins a unit's records of each kind to their employees (branch
/// pgqueue3; docs/store.md, "Queue filters at province scale"), chosen from the kept waiting
/// counts (``QueueWaiting``) before any record is read.
///
/// The page and a `since`/`by` count stop after `need` rows. Walking a kind's records newest id
/// first (or its touches newest first) and keeping the unit's reads about `need / share` rows
/// for a unit holding `share` of the kind's waiting records: a few thousand for a large unit,
/// nearly the whole table for a small one. Starting from the unit's active employees and
/// reading their records through the `(nip, dedup_key)` index reads about as many rows as the
/// unit has records (and probes each of its employees), and sorts them: cheap for a small unit,
/// dear for a large one. The queue takes the smaller, `unit² < need × all` for employees first
/// (and never for a kind with at most `4 × need` waiting records everywhere, walked whole for
/// less), and writes the join so that
/// the engine's planner keeps that order (it misjudges the share of a unit with its sub-units:
/// SQLite read DINKES's 149,418 diklat employees first, 24x the work of the newest-first walk;
/// PostgreSQL joined all 83,255 pendidikan to their employees, then sorted: 778 ms in branch
/// pgqueue2, 1,259 ms here). Both orders give
/// the same rows; only the work differs.
public struct QueuePlan: Sendable {
    /// A join order written so that the engine keeps it.
    public enum Join: Sendable, Equatable {
        /// The records (or touches) newest first, each one's employee looked up (SQLite: `CROSS JOIN`).
        case recordsFirst
        /// The unit's employees first, each one's records through the index (SQLite: `CROSS JOIN`).
        case employeesFirst
        /// The same on PostgreSQL: each record's employee a `LATERAL` subquery fenced by `OFFSET 0`.
        case recordsFirstLateral
        /// The same on PostgreSQL: the unit's employees (`= ANY(ARRAY(...))`, through
        /// `pegawai_unit`) and each one's records, both fenced by `OFFSET 0`.
        case employeesFirstLateral
    }

    /// How an engine writes a join order it keeps.
    public enum Engine: Sendable {
        /// `CROSS JOIN` (its left side is always the outer loop) both ways.
        case sqlite
        /// fenced `LATERAL` subqueries both ways (PostgreSQL flattens plain joins and subqueries
        /// and reorders them: DINKES's newest pendidikan were joined whole, then sorted).
        case postgresql
    }

    /// The kinds read employees first; nil: no unit (or no kept counts), the planner's order.
    public private(set) var employeesFirst: Set<RecordKind>?

    /// The kinds read newest first whose unit holds at most an eighth of the kind's waiting
    /// records: over several import ranges, their walks are first bounded by the ids the unit's
    /// records lie between (``QueueSQL/window(_:join:)``, read from its employees: about as
    /// many rows as the unit has records), since a range holding none of them (another
    /// instansi's import) would be read whole (branch pg500k: 38 s of server CPU for DINKES at
    /// 500,000, ten instansi). A larger share is walked as before: the bound would cost about
    /// as much as the walks it saves (branch pgnewest).
    public private(set) var bounded: Set<RecordKind> = []

    /// No unit, or no kept counts: the planner's order.
    public init() {}

    /// - Parameters:
    ///   - unit: the kept waiting records per kind of the filter's unit (with its sub-units).
    ///   - all: the same everywhere.
    ///   - need: the rows a statement stops at (``need(limit:narrowed:)``).
    public init(unit: [RecordKind: Int], all: [RecordKind: Int], need: Int) {
        var kinds: Set<RecordKind> = []
        for kind in RecordKind.allCases {
            let mine = Double(unit[kind] ?? 0)
            let everywhere = Double(all[kind] ?? 0)
            // A kind with few waiting records everywhere (disiplin) is walked whole for less than
            // a large unit's employees cost to probe.
            if everywhere > 4 * Double(need) && mine * mine < Double(max(need, 1)) * everywhere {
                kinds.insert(kind)
            } else if 8 * mine <= everywhere {
                bounded.insert(kind)
            }
        }
        employeesFirst = kinds
    }

    /// Whether `kind`'s walks are first bounded by the unit's ids, with `ranges` import ranges
    /// of the kind: the ``bounded`` kinds, and the kinds read from the unit's employees, each
    /// of whose range statements reads all of the unit's records (the window reads them once,
    /// and a range outside it is not read).
    public func window(_ kind: RecordKind, ranges: Int) -> Bool {
        ranges > 1 && (bounded.contains(kind) || employeesFirst?.contains(kind) == true)
    }

    /// The rows a filter's statements stop at: the page's `limit`, or with `since`/`by` the
    /// count's cap and one more.
    public static func need(limit: Int, narrowed: Bool) -> Int {
        narrowed ? max(limit, QueuePage.matchingCap + 1) : limit
    }

    /// How `kind` is joined on `engine` (nil: as the planner likes).
    public func join(_ kind: RecordKind, _ engine: Engine) -> Join? {
        guard let employeesFirst else { return nil }
        if employeesFirst.contains(kind) { return engine == .sqlite ? .employeesFirst : .employeesFirstLateral }
        return engine == .sqlite ? .recordsFirst : .recordsFirstLateral
    }
}

extension QueuePlan.Engine {
    /// The records walked in id order, each one's employee probed, as this engine keeps it.
    public var recordsFirst: QueuePlan.Join { self == .sqlite ? .recordsFirst : .recordsFirstLateral }
}

extension SQLDialect {
    /// How this engine writes a join order it keeps (``QueuePlan/Engine``).
    public var queueEngine: QueuePlan.Engine { name == "SQLite" ? .sqlite : .postgresql }
}
