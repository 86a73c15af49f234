import Foundation

/// The text forms employee search compares: a name's search key (kept by the store next to
/// the name) and a query's words and NIP digits.
///
/// Case and accents are ignored ("rusli" finds "Ruslï"), apostrophes dropped ("maruf" finds
/// "Ma'ruf"), and every other character that is not a letter or a digit separates words.
public enum SearchText {
    /// Lowercased, without accents or apostrophes, words separated by one space.
    public static func key(_ text: String) -> String {
        // ASCII fast path (nearly every name; an import computes a key per employee).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return unicodeKey(text)
            case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if space && !bytes.isEmpty { bytes.append(0x20) }
                space = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            default:
                space = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``key(_:)`` for text with non-ASCII characters: Foundation's case and accent folding.
    static func unicodeKey(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if apostrophes.contains(scalar) { continue }
            if CharacterSet.alphanumerics.contains(scalar) && !CharacterSet.nonBaseCharacters.contains(scalar) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else if !CharacterSet.nonBaseCharacters.contains(scalar) {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// The words of a query, each of which a match must contain (in any order).
    public static func words(_ query: String) -> [String] {
        key(query).split(separator: " ").map(String.init)
    }

    /// The digits of a query that is a NIP or part of one, as pasted from a spreadsheet
    /// (Excel's leading apostrophe, spaces, dots or dashes between the groups), or nil when
    /// the query holds anything else.
    public static func nipDigits(_ query: String) -> String? {
        var digits = ""
        for scalar in query.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if !(apostrophes.contains(scalar) || CharacterSet.whitespaces.contains(scalar) || scalar == "."
                || scalar == "-")
            {
                return nil
            }
        }
        return digits.isEmpty ? nil : digits
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "`", "\u{02BC}", "\u{00B4}"]
}
