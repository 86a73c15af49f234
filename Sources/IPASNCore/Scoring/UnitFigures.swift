/// Running sums of employee scores: the raw material of a unit's means.
///
/// Sums add up exactly (points are multiples of 0.5), so a parent's totals are its
/// own employees' totals plus its sub-units' totals.
public struct ScoreTotals: Hashable, Sendable, Codable {
    public var pegawai: Int = 0
    public var completePegawai: Int = 0
    public var kualifikasi: Double = 0
    public var kompetensi: Double = 0
    public var kinerja: Double = 0
    public var disiplin: Double = 0

    public init() {}

    public init(
        pegawai: Int, completePegawai: Int, kualifikasi: Double, kompetensi: Double, kinerja: Double,
        disiplin: Double
    ) {
        self.pegawai = pegawai
        self.completePegawai = completePegawai
        self.kualifikasi = kualifikasi
        self.kompetensi = kompetensi
        self.kinerja = kinerja
        self.disiplin = disiplin
    }

    public var total: Double { kualifikasi + kompetensi + kinerja + disiplin }

    public mutating func add(_ score: EmployeeScore) {
        pegawai += 1
        if score.complete { completePegawai += 1 }
        kualifikasi += score.kualifikasi
        kompetensi += score.kompetensi
        kinerja += score.kinerja
        disiplin += score.disiplin
    }

    public mutating func add(_ other: ScoreTotals) {
        pegawai += other.pegawai
        completePegawai += other.completePegawai
        kualifikasi += other.kualifikasi
        kompetensi += other.kompetensi
        kinerja += other.kinerja
        disiplin += other.disiplin
    }

    /// The mean of one dimension (0 for a unit without employees).
    public func mean(_ dimension: ScoreDimension) -> Double {
        guard pegawai > 0 else { return 0 }
        switch dimension {
        case .kualifikasi: return kualifikasi / Double(pegawai)
        case .kompetensi: return kompetensi / Double(pegawai)
        case .kinerja: return kinerja / Double(pegawai)
        case .disiplin: return disiplin / Double(pegawai)
        }
    }

    /// The mean total (0 for a unit without employees).
    public var meanTotal: Double { pegawai > 0 ? total / Double(pegawai) : 0 }
}

/// A unit's figures for a year: its own employees and its sub-units' folded together.
public struct UnitFigure: Hashable, Sendable {
    public var unit: OrgUnit
    /// Depth in the tree (0 for a root), for indented lists.
    public var depth: Int
    public var totals: ScoreTotals
    /// The category of the mean total, rounded to 2 decimals as reported.
    public var category: Category

    public var meanTotal: Double { totals.meanTotal }
    public func mean(_ dimension: ScoreDimension) -> Double { totals.mean(dimension) }
}

/// Folds per-unit sums up the unit tree.
public enum UnitAggregation {
    /// Figures for every unit, in tree order (each parent before its children, siblings by kode).
    ///
    /// - Parameters:
    ///   - units: the whole unit tree.
    ///   - direct: each unit's sums over its *own* active employees (sub-units not included).
    public static func figures(units: [OrgUnit], direct: [String: ScoreTotals], ruleset: Ruleset) -> [UnitFigure] {
        figures(tree: UnitTree(units), direct: direct, ruleset: ruleset)
    }

    /// Figures for every unit of a tree, in tree order.
    public static func figures(tree: UnitTree, direct: [String: ScoreTotals], ruleset: Ruleset) -> [UnitFigure] {
        tree.fold(direct: direct, zero: ScoreTotals()) { $0.add($1) }.map { node in
            UnitFigure(
                unit: node.unit, depth: node.depth, totals: node.value,
                category: ruleset.category(for: NumberText.round(node.value.meanTotal)))
        }
    }

    /// Any per-unit sums folded up the tree (see ``UnitTree/fold(direct:zero:add:)``): each
    /// unit's value is its own plus all its sub-units'. Units come in tree order with their
    /// depth; units caught in a cycle are still listed, as roots after the others.
    public static func fold<Value>(
        units: [OrgUnit], direct: [String: Value], zero: Value, add: (inout Value, Value) -> Void
    ) -> [(unit: OrgUnit, depth: Int, value: Value)] {
        UnitTree(units).fold(direct: direct, zero: zero, add: add)
    }
}
