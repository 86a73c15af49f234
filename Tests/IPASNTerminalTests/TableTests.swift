import Testing

@testable import IPASNTerminal

@Suite("Table")
struct TableTests {
    /// Name fills what is left, value right-aligned in 5, category left-aligned in 6.
    static let columns: [Table.Column] = [
        .init("Nama", width: .fill(minimum: 4)),
        .init("Nilai", width: .fixed(5), alignment: .right),
        .init("Kat", width: .fixed(6)),
    ]
    /// "Ruslï" with a combining diaeresis: five graphemes, five cells.
    static let rusli = "Rusl" + "i\u{0308}"

    @Test func fixedColumnsAndTheFillColumnShareTheWidth() {
        let table = Table(Self.columns, width: 20)
        #expect(table.widths == [7, 5, 6])  // 20 - 2 gaps - 11 fixed = 7
        #expect(table.starts == [0, 8, 14])
        #expect(table.usedWidth == 20)
        #expect(table.span(of: 2) == 14..<20)
        #expect(table.headerLine == "Nama    Nilai Kat   ")
        let two = Table([.init(width: .fill(minimum: 1)), .init(width: .fixed(3)), .init(width: .fill(minimum: 1))], width: 12)
        #expect(two.widths == [4, 3, 3])  // 7 left: the first filling column gets the odd cell
    }

    @Test func cellsAreAlignedAndCutByDisplayWidth() {
        let table = Table(Self.columns, width: 20)
        #expect(table.line([Self.rusli, "85,5", "Tinggi"]) == "Ruslï    85,5 Tinggi")
        #expect(table.line(["Sangat Tinggi", "100", "Sangat Rendah"]) == "Sangat…   100 Sanga…")
        // CJK takes two cells a character and is never split; the ellipsis counts.
        #expect(table.line(["张伟 Wibowo", "7", ""]) == "张伟 W…     7       ")
        #expect(table.line(["Abc张伟x", "", ""]) == "Abc张…              ", "a wide character that does not fit leaves a space")
        #expect(table.line(["👍 Budi", "", ""]) == "👍 Budi" + String(repeating: " ", count: 13))
        for cells in [[Self.rusli, "1"], ["张伟 Wibowo", "1"], ["👍 Budi", "1"], ["Abc张伟x", "1"]] {
            #expect(DisplayWidth.width(of: table.line(cells)) == 20, "\(cells[0])")
        }
        #expect(table.line(["x"]) == "x" + String(repeating: " ", count: 19), "missing cells are blank")
        #expect(table.line(["a\u{1B}[31m"]).hasPrefix("a\u{FFFD}[31m "), "control characters are made visible")
        let tight = Table([.init(width: .fixed(1)), .init(width: .fixed(3), alignment: .center, gap: 0)], width: 10)
        #expect(tight.line(["!", "a"]) == "! a ")
    }

    @Test func drawsTheHeaderAndRowsOnTheGrid() {
        var grid = CellGrid(width: 22, height: 4)
        let table = Table(Self.columns, width: 20)
        table.drawHeader(into: &grid, row: 0, col: 1)
        table.draw([.init(Self.rusli), "85,5", .init("Tinggi", style: .category(1))], into: &grid, row: 1, col: 1)
        table.draw(["张伟 Wibowo", "100", .init("Rendah", style: .category(3))], into: &grid, row: 2, col: 1)
        #expect(grid.line(0) == " Nama    Nilai Kat")
        #expect(grid.line(1) == " Ruslï    85,5 Tinggi")
        #expect(grid.line(2) == " 张伟 W…   100 Rendah")
        // The value column ends in the same cell on both rows, wide characters or not.
        #expect(grid[1, 13].grapheme == "5")
        #expect(grid[2, 13].grapheme == "0")
        #expect(grid[1, 15].grapheme == "T")
        #expect(grid[2, 15].grapheme == "R")
        // Header style over the whole header; a cell's own style over its whole column.
        #expect(grid.styles(row: 0)[1..<21].allSatisfy { $0 == .header })
        let styles = grid.styles(row: 1)
        #expect(styles[15..<21].allSatisfy { $0 == .category(1) })
        #expect(styles[0..<15].allSatisfy { $0 == .normal })
        #expect(styles[21] == .normal)
    }

