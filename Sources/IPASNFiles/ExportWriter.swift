import Foundation

/// Streams export rows as CSV (header first, LF line ends; or ``CSVStyle/indonesian`` for
/// `csv-id`, numeric columns with a decimal comma) or as a JSON array of objects (one
/// per line, keys in column order; numeric columns as numbers, empty ones as null) into
/// `output`, in chunks of about 64 KiB, so an export of a province never sits in memory whole.
public struct ExportWriter {
    public let format: ExportFormat
    public let columns: [String]
    public let numericColumns: Set<Int>
    private let output: (Data) throws -> Void
    private var buffer = ""
    public private(set) var rows = 0

    /// Writes the CSV header at once; `output` receives the text as UTF-8.
    public init(
        format: ExportFormat, columns: [String], numericColumns: Set<Int> = [],
        output: @escaping (Data) throws -> Void
    ) {
        self.format = format
        self.columns = columns
        self.numericColumns = numericColumns
        self.output = output
        if let style = format.csvStyle { buffer += style.preamble + style.line(columns) }
    }

    /// A writer for one export kind's columns.
    public init(format: ExportFormat, kind: ExportKind, output: @escaping (Data) throws -> Void) {
        self.init(format: format, columns: kind.columns, numericColumns: kind.numericColumns, output: output)
    }

    /// One row, its fields in column order (missing trailing fields are empty).
    public mutating func row(_ fields: [String]) throws {
        switch format {
        case .csv:
            buffer += CSVWriter.line(fields, lineEnd: .lf)
        case .csvID:
            let style = CSVStyle.indonesian
            var out = fields
            for i in numericColumns where i < out.count { out[i] = style.number(out[i]) }
            buffer += style.line(out)
        case .json:
            var pairs: [(String, JSONValue)] = []
            for (i, key) in columns.enumerated() {
                let value = i < fields.count ? fields[i] : ""
                if numericColumns.contains(i), let number = Double(value) {
                    pairs.append((key, .number(number)))
                } else if numericColumns.contains(i) && value.isEmpty {
                    pairs.append((key, .null))
                } else {
                    pairs.append((key, .string(value)))
                }
            }
            buffer += (rows == 0 ? "[\n  " : ",\n  ") + JSONValue.object(pairs).text
        }
        rows += 1
        if buffer.utf8.count >= 1 << 16 { try flush() }
    }

    /// Ends the output (closes the JSON array) and hands over what is left.
    public mutating func finish() throws {
        if format == .json { buffer += rows == 0 ? "[]\n" : "\n]\n" }
        try flush()
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try output(Data(buffer.utf8))
        buffer = ""
    }
}
