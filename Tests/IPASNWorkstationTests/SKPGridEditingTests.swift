import Foundation
import IPASNCore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// The bulk SKP grid's cells take the field editing keys: Ctrl-U empties the cell, Ctrl-W
/// deletes its last word (before, a mistyped predikat could only be backspaced letter by letter).
@Suite struct SKPGridEditingTests {
    @Test func ctrlUEmptiesTheCellAndCtrlWDeletesTheLastWord() throws {
        var grid = SKPGrid(year: 2024, employees: [], existing: [:])
        grid.clearCell()  // no rows: nothing to do, no trap
        grid.deleteWord()
        let store = try makeStore()
        let employees = try store.pegawai(inUnit: "BKPSDM", includeSubunits: true)
        grid = SKPGrid(year: 2024, employees: employees, existing: try store.skp(year: 2024, nips: employees.map(\.nip)))
        for c in "Sangat Kurang  " { grid.type(c) }
        grid.deleteWord()
        #expect(grid.text == "Sangat ")
        grid.deleteWord()
        #expect(grid.text == "")
        for c in "Sangat Baiksb" { grid.type(c) }
        grid.clearCell()
        #expect(grid.text == "")
    }

    @Test func aMistypedPredikatIsClearedWithCtrlUAndRetyped() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.enqueue(text: "Sangat Baiksb")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.shows("Predikat \"Sangat Baiksb\" tidak dikenal"), "\(grid)")
            }
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "sangat kurang")
            s.enqueue(.ctrl("w"))
            s.enqueue(text: "baik")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.line(containing: "Budi Santoso")?.contains("Sangat Baik") == true, "\(grid)")
                #expect(!grid.shows("tidak dikenal"))
            }
        }
    }
}
