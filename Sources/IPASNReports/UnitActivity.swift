import Foundation
import IPASNCore
import IPASNStore

/// Saves today and this week, per unit (sub-units folded in, like the figures) and by whom:
/// the dashboard's "Input hari ini" and its "Hr ini / Mg ini" columns.
///
/// "Today" starts at midnight and "this week" on Monday at midnight, both in the context's
/// time zone. Counts are the admins' saves (``AdminActivity/Figures/saves``, from
/// ``TeamStore/activity(from:until:)``): records typed in a form or imported from a file, and
/// typed changes of stored records (an edit, a replaced SKP: the sixth user test's 12 replaced
/// SKP were missing, 57 shown after 69 saves), net of undo (an entry then its undo is zero),
/// as the activity screen counts them (Ketik + Ubah + Impor). Deletions and the demo sample
/// are left out (the demo is nobody's work). Imports count because a
/// supervisor reads "Input hari ini" as what came in today: a unit whose admin brings the
/// year's 300 courses in from Excel is not idle (the fourth user test saw a DISDIK import of
/// 7 rows missing from the dashboard); ``AdminActivity`` (`w`) shows typed and imported apart.
///
/// In a database with unit admin accounts, an operator's imports are set apart
/// (``operatorImports(unit:)``), not counted: the first load of a kabupaten's records by the
/// operator is not what the admins brought in today (the seventh user test's dashboard said
/// "Hari ini 77624"). Without unit admins the operator is the one who enters data, and counts. The workstation's
/// dashboard and `ipasn report activity` show this one figure, and the operator's imports
/// beside it.
public struct UnitActivity: Sendable {
    /// Records entered in the two periods.
    public struct Counts: Hashable, Sendable {
        public var today: Int
        public var week: Int

        public init(today: Int = 0, week: Int = 0) {
            self.today = today
            self.week = week
        }

        mutating func add(_ other: Counts) {
            today += other.today
            week += other.week
        }
    }

    /// What one admin entered.
    public struct ActorCounts: Hashable, Sendable {
        public var actor: String
        public var counts: Counts
    }

    /// When the two periods start.
    public let startOfToday: Date
    public let startOfWeek: Date
    public let tree: UnitTree
    /// Per unit, its own employees' records and its sub-units'.
    private let folded: [String: Counts]
    /// Per unit (its own employees) and actor.
    private let entries: [String: [String: Counts]]
    /// Per unit, record rows imported by an operator account, sub-units folded in.
    private let operatorFolded: [String: Counts]

    /// Reads the counts as of `now`.
    public static func compute(store: Store, now: Date, timeZone: TimeZone) throws -> UnitActivity {
        let (today, week) = periods(now: now, timeZone: timeZone)
        let tree = UnitTree(try store.units())
        // A team's operator (a database with unit admins) loads data for everyone; alone, the
        // operator is the one admin whose imports are the day's input.
        let accounts = try store.accounts()
        let operators = accounts.contains { $0.role == .admin }
            ? Set(accounts.filter { $0.role == .operator }.map(\.login)) : []
        var entries: [String: [String: Counts]] = [:]
        var loads: [String: Counts] = [:]
        let tomorrow = AdminActivity.range(.today, now: now, timeZone: timeZone).until
        for (start, isToday) in [(week, false), (today, true)] {
            for entry in try store.activity(from: start, until: tomorrow) where Self.isEntered(entry) {
                let saves = AdminActivity.Figures.saves(entry)
                if entry.source == .imported && operators.contains(entry.actor) {
                    loads[entry.unit, default: Counts()].add(isToday ? Counts(today: saves) : Counts(week: saves))
                } else {
                    entries[entry.unit, default: [:]][entry.actor, default: Counts()].add(isToday ? Counts(today: saves) : Counts(week: saves))
                }
            }
        }
        let direct = entries.mapValues { $0.values.reduce(into: Counts()) { $0.add($1) } }
        return UnitActivity(
            startOfToday: today, startOfWeek: week, tree: tree, folded: fold(direct, tree), entries: entries,
            operatorFolded: fold(loads, tree))
    }

    /// Per-unit counts with the sub-units' added in (units with nothing left out).
    private static func fold(_ direct: [String: Counts], _ tree: UnitTree) -> [String: Counts] {
        var folded: [String: Counts] = [:]
        for node in tree.fold(direct: direct, zero: Counts(), add: { $0.add($1) }) where node.value != Counts() {
            folded[node.unit.kode] = node.value
        }
        return folded
    }

    /// Record rows an operator account imported in a unit and its sub-units (the whole database
    /// for nil): not counted in ``counts(unit:)``, shown beside it.
    public func operatorImports(unit kode: String? = nil) -> Counts {
        guard let kode else { return tree.roots.reduce(into: Counts()) { $0.add(operatorFolded[$1.kode] ?? Counts()) } }
        return operatorFolded[kode] ?? Counts()
    }

    /// Whether an activity row counts: it holds saves (typed, changed or imported; not the demo).
    public static func isEntered(_ entry: ActivityCount) -> Bool {
        AdminActivity.Figures.saves(entry) > 0
    }

    /// The start of the day and of the week (Monday) containing `now`.
    public static func periods(now: Date, timeZone: TimeZone) -> (today: Date, week: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        let startOfDay = calendar.startOfDay(for: now)
        let startOfWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? startOfDay
        return (startOfDay, startOfWeek)
    }

    /// A unit's counts, sub-units included (zero for a unit without entries or unknown).
    public func counts(unit kode: String) -> Counts { folded[kode] ?? Counts() }

    /// Everything entered in the database (every root's counts added up).
    public var total: Counts {
        tree.roots.reduce(into: Counts()) { $0.add(counts(unit: $1.kode)) }
    }

    /// Who entered the records of a unit and its sub-units (the whole database for nil): the
    /// most this week first, equal counts by name. Actors with nothing this week are left out.
    public func byActor(unit kode: String? = nil) -> [ActorCounts] {
        var sums: [String: Counts] = [:]
        let units = kode.map { Array(tree.subtree(of: $0)) } ?? tree.units
        for unit in units {
            for (actor, counts) in entries[unit.kode] ?? [:] { sums[actor, default: Counts()].add(counts) }
        }
        return sums.map { ActorCounts(actor: $0.key, counts: $0.value) }
            .filter { $0.counts.week > 0 }
            .sorted { ($1.counts.week, $0.actor) < ($0.counts.week, $1.actor) }
    }
}
