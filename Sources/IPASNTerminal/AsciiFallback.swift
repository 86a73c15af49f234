import Foundation

/// What a terminal without a UTF-8 locale (`LANG=C`) shows instead of a character it cannot
/// draw: a look-alike ASCII character (box lines, bars, dots, arrows, quotes, dashes) or the
/// letter without its accent, never a row of question marks.
public enum AsciiFallback {
    /// `width` columns of ASCII standing in for `grapheme`; `?` only for what has no
    /// look-alike (a CJK character, an emoji).
    public static func text(for grapheme: String, width: Int) -> String {
        let width = max(width, 1)
        guard let first = grapheme.unicodeScalars.first else { return String(repeating: " ", count: width) }
        if first.isASCII { return String(Character(first)) + String(repeating: " ", count: width - 1) }
        if let ascii = table[first] { return String(repeating: ascii, count: width) }
        // A letter with an accent: the base letter ("ï" -> "i", "É" -> "E").
        let folded = grapheme.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if let base = folded.unicodeScalars.first, base.isASCII, base.properties.isAlphabetic || base.properties.numericType != nil {
            return String(Character(base)) + String(repeating: " ", count: width - 1)
        }
        return String(repeating: "?", count: width)
    }

    static let table: [Unicode.Scalar: Character] = [
        // Box drawing.
        "─": "-", "━": "-", "═": "=", "│": "|", "┃": "|", "║": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "╔": "+", "╗": "+", "╚": "+", "╝": "+", "╭": "+", "╮": "+", "╰": "+", "╯": "+",
        "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "╠": "+", "╣": "+", "╦": "+", "╩": "+", "╬": "+",
        // Bars and shades.
        "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "#", "▐": "#", "▕": "|",
        "░": ".", "▒": ":", "▓": "#", "■": "#", "□": "o", "▪": "#", "▫": "o",
        // Dots, bullets, marks.
        "·": ".", "•": "*", "●": "*", "○": "o", "◦": "o", "…": "~", "✓": "v", "✔": "v", "✗": "x", "✘": "x",
        "×": "x", "÷": "/", "±": "+", "°": "o",
        // Arrows and angle quotes.
        "→": ">", "←": "<", "↑": "^", "↓": "v", "⇒": ">", "›": ">", "‹": "<", "»": ">", "«": "<",
        "▶": ">", "◀": "<", "▲": "^", "▼": "v", "≥": ">", "≤": "<", "≠": "#",
        // Dashes, quotes, spaces.
        "—": "-", "–": "-", "‐": "-", "−": "-", "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "‚": "'",
        "\u{00A0}": " ", "\u{2007}": " ", "\u{202F}": " ", "\u{FFFD}": "?",
    ]
}
