import Foundation
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
        var nearestError: Error?
        var found: (cells: [String], number: Int, columns: ColumnMap)?
        var above: XLSXRow?
        search: for _ in 0..<Self.headerSearch {
            guard let row = try reader.next() else { break }
            // The row alone, then with the row above it as one two-row header.
            for cells in ([row.cells] + (above.map { Self.twoRowHeaders($0.cells, row.cells) } ?? [])) {
                do {
                    found = (cells, row.number, try ColumnMap(header: cells, kind: kind))
                    break search
                } catch {
                    // When no row is a header, what is wrong with the row that came nearest
                    // (the fewest required columns missing; the first of equals), not with a
                    // title above it ("maksudnya latihanStrukturalId?", user test 10).
                    if nearestError.map({ Self.missingCount(error) < Self.missingCount($0) }) ?? true { nearestError = error }
                }
            }
            above = row
        }
        guard let (cells, number, columns) = found else { throw nearestError ?? ImportFileError.empty(path: path) }
        header = cells
        headerRow = number
        builder = ImportRowBuilder(kind: kind, columns: columns, today: today, padShortRows: true)
        self.kind = kind
    }

    /// How many required columns a header refused for `error` lacks (none for a doubled column).
    static func missingCount(_ error: Error) -> Int {
        switch error as? ImportFileError {
        case .missingColumns(_, let missing, _)?, .unknownColumns(_, _, let missing)?: return missing.count
        case .duplicateColumn?: return 0
        case .empty?, nil: return Int.max
        }
    }

    /// A header of two rows, as Excel users merge one: a group over its columns (`Tanggal`
    /// over `Mulai | Selesai`, `Diklat` over `Jenis Diklat | Nama Diklat`) beside cells merged
    /// down both rows (`NIP`, `JP`, whose text stands in the upper row). Each column is read
    /// as its lower cell, else its upper one; failing that, as both (`Tanggal Mulai`).
    /// User test 10: such a workbook was refused ("Kolom wajib tidak ada").
    static func twoRowHeaders(_ upper: [String], _ lower: [String]) -> [[String]] {
        let width = max(upper.count, lower.count)
        func cell(_ row: [String], _ index: Int) -> String {
            index < row.count ? row[index].trimmingCharacters(in: .whitespaces) : ""
        }
        let lowerElseUpper = (0..<width).map { cell(lower, $0).isEmpty ? cell(upper, $0) : cell(lower, $0) }
        // A group's name stands in its first column only: carried over the columns it spans.
        var group = ""
        let both = (0..<width).map { index -> String in
            if !cell(upper, index).isEmpty { group = cell(upper, index) }
            let low = cell(lower, index)
            return low.isEmpty ? cell(upper, index) : (group.isEmpty ? low : group + " " + low)
        }
        return [lowerElseUpper, both]
    }

    public mutating func next() throws -> Line<ImportRow>? {
        while let row = try reader.next() {
            if let parsed = builder.row(line: row.number, fields: row.cells) { return parsed }
        }
        return nil
    }
}
