import Foundation

/// A calendar date without a time zone, as the civil-service records use them
/// (a course's end date, a TMT, a graduation date).
///
/// Dates are compared and stored as ISO `YYYY-MM-DD`; ``LocalDate/parse(_:)``
/// also accepts the forms admins type and Excel exports: `DD-MM-YYYY` and
/// `DD/MM/YYYY`.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (31 April, 29 February 2023).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The last day of a year: the cut-off "finished by 31 Dec Y".
    public static func endOfYear(_ year: Int) -> LocalDate {
        LocalDate(year: year, month: 12, day: 31)!
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// An integer that orders like the date: `YYYYMMDD`.
    public var ordinal: Int { year * 10000 + month * 100 + day }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.ordinal < rhs.ordinal }

    /// ISO form, `2024-12-31`.
    public var iso: String {
        "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))"
    }

    /// Indonesian day-first form, `31-12-2024` (also SIASN's `d-m-Y`).
    public var dayFirst: String {
        "\(LocalDate.pad(day, 2))-\(LocalDate.pad(month, 2))-\(LocalDate.pad(year, 4))"
    }

    public var description: String { iso }

    /// Parses `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY` (also `YYYY/MM/DD`;
    /// one-digit day and month are accepted). Returns nil for anything else or
    /// for a day that does not exist.
    public static func parse(_ text: String) -> LocalDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let separators: Set<Character> = ["-", "/", "."]
        guard let sep = trimmed.first(where: { separators.contains($0) }) else { return nil }
        let parts = trimmed.split(separator: sep, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if parts[0].count == 4 {
            guard parts[1].count <= 2, parts[2].count <= 2 else { return nil }
            return LocalDate(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        return LocalDate(year: numbers[2], month: numbers[1], day: numbers[0])
    }

    /// Parses ISO `YYYY-MM-DD` only (the storage form).
    public init?(iso: String) {
        guard let date = LocalDate.parse(iso), iso.count == 10 else { return nil }
        self = date
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// The date `years` years later (29 February falls back to 28 February).
    public func adding(years: Int) -> LocalDate {
        LocalDate(year: year + years, month: month, day: min(day, LocalDate.daysIn(month: month, year: year + years)))!
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
