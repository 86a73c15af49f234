import Foundation
import IPASNCore
import IPASNStore

/// How far one unit has come: its figures (sub-units folded in) and which dimensions its
/// admin has marked "selesai diinput".
public struct UnitProgress: Hashable, Sendable {
    public var figure: UnitFigure
    /// The name as lists show it (``UnitTree/displayNames()``: `DINKES › Sekretariat`).
    public var name: String
    /// The marks that are set (done), by dimension; who set each and when.
    public var marks: [ProgressDimension: ProgressMark]

    public var unit: OrgUnit { figure.unit }
    public var done: Set<ProgressDimension> { Set(marks.keys) }
    /// Every dimension is marked done.
    public var finished: Bool { marks.count == ProgressDimension.allCases.count }
    /// The share of employees with complete data, 0 ... 1 (0 for a unit without employees).
    public var completeness: Double {
        figure.totals.pegawai == 0 ? 0 : Double(figure.totals.completePegawai) / Double(figure.totals.pegawai)
    }

    /// `PK··`: a letter for each dimension marked done (P pendidikan, K kompetensi,
    /// N kinerja, D disiplin), a dot for the others.
    public static func markText(_ done: Set<ProgressDimension>) -> String {
        let letters: [ProgressDimension: String] = [.pendidikan: "P", .kompetensi: "K", .kinerja: "N", .disiplin: "D"]
        return ProgressDimension.allCases.map { done.contains($0) ? letters[$0]! : "·" }.joined()
    }

    public var markText: String { Self.markText(done) }
}

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
