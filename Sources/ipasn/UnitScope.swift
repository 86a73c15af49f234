import IPASNCore
import IPASNReports

/// `--unit KODE` of the unit reports: the unit and its sub-units, in tree order.
enum UnitScope {
    static func figures(_ figures: [UnitFigure], unit: String?) throws -> [UnitFigure] {
        guard let unit else { return figures }
        let tree = UnitTree(figures.map(\.unit))
        guard tree.contains(unit) else { throw CLIError("unknown unit \(unit)") }
        return figures.filter { tree.isInSubtree($0.unit.kode, of: unit) }
    }

    static func progress(_ report: ProgressReport, unit: String?) throws -> ProgressReport {
        do {
            return try report.within(unit: unit)
        } catch ReportError.unknownUnit(let kode) {
            throw CLIError("unknown unit \(kode)")
        }
    }
}
