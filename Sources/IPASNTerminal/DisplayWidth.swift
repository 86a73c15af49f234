/// Terminal column widths of text, computed in pure Swift.
///
/// The rules are deterministic (they do not depend on the C library or the
/// locale), so a ``VirtualScreen`` lays text out exactly the same on every
/// machine:
///
/// * East Asian Wide and Fullwidth characters (CJK, Hangul, fullwidth forms)
///   take 2 columns;
/// * characters with emoji presentation (or an emoji followed by U+FE0F) take 2;
/// * combining marks, format characters and zero-width characters take 0 when
///   they stand alone (inside a grapheme cluster they just ride on the base);
/// * everything else, including ambiguous-width characters, takes 1.
///
/// Text coming from data must go through ``sanitize(_:)`` before it reaches a
/// terminal; ``CellGrid/put(_:row:col:style:maxWidth:)`` does that for you.
public enum DisplayWidth {
    /// The visible stand-in for a control character.
    public static let replacement: Character = "\u{FFFD}"

    /// The ellipsis used by ``truncate(_:toWidth:)``.
    public static let ellipsis: Character = "…"

    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    public static func width(of character: Character) -> Int {
        // Printable ASCII (nearly every name, date and number typed or shown): one column, no
        // Unicode property lookups (every cell of every frame is measured).
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (0x7F...0x9F).contains(first.value) {
            return 1  // shown as a replacement character
        }
        var hasTextSelector = false
        var hasEmojiSelector = false
        for scalar in scalars.dropFirst() {
            if scalar.value == 0xFE0E { hasTextSelector = true }
            if scalar.value == 0xFE0F { hasEmojiSelector = true }
        }
        if isZeroWidth(first) {
            return 0
        }
        let props = first.properties
        if !hasTextSelector {
            if props.isEmojiPresentation { return 2 }
            if hasEmojiSelector && props.isEmoji { return 2 }
        }
        return isWide(first.value) ? 2 : 1
    }

    /// Columns taken by `text` (the sum of its grapheme clusters).
    public static func width(of text: some StringProtocol) -> Int {
        // Printable ASCII (most names, dates and numbers) is one column a byte: no grapheme
        // breaking nor Unicode property lookups (a page's column widths measure every cell).
        if let ascii = asciiWidth(text.utf8) { return ascii }
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// Columns taken by `text` (the same as the generic form, without its generic dispatch).
    public static func width(of text: String) -> Int {
        if let ascii = asciiWidth(text.utf8) { return ascii }
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// The byte count when every byte is printable ASCII, else nil.
    @inline(__always)
    static func asciiWidth(_ bytes: some Sequence<UInt8>) -> Int? {
        var count = 0
        for byte in bytes {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// Whether `scalar` must never be sent raw to a terminal: C0 controls,
    /// DEL, C1 controls, line/paragraph separators and the bidi embedding,
    /// override and isolate controls (U+202A–U+202E, U+2066–U+2069).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every unsafe scalar (see ``isUnsafe(_:)``) replaced by
    /// ``replacement`` (`�`). An ANSI escape such as `"\u{1B}[31m"` becomes
    /// `"�[31m"`: harmless and visible.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` cut to at most `width` columns. When it has to be cut, the
    /// result ends with `…` (the ellipsis counts in the width). Wide
    /// characters are never split. A width of 0 or less gives `""`.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if self.width(of: text) <= width { return text }
        let budget = width - 1  // room left for the text before the ellipsis
        var used = 0
        var result = ""
        for character in text {
            let w = self.width(of: character)
            if used + w > budget { break }
            used += w
            result.append(character)
        }
        result.append(ellipsis)
        return result
    }

    /// How ``pad(_:toWidth:alignment:)`` places text in its field.
    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    /// `text` padded with spaces to exactly `width` columns when it is
    /// narrower; returned unchanged when it is already as wide or wider
    /// (use ``fit(_:toWidth:alignment:)`` to also truncate).
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        let missing = width - self.width(of: text)
        guard missing > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text
                + String(repeating: " ", count: missing - left)
        }
    }

    /// `text` truncated (with `…`) and padded to exactly `width` columns.
    /// A wide character that cannot fit before the ellipsis leaves one extra
    /// space, so the result is always exactly `width` columns.
    public static func fit(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        pad(truncate(text, toWidth: width), toWidth: width, alignment: alignment)
    }

    // MARK: - Tables

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD: return false  // soft hyphen: terminals show it
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: return true
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true  // Hangul medial/final jamo
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks outside emoji, which are
    /// handled by the emoji-presentation property. Sorted, non-overlapping.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, compatibility Jamo, Kanbun, CJK strokes, enclosed/compat
        0x3400...0x4DBF,  // CJK Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4,
        0x17000...0x18CFF,  // Tangut, Khitan
        0x1B000...0x1B2FF,  // Kana supplement/extended, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B-F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extension G and later
    ]

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
