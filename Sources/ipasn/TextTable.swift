import IPASNTerminal

/// A plain-text table for the terminal (80 columns): the workstation's ``Table`` layout, so
/// cells are padded and cut (with `…`) by display width, not by character count: names with
/// combining marks ("Ruslï"), CJK or emoji keep the columns aligned. Trailing spaces are
/// trimmed from every line. Outside a UTF-8 locale lines are written in ASCII look-alikes
/// (see ``TerminalText/forTerminal(_:utf8:)``).
struct TextTable {
    typealias Column = (title: String, width: Int, alignment: DisplayWidth.Alignment)

    let table: Table
    let utf8: Bool

    /// Columns of fixed widths, one space apart.
    init(_ columns: [Column], utf8: Bool = TerminalText.utf8Locale()) {
        let width = Self.width(columns)
        self.utf8 = utf8
        table = Table(columns.map { Table.Column($0.title, width: .fixed($0.width), alignment: $0.alignment) }, width: width)
    }

    /// The column titles.
    var header: String { TerminalText.forTerminal(Self.trimmed(table.headerLine), utf8: utf8) }

    /// One row: each cell fitted to its column, control characters from data shown escaped
    /// (`\u{1B}`, ``TerminalSafe``) before fitting, so that the column widths stay right.
    func row(_ cells: [String]) -> String {
        TerminalText.forTerminal(Self.trimmed(table.line(cells.map { TerminalSafe.escape($0) })), utf8: utf8)
    }

    /// Writes the header, one line per row and the footer (asked for last) to standard output.
    func write<Row>(_ rows: some Sequence<Row>, footer: () -> String, cells: (Row) -> [String]) {
        var out = StdoutWriter()
        out.line(header)
        for row in rows { out.line(self.row(cells(row))) }
        out.line(footer())
        out.flush()
    }

    /// The four dimensions (Kual, Komp, Kin, Dis), Total and Kategori, as `score` and `report
    /// units` show them: points (`22.5`) or, one cell wider, means (`22.50`).
    static func scoreColumns(means: Bool) -> [Column] {
        let wider = means ? 1 : 0
        let dimensions: [Column] = [("Kual", 4 + wider, .right), ("Komp", 4 + wider, .right), ("Kin", 4 + wider, .right), ("Dis", 3 + wider, .right)]
        return dimensions + [("Total", 5 + wider, .right), ("Kategori", 13, .left)]
    }

    /// The width of a full row: every column and the spaces between them.
    static func width(_ columns: [Column]) -> Int {
        columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
    }

    /// A category name, as `S.Rendah` when `short` (the first word's initial).
    static func category(_ name: String, short: Bool) -> String {
        guard short, let space = name.firstIndex(of: " "), let first = name.first else { return name }
        return "\(first)." + name[name.index(after: space)...]
    }

    /// `columns` with column `whole` as wide as its widest value (codes are never cut: two
    /// codes that share a prefix must stay apart), the extra width taken from column `give`
    /// down to `minimum` columns.
    static func widen(_ columns: [Column], whole: Int, toFit values: some Sequence<String>, give: Int, minimum: Int = 8)
        -> [Column]
    {
        var columns = columns
        let widest = values.reduce(DisplayWidth.width(of: columns[whole].title)) { max($0, DisplayWidth.width(of: $1)) }
        let extra = widest - columns[whole].width
        guard extra > 0 else { return columns }
        columns[whole].width = widest
        columns[give].width = max(minimum, columns[give].width - extra)
        return columns
    }

    /// With the category column (the one titled `Kategori`) shortened to 8 when the table
    /// is wider than 80 columns: whether it was (the category cells are then written short).
    static func fitCategory(_ columns: inout [Column]) -> Bool {
        guard width(columns) > 80, let index = columns.firstIndex(where: { $0.title == "Kategori" }) else { return false }
        columns[index].width = 8
        return true
    }

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
