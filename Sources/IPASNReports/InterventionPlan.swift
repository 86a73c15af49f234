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
/// **Ranking** (``Order``). By default (``Order/own``) each unit stands for its own employees
/// only, not its sub-units': a row's gain is not counted again in its parents', so the root
/// (every employee) and the big parents, which topped the list by everyone's gain, no longer
/// hide where the gain is. The rows of one intervention add up to the whole index's rise. A
/// unit with sub-units shows as its own employees (``Row/withoutSubunits``). ``Order/index``
/// ranks the units with their sub-units by the rise of the scope's index: the
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

        /// The row counts the unit's own employees only, not its sub-units' (``Order/own``, for
        /// a unit that has sub-units); false when the row is the whole subtree (or a leaf).
        public var withoutSubunits = false

        public var meanAfter: Double { meanBefore + totals.meanGain }
        public var categoryChanges: Bool { categoryBefore.rank != categoryAfter.rank }
        public var indexCategoryChanges: Bool { indexCategoryBefore.rank != indexCategoryAfter.rank }
    }

    /// How the rows are ranked (see the type's documentation).
    public enum Order: String, CaseIterable, Sendable {
        /// Each unit by its own employees (no employee counted twice), ranked by the rise of the
        /// whole scope's index: the default.
        case own
        /// Each unit with its sub-units, by the rise of the whole scope's index (the root and
        /// big parents first: their rows hold their sub-units' gains).
        case index
        /// Each unit with its sub-units, by the rise of its mean (favours small units).
        case unitMean = "unit-mean"

        /// The next order (the workstation's `s`): own, index, unit mean, own...
        public var next: Order {
            switch self {
            case .own: return .index
            case .index: return .unitMean
            case .unitMean: return .own
            }
        }
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
    /// Every unit's own employees' rows with a gain (``Order/own``), ranked by the rise of the
    /// index; each employee's gain is in exactly one row.
    public let ownRows: [Row]
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
        /// The rows of one unit (its subtree's or its own employees' totals), those with a gain.
        func unitRows(_ unit: OrgUnit, _ byIntervention: [Intervention: InterventionTotals], before: Double, own: Bool) -> [Row] {
            Intervention.allCases.compactMap { intervention in
                guard let totals = byIntervention[intervention], totals.beneficiaries > 0 else { return nil }
                let indexGain = scopeTotals.pegawai > 0 ? totals.gain / Double(scopeTotals.pegawai) : 0
                return Row(
                    unit: unit, intervention: intervention, totals: totals, meanBefore: before,
                    categoryBefore: ruleset.category(for: NumberText.round(before)),
                    categoryAfter: ruleset.category(for: NumberText.round(before + totals.meanGain)),
                    indexGain: indexGain, indexCategoryBefore: indexCategory,
                    indexCategoryAfter: ruleset.category(for: NumberText.round(index + indexGain)),
                    withoutSubunits: own && tree.subtree(of: unit.kode).count > 1)
            }
        }
        var rows: [Row] = []
        var ownRows: [Row] = []
        let ownTotals = try store.directUnitTotals(year: year)
        for node in folded where scope.map({ tree.isInSubtree(node.unit.kode, of: $0) }) ?? true {
            rows += unitRows(node.unit, node.value, before: figures[node.unit.kode]?.meanTotal ?? 0, own: false)
            if let own = direct[node.unit.kode] {
                ownRows += unitRows(node.unit, own, before: ownTotals[node.unit.kode]?.meanTotal ?? 0, own: true)
            }
        }
        rows.sort { ranksBefore($0, $1, by: .index) }
        ownRows.sort { ranksBefore($0, $1, by: .index) }
        return InterventionPlan(
            stamp: stamp, scope: scope, teknisJP: max(1, ruleset.kompetensi.teknisMinimumJP), rows: rows, ownRows: ownRows,
            scopePegawai: scopeTotals.pegawai, index: index, indexCategory: indexCategory,
            gainersByUnit: gainers, tree: tree, names: tree.displayNames())
    }

    /// The plan's ranking in an order (see the type's documentation). The index order compares
    /// the total gains: every row's index rise is its total gain over the same divisor.
    public static func ranksBefore(_ a: Row, _ b: Row, by order: Order) -> Bool {
        switch order {
        case .own, .index:
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

    /// Who gains from an intervention in a unit and its sub-units (or its own employees only),
    /// the largest gain first (equal gains by NIP).
    public func gainers(unit kode: String, intervention: Intervention, withoutSubunits: Bool = false) -> [Gainer] {
        var result: [Gainer] = []
        let units = withoutSubunits ? Array(tree.subtree(of: kode).prefix(1)) : Array(tree.subtree(of: kode))
        for unit in units {
            result += gainersByUnit[unit.kode]?[intervention] ?? []
        }
        return result.sorted { ($0.gain, $1.nip) > ($1.gain, $0.nip) }
    }

    /// The rows of units with at least `minimumPegawai` employees (their own, in the own
    /// order), ranked in `order`.
    public func rows(by order: Order = .own, minimumPegawai: Int = 1) -> [Row] {
        let all = order == .own ? ownRows : rows
        let kept = minimumPegawai <= 1 ? all : all.filter { $0.totals.pegawai >= minimumPegawai }
        return order == .unitMean ? kept.sorted { Self.ranksBefore($0, $1, by: order) } : kept
    }

    /// The name of a unit as lists show it.
    public func name(of unit: OrgUnit) -> String { names[unit.kode] ?? unit.nama }
}

extension Intervention {
    /// Position in `allCases` (teknis, seminar, kepemimpinan, fungsional): the plan's last tie-break.
    public var order: Int { Intervention.allCases.firstIndex(of: self) ?? 0 }
}
