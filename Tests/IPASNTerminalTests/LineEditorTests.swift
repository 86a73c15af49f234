import Testing

@testable import IPASNTerminal

@Suite("LineEditor")
struct LineEditorTests {
    private func typed(_ text: String, into editor: inout LineEditor) {
        for character in text { _ = editor.handle(.char(character)) }
    }

    @Test func insertsAtCursorAndMovesIt() {
        var editor = LineEditor()
        typed("Budi", into: &editor)
        #expect(editor.text == "Budi")
        #expect(editor.cursorIndex == 4)
        do { let consumed = editor.handle(.left); #expect(consumed) }
        do { let consumed = editor.handle(.left); #expect(consumed) }
        typed("X", into: &editor)
        #expect(editor.text == "BuXdi")
        #expect(editor.cursorIndex == 3)
    }

    @Test func backspaceDeleteHomeEnd() {
        var editor = LineEditor(text: "Suryani")
        do { let consumed = editor.handle(.backspace); #expect(consumed) }
        #expect(editor.text == "Suryan")
        do { let consumed = editor.handle(.home); #expect(consumed) }
        #expect(editor.cursorIndex == 0)
        do { let consumed = editor.handle(.backspace); #expect(consumed) }  // nothing before the cursor
        #expect(editor.text == "Suryan")
        do { let consumed = editor.handle(.delete); #expect(consumed) }
        #expect(editor.text == "uryan")
        do { let consumed = editor.handle(.end); #expect(consumed) }
        do { let consumed = editor.handle(.delete); #expect(consumed) }  // nothing after the cursor
        #expect(editor.text == "uryan")
        #expect(editor.cursorIndex == 5)
        do { let consumed = editor.handle(.right); #expect(consumed) }
        #expect(editor.cursorIndex == 5)  // clamped
    }

    @Test func combiningAccentIsOneCharacter() {
        var editor = LineEditor(text: "Andre\u{301}")
        #expect(editor.cursorColumn == 5)
        _ = editor.handle(.backspace)
        #expect(editor.text == "Andr")
    }

    @Test func ctrlUClearsAndCtrlWDeletesWord() {
        var editor = LineEditor(text: "Ni Ketut  Ayu")
        do { let consumed = editor.handle(.ctrl("w")); #expect(consumed) }
        #expect(editor.text == "Ni Ketut  ")
        do { let consumed = editor.handle(.ctrl("w")); #expect(consumed) }
        #expect(editor.text == "Ni ")
        _ = editor.handle(.home)
        _ = editor.handle(.right)
        do { let consumed = editor.handle(.ctrl("k")); #expect(consumed) }
        #expect(editor.text == "N")
        do { let consumed = editor.handle(.ctrl("u")); #expect(consumed) }
        #expect(editor.text == "")
        #expect(editor.cursorIndex == 0)
    }

    @Test func refusesKeysItDoesNotUse() {
        var editor = LineEditor(text: "abc")
        for key: Key in [.enter, .tab, .backTab, .escape, .up, .down, .function(2), .ctrl("s"), .pageDown] {
            let consumed = editor.handle(key)
            #expect(!consumed, "\(key.name) should not be consumed")
        }
        #expect(editor.text == "abc")
        #expect(editor.cursorIndex == 3)
    }

    @Test func filterAndMaxLength() {
        var nip = LineEditor(maxLength: 5, filter: .digits)
        typed("12a3-4567", into: &nip)
        #expect(nip.text == "12345")
        var score = LineEditor(filter: .decimal)
        typed("8x7,5", into: &score)
        #expect(score.text == "87,5")
        // Control characters never get in, even through insert.
        var any = LineEditor()
        any.insert("a\u{1B}[b")
        #expect(any.text == "a[b")
    }

    @Test func cursorColumnCountsDisplayWidth() {
        var editor = LineEditor(text: "日本a")
        #expect(editor.cursorColumn == 5)
        _ = editor.handle(.left)
        #expect(editor.cursorColumn == 4)
    }

    @Test func viewportScrollsToKeepCursorVisible() {
        var editor = LineEditor(text: "abcdefghij")
        var view = editor.viewport(width: 5)
        #expect(view.text == "ghij")  // the last column stays free for the cursor
        #expect(view.cursorColumn == 4)
        #expect(view.firstColumn == 6)
        _ = editor.handle(.home)
        view = editor.viewport(width: 5)
        #expect(view.text == "abcde")
        #expect(view.cursorColumn == 0)
        // A wide character cut by the left edge becomes a space.
        let wide = LineEditor(text: "日本語x")
        let wideView = wide.viewport(width: 4)
        #expect(wideView.firstColumn == 4)
        #expect(wideView.text == "語x")
        #expect(wideView.cursorColumn == 3)
        let cut = LineEditor(text: "日本語").viewport(width: 4)  // first column 3: half of 本
        #expect(cut.text == " 語")
        #expect(DisplayWidth.width(of: cut.text) == 3)
    }

    @Test func drawFillsFieldAndPlacesCursor() {
        var grid = CellGrid(width: 12, height: 1)
        let editor = LineEditor(text: "Ayu")
        editor.draw(into: &grid, row: 0, col: 2, width: 6, focused: true)
        #expect(grid.text == "  Ayu")
        #expect(grid.cursor == Point(row: 0, col: 5))
        #expect(grid.styles(row: 0)[2...7].allSatisfy { $0 == .inputFocused })
        #expect(grid[0, 8].style == .normal)
        var unfocused = CellGrid(width: 12, height: 1)
        editor.draw(into: &unfocused, row: 0, col: 0, width: 4, focused: false)
        #expect(unfocused.cursor == nil)
        #expect(unfocused[0, 0].style == .input)
    }

    /// A field the cursor left shows its text from the start, cut with `…` (user tests 12 and 13:
    /// "Seminar Nasional Transformasi Digital ..." showed as " Digital Pelayanan Publik ..."
    /// once Tab left it, and after a resize); the focused field still follows the cursor.
    @Test func anUnfocusedFieldShowsItsStart() {
        let editor = LineEditor(text: "Seminar Nasional Transformasi Digital")
        var unfocused = CellGrid(width: 20, height: 1)
        editor.draw(into: &unfocused, row: 0, col: 0, width: 20, focused: false)
        #expect(unfocused.text == "Seminar Nasional Tr…")
        var focused = CellGrid(width: 20, height: 1)
        editor.draw(into: &focused, row: 0, col: 0, width: 20, focused: true)
        #expect(focused.text == "ransformasi Digital")
        #expect(focused.cursor == Point(row: 0, col: 19))
    }
}
