import Foundation
import IPASNCore

/// An error PostgreSQL (or libpq, for a connection) reported, with its SQLSTATE.
struct PGError: Error, CustomStringConvertible, Sendable {
    /// The five-character SQLSTATE (`23505` unique_violation, `08006` connection failure ...).
    var sqlState: String
    var message: String
    /// The constraint a violation names, if any.
    var constraint: String?

    init(sqlState: String, message: String, constraint: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.constraint = constraint
    }

    var description: String { "PostgreSQL \(sqlState): \(message)" }
}

/// One row of a result; columns are read by position as the type the caller asks for.
struct PGRow {
    let result: PGResult
    let index: Int

    /// The column as text (nil for NULL).
    func text(_ column: Int) -> String? { result.text(index, column) }

    /// The column as `T`; traps on a NULL or unreadable value for a non-optional `T`, like
    /// GRDB (the schema's NOT NULL and CHECK constraints keep such values out). Optional
    /// types read NULL as nil.
    subscript<T: PGColumnValue>(_ column: Int) -> T {
        let raw = text(column)
        guard let value = T.fromPG(raw) else {
            preconditionFailure("column \(column) holds \(raw ?? "NULL"), not a \(T.self)")
        }
        return value
    }

    static func fetchAll(_ db: PGConnection, sql: String, arguments: PGArguments = []) throws -> [PGRow] {
        try db.fetchAll(sql: sql, arguments: arguments)
    }

    static func fetchOne(_ db: PGConnection, sql: String, arguments: PGArguments = []) throws -> PGRow? {
        try db.fetchOne(sql: sql, arguments: arguments)
    }

    static func fetchCursor(_ db: PGConnection, sql: String, arguments: PGArguments = []) throws -> PGCursor {
        try db.cursor(sql: sql, arguments: arguments)
    }
}

/// A value a column can be read as (PostgreSQL's text output format).
protocol PGColumnValue {
    /// The value of `text` (nil: SQL NULL); nil when it cannot be read as this type.
    static func fromPG(_ text: String?) -> Self?
}

extension PGColumnValue {
    /// The first column of the first row; nil without a row or for NULL.
    static func fetchOne(_ db: PGConnection, sql: String, arguments: PGArguments = []) throws -> Self? {
        guard let row = try db.fetchOne(sql: sql, arguments: arguments), let text = row.text(0) else { return nil }
        return fromPG(text)
    }

    /// The first column of every row (NULLs left out).
    static func fetchAll(_ db: PGConnection, sql: String, arguments: PGArguments = []) throws -> [Self] {
        try db.fetchAll(sql: sql, arguments: arguments).compactMap { row in row.text(0).flatMap { fromPG($0) } }
    }
}

extension String: PGColumnValue {
    static func fromPG(_ text: String?) -> String? { text }
}

extension Int: PGColumnValue {
    static func fromPG(_ text: String?) -> Int? { text.flatMap { Int($0) } }
}

extension Int64: PGColumnValue {
    static func fromPG(_ text: String?) -> Int64? { text.flatMap { Int64($0) } }
}

extension Int32: PGColumnValue {
    static func fromPG(_ text: String?) -> Int32? { text.flatMap { Int32($0) } }
}

extension Double: PGColumnValue {
    static func fromPG(_ text: String?) -> Double? {
        guard let text else { return nil }
        switch text {
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }
}

extension Bool: PGColumnValue {
    /// `t`/`f` (boolean) or a number (integer flags: non-zero is true).
    static func fromPG(_ text: String?) -> Bool? {
        guard let text else { return nil }
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: return Int(text).map { $0 != 0 }
        }
    }
}

extension Date: PGColumnValue {
    /// A `timestamptz` in the session's UTC: `2025-01-10 02:00:00[.ffffff]+00`.
    static func fromPG(_ text: String?) -> Date? { text.flatMap(PGMoment.parse) }
}

extension Optional: PGColumnValue where Wrapped: PGColumnValue {
    static func fromPG(_ text: String?) -> Wrapped?? {
        guard let text else { return .some(nil) }
        return Wrapped.fromPG(text).map { .some($0) }
    }
}

/// A value sent as a statement parameter, in PostgreSQL's text input format.
protocol PGBindable {
    var pgText: String { get }
}

extension String: PGBindable {
    var pgText: String { self }
}

extension Int: PGBindable {
    var pgText: String { String(self) }
}

extension Int64: PGBindable {
    var pgText: String { String(self) }
}

extension Int32: PGBindable {
    var pgText: String { String(self) }
}

extension Double: PGBindable {
    var pgText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return "\(self)"
    }
}

extension Bool: PGBindable {
    /// `1`/`0`: both a boolean and an integer flag column read it.
    var pgText: String { self ? "1" : "0" }
}

extension Date: PGBindable {
    var pgText: String { PGMoment.format(self) }
}

/// Statement parameters (nil is SQL NULL).
struct PGArguments: ExpressibleByArrayLiteral {
    var values: [String?]

    init(arrayLiteral elements: (any PGBindable)?...) {
        values = elements.map { $0?.pgText }
    }

    init(_ elements: [(any PGBindable)?]) {
        values = elements.map { $0?.pgText }
    }

    init(texts: [String?]) {
        values = texts
    }

    static func + (lhs: PGArguments, rhs: PGArguments) -> PGArguments {
        PGArguments(texts: lhs.values + rhs.values)
    }

    static func += (lhs: inout PGArguments, rhs: PGArguments) {
        lhs.values += rhs.values
    }
}

/// Moments as `timestamptz` text in UTC, microseconds kept.
enum PGMoment {
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = Int(interval.rounded(.down))
        var micros = Int(((interval - Double(seconds)) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let fraction = String(micros + 1_000_000).dropFirst()
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)+00"
    }

    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                n = n * 10 + digit
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number((index + 1)..<min(index + 3, bytes.count)) else { return nil }
            var minutes = 0
            if index + 5 < bytes.count + 0, bytes.count >= index + 6, bytes[index + 3] == UInt8(ascii: ":") {
                minutes = number((index + 4)..<(index + 6)) ?? 0
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        // Microseconds are exact in the text: round the fraction to them.
        let micros = (fraction * 1_000_000).rounded() / 1_000_000
        return Date(timeIntervalSince1970: Double(seconds - offset) + micros)
    }
}

extension LocalDate: PGBindable {
    var pgText: String { iso }
}
