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
        for (index, line) in lines.prefix(height - 2).enumerated() {
            grid.put(line, row: row + 1 + index, col: col + 2, style: styles?[index] ?? .normal, maxWidth: inner)
        }
    }

    /// Splits text into lines of at most `width` columns at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                if current.isEmpty {
                    current = String(word)
                } else if DisplayWidth.width(of: current) + 1 + DisplayWidth.width(of: word) <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            lines.append(current)
        }
        return lines
    }
}
