import Testing

@testable import IPASNTerminal

@Suite("ScrollList")
struct ScrollListTests {
    @Test func upDownKeepSelectionVisible() {
        var list = ScrollList(count: 10, height: 3)
        #expect(list.visibleRange == 0..<3)
        for _ in 0..<3 { do { let consumed = list.handle(.down); #expect(consumed) } }
        #expect(list.selection == 3)
        #expect(list.offset == 1)
        #expect(list.visibleRange == 1..<4)
        for _ in 0..<3 { _ = list.handle(.up) }
        #expect(list.selection == 0)
        #expect(list.offset == 0)
        _ = list.handle(.up)
        #expect(list.selection == 0)
    }

    @Test func pagingHomeEnd() {
        var list = ScrollList(count: 10, height: 4)
        _ = list.handle(.pageDown)
        #expect(list.selection == 4)
        #expect(list.visibleRange.contains(4))
        _ = list.handle(.pageDown)
        _ = list.handle(.pageDown)
        #expect(list.selection == 9)
        #expect(list.offset == 6)
        _ = list.handle(.pageUp)
        #expect(list.selection == 5)
        #expect(list.visibleRange.contains(5))
        _ = list.handle(.home)
        #expect(list.selection == 0)
        #expect(list.offset == 0)
        _ = list.handle(.end)
        #expect(list.selection == 9)
        #expect(list.visibleRange == 6..<10)
        do { let consumed = list.handle(.enter); #expect(!consumed) }
    }

    @Test func emptyAndShrinkingLists() {
        var empty = ScrollList(count: 0, height: 5)
        #expect(empty.isEmpty)
        _ = empty.handle(.end)
        #expect(empty.selection == 0)
        #expect(empty.visibleRange.isEmpty)
        var list = ScrollList(count: 20, height: 5, selection: 15)
        #expect(list.visibleRange.contains(15))
        list.update(count: 8)
        #expect(list.selection == 7)
        #expect(list.visibleRange == 3..<8)
        list.update(height: 20)
        #expect(list.offset == 0)
    }
}

@Suite("HorizontalBar")
struct HorizontalBarTests {
    @Test func emptyHalfFull() {
        #expect(HorizontalBar.render(value: 0, max: 100, width: 10) == String(repeating: " ", count: 10))
        #expect(HorizontalBar.render(value: 50, max: 100, width: 10) == "█████     ")
        #expect(HorizontalBar.render(value: 100, max: 100, width: 10) == "██████████")
        #expect(HorizontalBar.render(value: 250, max: 100, width: 4) == "████")  // clamped
    }

    @Test func eighthsForPartialCells() {
        #expect(HorizontalBar.render(value: 1, max: 4, width: 2) == "▌ ")  // half a cell = 4 eighths
        #expect(HorizontalBar.render(value: 3, max: 8, width: 1) == "▍")
        #expect(HorizontalBar.render(value: 9, max: 16, width: 2) == "█▏")
    }

    @Test func degenerateInputsGiveEmptyBars() {
        #expect(HorizontalBar.render(value: 5, max: 0, width: 3) == "   ")
        #expect(HorizontalBar.render(value: .nan, max: 10, width: 3) == "   ")
        #expect(HorizontalBar.render(value: -5, max: 10, width: 3) == "   ")
        #expect(HorizontalBar.render(value: 5, max: 10, width: 0) == "")
    }

    @Test func drawUsesFillAndEmptyStyles() {
        var grid = CellGrid(width: 6, height: 1)
        HorizontalBar.draw(into: &grid, row: 0, col: 1, width: 4, value: 1, max: 2)
        #expect(grid.text == " ██")
        #expect(grid.styles(row: 0) == [.normal, .barFill, .barFill, .barEmpty, .barEmpty, .normal])
    }
}

@Suite("KeyBar")
struct KeyBarTests {
    let bar = KeyBar([
        KeyBar.Item(.function(2), "Simpan"),
        KeyBar.Item(.ctrl("s"), "Simpan"),
        KeyBar.Item(.escape, "Batal"),
        KeyBar.Item(.function(10), "Keluar"),
    ])

    @Test func rendersPairsAndDropsWhatDoesNotFit() {
        #expect(bar.render(width: 80) == "F2 Simpan  Ctrl-S Simpan  Esc Batal  F10 Keluar")
        #expect(bar.render(width: 30) == "F2 Simpan  Ctrl-S Simpan")
        #expect(bar.render(width: 6) == "F2 Si…")
    }

    @Test func drawStylesKeyNamesAndFillsRow() {
        var grid = CellGrid(width: 20, height: 2)
        bar.draw(into: &grid, row: 1)
        #expect(grid.line(1) == "F2 Simpan")
        #expect(grid[1, 0].style == .keyName)
        #expect(grid[1, 1].style == .keyName)
        #expect(grid[1, 2].style == .keyBar)
        #expect(grid[1, 19].style == .keyBar)
        #expect(grid[0, 0].style == .normal)
    }
}

@Suite("Key and Theme")
struct KeyAndThemeTests {
    @Test func keyNames() {
        #expect(Key.function(2).name == "F2")
        #expect(Key.ctrl("s").name == "Ctrl-S")
        #expect(Key.enter.name == "Enter")
        #expect(Key.escape.name == "Esc")
        #expect(Key.pageDown.name == "PgDn")
        #expect(Key.pageUp.name == "PgUp")
        #expect(Key.char(" ").name == "Space")
        #expect(Key.char("q").name == "q")
        #expect(Set<Key>([.ctrl("s"), .ctrl("s"), .char("s")]).count == 2)
    }

    @Test func monochromeUsesAttributesOnly() {
        let theme = Theme.standard
        for style in Style.allRoles {
            let mono = theme.appearance(for: style, colorEnabled: false)
            #expect(mono.foreground == .terminalDefault)
            #expect(mono.background == .terminalDefault)
        }
        #expect(theme.appearance(for: .selected, colorEnabled: false).attributes.contains(.reverse))
        // Bars are block characters: reverse video would turn them into blanks.
        #expect(!theme.appearance(for: .barFill, colorEnabled: false).attributes.contains(.reverse))
        #expect(theme.appearance(for: .category(9), colorEnabled: true) == theme.appearance(for: .category(4), colorEnabled: true))
        #expect(theme.appearance(for: .category(0), colorEnabled: true).foreground == .green)
    }

    @Test func everyRoleHasAnEntryInBothTables() {
        for style in Style.allRoles {
            #expect(Theme.standard.color[style] != nil, "missing colour for \(style)")
            #expect(Theme.standard.monochrome[style] != nil, "missing mono for \(style)")
        }
    }
}
