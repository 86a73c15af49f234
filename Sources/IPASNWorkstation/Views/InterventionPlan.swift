import IPASNCore
import IPASNStore

/// What each training intervention would do for every unit, from one scan of every active
/// employee's records (the figures of `ipasn report interventions`): per unit (sub-units
/// folded in) and intervention, how many would gain and how far the unit mean would rise;
/// and, for the drill-down, which employees gain and by how much (NIPs and gains only).
struct InterventionPlan {
    /// One ranked row: a unit and an intervention that would raise at least one employee.
    struct Row: Equatable {
        var unit: OrgUnit
        var intervention: Intervention
        var totals: InterventionTotals
        var meanBefore: Double
        var categoryBefore: Category
        var categoryAfter: Category

        var meanAfter: Double { meanBefore + totals.meanGain }
        var categoryChanges: Bool { categoryBefore.rank != categoryAfter.rank }
    }

    struct Gainer: Hashable {
        var nip: String
        var gain: Double
    }

    /// What the plan was computed from; a different stamp means the data changed.
    struct Stamp: Equatable {
        var year: Int
        var lastAudit: Int64?
        var ruleset: Ruleset
    }

    let stamp: Stamp
    /// The technical course's JP (the ruleset's minimum), for its name.
    let teknisJP: Int
    /// Every row with a gain, ranked by the rise of the unit mean.
    let rows: [Row]
    /// Per unit (its own employees only) and intervention, who gains.
    let gainers: [String: [Intervention: [Gainer]]]
    let children: [String: [String]]
    /// Every unit, for the names as the dashboard lists them.
    let units: [OrgUnit]

    /// The stamp of the store as it is now (one cheap query).
    static func stamp(store: Store, year: Int, ruleset: Ruleset) throws -> Stamp {
        Stamp(year: year, lastAudit: try store.auditLog(limit: 1).first?.id, ruleset: ruleset)
    }

    static func compute(store: Store, year: Int, ruleset: Ruleset) throws -> InterventionPlan {
        let stamp = try stamp(store: store, year: year, ruleset: ruleset)
        let planner = InterventionPlanner(ruleset: ruleset)
        var direct: [String: [Intervention: InterventionTotals]] = [:]
        var gainers: [String: [Intervention: [Gainer]]] = [:]
        try store.forEachEmployeeRecords(inUnit: nil) { records in
            // The same sums as `InterventionPlanner.tally`, from one computation of the gains.
            let gains = planner.gains(records, year: year)
            let kode = records.pegawai.kodeUnit
            var unit = direct[kode] ?? [:]
            for intervention in Intervention.allCases {
                var entry = unit[intervention] ?? InterventionTotals()
                entry.pegawai += 1
                if let gain = gains[intervention] {
                    entry.beneficiaries += 1
                    entry.gain += gain
                    gainers[kode, default: [:]][intervention, default: []].append(Gainer(nip: records.pegawai.nip, gain: gain))
                }
                unit[intervention] = entry
            }
            direct[kode] = unit
        }
        let units = try store.units()
        let figures = Dictionary(try store.unitFigures(year: year).map { ($0.unit.kode, $0) }, uniquingKeysWith: { a, _ in a })
        let folded = UnitAggregation.fold(units: units, direct: direct, zero: [:]) { into, other in
            for (key, value) in other { into[key, default: InterventionTotals()].add(value) }
        }
        var rows: [Row] = []
        for node in folded {
            let before = figures[node.unit.kode]?.meanTotal ?? 0
            for intervention in Intervention.allCases {
                guard let totals = node.value[intervention], totals.beneficiaries > 0 else { continue }
                rows.append(
                    Row(
                        unit: node.unit, intervention: intervention, totals: totals, meanBefore: before,
                        categoryBefore: ruleset.category(for: NumberText.round(before)),
                        categoryAfter: ruleset.category(for: NumberText.round(before + totals.meanGain))))
            }
        }
        rows.sort {
            ($0.totals.meanGain, $0.totals.gain, $1.unit.kode, $1.intervention.order)
                > ($1.totals.meanGain, $1.totals.gain, $0.unit.kode, $0.intervention.order)
        }
        var children: [String: [String]] = [:]
        let known = Set(units.map(\.kode))
        for unit in units {
            if let parent = unit.induk, known.contains(parent), parent != unit.kode { children[parent, default: []].append(unit.kode) }
        }
        return InterventionPlan(
            stamp: stamp, teknisJP: max(1, ruleset.kompetensi.teknisMinimumJP), rows: rows, gainers: gainers,
            children: children, units: units)
    }

    /// Who gains from an intervention in a unit and its sub-units, the largest gain first.
    func gainers(unit kode: String, intervention: Intervention) -> [Gainer] {
        var result: [Gainer] = []
        var pending = [kode]
        var seen = Set<String>()
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            result += gainers[next]?[intervention] ?? []
            pending += children[next] ?? []
        }
        return result.sorted { ($0.gain, $1.nip) > ($1.gain, $0.nip) }
    }

    /// The rows of units with at least `minimumPegawai` employees.
    func rows(minimumPegawai: Int) -> [Row] {
        minimumPegawai <= 1 ? rows : rows.filter { $0.totals.pegawai >= minimumPegawai }
    }
}

extension Intervention {
    /// Position in `allCases`, to break ties in a fixed order.
    var order: Int { Intervention.allCases.firstIndex(of: self) ?? 0 }
}

/// The workstation's copy of the plan: computed once, kept until the data, the year or the
/// ruleset change (a save, an undo, an import, here or in another session) or Ctrl-L.
final class InterventionCache {
    private(set) var plan: InterventionPlan?
    /// How many scans were made (tests check the cache with it).
    private(set) var computations = 0

    /// The cached plan when it still matches the store, else nil.
    func current(app: App) -> InterventionPlan? {
        guard let plan else { return nil }
        guard let stamp = try? InterventionPlan.stamp(store: app.store, year: app.year, ruleset: app.engine.ruleset),
            stamp == plan.stamp
        else { return nil }
        return plan
    }

    /// Scans the store (a second or two at province scale).
    func compute(app: App) throws -> InterventionPlan {
        let plan = try InterventionPlan.compute(store: app.store, year: app.year, ruleset: app.engine.ruleset)
        computations += 1
        self.plan = plan
        return plan
    }

    func invalidate() { plan = nil }
}
