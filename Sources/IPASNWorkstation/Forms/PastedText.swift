/// How pasted text (``IPASNTerminal/InputEvent/paste(_:)``: printable characters, `"\t"`
/// and `"\n"`) is typed into single-line fields.
enum PastedText {
    /// The most characters a paste types into a view's text entry key by key.
    static let typedLimit = 1000

    /// The text for one field: line breaks at the end (a spreadsheet cell copied with its
    /// line end) dropped, tabs and the other line breaks as single spaces.
    static func singleLine(_ text: String) -> String {
        pieces(text).joined(separator: " ")
    }

    /// The values for consecutive fields: a tab or a line break moves to the next field, as
    /// Tab does when typing (a spreadsheet row copied as `a<TAB>b<TAB>c`). Trailing line
    /// breaks and tabs are dropped, so a copied cell is one value.
    static func pieces(_ text: String) -> [String] {
        var trimmed = Substring(text)
        while let last = trimmed.last, last == "\n" || last == "\t" || last == "\r\n" { trimmed.removeLast() }
        if trimmed.isEmpty { return [] }
        return trimmed.split(omittingEmptySubsequences: false) { $0 == "\t" || $0 == "\n" || $0 == "\r\n" }.map(String.init)
    }
}
