import IPASNTerminal

/// A plain-text table for the terminal (80 columns): the workstation's ``Table`` layout, so
/// cells are padded and cut (with `…`) by display width, not by character count: names with
/// combining marks ("Ruslï"), CJK or emoji keep the columns aligned. Trailing spaces are
/// trimmed from every line.
struct TextTable {
    typealias Column = (title: String, width: Int, alignment: DisplayWidth.Alignment)

    let table: Table

    /// Columns of fixed widths, one space apart.
    init(_ columns: [Column]) {
        let width = columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
        table = Table(columns.map { Table.Column($0.title, width: .fixed($0.width), alignment: $0.alignment) }, width: width)
    }

    /// The column titles.
    var header: String { Self.trimmed(table.headerLine) }

    /// One row: each cell fitted to its column, control characters from data shown escaped
    /// (`\u{1B}`, ``TerminalSafe``) before fitting, so that the column widths stay right.
    func row(_ cells: [String]) -> String { Self.trimmed(table.line(cells.map { TerminalSafe.escape($0) })) }

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

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
