import Foundation
import IPASNCore
import IPASNStore

/// Every unit's progress, in tree order: the rows of the dashboard and of the unit list,
/// and `ipasn report progress`.
public struct ProgressReport: Sendable {
    public let year: Int
    public let units: [UnitProgress]

    /// Units not yet marked done in every dimension ("masih dalam proses penginputan").
    public var inProgress: Int { units.filter { !$0.finished }.count }

    public static func compute(store: Store, year: Int) throws -> ProgressReport {
        let figures = try store.unitFigures(year: year)
        let names = UnitTree(figures.map(\.unit)).displayNames()
        let marks = doneMarks(try store.progressMarks())
        return ProgressReport(
            year: year,
            units: figures.map { UnitProgress(figure: $0, name: names[$0.unit.kode] ?? $0.unit.nama, marks: marks[$0.unit.kode] ?? [:]) })
    }

    /// The marks that are set, per unit and dimension.
    public static func doneMarks(_ marks: [ProgressMark]) -> [String: [ProgressDimension: ProgressMark]] {
        var result: [String: [ProgressDimension: ProgressMark]] = [:]
        for mark in marks where mark.done { result[mark.unit, default: [:]][mark.dimension] = mark }
        return result
    }
}
