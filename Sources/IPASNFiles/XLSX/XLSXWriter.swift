import CXLSXWriter
import Foundation
import IPASNCore

/// A cell's value, for writing rows of mixed cells.
public enum XLSXValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    case date(LocalDate)
    case bool(Bool)
    case empty
}

/// Why an .xlsx file could not be written.
public struct XLSXWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
}

/// How a cell looks: font, fill, number format, alignment. Formats are made once per workbook
/// (``XLSXWriter/format(_:)`` keeps them by value).
public struct XLSXCellFormat: Hashable, Sendable {
    public var bold = false
    public var italic = false
    /// An Excel number format: `@` (text), `dd-mm-yyyy`, `#,##0.00` ...
    public var numberFormat: String?
    /// A solid fill, as 0xRRGGBB.
    public var background: UInt32?
    public var fontColor: UInt32?
    public var wrap = false
    /// A thin border on all four sides.
    public var border = false
    public var alignTop = false
    public var center = false
    /// Indent level (sub-units in a recap).
    public var indent = 0

    public init(
        bold: Bool = false, italic: Bool = false, numberFormat: String? = nil, background: UInt32? = nil,
        fontColor: UInt32? = nil, wrap: Bool = false, border: Bool = false, alignTop: Bool = false,
        center: Bool = false, indent: Int = 0
    ) {
        self.bold = bold
        self.italic = italic
        self.numberFormat = numberFormat
        self.background = background
        self.fontColor = fontColor
        self.wrap = wrap
        self.border = border
        self.alignTop = alignTop
        self.center = center
        self.indent = indent
    }

    /// Text cells (`@`): what a NIP column needs so Excel never turns it into a number.
    public static let text = XLSXCellFormat(numberFormat: "@")
    /// Indonesian date display.
    public static let date = XLSXCellFormat(numberFormat: "dd-mm-yyyy")
    /// Indonesian number display (the separators follow the reader's locale: `1.234,5`).
    public static let decimal = XLSXCellFormat(numberFormat: "#,##0.00")
}

/// A small Swift face over libxlsxwriter (Debian's `libxlsxwriter-dev`, through the
/// `CXLSXWriter` shim): a workbook of sheets with formats, column widths, data validation,
/// freeze panes and print set-up. Used by the import templates and meant for the reports.
///
/// Nothing is written until ``close()``; a writer that is never closed writes nothing.
public final class XLSXWriter {
    public let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [XLSXCellFormat: UnsafeMutablePointer<lxw_format>] = [:]

    public init(path: String) throws {
        self.path = path
        guard let workbook = workbook_new(path) else {
            throw XLSXWriteError(description: "cannot create workbook \(path)")
        }
        self.workbook = workbook
    }

    deinit {
        // A workbook never closed (an error on the way) is dropped: no half file is written.
        abandon()
    }

    /// A new sheet at the end (names: at most 31 characters, none of `[]:*?/\`).
    public func addSheet(_ name: String) throws -> XLSXSheet {
        guard let workbook, let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXWriteError(description: "cannot add sheet \"\(name)\" to \(path)")
        }
        return XLSXSheet(sheet, name: name, writer: self)
    }

    /// The libxlsxwriter format for `spec` (made on first use).
    func format(_ spec: XLSXCellFormat?) -> UnsafeMutablePointer<lxw_format>? {
        guard let spec, let workbook else { return nil }
        if let made = formats[spec] { return made }
        guard let format = workbook_add_format(workbook) else { return nil }
        if spec.bold { format_set_bold(format) }
        if spec.italic { format_set_italic(format) }
        if let number = spec.numberFormat { format_set_num_format(format, number) }
        if let color = spec.background {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(color))
        }
        if let color = spec.fontColor { format_set_font_color(format, lxw_color_t(color)) }
        if spec.wrap { format_set_text_wrap(format) }
        if spec.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if spec.alignTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if spec.center { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        if spec.indent > 0 { format_set_indent(format, UInt8(min(spec.indent, 15))) }
        formats[spec] = format
        return format
    }

    /// Writes the file.
    public func close() throws {
        guard let workbook else { return }
        self.workbook = nil
        let error = workbook_close(workbook)
        if error != LXW_NO_ERROR {
            throw XLSXWriteError(description: "cannot write \(path): \(String(cString: lxw_strerror(error)))")
        }
    }

    /// Frees an unfinished workbook without writing anything.
    private func abandon() {
        guard let workbook else { return }
        self.workbook = nil
        lxw_workbook_free(workbook)
    }

    static func check(_ error: lxw_error, _ what: @autoclosure () -> String) throws {
        if error != LXW_NO_ERROR {
            throw XLSXWriteError(description: "\(what()): \(String(cString: lxw_strerror(error)))")
        }
    }
}

