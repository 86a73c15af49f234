import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `xl/styles.xml`, read for one thing: which cell styles (`s="N"`) show a date, so that
/// their numbers are read as Excel serial dates.
final class XLSXStyles: NSObject, XMLParserDelegate {
    /// For each cell style index, whether its number format is a date (or date-time).
    private(set) var isDateStyle: [Bool] = []
    private var customFormats: [Int: String] = [:]
    private var styleFormats: [Int] = []
    private var inCellXfs = false

    init(package: XLSXPackage) throws {
        super.init()
        try package.parse("xl/styles.xml", with: self)
        isDateStyle = styleFormats.map { id in
            if let code = customFormats[id] { return Self.isDateFormat(code) }
            return Self.builtinDateFormats.contains(id)
        }
    }

    func isDate(style: Int) -> Bool { isDateStyle.indices.contains(style) && isDateStyle[style] }

    /// Excel's built-in number formats that show a date: 14-17 and 22 everywhere, and the
    /// locale-dependent East Asian ones (27-36, 50-58).
    static let builtinDateFormats: Set<Int> = Set([14, 15, 16, 17, 22]).union(27...36).union(50...58)

    /// Whether a format code shows a date: a `d`, `m` or `y` outside quotes, brackets and
    /// escapes (`dd/mm/yyyy`, `[$-421]d mmmm yyyy`), not a pure time (`h:mm`) or a number.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        var dayOrYear = false
        var month = false
        var time = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if character == "\"" {
                inQuotes.toggle()
                continue
            }
            if inQuotes { continue }
            switch character {
            case "\\": escaped = true
            case "[": inBrackets = true
            case "]": inBrackets = false
            case ";": return dayOrYear || (month && !time)
            default:
                guard !inBrackets else { continue }
                if character == "d" || character == "y" { dayOrYear = true }
                if character == "m" { month = true }
                if character == "h" || character == "s" { time = true }
            }
        }
        // `m` alone is a month (`mmm`), beside `h` or `s` it is minutes (`h:mm`, `mm:ss`).
        return dayOrYear || (month && !time)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styleFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if localName(elementName) == "cellXfs" { inCellXfs = false }
    }
}
