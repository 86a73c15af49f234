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
    /// The share of employees with complete data (``Completeness``, as the cached scores
    /// hold it), 0 ... 1 (0 for a unit without employees).
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
