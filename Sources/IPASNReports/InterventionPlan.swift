import IPASNCore
import IPASNStore

/// Where a training intervention would raise the index most: the one implementation behind
/// `ipasn report interventions` and the workstation's intervention view.
///
/// One scan of every active employee's records (or those of one unit and its sub-units)
/// scores each employee with each intervention's course added (``InterventionPlanner``, so it
/// follows the active ruleset). Per unit (sub-units folded in) and intervention it gives how
/// many would gain, how far the whole scope's index would rise (the scope is the instansi, or
/// the unit the plan is limited to) and how far the unit's own mean would rise; for the
/// drill-down, which employees gain and by how much.
///
/// **Ranking** (``Order``). By default rows are ranked by the rise of the scope's index: the
/// sum of the employees' gains divided by the number of employees in the scope (every employee
/// weighs the same, so a 900-person unit whose mean rises 2 points comes before a 3-person
/// unit whose mean rises 5). Every row shares that divisor, so this is the order of the total
/// gain. Ties (a unit and its parent when only the unit's employees gain) go to the larger rise
/// of the unit mean (the smaller, more targeted unit), then to the unit kode (A to Z), then to
/// the intervention in the order teknis, seminar, kepemimpinan, fungsional.
/// ``Order/unitMean`` is the former order: the rise of the unit mean, then the larger total
/// gain, then unit kode, then intervention. Only rows where at least one employee gains are
/// listed.
///
/// **Categories.** Each row carries the unit's category now and after, and the scope's (the
/// index's) category now and after; both from the mean rounded to 2 decimals as reported.
public struct InterventionPlan: Sendable {
    /// One ranked row: a unit and an intervention that would raise at least one employee.
    public struct Row: Hashable, Sendable {
        public var unit: OrgUnit
        public var intervention: Intervention
        public var totals: InterventionTotals
        /// The unit's mean total now (sub-units included).
        public var meanBefore: Double
        public var categoryBefore: Category
        public var categoryAfter: Category

        /// How far the scope's index would rise: the employees' gains over every employee in
        /// the scope (``InterventionPlan/scopePegawai``).
        public var indexGain: Double
        /// The scope's index category now and after the intervention.
        public var indexCategoryBefore: Category
        public var indexCategoryAfter: Category

        public var meanAfter: Double { meanBefore + totals.meanGain }
        public var categoryChanges: Bool { categoryBefore.rank != categoryAfter.rank }
        public var indexCategoryChanges: Bool { indexCategoryBefore.rank != indexCategoryAfter.rank }
    }

    /// How the rows are ranked (see the type's documentation).
    public enum Order: String, CaseIterable, Sendable {
        /// By the rise of the whole scope's index (employee-weighted): the default.
        case index
        /// By the rise of the unit's own mean (the order before; favours small units).
        case unitMean = "unit-mean"

        /// The other order (the workstation's `s`).
        public var next: Order { self == .index ? .unitMean : .index }
    }

    /// One employee who would gain, and by how much.
    public struct Gainer: Hashable, Sendable {
        public var nip: String
        public var gain: Double
    }

    /// What the plan was computed from; a different stamp means the data changed.
    public struct Stamp: Equatable, Sendable {
        public var year: Int
        public var lastAudit: Int64?
        public var ruleset: Ruleset
    }

    public let stamp: Stamp
    /// The unit the plan is limited to (it and its sub-units), nil for the whole database.
    public let scope: String?
    /// The technical course's JP (the ruleset's minimum), for its name.
    public let teknisJP: Int
    /// Every row with a gain, ranked by the rise of the index (see the type's documentation);
    /// ``rows(by:minimumPegawai:)`` for the other order.
    public let rows: [Row]
    /// The employees in the scope (the divisor of every row's ``Row/indexGain``).
    public let scopePegawai: Int
    /// The scope's index now: the mean total of its employees.
    public let index: Double
    /// The scope's index category now.
    public let indexCategory: Category
    /// Per unit (its own employees only) and intervention, who gains.
    private let gainersByUnit: [String: [Intervention: [Gainer]]]
    /// The unit tree, for sub-units and for the names as the dashboard lists them.
    public let tree: UnitTree
    /// Each unit's name as lists show it (``UnitTree/displayNames()``).
    public let names: [String: String]

    /// The stamp of the store as it is now (one cheap query).
    public static func stamp(store: Store, year: Int, ruleset: Ruleset) throws -> Stamp {
        Stamp(year: year, lastAudit: try store.auditLog(limit: 1).first?.id, ruleset: ruleset)
    }

