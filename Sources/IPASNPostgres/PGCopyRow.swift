import Foundation
import IPASNCore

/// One data row of `COPY ... TO STDOUT` in text format, read in place from libpq's buffer
/// (``PGConnection/copyOut(query:row:)``): fields are separated by tabs, NULL is `\N`, and
/// a text field's tab, newline, carriage return and backslash come as backslash escapes.
/// Numbers and dates are read from their bytes; only a text field the caller asks for as a
/// String allocates one.
/// One value is reused for every row of a COPY (``load(_:)``), so a row costs no allocation.
struct PGCopyRow {
    private(set) var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Where each field starts and ends (end exclusive) in ``bytes``.
    private(set) var fields: [Range<Int>] = []

    /// Points at the next row (valid until libpq's buffer is freed: the row callback's end).
    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        fields.removeAll(keepingCapacity: true)
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 9 {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<bytes.count)
    }

    var count: Int { fields.count }

    /// Whether the field is SQL NULL (`\N`).
    func isNull(_ field: Int) -> Bool {
        let range = fields[field]
        return range.count == 2 && bytes[range.lowerBound] == 92 && bytes[range.lowerBound + 1] == 78
    }

    /// The field's bytes as they are on the wire (escapes not undone).
    func raw(_ field: Int) -> UnsafeBufferPointer<UInt8> {
        let range = fields[field]
        return UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The field as text with the escapes undone; nil for NULL.
    func text(_ field: Int) -> String? {
        if isNull(field) { return nil }
        let range = fields[field]
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(92) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            let byte = slice[index]
            index += 1
            guard byte == 92, index < slice.count else {
                out.append(byte)
                continue
            }
            let next = slice[index]
            index += 1
            switch next {
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "v"): out.append(11)
            default: out.append(next)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The field as a (signed, decimal) integer; nil for NULL or anything else.
    func int(_ field: Int) -> Int? {
        let slice = raw(field)
        if isNull(field) { return nil }
        // Up to 18 digits cannot overflow; anything longer is left to Int's own reading.
        if slice.count > 18 { return text(field).flatMap { Int($0) } }
        guard !slice.isEmpty else { return nil }
        var index = 0
        var negative = false
        if slice[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard index < slice.count else { return nil }
        var value = 0
        while index < slice.count {
            let digit = Int(slice[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return negative ? -value : value
    }

    /// The field as an ISO date (`YYYY-MM-DD`, the session's DateStyle); nil for anything else.
    func date(_ field: Int) -> LocalDate? {
        let s = raw(field)
        guard s.count == 10, s[4] == 45, s[7] == 45 else { return nil }
        func digits(_ from: Int, _ to: Int) -> Int? {
            var value = 0
            for index in from..<to {
                let digit = Int(s[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 7), let day = digits(8, 10) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
    /// The field as a boolean (`t` or `f`, PostgreSQL's text form); false for NULL or anything else.
    func bool(_ field: Int) -> Bool {
        let slice = raw(field)
        return slice.count == 1 && slice[0] == UInt8(ascii: "t")
    }

    /// The field as a double (PostgreSQL's float8 text: the shortest digits that read back
    /// exactly); nil for NULL or anything unreadable. A plain decimal of up to 15 digits is
    /// read from its bytes (an exact integer divided by an exact power of ten: one correctly
    /// rounded division, the value `strtod` gives); anything else through `Double(String)`.
    func double(_ field: Int) -> Double? {
        if isNull(field) { return nil }
        let slice = raw(field)
        var index = 0
        var negative = false
        if index < slice.count && slice[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = -1
        while index < slice.count {
            let byte = slice[index]
            if byte == UInt8(ascii: "."), fraction < 0 {
                fraction = 0
            } else if byte >= 48 && byte <= 57 {
                mantissa = mantissa * 10 + Int64(byte - 48)
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else {
                digits = 99  // an exponent, inf, NaN: the slow path
                break
            }
            index += 1
        }
        guard digits > 0, digits <= 15, fraction != 0 else { return text(field).flatMap { Double($0) } }
        var value = Double(mantissa)
        if fraction > 0 { value /= Self.powersOfTen[fraction] }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
}
