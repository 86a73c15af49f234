import IPASNCore
import IPASNFiles

/// One column of a report sheet: its header, width and how its cells look.
public struct ReportColumn: Sendable {
    public var header: String
    public var width: Double
    public var format: XLSXCellFormat

    public init(_ header: String, width: Double, format: XLSXCellFormat = ReportSheet.plain) {
        self.header = header
        self.width = width
        self.format = format
    }

    /// The four dimensions, the total (decimals) and the category: the score columns every
    /// per-employee and per-unit report shows.
    public static func scores(_ language: Language) -> [ReportColumn] {
        ["Kualifikasi", "Kompetensi", "Kinerja", "Disiplin", "Total"].map {
            ReportColumn($0, width: 11, format: ReportSheet.decimal)
        } + [ReportColumn(ReportTitle.t(language, "Kategori", "Category"), width: 14)]
    }
}

/// A sheet laid out for a meeting: the title (the report and the instansi) on row 1, the
/// measurement year and scope on row 2, the header on row 4, data from row 5; the title and
/// header rows repeat on every printed page, A4 landscape, one page wide; the header stays
/// in view while scrolling. Numbers are real numbers with the format `#,##0.00`, which
/// Indonesian Excel shows as `1.234,50`.
public final class ReportSheet {
    /// The row of the header (0-based): title, subtitle, a blank row, then the header.
    public static let headerRow = 3
    public static let plain = XLSXCellFormat(border: true)
    public static let text = XLSXCellFormat(numberFormat: "@", border: true)
    public static let decimal = XLSXCellFormat(numberFormat: "#,##0.00", border: true)
    public static let whole = XLSXCellFormat(numberFormat: "#,##0", border: true)
    public static let percent = XLSXCellFormat(numberFormat: "0%", border: true)
    static let header = XLSXCellFormat(bold: true, background: 0xD9E1F2, wrap: true, border: true, alignTop: true, center: true)
    static let title = XLSXCellFormat(bold: true)
    static let subtitle = XLSXCellFormat(italic: true)

    public let sheet: XLSXSheet
    let columns: [ReportColumn]
    /// The next data row (0-based).
    public private(set) var row = ReportSheet.headerRow + 1

    /// - Parameters:
    ///   - title: the report and the instansi, e.g. `Rekap IP ASN per Unit Kerja — Pemerintah Kota`.
    ///   - subtitle: the measurement year and scope.
    public init(_ sheet: XLSXSheet, title: String, subtitle: String, columns: [ReportColumn]) throws {
        self.sheet = sheet
        self.columns = columns
        try sheet.write(title, row: 0, column: 0, format: Self.title)
        try sheet.write(subtitle, row: 1, column: 0, format: Self.subtitle)
        for (i, column) in columns.enumerated() {
            try sheet.setColumn(i, width: column.width)
            try sheet.write(column.header, row: Self.headerRow, column: i, format: Self.header)
        }
        sheet.freezePanes(row: Self.headerRow + 1)
        try sheet.printSetup(landscape: true, repeatRows: Self.headerRow + 1, fitWidth: 1, header: "&C\(title)")
    }

    /// One data row; each value in its column's format (`indent` for the first column: a
    /// sub-unit's depth).
    public func add(_ values: [XLSXValue], indent: Int = 0) throws {
        for (i, value) in values.enumerated() where i < columns.count {
            var format = columns[i].format
            if i == 0 && indent > 0 { format.indent = indent }
            try sheet.write(value, row: row, column: i, format: format)
        }
        row += 1
    }

    /// A closing line under the data (a count, a note), after one blank row.
    public func note(_ text: String) throws {
        try sheet.write(text, row: row + 1, column: 0, format: Self.subtitle)
    }
}