/// One worksheet of an ``XLSXWriter``. Rows and columns are 0-based (row 0 is Excel's row 1).
public final class XLSXSheet {
    public let name: String
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private unowned let writer: XLSXWriter

    init(_ sheet: UnsafeMutablePointer<lxw_worksheet>, name: String, writer: XLSXWriter) {
        self.sheet = sheet
        self.name = name
        self.writer = writer
    }

    // MARK: Cells

    public func write(_ text: String, row: Int, column: Int, format: XLSXCellFormat? = nil) throws {
        try XLSXWriter.check(
            worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, writer.format(format)),
            "cell \(CellReference.letters(column))\(row + 1) of \(name)")
    }

    public func write(_ number: Double, row: Int, column: Int, format: XLSXCellFormat? = nil) throws {
        try XLSXWriter.check(
            worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, writer.format(format)),
            "cell \(CellReference.letters(column))\(row + 1) of \(name)")
    }

    public func write(_ number: Int, row: Int, column: Int, format: XLSXCellFormat? = nil) throws {
        try write(Double(number), row: row, column: column, format: format)
    }

    /// A date cell (an Excel serial with a date format; `.date` when none is given).
    public func write(_ date: LocalDate, row: Int, column: Int, format: XLSXCellFormat? = nil) throws {
        var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
        try XLSXWriter.check(
            worksheet_write_datetime(sheet, lxw_row_t(row), lxw_col_t(column), &value, writer.format(format ?? .date)),
            "cell \(CellReference.letters(column))\(row + 1) of \(name)")
    }

    public func write(_ flag: Bool, row: Int, column: Int, format: XLSXCellFormat? = nil) throws {
        try XLSXWriter.check(
            worksheet_write_boolean(sheet, lxw_row_t(row), lxw_col_t(column), flag ? 1 : 0, writer.format(format)),
            "cell \(CellReference.letters(column))\(row + 1) of \(name)")
    }

    /// Any value; `.empty` writes nothing (the column's format stays).
    public func write(_ value: XLSXValue, row: Int, column: Int, format: XLSXCellFormat? = nil) throws {
        switch value {
        case .text(let text): try write(text, row: row, column: column, format: format)
        case .number(let number): try write(number, row: row, column: column, format: format)
        case .date(let date): try write(date, row: row, column: column, format: format)
        case .bool(let flag): try write(flag, row: row, column: column, format: format)
        case .empty: break
        }
    }

    /// A row of text cells from `column` on.
    public func write(row: Int, texts: [String], from column: Int = 0, format: XLSXCellFormat? = nil) throws {
        for (offset, text) in texts.enumerated() { try write(text, row: row, column: column + offset, format: format) }
    }

    // MARK: Layout

    /// Column width in characters, and the format of the column's empty cells.
    public func setColumn(_ first: Int, _ last: Int? = nil, width: Double, format: XLSXCellFormat? = nil) throws {
        try XLSXWriter.check(
            worksheet_set_column(sheet, lxw_col_t(first), lxw_col_t(last ?? first), width, writer.format(format)),
            "columns of \(name)")
    }

    /// Row height in points.
    public func setRow(_ row: Int, height: Double, format: XLSXCellFormat? = nil) throws {
        try XLSXWriter.check(worksheet_set_row(sheet, lxw_row_t(row), height, writer.format(format)), "rows of \(name)")
    }

    /// Keeps the rows above `row` and the columns left of `column` in view while scrolling.
    public func freezePanes(row: Int, column: Int = 0) {
        worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column))
    }

    /// A filter drop-down on each header cell of a range.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try XLSXWriter.check(
            worksheet_autofilter(sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
            "filter of \(name)")
    }

    /// Print set-up for a meeting: A4 landscape, the first `repeatRows` rows on every page,
    /// `fitWidth` pages wide (0: as many as needed), and a page header text (`&C` centres).
    public func printSetup(landscape: Bool = true, repeatRows: Int = 1, fitWidth: Int = 1, header: String? = nil) throws {
        if landscape { worksheet_set_landscape(sheet) }
        worksheet_set_paper(sheet, ipasn_lxw_paper_a4())
        if repeatRows > 0 {
            try XLSXWriter.check(worksheet_repeat_rows(sheet, 0, lxw_row_t(repeatRows - 1)), "print rows of \(name)")
        }
        if fitWidth > 0 { worksheet_fit_to_pages(sheet, UInt16(fitWidth), 0) }
        if let header { try XLSXWriter.check(worksheet_set_header(sheet, header), "page header of \(name)") }
    }

    /// Hides the sheet (it stays in the workbook: lists that drop-downs read from).
    public func hide() { worksheet_hide(sheet) }

    /// Makes this the sheet shown when the file is opened.
    public func activate() { worksheet_activate(sheet) }

    // MARK: Data validation

    /// A drop-down list on a range: `values` when short (Excel keeps at most 255 characters
    /// in a list), or a `source` range such as `=Daftar!$A$2:$A$26`. A value outside it is
    /// refused with `error` (Indonesian by default).
    public func dropDown(
        firstRow: Int, column: Int, lastRow: Int, values: [String]? = nil, source: String? = nil,
        title: String, prompt: String? = nil, error: String
    ) throws {
        try validate(firstRow: firstRow, column: column, lastRow: lastRow, title: title, prompt: prompt, error: error) {
            rule, finish in
            if let source {
                rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
                let formula = strdup(source)
                defer { free(formula) }
                rule.value_formula = formula
                try finish(&rule)
            } else {
                rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                var list: [UnsafeMutablePointer<CChar>?] = (values ?? []).map { strdup($0) } + [nil]
                defer { for pointer in list { free(pointer) } }
                try list.withUnsafeMutableBufferPointer { buffer in
                    rule.value_list = buffer.baseAddress
                    try finish(&rule)
                }
            }
        }
    }

    /// Whole numbers from `minimum` to `maximum` only.
    public func wholeNumbers(
        firstRow: Int, column: Int, lastRow: Int, minimum: Int, maximum: Int, title: String, prompt: String? = nil,
        error: String
    ) throws {
        try between(
            UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue), Double(minimum), Double(maximum), firstRow: firstRow,
            column: column, lastRow: lastRow, title: title, prompt: prompt, error: error)
    }

    /// Decimal numbers from `minimum` to `maximum` only (a score, a percentage).
    public func decimals(
        firstRow: Int, column: Int, lastRow: Int, minimum: Double, maximum: Double, title: String, prompt: String? = nil,
        error: String
    ) throws {
        try between(
            UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue), minimum, maximum, firstRow: firstRow, column: column,
            lastRow: lastRow, title: title, prompt: prompt, error: error)
    }

    /// A value of the validation `type` (whole or decimal) from `minimum` to `maximum` only.
    private func between(
        _ type: UInt8, _ minimum: Double, _ maximum: Double, firstRow: Int, column: Int, lastRow: Int, title: String,
        prompt: String?, error: String
    ) throws {
        try validate(firstRow: firstRow, column: column, lastRow: lastRow, title: title, prompt: prompt, error: error) {
            rule, finish in
            rule.validate = type
            rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            rule.minimum_number = minimum
            rule.maximum_number = maximum
            try finish(&rule)
        }
    }

    /// Fills the common parts of a rule; `configure` sets the kind and calls `finish` while
    /// the strings it points to are alive. libxlsxwriter copies everything it keeps.
    private func validate(
        firstRow: Int, column: Int, lastRow: Int, title: String, prompt: String?, error: String,
        configure: (inout lxw_data_validation, (inout lxw_data_validation) throws -> Void) throws -> Void
    ) throws {
        var rule = lxw_data_validation()
        // Excel's limits: a title of 32 characters, a message of 255.
        let titleText = strdup(String(title.prefix(32)))
        let errorText = strdup(String(error.prefix(250)))
        let promptText = strdup(String((prompt ?? "").prefix(250)))
        defer {
            free(titleText)
            free(errorText)
            free(promptText)
        }
        rule.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        rule.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        rule.error_title = titleText
        rule.error_message = errorText
        if prompt != nil {
            rule.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
            rule.input_title = titleText
            rule.input_message = promptText
        } else {
            rule.show_input = UInt8(LXW_VALIDATION_OFF.rawValue)
        }
        let sheet = self.sheet, name = self.name
        try configure(&rule) { filled in
            try XLSXWriter.check(
                worksheet_data_validation_range(
                    sheet, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &filled),
                "data validation of \(name)")
        }
    }
}
