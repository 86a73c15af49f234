/// Rows of text in columns, laid out by display width (``DisplayWidth``): wide characters take
/// two cells, combining marks none, so columns line up whatever the names hold.
///
/// Every cell is truncated with `…` and padded to its column's width by its alignment. A
/// column is a fixed number of cells or fills what the fixed ones leave; columns are
/// separated by their `gap` (one blank cell unless told). The same layout draws into a
/// ``CellGrid`` (the workstation: a header row, rows with a style per row and per cell, a
/// selected row as a bar across the screen) and gives plain text lines (the CLI's tables).
///
/// ```swift
/// let table = Table([
///     .init("Unit", width: .fill(minimum: 10)),
///     .init("Rata2", width: .fixed(6), alignment: .right),
/// ], width: grid.width - 2)
/// table.drawHeader(into: &grid, row: 1, col: 1)
/// table.draw([.init("Dinas Kesehatan"), .init("68,44", style: .highlight)], into: &grid, row: 2, col: 1)
/// ```
public struct Table: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many cells.
        case fixed(Int)
        /// `preferred` cells (e.g. the widest value it shows), fewer when the table is too
        /// narrow for every column, down to `minimum`: the first flexible columns give first.
        case flexible(preferred: Int, minimum: Int)
        /// What the other columns and the gaps leave of the table's width, shared equally
        /// between the filling columns (the first ones get the odd cells), never less than
        /// `minimum` (the table is then wider than asked and clipped where it is drawn).
        case fill(minimum: Int)
    }

    public struct Column: Hashable, Sendable {
        public var title: String
        public var width: Width
        public var alignment: DisplayWidth.Alignment
        /// Blank cells before the column (the first column's gap is ignored).
        public var gap: Int

        public init(_ title: String = "", width: Width, alignment: DisplayWidth.Alignment = .left, gap: Int = 1) {
            self.title = title
            self.width = width
            self.alignment = alignment
            self.gap = gap
        }
    }

    /// One cell's text, and its own style (nil: the row's style).
    public struct Cell: Hashable, Sendable, ExpressibleByStringLiteral {
        public var text: String
        public var style: Style?

        public init(_ text: String, style: Style? = nil) {
            self.text = text
            self.style = style
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    public let columns: [Column]
    /// The width the table was laid out for.
    public let width: Int
    /// Each column's width in cells.
    public let widths: [Int]
    /// Each column's first cell, counted from the table's left edge.
    public let starts: [Int]

    /// Lays `columns` out in `width` cells.
    public init(_ columns: [Column], width: Int) {
        self.columns = columns
        self.width = width
        let gaps = columns.indices.dropFirst().reduce(0) { $0 + max(0, columns[$1].gap) }
        var widths: [Int] = columns.map {
            switch $0.width {
            case .fixed(let w): return max(0, w)
            case .flexible(let preferred, _): return max(0, preferred)
            case .fill: return 0
            }
        }
        // Too narrow: flexible columns give up cells, down to their minimum.
        let fillMinimums = columns.reduce(0) { sum, column in
            if case .fill(let minimum) = column.width { return sum + max(0, minimum) }
            return sum
        }
        var excess = gaps + widths.reduce(0, +) + fillMinimums - width
        for (i, column) in columns.enumerated() where excess > 0 {
            guard case .flexible(_, let minimum) = column.width else { continue }
            let given = min(excess, max(0, widths[i] - max(0, minimum)))
            widths[i] -= given
            excess -= given
        }
        let filling = columns.indices.filter { if case .fill = columns[$0].width { return true } else { return false } }
        let left = max(0, width - gaps - widths.reduce(0, +))
        for (n, i) in filling.enumerated() {
            guard case .fill(let minimum) = columns[i].width else { continue }
            widths[i] = max(minimum, left / filling.count + (n < left % filling.count ? 1 : 0))
        }
        var starts: [Int] = []
        var position = 0
        for (i, column) in columns.enumerated() {
            if i > 0 { position += max(0, column.gap) }
            starts.append(position)
            position += widths[i]
        }
        self.widths = widths
        self.starts = starts
    }

    /// The cells the columns and gaps take (may exceed ``width`` when minimums win).
    public var usedWidth: Int { (starts.last ?? 0) + (widths.last ?? 0) }

    /// The cells of column `index`, counted from the table's left edge.
    public func span(of index: Int) -> Range<Int> { starts[index]..<(starts[index] + widths[index]) }

    /// One row as text: every cell sanitized (``DisplayWidth/sanitize(_:)``), fitted to its
    /// column, gaps as spaces; ``usedWidth`` columns wide. Missing cells are blank; extra
    /// cells are ignored.
    public func line(_ cells: [String]) -> String {
        var text = ""
        for (i, column) in columns.enumerated() {
            if i > 0 { text += String(repeating: " ", count: max(0, column.gap)) }
            text += DisplayWidth.fit(i < cells.count ? DisplayWidth.sanitize(cells[i]) : "", toWidth: widths[i], alignment: column.alignment)
        }
        return text
    }

    /// The column titles as text (see ``line(_:)``).
    public var headerLine: String { line(columns.map(\.title)) }

    /// Draws the titles at `row`, from `col`, clipped to the table's width.
    public func drawHeader(into grid: inout CellGrid, row: Int, col: Int, style: Style = .header) {
        grid.put(headerLine, row: row, col: col, style: style, maxWidth: width)
    }

    /// Draws one row at `row`, from `col`, clipped to the table's width. A cell with a style
    /// of its own has it over its whole column. A selected row is a `.selected` bar across
    /// the whole grid line, its cells' own styles left out.
    public func draw(_ cells: [Cell], into grid: inout CellGrid, row: Int, col: Int, style: Style = .normal, selected: Bool = false) {
        if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
        grid.put(line(cells.map(\.text)), row: row, col: col, style: selected ? .selected : style, maxWidth: width)
        guard !selected else { return }
        for (i, cell) in cells.enumerated() where i < columns.count {
            guard let own = cell.style else { continue }
            let span = span(of: i)
            grid.setStyle(row: row, col: col + span.lowerBound, width: max(0, min(span.count, width - span.lowerBound)), style: own)
        }
    }
}
