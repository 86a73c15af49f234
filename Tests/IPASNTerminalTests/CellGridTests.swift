import Testing

@testable import IPASNTerminal

@Suite("CellGrid")
struct CellGridTests {
    @Test func putWritesTextAndStyle() {
        var grid = CellGrid(width: 10, height: 2)
        let used = grid.put("Halo", row: 1, col: 2, style: .title)
        #expect(used == 4)
        #expect(grid.lines() == ["", "  Halo"])
        #expect(grid[1, 2] == Cell("H", style: .title))
        #expect(grid[1, 6].style == .normal)
    }

    @Test func putClipsAtRightEdgeAndMaxWidth() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.put("Suryani", row: 0, col: 2) == 4)
        #expect(grid.text == "  Sury")
        var other = CellGrid(width: 10, height: 1)
        other.put("Suryani", row: 0, col: 1, maxWidth: 3)
        #expect(other.text == " Sur")
        // Out-of-range rows are ignored.
        #expect(other.put("x", row: 5, col: 0) == 0)
        #expect(other.put("x", row: -1, col: 0) == 0)
    }

    @Test func wideCharacterAtLastColumnIsNotSplit() {
        var grid = CellGrid(width: 5, height: 1)
        grid.fill(row: 0, col: 0, width: 5, height: 1, char: ".")
        grid.put("ab日本", row: 0, col: 0)
        // 日 fits in columns 2-3, 本 would need 4-5: column 4 becomes a space.
        #expect(grid.text == "ab日")
        #expect(grid[0, 2].grapheme == "日")
        #expect(grid[0, 3].isContinuation)
        #expect(grid[0, 4] == Cell(" "))
        // Directly at the last column.
        var last = CellGrid(width: 4, height: 1)
        last.fill(row: 0, col: 0, width: 4, height: 1, char: "x")
        #expect(last.put("界", row: 0, col: 3) == 1)
        #expect(last.text == "xxx")
    }

    @Test func sanitizesControlCharactersOnPut() {
        var grid = CellGrid(width: 12, height: 1)
        grid.put("\u{1B}[31mX", row: 0, col: 0)
        #expect(grid.text == "�[31mX")
        #expect(!grid.text.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func combiningAccentsStayInOneCell() {
        var grid = CellGrid(width: 8, height: 1)
        #expect(grid.put("Andre\u{301}!", row: 0, col: 0) == 6)
        #expect(grid[0, 4].grapheme == "e\u{301}")
        #expect(grid[0, 5].grapheme == "!")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("日本語", row: 0, col: 0)
        grid.put("x", row: 0, col: 1)  // right half of 日
        #expect(grid[0, 0] == Cell(" "))
        #expect(grid.text == " x本語")
        grid.put("y", row: 0, col: 2)  // left half of 本
        #expect(grid[0, 3] == Cell(" "))
        #expect(grid.text == " xy 語")
    }

    @Test func negativeColumnIsClippedOnTheLeft() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("abcdef", row: 0, col: -2)
        #expect(grid.text == "cdef")
    }

    @Test func boxDrawsUnicodeLinesAndTitle() {
        var grid = CellGrid(width: 12, height: 4)
        grid.box(row: 0, col: 0, width: 12, height: 4, title: "Data")
        #expect(
            grid.lines() == [
                "┌ Data ────┐",
                "│          │",
                "│          │",
                "└──────────┘",
            ])
        #expect(grid[0, 0].style == .border)
        #expect(grid[0, 2].style == .title)
        var double = CellGrid(width: 3, height: 3)
        double.box(row: 0, col: 0, width: 3, height: 3, lines: .double)
        #expect(double.lines() == ["╔═╗", "║ ║", "╚═╝"])
    }

    @Test func boxTitleIsTruncated() {
        var grid = CellGrid(width: 10, height: 2)
        grid.box(row: 0, col: 0, width: 10, height: 2, title: "Rekapitulasi")
        #expect(grid.lines()[0] == "┌ Rekap… ┐")
    }

    @Test func fillAndLinesClipToGrid() {
        var grid = CellGrid(width: 4, height: 3)
        grid.fill(row: 1, col: 2, width: 10, height: 10, char: "#", style: .selected)
        #expect(grid.lines() == ["", "  ##", "  ##"])
        #expect(grid[2, 3].style == .selected)
        grid.hline(row: 0, col: 0, width: 4)
        #expect(grid.line(0) == "────")
        grid.fill(row: 40, col: 0, width: 2, height: 2)  // fully outside: no crash
        grid.fill(row: 0, col: 0, width: 4, height: 1, char: "日")
        #expect(grid.line(0) == "日日")
    }

    @Test func setStyleKeepsText() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("abc", row: 0, col: 0)
        grid.setStyle(row: 0, col: 1, width: 10, style: .selected)
        #expect(grid.text == "abc")
        #expect(grid.styles(row: 0) == [.normal, .selected, .selected, .selected, .selected, .selected])
    }

    @Test func linesTrimTrailingSpacesButKeepInnerOnes() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("a  b", row: 0, col: 1)
        #expect(grid.text == " a  b")
        grid.cursor = Point(row: 0, col: 3)
        #expect(grid.cursor == Point(row: 0, col: 3))
    }
}