    @Test func aSelectedRowIsABarAcrossTheGridWithoutCellStyles() {
        var grid = CellGrid(width: 22, height: 2)
        let table = Table(Self.columns, width: 20)
        table.draw(["Budi", "1", .init("Rendah", style: .category(3))], into: &grid, row: 1, col: 1, selected: true)
        #expect(grid.line(1) == " Budi        1 Rendah")
        #expect(grid.styles(row: 1).allSatisfy { $0 == .selected })
        table.draw(["Budi", "1", "Rendah"], into: &grid, row: 0, col: 1, style: .dim)
        #expect(grid.styles(row: 0)[1..<21].allSatisfy { $0 == .dim }, "the row's own style")
    }

    @Test func aTableWiderThanItsWidthIsClipped() {
        let table = Table(Self.columns, width: 12)
        #expect(table.widths == [4, 5, 6], "the fill column keeps its minimum")
        #expect(table.usedWidth == 17)
        var grid = CellGrid(width: 22, height: 1)
        table.draw([.init(Self.rusli), "85,5", .init("Tinggi", style: .category(1))], into: &grid, row: 0, col: 0)
        #expect(grid.line(0) == "Rus…  85,5 T")
        #expect(grid.styles(row: 0)[11] == .category(1))
        #expect(grid.styles(row: 0)[12] == .normal, "a cell style stops at the table's edge")
    }
}

@Suite("Table flexible columns")
struct TableFlexibleTests {
    static let columns: [Table.Column] = [
        .init("Tanggal", width: .fixed(10)),
        .init("Nama", width: .flexible(preferred: 20, minimum: 6)),
        .init("JP", width: .fixed(5), alignment: .right),
    ]

    @Test func aFlexibleColumnKeepsItsPreferredWidthWhenThereIsRoom() {
        let table = Table(Self.columns, width: 60)
        #expect(table.widths == [10, 20, 5])
        #expect(table.usedWidth == 37, "no stretching to the table's width")
    }

    @Test func aFlexibleColumnGivesUpCellsDownToItsMinimum() {
        #expect(Table(Self.columns, width: 30).widths == [10, 13, 5])  // 30 - 2 gaps - 15 fixed
        #expect(Table(Self.columns, width: 10).widths == [10, 6, 5])
        let table = Table(Self.columns, width: 30)
        #expect(table.line(["10-05-2023", "Seminar Manajemen ASN", "8 JP"]) == "10-05-2023 Seminar Mana…  8 JP")
    }

    @Test func fillColumnsKeepTheirMinimumBeforeFlexibleOnesKeepTheirPreference() {
        let table = Table(Self.columns + [.init(width: .fill(minimum: 4))], width: 40)
        // 40 - 3 gaps - 15 fixed - 4 for the fill column leaves the flexible column 18.
        #expect(table.widths == [10, 18, 5, 4])
        #expect(Table(Self.columns + [.init(width: .fill(minimum: 4))], width: 60).widths == [10, 20, 5, 22])
    }
}

@Suite("Table edge cases")
struct TableEdgeCaseTests {
    @Test func noColumnsAndNoRoomDrawNothing() {
        let empty = Table([], width: 10)
        #expect(empty.usedWidth == 0)
        #expect(empty.line(["x"]) == "")
        var grid = CellGrid(width: 5, height: 1)
        let cramped = Table([.init("Nama", width: .fill(minimum: 0)), .init("N", width: .fixed(2))], width: -3)
        #expect(cramped.widths == [0, 2])
        cramped.draw([.init("abc", style: .error), .init("12", style: .ok)], into: &grid, row: 0, col: 0)
        cramped.drawHeader(into: &grid, row: 0, col: 0)
        #expect(grid.line(0) == "")
        #expect(grid.styles(row: 0).allSatisfy { $0 == .normal })
    }

    @Test func rowsOutsideTheGridAreIgnored() {
        var grid = CellGrid(width: 10, height: 2)
        let table = Table([.init(width: .fixed(4))], width: 10)
        table.draw(["abcd"], into: &grid, row: 5, col: 0, selected: true)
        table.draw([.init("abcd", style: .error)], into: &grid, row: -1, col: 0)
        #expect(grid.text == "\n")
    }
}
