import IPASNTerminal

/// A plain-text table for the terminal (80 columns): the workstation's ``Table`` layout, so
/// cells are padded and cut (with `…`) by display width, not by character count: names with
/// combining marks ("Ruslï"), CJK or emoji keep the columns aligned. Trailing spaces are
/// trimmed from every line.
struct TextTable {
    let table: Table

    /// Columns of fixed widths, one space apart.
    init(_ columns: [(title: String, width: Int, alignment: DisplayWidth.Alignment)]) {
        let width = columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
        table = Table(columns.map { Table.Column($0.title, width: .fixed($0.width), alignment: $0.alignment) }, width: width)
    }

    /// The column titles.
    var header: String { Self.trimmed(table.headerLine) }

    /// One row: each cell fitted to its column.
    func row(_ cells: [String]) -> String { Self.trimmed(table.line(cells)) }

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
