import Foundation
import IPASNCore
import IPASNStore

/// Records entered since a moment (`ipasn report activity --since DATE`), counted from the
/// audit log as ``UnitActivity`` counts today and this week: per unit with its sub-units
/// folded in, and per admin.
public struct EntriesSince: Sendable {
    public let since: Date
    public let tree: UnitTree
    private let folded: [String: Int]
    private let entries: [String: [String: Int]]

    public static func compute(store: Store, since: Date) throws -> EntriesSince {
        let tree = UnitTree(try store.units())
        var entries: [String: [String: Int]] = [:]
        for entry in try store.recordEntries(since: since) { entries[entry.unit, default: [:]][entry.actor, default: 0] += entry.count }
        let direct = entries.mapValues { $0.values.reduce(0, +) }
        var folded: [String: Int] = [:]
        for node in tree.fold(direct: direct, zero: 0, add: { $0 += $1 }) where node.value != 0 { folded[node.unit.kode] = node.value }
        return EntriesSince(since: since, tree: tree, folded: folded, entries: entries)
    }

    /// The start of `day` in `timeZone`.
    public static func start(of day: LocalDate, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// A unit's count, sub-units included.
    public func count(unit kode: String) -> Int { folded[kode] ?? 0 }

    /// Everything entered since the moment.
    public var total: Int { tree.roots.reduce(0) { $0 + count(unit: $1.kode) } }

    /// Per admin, for a unit and its sub-units (all for nil).
    public func count(actor: String, unit kode: String? = nil) -> Int {
        let units = kode.map { Array(tree.subtree(of: $0)) } ?? tree.units
        return units.reduce(0) { $0 + (entries[$1.kode]?[actor] ?? 0) }
    }
}
