import Foundation
import IPASNTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Text for the terminal the command writes to: its width, and lines wrapped to it so that
/// nothing runs off the right edge or is cut.
enum TerminalText {
    /// The width to wrap at: `$COLUMNS` when set, else the terminal's width when stdout is
    /// one, else 80.
    static var width: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    /// Each line of `text` wrapped at `width` display columns; a continuation keeps the line's
    /// indentation plus two spaces, so a long list reads as one item.
    static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            guard DisplayWidth.width(of: line) > width else { return [line] }
            let indent = String(line.prefix { $0 == " " })
            let body = String(line.dropFirst(indent.count))
            let first = DisplayWidth.wrap(body, toWidth: max(10, width - indent.count))
            guard let head = first.first else { return [line] }
            // The rest again, narrower by the continuation's two extra spaces.
            let rest = first.dropFirst().joined(separator: " ")
            let continuation = rest.isEmpty ? [] : DisplayWidth.wrap(rest, toWidth: max(10, width - indent.count - 2))
            return [indent + head] + continuation.map { indent + "  " + $0 }
        }.joined(separator: "\n")
    }

    /// Signs whose one-character look-alike would change the meaning of a rule.
    static let spelled: [Character: String] = ["≥": ">=", "≤": "<=", "≠": "!=", "→": "->", "←": "<-"]

    /// Whether the locale can show UTF-8: the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set
    /// names UTF-8. A locale that says otherwise (`C`, `POSIX`, `id_ID.ISO-8859-1`) cannot;
    /// with none set at all the output stays UTF-8 (what scripts and files expect).
    static func utf8Locale(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return true }
        let lower = value.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// Text for a reader's terminal: as it is in a UTF-8 locale, else with ASCII look-alikes
    /// (`…` as `~`, `≥` as `>`, `ï` as `i`) of the same width, as the workstation does under
    /// `LANG=C`. Only for text meant to be read (tables, explanations, rules), never for CSV
    /// or JSON, which keep the data as it is.
    static func forTerminal(_ text: String, utf8: Bool = utf8Locale()) -> String {
        guard !utf8, text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = ""
        for character in text {
            if character.isASCII || character == "\n" {
                out.append(character)
            } else if let spelled = Self.spelled[character] {
                out += spelled
            } else {
                out += AsciiFallback.text(for: String(character), width: DisplayWidth.width(of: character))
            }
        }
        return out
    }
}
