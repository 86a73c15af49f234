import IPASNCore
import IPASNStore

/// An ``ImportRowSource`` over one sheet of an .xlsx file (the first, or the one named):
/// rows stream from ``XLSXReader`` and take the same path as CSV rows
/// (``ImportRowBuilder``). The header is the first row with a value (title rows above it
/// are not allowed: they would be read as the header); line numbers are spreadsheet rows.
///
/// `@unchecked Sendable`: the reader is used by one thread at a time (the source is handed
/// whole to the reading thread of ``PrefetchingRowSource``).
public struct XLSXImportSource: ImportRowSource, @unchecked Sendable {
    public let kind: String
    public let importKind: ImportKind
    /// The header's cells as written (for the rejected-rows file).
    public let header: [String]
    /// The sheet read.
    public let sheetName: String
    let reader: XLSXReader
    private let builder: ImportRowBuilder

    /// - Throws: ``XLSXError`` (not a workbook, no such sheet), ``ImportFileError`` (an empty
    ///   sheet, missing, misspelt or doubled columns), or a read error.
    public init(kind: ImportKind, path: String, sheet: String? = nil, today: LocalDate) throws {
        reader = try XLSXReader(path: path, sheet: sheet)
        sheetName = reader.sheetName
        guard let first = try reader.next() else { throw ImportFileError.empty(path: path) }
        header = first.cells
        builder = ImportRowBuilder(
            kind: kind, columns: try ColumnMap(header: first.cells, kind: kind), today: today, padShortRows: true)
        self.kind = kind.rawValue
        importKind = kind
    }

    public mutating func next() throws -> Line<ImportRow>? {
        while let row = try reader.next() {
            if let parsed = builder.row(line: row.number, fields: row.cells) { return parsed }
        }
        return nil
    }
}
