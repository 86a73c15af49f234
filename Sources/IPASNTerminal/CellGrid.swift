/// A `width` x `height` grid of ``Cell``s: the frame a screen draws into.
///
/// Every screen of the application renders into a `CellGrid`, which a
/// ``Screen`` then presents: ``VirtualScreen`` keeps it for tests,
/// ``NcursesScreen`` draws the cells that changed. All writes are clipped to
/// the grid; text is sanitized (see ``DisplayWidth/sanitize(_:)``) and a wide
/// character is never split across an edge.
///
/// ```swift
/// var grid = CellGrid(size: screen.size)
/// grid.box(row: 0, col: 0, width: 40, height: 5, title: "Pegawai")
/// grid.put("Nama: Ni Ketut Ayu", row: 1, col: 2)
/// grid.cursor = Point(row: 1, col: 8)
/// screen.present(grid)
/// ```
public struct CellGrid: Hashable, Sendable {
    /// Size of the grid; never negative.
    public let size: Size
    /// Where the terminal cursor should be shown, or `nil` to hide it.
    public var cursor: Point?
    private var cells: [Cell]

    /// Number of columns.
    public var width: Int { size.width }
    /// Number of rows.
    public var height: Int { size.height }

    /// A grid of blank cells in `style`.
    public init(size: Size, style: Style = .normal) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cursor = nil
        self.cells = Array(repeating: .blank(style), count: self.size.width * self.size.height)
    }

    /// A grid of `width` x `height` blank cells in `style`.
    public init(width: Int, height: Int, style: Style = .normal) {
        self.init(size: Size(width: width, height: height), style: style)
    }

    /// Whether `row`, `col` lies inside the grid.
    public func contains(row: Int, col: Int) -> Bool {
        row >= 0 && row < height && col >= 0 && col < width
    }

    /// The cell at `row`, `col`; a blank `.normal` cell outside the grid.
    public subscript(row: Int, col: Int) -> Cell {
        guard contains(row: row, col: col) else { return .blank() }
        return cells[row * width + col]
    }

    /// Resets every cell to a blank in `style` and hides the cursor.
    public mutating func clear(style: Style = .normal) {
        for index in cells.indices { cells[index] = .blank(style) }
        cursor = nil
    }

    // MARK: - Writing

    /// Writes `text` at `row`, `col` and returns the number of columns used.
    ///
    /// The text is sanitized, then clipped to the right edge of the grid and
    /// to `maxWidth` columns. A wide character that does not fit entirely is
    /// not drawn; the single column it would have started in is filled with a
    /// space in `style`. Zero-width stand-alone characters are skipped.
    /// Columns left of the grid (negative `col`) are skipped as well.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, col: Int, style: Style = .normal, maxWidth: Int? = nil
    ) -> Int {
        guard row >= 0, row < height else { return 0 }
        var limit = width
        if let maxWidth { limit = min(limit, col + max(0, maxWidth)) }
        // Printable ASCII (most of every frame): one cell a byte, nothing to sanitize, no
        // grapheme breaking nor width lookups; the same cells as the general path below.
        if DisplayWidth.asciiWidth(text.utf8) != nil {
            var position = col
            for byte in text.utf8 {
                if position >= limit { break }
                if position >= 0 { write(row: row, col: position, cell: Self.asciiCell(byte, style)) }
                position += 1
            }
            return max(0, position - max(col, 0))
        }
        var position = col
        for character in DisplayWidth.sanitize(text) {
            let w = DisplayWidth.width(of: character)
            if w == 0 { continue }
            if position + w > limit {
                if position < limit, position >= 0 {
                    write(row: row, col: position, grapheme: " ", wide: false, style: style)
                    position += 1
                }
                break
            }
            if position >= 0 {
                write(row: row, col: position, grapheme: String(character), wide: w == 2, style: style)
            }
            position += w
        }
        return max(0, position - max(col, 0))
    }

    /// Fills a rectangle with `char` in `style` (clipped to the grid).
    /// A wide `char` is repeated every two columns; an odd last column gets a space.
    public mutating func fill(
        row: Int, col: Int, width: Int, height: Int, char: Character = " ", style: Style = .normal
    ) {
        guard width > 0, height > 0 else { return }
        if let cell = Self.singleColumnCell(char, style) {
            // One cell of one column (a space, a line of `─`): written straight into each column.
            let first = max(row, 0)
            let end = min(row + height, self.height)
            let from = max(col, 0)
            let to = min(col + width, self.width)
            guard first < end, from < to else { return }
            for r in first..<end {
                for c in from..<to { write(row: r, col: c, cell: cell) }
            }
            return
        }
        let safe = DisplayWidth.sanitize(String(char))
        let line: String
        if DisplayWidth.width(of: safe) == 0 {
            line = String(repeating: " ", count: width)
        } else {
            line = String(repeating: safe, count: width / DisplayWidth.width(of: safe) + 1)
        }
        let first = max(row, 0)
        let end = min(row + height, self.height)
        guard first < end else { return }
        for r in first..<end {
            put(line, row: r, col: col, style: style, maxWidth: width)
        }
    }

    /// Draws a horizontal line of `char` (default `─`).
    public mutating func hline(row: Int, col: Int, width: Int, char: Character = "─", style: Style = .border) {
        fill(row: row, col: col, width: width, height: 1, char: char, style: style)
    }

    /// Draws a vertical line of `char` (default `│`).
    public mutating func vline(row: Int, col: Int, height: Int, char: Character = "│", style: Style = .border) {
        fill(row: row, col: col, width: 1, height: height, char: char, style: style)
    }

    /// Line-drawing characters for ``box(row:col:width:height:style:lines:title:titleStyle:)``.
    public enum BoxLines: Sendable, Hashable {
        /// `┌─┐│└┘`
        case single
        /// `╔═╗║╚╝`
        case double
        /// `╭─╮│╰╯`
        case rounded

        var glyphs: (tl: Character, tr: Character, bl: Character, br: Character, h: Character, v: Character) {
            switch self {
            case .single: return ("┌", "┐", "└", "┘", "─", "│")
            case .double: return ("╔", "╗", "╚", "╝", "═", "║")
            case .rounded: return ("╭", "╮", "╰", "╯", "─", "│")
            }
        }
    }

    /// Draws the outline of a box with Unicode line drawing; the inside is
    /// left untouched. An optional `title` is written on the top edge,
    /// `┌ Title ───┐`, truncated to fit. Boxes smaller than 2x2 draw nothing.
    public mutating func box(
        row: Int, col: Int, width: Int, height: Int,
        style: Style = .border, lines: BoxLines = .single,
        title: String? = nil, titleStyle: Style = .title
    ) {
        guard width >= 2, height >= 2 else { return }
        let g = lines.glyphs
        hline(row: row, col: col + 1, width: width - 2, char: g.h, style: style)
        hline(row: row + height - 1, col: col + 1, width: width - 2, char: g.h, style: style)
        vline(row: row + 1, col: col, height: height - 2, char: g.v, style: style)
        vline(row: row + 1, col: col + width - 1, height: height - 2, char: g.v, style: style)
        put(String(g.tl), row: row, col: col, style: style)
        put(String(g.tr), row: row, col: col + width - 1, style: style)
        put(String(g.bl), row: row + height - 1, col: col, style: style)
        put(String(g.br), row: row + height - 1, col: col + width - 1, style: style)
        if let title, !title.isEmpty, width > 4 {
            let label = " " + DisplayWidth.truncate(DisplayWidth.sanitize(title), toWidth: width - 4) + " "
            put(label, row: row, col: col + 1, style: titleStyle, maxWidth: width - 2)
        }
    }

    /// Changes the style of `width` cells starting at `row`, `col` without
    /// touching their text (e.g. to highlight a selected row).
    public mutating func setStyle(row: Int, col: Int, width: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for c in max(col, 0)..<max(max(col, 0), min(col + width, self.width)) {
            cells[row * self.width + c].style = style
        }
    }

    /// The cell of printable ASCII `byte` (0x20...0x7E) in `style`.
    @inline(__always)
    private static func asciiCell(_ byte: UInt8, _ style: Style) -> Cell {
        Cell(asciiGraphemes[Int(byte &- 0x20)], style: style)
    }

    /// The 95 printable ASCII characters as one-character strings, made once.
    private static let asciiGraphemes: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// The cell ``fill(row:col:width:height:char:style:)`` repeats when `char` is one scalar
    /// that is one column wide and never joins its neighbour (printable ASCII, box drawing and
    /// block elements); nil for anything else (the general path).
    private static func singleColumnCell(_ char: Character, _ style: Style) -> Cell? {
        let scalars = char.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return nil }
        switch scalar.value {
        case 0x20..<0x7F: return asciiCell(UInt8(scalar.value), style)
        case 0x2500...0x259F: return Cell(String(char), style: style)
        default: return nil
        }
    }

    /// Writes a one-column `cell` at `row`, `col` (inside the grid), as ``write(row:col:grapheme:wide:style:)``.
    @inline(__always)
    private mutating func write(row: Int, col: Int, cell: Cell) {
        let base = row * width
        if cells[base + col].isContinuation, col > 0 {
            cells[base + col - 1] = .blank(cells[base + col - 1].style)
        }
        if col + 1 < width, cells[base + col + 1].isContinuation {
            cells[base + col + 1] = .blank(cells[base + col + 1].style)
        }
        cells[base + col] = cell
    }

    private mutating func write(row: Int, col: Int, grapheme: String, wide: Bool, style: Style) {
        let base = row * width
        // Overwriting the right half of a wide character blanks its left half.
        if cells[base + col].isContinuation, col > 0 {
            cells[base + col - 1] = .blank(cells[base + col - 1].style)
        }
        // Overwriting the left half of a wide character blanks its right half.
        let last = wide ? col + 1 : col
        if last + 1 < width, cells[base + last + 1].isContinuation {
            cells[base + last + 1] = .blank(cells[base + last + 1].style)
        }
        cells[base + col] = Cell(grapheme, style: style)
        if wide { cells[base + col + 1] = .continuation(style) }
    }

    // MARK: - Reading

    /// The text of row `row`, continuation cells skipped, trailing spaces
    /// trimmed (a wide character shows once).
    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var text = ""
        for c in 0..<width {
            text += cells[row * width + c].grapheme
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every row as text (see ``line(_:)``); handy in tests.
    public func lines() -> [String] {
        (0..<height).map(line)
    }

    /// ``lines()`` joined with `"\n"`.
    public var text: String { lines().joined(separator: "\n") }

    /// The styles of row `row`, one per column (continuation cells included).
    public func styles(row: Int) -> [Style] {
        guard row >= 0, row < height else { return [] }
        return (0..<width).map { cells[row * width + $0].style }
    }
}
