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
        // Built from bytes: this runs for every date written by a million-row import.
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let y = year % 10000
        let bytes: [UInt8] = [
            zero + UInt8(y / 1000), zero + UInt8(y / 100 % 10), zero + UInt8(y / 10 % 10), zero + UInt8(y % 10), dash,
            zero + UInt8(month / 10), zero + UInt8(month % 10), dash, zero + UInt8(day / 10), zero + UInt8(day % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Indonesian day-first form, `31-12-2024` (also SIASN's `d-m-Y`).
    public var dayFirst: String {
        "\(LocalDate.pad(day, 2))-\(LocalDate.pad(month, 2))-\(LocalDate.pad(year, 4))"
    }

    public var description: String { iso }

    /// Parses `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY` (also `YYYY/MM/DD` and `.` as the
    /// separator; one-digit day and month are accepted; spaces around are ignored). Returns nil
    /// for anything else or for a day that does not exist.
    public static func parse(_ text: String) -> LocalDate? {
        // Byte-level: this sits on the import path (millions of dates).
        var numbers = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        var separator: UInt8 = 0
        var seenContent = false
        var trailingSpace = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if trailingSpace { return nil }
                seenContent = true
                let value = Int(byte &- UInt8(ascii: "0"))
                switch part {
                case 0: numbers.0 = numbers.0 &* 10 &+ value; digits.0 += 1
                case 1: numbers.1 = numbers.1 &* 10 &+ value; digits.1 += 1
                default: numbers.2 = numbers.2 &* 10 &+ value; digits.2 += 1
                }
                if digits.0 > 4 || digits.1 > 4 || digits.2 > 4 { return nil }
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                if trailingSpace || !seenContent { return nil }
                if separator == 0 { separator = byte } else if byte != separator { return nil }
                part += 1
                if part > 2 { return nil }
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if seenContent { trailingSpace = true }
            default:
                return nil
            }
        }
        guard part == 2, digits.0 > 0, digits.1 > 0, digits.2 > 0 else { return nil }
        if digits.0 == 4 {
            guard digits.1 <= 2, digits.2 <= 2 else { return nil }
            return LocalDate(year: numbers.0, month: numbers.1, day: numbers.2)
        }
        guard digits.2 == 4, digits.0 <= 2, digits.1 <= 2 else { return nil }
        return LocalDate(year: numbers.2, month: numbers.1, day: numbers.0)
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
