import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports

/// A listing's rows as data, written as JSON (an array of objects with `keys`) or CSV (a
/// header of `keys`, then one line per row; plain or csv-id); the table form stays with each command.
struct Listing {
    /// One value, as JSON and CSV show it.
    enum Value {
        case text(String)
        case int(Int)
        /// A mean: a number rounded to 2 decimals in JSON, `72.75` in CSV.
        case mean(Double)
        case bool(Bool)
        /// Points (multiples of 0.5): the number in JSON, `22.5` in CSV.
        case points(Double)
        /// Nothing: `null` in JSON, an empty field in CSV.
        case null

        var json: JSONValue {
            switch self {
            case .text(let s): return .string(s)
            case .int(let i): return .int(i)
            case .mean(let d): return .number(NumberText.round(d))
            case .bool(let b): return .bool(b)
            case .points(let d): return .number(d)
            case .null: return .null
            }
        }

        /// The CSV field in `style` (numbers with a decimal comma for csv-id).
        func csv(_ style: CSVStyle) -> String {
            switch self {
            case .mean, .points: return style.number(csv)
            case .text, .int, .bool, .null: return csv
            }
        }

        var csv: String {
            switch self {
            case .text(let s): return s
            case .int(let i): return String(i)
            case .mean(let d): return ReportNumbers.machine.mean(d)
            case .bool(let b): return b ? "true" : "false"
            case .points(let d): return ReportNumbers.machine.points(d)
            case .null: return ""
            }
        }
    }

    var keys: [String]
    var rows: [[Value]]

    /// Writes JSON or CSV to standard output; false for `.table` and `.xlsx` (the caller's).
    func write(_ format: ListFormat) -> Bool {
        switch format {
        case .json:
            var writer = JSONArrayWriter()
            for row in rows { writer.append(.object(Array(zip(keys, row.map(\.json))))) }
            writer.finish()
        case .csv, .csvID:
            let style = format.csvStyle!
            var out = StdoutWriter()
            out.write(style.preamble + style.line(keys))
            for row in rows { out.write(style.line(row.map { $0.csv(style) })) }
            out.flush()
        case .table, .xlsx:
            return false
        }
        return true
    }
}
