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
}
