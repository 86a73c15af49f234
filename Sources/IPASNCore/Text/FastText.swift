import Foundation

/// Cheap text checks for the import path, where every field of a million rows passes
/// through. Each has a byte-level fast path for the common case (plain ASCII) and falls
/// back to the full Unicode-aware behaviour otherwise, so results never differ.
public enum FastText {
    /// `text` without leading and trailing whitespace and newlines (Unicode-aware).
    static func trimmed(_ text: String) -> String {
        if hasPlainEdges(text) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` without leading and trailing whitespace, newlines kept: what
    /// `trimmingCharacters(in: .whitespaces)` gives, without Foundation when the text starts
    /// and ends with a printable ASCII character (nothing to trim: the common case).
    public static func trimmedWhitespace(_ text: String) -> String {
        if hasPlainEdges(text) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether a string is non-empty ASCII digits only.
    public static func isDigits(_ text: String) -> Bool {
        var any = false
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
            any = true
        }
        return any
    }

    /// The number of characters, at most `limit + 1` counted: enough to compare with a limit.
    static func exceeds(_ text: String, _ limit: Int) -> Bool {
        if text.utf8.count <= limit { return false }  // a character takes at least one byte
        return text.count > limit
    }

    /// Whether `text` is empty or starts and ends with a printable ASCII character: nothing to
    /// trim. Read on the contiguous UTF-8 (`utf8.last` walks the view's index backwards).
    private static func hasPlainEdges(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return isPlainEdge(first) && isPlainEdge(last)
        }
    }

    /// An ASCII byte that is neither whitespace nor a control (so no trimming can start there).
    private static func isPlainEdge(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
