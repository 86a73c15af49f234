import Foundation

/// Why a text typed as a date is no date, shared by the record parser (forms, the CLI) and the
/// import's spreadsheet habits, so every door says the same thing.
public enum DateText {
    /// The issue for `text`, which ``LocalDate/parse(_:)`` did not read: a two-digit year
    /// (`12-11-26`), a day its month does not have (`31-02-2026`), else the format.
    public static func problem(_ text: String) -> IssueCode {
        if let full = fullYear(text) { return .dateTwoDigitYear(text, full: full) }
        if let parts = numbers(text), parts.count == 3 {
            // Day first (`31-02-2026`) or year first (`2026-02-31`).
            let (year, month, day) = parts[0].count == 4 ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
            if year.count == 4, (1...2).contains(month.count), (1...2).contains(day.count),
                let y = Int(year), let m = Int(month), let d = Int(day), (1...12).contains(m), d > LocalDate.daysIn(month: m, year: y)
            {
                return .dateNoSuchDay(text, days: LocalDate.daysIn(month: m, year: y))
            }
        }
        return .dateFormat(text)
    }

    /// `01-03-26`, `1/3/26`, `01.03.26` (day, month, a two-digit year) written in full
    /// (`01-03-2026`); nil for anything else.
    public static func fullYear(_ text: String) -> String? {
        if !mayHaveTwoDigitYear(text) { return nil }
        return fullYearPlain(text)
    }

    /// ``fullYear(_:)`` without the byte-level shortcut (`DateTextFastPathTests` compares them).
    static func fullYearPlain(_ text: String) -> String? {
        guard let parts = numbers(text), parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 else { return nil }
        return "\(parts[0])-\(parts[1])-20\(parts[2])"
    }

    /// False when `text` is surely not `d-m-yy`: ASCII without spaces or tabs whose groups
    /// (split at `-`, `/`, `.`) are not three runs of 1-2, 1-2 and 2 digits. Read on bytes,
    /// as every date of a million-row import passes here; true means "ask ``numbers(_:)``".
    static func mayHaveTwoDigitYear(_ text: String) -> Bool {
        var groups = 0
        var length = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                length += 1
                if length > 2 { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                if length == 0 || groups == 2 { return false }
                groups += 1
                length = 0
            case 0x80..., UInt8(ascii: " "), UInt8(ascii: "\t"):
                return true  // trimming or non-ASCII: the full reading decides
            default:
                return false
            }
        }
        return groups == 2 && length == 2
    }

    /// The digit groups of `text` split at one kind of separator (`-`, `/` or `.`), or nil.
    static func numbers(_ text: String) -> [Substring]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return parts
    }
}
