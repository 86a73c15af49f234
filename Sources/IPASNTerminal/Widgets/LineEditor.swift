/// A single-line text edit buffer with a cursor, for input fields.
///
/// It edits grapheme clusters (so `e\u{301}` is deleted as one), measures the
/// cursor in display columns, and scrolls horizontally when the text is wider
/// than its field.
///
/// Keys: printable characters insert; Backspace, Del, Left, Right, Home/Ctrl-A,
/// End/Ctrl-E; Ctrl-U clears the line; Ctrl-W deletes the word before the
/// cursor; Ctrl-K deletes to the end. ``handle(_:)`` returns `false` for any
/// other key so the screen can use it (Tab, Enter, Esc, F-keys...).
///
/// ```swift
/// var nip = LineEditor(text: "", maxLength: 18, filter: .digits)
/// if !nip.handle(key) { moveFocus(key) }
/// nip.draw(into: &grid, row: 3, col: 20, width: 20, focused: true)
/// ```
public struct LineEditor: Hashable, Sendable {
    /// Which characters may be typed in.
    public enum Filter: Hashable, Sendable {
        /// Any printable character.
        case any
        /// ASCII digits only (NIP, NIK, years).
        case digits
        /// Digits plus `.` and `,` (scores, amounts).
        case decimal

        func allows(_ character: Character) -> Bool {
            switch self {
            case .any: return true
            case .digits: return character.isASCII && character.isNumber
            case .decimal: return (character.isASCII && character.isNumber) || character == "." || character == ","
            }
        }
    }

    private var characters: [Character]
    /// Cursor position as an index into the characters, `0...count`.
    public private(set) var cursorIndex: Int
    /// Maximum number of characters, or `nil` for no limit.
    public var maxLength: Int?
    /// Which characters are accepted.
    public var filter: Filter

    /// Creates an editor holding `text` (sanitized) with the cursor at its end.
    public init(text: String = "", maxLength: Int? = nil, filter: Filter = .any) {
        self.characters = Array(DisplayWidth.sanitize(text))
        self.maxLength = maxLength
        self.filter = filter
        if let maxLength, characters.count > maxLength {
            characters.removeLast(characters.count - maxLength)
        }
        self.cursorIndex = characters.count
    }

    /// The current text. Setting it (sanitized, cut to ``maxLength``) puts
    /// the cursor at the end; the filter is not applied to assigned text.
    public var text: String {
        get { String(characters) }
        set {
            self = LineEditor(text: newValue, maxLength: maxLength, filter: filter)
        }
    }

    /// Whether the text is empty.
    public var isEmpty: Bool { characters.isEmpty }

    /// Display columns before the cursor (where the cursor is drawn when the
    /// text is not scrolled).
    public var cursorColumn: Int {
        characters[..<cursorIndex].reduce(0) { $0 + DisplayWidth.width(of: $1) }
    }

    /// Moves the cursor to `index`, clamped to `0...text.count`.
    public mutating func moveCursor(to index: Int) {
        cursorIndex = min(max(index, 0), characters.count)
    }

    /// Inserts `string` at the cursor, dropping characters the ``filter``
    /// refuses, control characters and anything beyond ``maxLength``.
    /// Returns whether anything was inserted.
    @discardableResult
    public mutating func insert(_ string: String) -> Bool {
        var inserted = false
        for character in string {
            if character.unicodeScalars.contains(where: DisplayWidth.isUnsafe) { continue }
            if !filter.allows(character) { continue }
            if let maxLength, characters.count >= maxLength { break }
            characters.insert(character, at: cursorIndex)
            cursorIndex += 1
            inserted = true
        }
        return inserted
    }

    /// Applies an editing key; returns `false` (and changes nothing) for keys
    /// the editor does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let character):
            insert(String(character))
        case .backspace:
            if cursorIndex > 0 {
                characters.remove(at: cursorIndex - 1)
                cursorIndex -= 1
            }
        case .delete:
            if cursorIndex < characters.count { characters.remove(at: cursorIndex) }
        case .left:
            moveCursor(to: cursorIndex - 1)
        case .right:
            moveCursor(to: cursorIndex + 1)
        case .home, .ctrl("a"):
            cursorIndex = 0
        case .end, .ctrl("e"):
            cursorIndex = characters.count
        case .ctrl("u"):
            characters.removeAll()
            cursorIndex = 0
        case .ctrl("k"):
            characters.removeSubrange(cursorIndex...)
        case .ctrl("w"):
            var start = cursorIndex
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursorIndex)
            cursorIndex = start
        default:
            return false
        }
        return true
    }

    /// What a field of `width` columns shows.
    public struct Viewport: Hashable, Sendable {
        /// The visible text, at most `width` columns.
        public var text: String
        /// The cursor column inside the field, `0..<width`.
        public var cursorColumn: Int
        /// Display column of the text shown at the left edge of the field.
        public var firstColumn: Int
    }

    /// The slice of text visible in a field of `width` columns, scrolled so
    /// the cursor is always inside the field (when at the end of the text, the
    /// last column is kept free for it). A wide character cut by the left
    /// edge shows as a space.
    public func viewport(width: Int) -> Viewport {
        guard width > 0 else { return Viewport(text: "", cursorColumn: 0, firstColumn: 0) }
        let first = max(0, cursorColumn - (width - 1))
        var text = ""
        var column = 0  // display column in the whole text
        var used = 0
        for character in characters {
            let w = DisplayWidth.width(of: character)
            defer { column += w }
            if column + w <= first { continue }
            if column < first {  // straddles the left edge
                let visible = column + w - first
                text += String(repeating: " ", count: visible)
                used += visible
                continue
            }
            if used + w > width { break }
            text.append(character)
            used += w
        }
        return Viewport(text: text, cursorColumn: cursorColumn - first, firstColumn: first)
    }

    /// Draws the field: its `width` columns in `.inputFocused` or `.input`,
    /// the visible text, and (when `focused`) sets the grid cursor. A field
    /// the cursor is not in shows its text from the start, cut with `…` when
    /// wider (user tests 12 and 13: a long course name left by Tab, or redrawn
    /// narrower after a resize, showed only its end, "Digital Pelayanan ...").
    public func draw(into grid: inout CellGrid, row: Int, col: Int, width: Int, focused: Bool) {
        let style: Style = focused ? .inputFocused : .input
        let view = viewport(width: width)
        grid.fill(row: row, col: col, width: width, height: 1, style: style)
        grid.put(focused ? view.text : DisplayWidth.truncate(text, toWidth: width), row: row, col: col, style: style, maxWidth: width)
        if focused, width > 0 {
            grid.cursor = Point(row: row, col: col + view.cursorColumn)
        }
    }
}
