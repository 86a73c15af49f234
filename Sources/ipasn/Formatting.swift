import Foundation
import IPASNCore


/// Plain-text tables for an 80-column terminal.
enum Table {
    enum Align { case left, right }

    struct Column {
        var title: String
        var width: Int
        var align: Align
    }

    /// One row: each cell padded or cut (with `…`) to its column's width, joined by one space.
    static func row(_ cells: [String], _ columns: [Column]) -> String {
        var parts: [String] = []
        for (cell, column) in zip(cells, columns) {
            parts.append(fit(cell, column.width, column.align))
        }
        var line = parts.joined(separator: " ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    static func header(_ columns: [Column]) -> String {
        row(columns.map(\.title), columns)
    }

    static func fit(_ text: String, _ width: Int, _ align: Align) -> String {
        let count = text.count
        if count > width {
            return width <= 1 ? String(text.prefix(width)) : String(text.prefix(width - 1)) + "…"
        }
        let pad = String(repeating: " ", count: width - count)
        return align == .left ? text + pad : pad + text
    }
}
