import IPASNTerminal

/// The text of one input field with its cursor (grapheme clusters, display columns).
struct TextBuffer: Hashable, Sendable {
    private(set) var characters: [Character]
    private(set) var cursor: Int
    var maxLength: Int

    init(_ text: String = "", maxLength: Int = 200) {
        characters = Array(DisplayWidth.sanitize(text).prefix(maxLength))
        cursor = characters.count
        self.maxLength = maxLength
    }

    var text: String {
        get { String(characters) }
        set { self = TextBuffer(newValue, maxLength: maxLength) }
    }

    /// Applies an editing key; false for keys it does not use.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard !c.unicodeScalars.contains(where: DisplayWidth.isUnsafe), characters.count < maxLength else {
                return true
            }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"):
            characters.removeAll()
            cursor = 0
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Draws the field in `width` columns, scrolled so the cursor is visible.
    func draw(into grid: inout CellGrid, row: Int, col: Int, width: Int, focused: Bool, style: Style? = nil) {
        guard width > 0 else { return }
        let fieldStyle = style ?? (focused ? .inputFocused : .input)
        grid.fill(row: row, col: col, width: width, height: 1, style: fieldStyle)
        let before = characters[..<cursor].reduce(0) { $0 + DisplayWidth.width(of: $1) }
        let first = max(0, before - (width - 1))
        var skipped = 0
        var start = 0
        while start < characters.count, skipped < first {
            skipped += DisplayWidth.width(of: characters[start])
            start += 1
        }
        let visible = String(characters[start...])
        grid.put(visible, row: row, col: col, style: fieldStyle, maxWidth: width)
        if focused { grid.cursor = Point(row: row, col: col + min(width - 1, before - skipped)) }
    }
}
