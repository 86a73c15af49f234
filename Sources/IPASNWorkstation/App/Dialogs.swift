import IPASNCore
import IPASNTerminal

/// Drawing helpers of the modal windows: a framed box of lines, and word wrapping.
enum Dialogs {
    /// Draws a centred box with the lines inside.
    static func drawBox(_ grid: inout CellGrid, title: String, lines: [String], styles: [Style]? = nil) {
        let inner = min(grid.width - 4, max(30, lines.map { DisplayWidth.width(of: $0) }.max() ?? 0))
        let width = inner + 4
        let height = min(grid.height - 2, lines.count + 2)
        let row = max(0, (grid.height - 2 - height) / 2)
        let col = max(0, (grid.width - width) / 2)
        grid.fill(row: row, col: col, width: width, height: height)
        grid.box(row: row, col: col, width: width, height: height, lines: .double, title: title)
        for (index, line) in fit(lines, rows: height - 2, width: inner).enumerated() {
            grid.put(line, row: row + 1 + index, col: col + 2, style: styles?[index] ?? .normal, maxWidth: inner)
        }
    }

    /// `lines` in at most `rows` rows of `width` columns, never cut silently: a line wider
    /// than the width ends with "…", and when the lines do not all fit, the last row shown
    /// ends with " …".
    static func fit(_ lines: [String], rows: Int, width: Int) -> [String] {
        guard rows > 0 else { return [] }
        var shown = lines.prefix(rows).map { DisplayWidth.truncate($0, toWidth: width) }
        if lines.count > rows {
            shown[rows - 1] = DisplayWidth.truncate(lines[rows - 1], toWidth: max(0, width - 2)) + " " + String(DisplayWidth.ellipsis)
        }
        return shown
    }

    /// Splits text into lines of at most `width` columns at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        // A word wider than the line (a file path) is split rather than cut off.
        DisplayWidth.wrap(text, toWidth: width)
    }
}
