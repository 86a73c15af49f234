/// How a CSV file is written: plain (`,`, decimal point, LF, no byte-order mark: what programs
/// read, and what `ipasn import` writes back unchanged) or for Indonesian Excel (`csv-id`:
/// `;`, decimal comma, CRLF, UTF-8 with a byte-order mark, so that Excel with Indonesian
/// regional settings opens it in columns, with numbers as numbers and accents intact).
public struct CSVStyle: Hashable, Sendable {
    public var separator: Character
    public var decimalComma: Bool
    public var lineEnd: CSVWriter.LineEnd
    public var byteOrderMark: Bool

    public static let plain = CSVStyle(separator: ",", decimalComma: false, lineEnd: .lf, byteOrderMark: false)
    public static let indonesian = CSVStyle(separator: ";", decimalComma: true, lineEnd: .crlf, byteOrderMark: true)

    /// What the file starts with: the byte-order mark, or nothing.
    public var preamble: String { byteOrderMark ? "\u{FEFF}" : "" }

    /// One line with its line end.
    public func line(_ fields: [String]) -> String {
        CSVWriter.line(fields, separator: separator, lineEnd: lineEnd)
    }

    /// A number written with a decimal point (`72.75`, `-3.5`), in this style (`72,75`).
    /// Anything that is not a plain decimal number is left as it is.
    public func number(_ text: String) -> String {
        guard decimalComma, text.contains("."), Double(text) != nil, !text.contains("e"), !text.contains("E") else {
            return text
        }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
