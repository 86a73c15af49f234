import Foundation
import IPASNCore
import IPASNDemo

/// A JSON value that keeps its keys in the order they were given (the output contract
/// lists keys in a fixed order, and readers diff the output).
enum JSONValue {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Compact JSON text.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .number(let d): out += JSONValue.number(d)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(pair.0, to: &out)
                out += ":"
                pair.1.write(to: &out)
            }
            out += "}"
        }
    }

    /// A number as JSON: whole numbers without a fraction (`85`), others in the shortest form (`60.5`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Buffered writing to stdout, so a listing of 50,000 rows is not one giant string.
struct StdoutWriter {
    private var buffer = ""

    mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func line(_ text: String) {
        write(text)
        write("\n")
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}

/// Writes a JSON array with one element per line.
struct JSONArrayWriter {
    private var out = StdoutWriter()
    private var count = 0

    mutating func append(_ value: JSONValue) {
        out.write(count == 0 ? "[\n  " : ",\n  ")
        out.write(value.text)
        count += 1
    }

    mutating func finish() {
        out.write(count == 0 ? "[]\n" : "\n]\n")
        out.flush()
    }
}

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
            parts.append(fit(TerminalSafe.escape(cell), column.width, column.align))
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

/// CSV lines with a header (comma-separated, quoted where needed).
enum CSVOut {
    static func line(_ fields: [String]) -> String { CSVText.line(fields) }
}

/// Numbers in tables and CSV: points as `22.5`, means with two decimals.
enum Num {
    static func points(_ value: Double) -> String { NumberText.points(value, .en) }
    static func mean(_ value: Double) -> String { NumberText.decimal(value, .en) }
}
