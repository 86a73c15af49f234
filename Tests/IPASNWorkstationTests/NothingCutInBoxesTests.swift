import Foundation
import IPASNCore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// Popups and titles never cut text silently: a line too wide ends with "…", lines that do not
/// fit end with " …", and a confirmation keeps its keys, at 80x24 and at 60x18.
@Suite struct NothingCutInBoxesTests {
    static let long =
        "Data pendidikan Ni Ketut Ayu Lestari (S-1 Universitas Udayana, lulus 30-08-2008) ditolak verifikator karena ijazah belum dilegalisir"

    @Test func aLineWiderThanTheBoxEndsWithAnEllipsis() throws {
        for size in [Size(width: 80, height: 24), Size(width: 60, height: 18)] {
            var grid = CellGrid(size: size)
            Dialogs.drawBox(&grid, title: "ipasn", lines: [Self.long])
            let row = try #require(grid.lines().first { $0.contains("Data pendidikan") })
            // The inner width is the screen's less 4 (frame and margins): the text ends with "…" at the frame.
            #expect(row.contains("… ║"), "\(size): \(row)")
        }
    }

    @Test func tooManyLinesEndWithAnEllipsisRow() {
        // 60x18: a box of at most 16 rows, 14 inside; 20 lines: rows 1-13 as they are, row 14 "Baris 14 …".
        var grid = CellGrid(size: Size(width: 60, height: 18))
        Dialogs.drawBox(&grid, title: "ipasn", lines: (1...20).map { "Baris \($0)" })
        let lines = grid.lines()
        #expect(lines.contains { $0.contains("Baris 13") })
        #expect(lines.contains { $0.contains("Baris 14 …") })
        #expect(!lines.contains { $0.contains("Baris 15") })
        #expect(Dialogs.fit(["a", "b", "c"], rows: 2, width: 10) == ["a", "b …"])
        #expect(Dialogs.fit(["abcdefghijkl"], rows: 1, width: 5) == ["abcd…"])
        #expect(Dialogs.fit(["a"], rows: 0, width: 5) == [])
    }

    @Test func aLongQuestionKeepsItsKeysAt60x18() throws {
        let store = try makeStore()
        let app = try App(store: store, language: .id, keymap: .standard, context: testContext, loadDemo: nil, importFile: nil)
        app.replaceAll(with: UnitListView(app: app))
        let question = String(repeating: Self.long + ". ", count: 8)
        app.confirm(question, onYes: {})
        let lines = app.frame(size: Size(width: 60, height: 18)).lines()
        #expect(lines.contains { $0.contains(" …") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("(Enter = ") }, "the keys are never pushed off the box")
        let wide = app.frame(size: Size(width: 80, height: 24)).lines()
        #expect(wide.contains { $0.contains("(Enter = ") })
    }

    @Test func aTitleTooLongForTheScreenEndsWithAnEllipsis() {
        var grid = CellGrid(size: Size(width: 60, height: 18))
        Draw.title(&grid, "Rekonsiliasi dengan Nilai BKN — hasil-pengukuran-ip-asn-pemerintah-kabupaten-2024.xlsx", right: "Tahun 2024")
        let title = grid.line(0)
        #expect(title.hasSuffix("…"), "\(title)")
        #expect(DisplayWidth.width(of: title) == 60)
    }
}
