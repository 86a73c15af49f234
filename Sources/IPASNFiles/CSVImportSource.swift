import IPASNCore
import IPASNStore

/// An ``ImportRowSource`` over a CSV file: each record is parsed (through
/// ``ImportRowBuilder``, the path .xlsx rows take too) as it is read, so the store consumes
/// the file one row at a time.
///
/// `@unchecked Sendable`: the reader is a class with mutable state, used by one thread at a
/// time: the source is handed whole to the reading thread of ``PrefetchingRowSource``, and
/// ``CSVReader/isWindows1252`` is read only after that thread has delivered the end.
public struct CSVImportSource: ImportRowSource, ByteCountingRowSource, @unchecked Sendable {
    public let kind: ImportKind
    /// The header's fields as written (for the rejected-rows file).
    public let header: [String]
    /// Headers ignored that look like a column the file lacks (``ColumnMap/lookalikes``).
    public var lookalikeHeaders: [UnknownHeader] { builder.columns.lookalikes }
    let reader: CSVReader
    private let builder: ImportRowBuilder

    /// Opens `path` and reads its header (names in any order, case and spelling of
    /// ``HeaderAliases``; unknown ones far from any known name ignored).
    /// - Throws: ``ImportFileError`` for an empty file or missing, misspelt or doubled
    ///   columns, or a read error.
    public init(kind: ImportKind, path: String, today: LocalDate) throws {
        reader = try CSVReader(path: path)
        var first = try reader.next()
        while let record = first, record.fields.allSatisfy(ImportRowBuilder.isBlank) { first = try reader.next() }
        guard let header = first else { throw ImportFileError.empty(path: path) }
        self.header = header.fields
        builder = ImportRowBuilder(
            kind: kind, columns: try ColumnMap(header: header.fields, kind: kind), today: today, padShortRows: false)
        self.kind = kind
    }

    public var bytesRead: Int { reader.bytesRead }

    public mutating func next() throws -> Line<ImportRow>? {
        while let record = try reader.next() {
            if let row = builder.row(line: record.line, fields: record.fields) { return row }
        }
        return nil
    }
}
