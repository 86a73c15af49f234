import IPASNCore
import IPASNStore

/// An ``ImportRowSource`` over one sheet of an .xlsx file (the first, or the one named):
/// rows stream from ``XLSXReader`` and take the same path as CSV rows
/// (``ImportRowBuilder``). The header is the first row, among the first ``headerSearch`` rows
/// with a value, that names the kind's required columns: title rows above it ("DAFTAR
/// PESERTA SOSIALISASI", a date line) are skipped. Line numbers are spreadsheet rows.
///
/// `@unchecked Sendable`: the reader is used by one thread at a time (the source is handed
/// whole to the reading thread of ``PrefetchingRowSource``).
public struct XLSXImportSource: ImportRowSource, @unchecked Sendable {
    public let kind: ImportKind
    /// The header's cells as written (for the rejected-rows file).
    public let header: [String]
    /// The sheet read.
    public let sheetName: String
    /// The spreadsheet row of the header.
    public let headerRow: Int
    /// How many rows with a value may stand above the header.
    public static let headerSearch = 20
    /// Headers ignored that look like a column the file lacks (``ColumnMap/lookalikes``).
    public var lookalikeHeaders: [UnknownHeader] { builder.columns.lookalikes }
    let reader: XLSXReader
    private let builder: ImportRowBuilder

    /// - Throws: ``XLSXError`` (not a workbook, no such sheet), ``ImportFileError`` (an empty
    ///   sheet, missing, misspelt or doubled columns), or a read error.
    public init(kind: ImportKind, path: String, sheet: String? = nil, today: LocalDate) throws {
        reader = try XLSXReader(path: path, sheet: sheet)
        sheetName = reader.sheetName
        var firstError: Error?
        var found: (XLSXRow, ColumnMap)?
        for _ in 0..<Self.headerSearch {
            guard let row = try reader.next() else { break }
            do {
                found = (row, try ColumnMap(header: row.cells, kind: kind))
                break
            } catch {
                firstError = firstError ?? error
            }
        }
        guard let (row, columns) = found else { throw firstError ?? ImportFileError.empty(path: path) }
        header = row.cells
        headerRow = row.number
        builder = ImportRowBuilder(kind: kind, columns: columns, today: today, padShortRows: true)
        self.kind = kind
    }

    public mutating func next() throws -> Line<ImportRow>? {
        while let row = try reader.next() {
            if let parsed = builder.row(line: row.number, fields: row.cells) { return parsed }
        }
        return nil
    }
}
