import Testing

@testable import IPASNTerminal

/// The printable-ASCII path of ``CellGrid/put(_:row:col:style:maxWidth:)`` and the one-column
/// path of ``CellGrid/fill(row:col:width:height:char:style:)`` (branch pgpage: every frame is
/// mostly ASCII text and blank fills) leave exactly the cells the general path leaves: the
/// same text with a zero-width space after it goes the general way (the space is skipped).
@Suite struct CellGridFastPathTests {
    /// A row with wide characters in it, so that halves of them are overwritten.
    func base() -> CellGrid {
        var grid = CellGrid(width: 9, height: 2)
        grid.put("日本x語", row: 0, col: 1, style: .title)
        grid.put("界", row: 1, col: 7)
        return grid
    }

    @Test func asciiTextLeavesTheCellsOfTheGeneralPath() {
        for text in ["", "a", "Halo", "Pelatihan Teknis 01-03-2024", "~ !"] {
            for col in -3...10 {
                for maxWidth in [nil, 0, 1, 2, 5] as [Int?] {
                    for row in [0, 1] {
                        var fast = base()
                        var general = base()
                        let used = fast.put(text, row: row, col: col, style: .input, maxWidth: maxWidth)
                        let usedGeneral = general.put(text + "\u{200B}", row: row, col: col, style: .input, maxWidth: maxWidth)
                        #expect(used == usedGeneral, "\(text) at \(col), max \(String(describing: maxWidth))")
                        #expect(fast == general, "\(text) at \(col), max \(String(describing: maxWidth)):\n\(fast.text)\n\(general.text)")
                    }
                }
            }
        }
    }

    @Test func oneColumnFillsLeaveTheCellsOfTheGeneralPath() {
        for char in [" ", "-", "─", "█"] as [Character] {
            for col in -3...10 {
                for width in [0, 1, 3, 12] {
                    var fast = base()
                    var general = base()
                    fast.fill(row: -1, col: col, width: width, height: 3, char: char, style: .border)
                    let line = String(repeating: char, count: width + 1) + "\u{200B}"
                    for row in 0..<2 where width > 0 {
                        general.put(line, row: row, col: col, style: .border, maxWidth: width)
                    }
                    #expect(fast == general, "\(char) at \(col), width \(width):\n\(fast.text)\n\(general.text)")
                }
            }
        }
        // Hand-checked: a blank over the right half of 日 blanks its left half too.
        var grid = base()
        grid.fill(row: 0, col: 2, width: 1, height: 1)
        #expect(grid.line(0) == "   本x語")
    }
}