    /// Computes the plan for `year` under `ruleset`, for the whole database or for one unit
    /// and its sub-units (the rows of those units are the same either way). Throws
    /// ``ReportError/unknownUnit(_:)`` for a unit that does not exist.
    public static func compute(store: Store, year: Int, ruleset: Ruleset, unit scope: String? = nil) throws
        -> InterventionPlan
    {
        let stamp = try stamp(store: store, year: year, ruleset: ruleset)
        let tree = UnitTree(try store.units())
        if let scope, !tree.contains(scope) { throw ReportError.unknownUnit(scope) }
        let planner = InterventionPlanner(ruleset: ruleset)
        var direct: [String: [Intervention: InterventionTotals]] = [:]
        var gainers: [String: [Intervention: [Gainer]]] = [:]
        try store.forEachEmployeeRecords(inUnit: scope) { records in
            let gains = planner.tally(records, year: year, into: &direct)
            for (intervention, gain) in gains {
                gainers[records.pegawai.kodeUnit, default: [:]][intervention, default: []]
                    .append(Gainer(nip: records.pegawai.nip, gain: gain))
            }
        }
        let unitFigures = try store.unitFigures(year: year)
        let figures = Dictionary(unitFigures.map { ($0.unit.kode, $0) }, uniquingKeysWith: { a, _ in a })
        // The scope's index: the scope unit's figures, or every root's folded together.
        var scopeTotals = ScoreTotals()
        for figure in unitFigures where scope.map({ figure.unit.kode == $0 }) ?? (figure.depth == 0) {
            scopeTotals.add(figure.totals)
        }
        let index = scopeTotals.meanTotal
        let indexCategory = ruleset.category(for: NumberText.round(index))
        let folded = tree.fold(direct: direct, zero: [:]) { into, other in
            for (key, value) in other { into[key, default: InterventionTotals()].add(value) }
        }
        var rows: [Row] = []
        for node in folded where scope.map({ tree.isInSubtree(node.unit.kode, of: $0) }) ?? true {
            let before = figures[node.unit.kode]?.meanTotal ?? 0
            for intervention in Intervention.allCases {
                guard let totals = node.value[intervention], totals.beneficiaries > 0 else { continue }
                let indexGain = scopeTotals.pegawai > 0 ? totals.gain / Double(scopeTotals.pegawai) : 0
                rows.append(
                    Row(
                        unit: node.unit, intervention: intervention, totals: totals, meanBefore: before,
                        categoryBefore: ruleset.category(for: NumberText.round(before)),
                        categoryAfter: ruleset.category(for: NumberText.round(before + totals.meanGain)),
                        indexGain: indexGain, indexCategoryBefore: indexCategory,
                        indexCategoryAfter: ruleset.category(for: NumberText.round(index + indexGain))))
            }
        }
        rows.sort { ranksBefore($0, $1, by: .index) }
        return InterventionPlan(
            stamp: stamp, scope: scope, teknisJP: max(1, ruleset.kompetensi.teknisMinimumJP), rows: rows,
            scopePegawai: scopeTotals.pegawai, index: index, indexCategory: indexCategory,
            gainersByUnit: gainers, tree: tree, names: tree.displayNames())
    }

    /// The plan's ranking in an order (see the type's documentation). The index order compares
    /// the total gains: every row's index rise is its total gain over the same divisor.
    public static func ranksBefore(_ a: Row, _ b: Row, by order: Order) -> Bool {
        switch order {
        case .index:
            if a.totals.gain != b.totals.gain { return a.totals.gain > b.totals.gain }
            if a.totals.meanGain != b.totals.meanGain { return a.totals.meanGain > b.totals.meanGain }
        case .unitMean:
            if a.totals.meanGain != b.totals.meanGain { return a.totals.meanGain > b.totals.meanGain }
            if a.totals.gain != b.totals.gain { return a.totals.gain > b.totals.gain }
        }
        if a.unit.kode != b.unit.kode { return a.unit.kode < b.unit.kode }
        return a.intervention.order < b.intervention.order
    }

    /// The index after a row's intervention.
    public func indexAfter(_ row: Row) -> Double { index + row.indexGain }

    /// Who gains from an intervention in a unit and its sub-units, the largest gain first
    /// (equal gains by NIP).
    public func gainers(unit kode: String, intervention: Intervention) -> [Gainer] {
        var result: [Gainer] = []
        for unit in tree.subtree(of: kode) { result += gainersByUnit[unit.kode]?[intervention] ?? [] }
        return result.sorted { ($0.gain, $1.nip) > ($1.gain, $0.nip) }
    }

    /// The rows of units with at least `minimumPegawai` employees, ranked in `order`.
    public func rows(by order: Order = .index, minimumPegawai: Int = 1) -> [Row] {
        let kept = minimumPegawai <= 1 ? rows : rows.filter { $0.totals.pegawai >= minimumPegawai }
        return order == .index ? kept : kept.sorted { Self.ranksBefore($0, $1, by: order) }
    }

    /// The name of a unit as lists show it.
    public func name(of unit: OrgUnit) -> String { names[unit.kode] ?? unit.nama }
}

extension Intervention {
    /// Position in `allCases` (teknis, seminar, kepemimpinan, fungsional): the plan's last tie-break.
    public var order: Int { Intervention.allCases.firstIndex(of: self) ?? 0 }
}
