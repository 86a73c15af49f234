import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One row of a worksheet: its spreadsheet row number (1-based, as Excel shows it) and its
/// cells as text, by column (`A` is index 0), empty where no cell is written.
public struct XLSXRow: Hashable, Sendable {
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}

/// The SAX delegate over a worksheet part: turns `<row>`/`<c>` elements into ``XLSXRow``s as
/// they stream past (no document tree is built) and hands each to `emit`; `emit` returning
/// false stops the parse.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    private let strings: XLSXSharedStrings
    private let styles: XLSXStyles
    private let date1904: Bool
    private let emit: (XLSXRow) -> Bool

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = -1
    private var type = ""
    private var style = 0
    private var text = ""
    private var collecting = false
    private var phonetic = 0

    init(strings: XLSXSharedStrings, styles: XLSXStyles, date1904: Bool, emit: @escaping (XLSXRow) -> Bool) {
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.emit = emit
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        case "c":
            column = attributes["r"].flatMap(CellReference.column) ?? column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
        case "v":
            text = ""
            collecting = true
        case "t":
            collecting = phonetic == 0
        case "rPh":
            phonetic += 1
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "v", "t":
            collecting = false
        case "rPh":
            phonetic -= 1
        case "c":
            let value = self.value()
            guard column >= 0, !value.isEmpty else { return }
            if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
            cells[column] = value
        case "row":
            guard !cells.isEmpty else { return }
            if !emit(XLSXRow(number: rowNumber, cells: cells)) { parser.abortParsing() }
        default:
            break
        }
    }

    /// The text of the finished cell, by its type.
    private func value() -> String {
        switch type {
        case "s": return Int(text).flatMap { strings[$0] } ?? ""
        case "inlineStr", "str", "e": return text
        case "b": return text == "1" ? "TRUE" : "FALSE"
        case "d": return text.count >= 10 ? String(text.prefix(10)) : text
        default: return Self.number(text, isDate: styles.isDate(style: style), date1904: date1904)
        }
    }

    /// A number cell as text: a date style gives the ISO date of the serial; a whole number
    /// gives its digits; a number of 16 or more digits gives Excel's display (`1.98502E+17`),
    /// since its last digits are already lost; anything else stays as written.
    static func number(_ text: String, isDate: Bool, date1904: Bool) -> String {
        guard let number = Double(text) else { return text }
        if isDate, let date = ExcelDate.date(serial: number, date1904: date1904) { return date.iso }
        if number.rounded() == number {
            if abs(number) < 1e15 { return String(Int(number)) }
            return String(format: "%.5E", number)
        }
        return text
    }
}
