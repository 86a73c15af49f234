import Foundation
import IPASNCore
import IPASNStore

/// Who did what in a period, per admin or per unit (sub-units folded in): records entered,
/// changed and deleted by typing (net of undo: an entry then its undo is zero), rows imported
/// and the demo sample shown apart, and the last activity. `ipasn report activity` prints it,
/// the workstation's activity screen (`w` on the dashboard) draws it.
public struct AdminActivity: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case admin, unit
    }

    /// The periods the activity screen steps through.
    public enum Period: String, Sendable, CaseIterable {
        case today, week, month, year
    }

    /// One row's counts.
    public struct Figures: Hashable, Sendable {
        /// Typed in (forms, bulk entry), net of undo.
        public var entered = 0
        public var changed = 0
        public var deleted = 0
        /// Record rows imported from files (undone imports left out).
        public var imported = 0
        /// Record rows of the demo sample.
        public var demo = 0
        /// Verdicts (``TeamStore/verdicts(from:until:)``): per admin the records this
        /// verifikator found memenuhi / tidak memenuhi syarat in the period, per unit the
        /// records of the unit (sub-units folded in) found so. Nil means "no verification
        /// data"; ``AdminActivity/compute(store:from:until:by:unit:)`` fills them for every
        /// row (zero included), front ends show the columns when some row has them.
        public var verified: Int?
        public var rejected: Int?
        /// The newest counted change in the period.
        public var last: Date?

        public init() {}

        /// Everything typed: entered + changed + deleted.
        public var typed: Int { entered + changed + deleted }

        /// The saves that brought data in: records typed new, typed changes (an edit, a
        /// replaced SKP) and imported rows; not deletions, not the demo. The dashboard's "Input
        /// hari ini / minggu ini" (``UnitActivity``) is this figure, so that it equals the
        /// activity screen's Ketik + Ubah + Impor of the same period.
        public var saves: Int { entered + changed + imported }

        /// ``saves`` of one activity row.
        public static func saves(_ count: ActivityCount) -> Int {
            var figures = Figures()
            figures.add(count)
            return figures.saves
        }

        mutating func add(_ count: ActivityCount) {
            switch count.source {
            case .typed:
                entered += count.entered
                changed += count.changed
                deleted += count.deleted
            case .imported: imported += count.entered
            case .demo: demo += count.entered
            }
            last = Self.later(last, count.last)
        }

        mutating func add(_ count: VerdictCount) {
            verified = (verified ?? 0) + count.verified
            rejected = (rejected ?? 0) + count.rejected
            last = Self.later(last, count.last)
        }

        /// Shows the verification columns (zero) for a row without verdicts.
        mutating func markVerification() {
            verified = verified ?? 0
            rejected = rejected ?? 0
        }

        mutating func add(_ other: Figures) {
            entered += other.entered
            changed += other.changed
            deleted += other.deleted
            imported += other.imported
            demo += other.demo
            verified = Self.sum(verified, other.verified)
            rejected = Self.sum(rejected, other.rejected)
            last = Self.later(last, other.last)
        }

        static func sum(_ a: Int?, _ b: Int?) -> Int? {
            guard let a else { return b }
            guard let b else { return a }
            return a + b
        }

        static func later(_ a: Date?, _ b: Date?) -> Date? {
            guard let a else { return b }
            guard let b else { return a }
            return max(a, b)
        }
    }

    /// One admin (login) or one unit.
    public struct Row: Hashable, Sendable {
        /// The login, or the unit's kode.
        public var key: String
        /// The unit's name as lists show it; the login for an admin.
        public var name: String
        /// The unit's depth in the tree (0 for admins).
        public var depth: Int
        public var figures: Figures
        /// Per admin: their newest change of any kind, whenever it was (nil: never).
        public var lastActivity: Date?
    }

    public let from: Date
    public let until: Date
    public let grouping: Grouping
    public let rows: [Row]
    /// The sums over the scope (the unit and its sub-units, or everything).
    public let total: Figures

    /// The activity in `[from, until)` per admin or per unit, for `unit` and its sub-units
    /// (everything for nil). Per admin: everyone who changed records in the scope, and every
    /// unit admin account of the scope even without changes, the most typed first (then by
    /// login). Per unit: every unit of the scope in tree order. Throws
    /// ``ReportError/unknownUnit(_:)`` for an unknown unit.
    public static func compute(store: Store, from: Date, until: Date, by grouping: Grouping, unit: String? = nil) throws
        -> AdminActivity
    {
        let tree = UnitTree(try store.units())
        if let unit, !tree.contains(unit) { throw ReportError.unknownUnit(unit) }
        let scope = Set((unit.map { Array(tree.subtree(of: $0)) } ?? tree.units).map(\.kode))
        let counts = try store.activity(from: from, until: until).filter { scope.contains($0.unit) }
        let verdicts = try store.verdicts(from: from, until: until).filter { scope.contains($0.unit) }
        var total = Figures()
        for count in counts { total.add(count) }
        for count in verdicts { total.add(count) }
        total.markVerification()
        var rows: [Row] = []
        switch grouping {
        case .admin:
            var byActor: [String: Figures] = [:]
            for count in counts { byActor[count.actor, default: Figures()].add(count) }
            for count in verdicts { byActor[count.actor, default: Figures()].add(count) }
            for account in try store.accounts() where account.role == .admin {
                let inScope = account.units.contains { kode in
                    scope.contains(kode) || (unit.map { tree.isInSubtree($0, of: kode) } ?? false)
                }
                if inScope && byActor[account.login] == nil { byActor[account.login] = Figures() }
            }
            let last = try store.lastActivity(actors: Array(byActor.keys))
            for actor in byActor.keys { byActor[actor]?.markVerification() }
            rows = byActor.map { Row(key: $0.key, name: $0.key, depth: 0, figures: $0.value, lastActivity: last[$0.key]) }
                .sorted { ($1.figures.typed, $1.figures.imported, $0.key) < ($0.figures.typed, $0.figures.imported, $1.key) }
        case .unit:
            var direct: [String: Figures] = [:]
            for count in counts { direct[count.unit, default: Figures()].add(count) }
            for count in verdicts { direct[count.unit, default: Figures()].add(count) }
            var folded: [String: Figures] = [:]
            for node in tree.fold(direct: direct, zero: Figures(), add: { $0.add($1) }) {
                var figures = node.value
                figures.markVerification()
                folded[node.unit.kode] = figures
            }
            let names = tree.displayNames()
            for node in unit.map({ Array(tree.subtree(of: $0)) }) ?? tree.units {
                rows.append(
                    Row(
                        key: node.kode, name: names[node.kode] ?? node.nama, depth: tree.depth(of: node.kode) ?? 0,
                        figures: folded[node.kode] ?? Self.emptyUnitFigures))
            }
        }
        return AdminActivity(from: from, until: until, grouping: grouping, rows: rows, total: total)
    }

    private static let emptyUnitFigures: Figures = {
        var figures = Figures()
        figures.markVerification()
        return figures
    }()

    /// The moments a period covers: from its first midnight (today, Monday of this week, the
    /// 1st of this month, 1 January) to the next midnight after `now`, in `timeZone`.
    public static func range(_ period: Period, now: Date, timeZone: TimeZone) -> (from: Date, until: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        let today = calendar.startOfDay(for: now)
        let until = calendar.date(byAdding: .day, value: 1, to: today)!
        let from: Date
        switch period {
        case .today: from = today
        case .week: from = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? today
        case .month: from = calendar.dateInterval(of: .month, for: now)?.start ?? today
        case .year: from = calendar.dateInterval(of: .year, for: now)?.start ?? today
        }
        return (from, until)
    }

    /// `[since, until]` as whole days in `timeZone` (until included).
    public static func range(since: LocalDate, until: LocalDate, timeZone: TimeZone) -> (from: Date, until: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let from = calendar.date(from: DateComponents(year: since.year, month: since.month, day: since.day))!
        let last = calendar.date(from: DateComponents(year: until.year, month: until.month, day: until.day))!
        return (from, calendar.date(byAdding: .day, value: 1, to: last)!)
    }
}
