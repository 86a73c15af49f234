import Foundation
import IPASNCore

/// FAST PATH (issue 12, round 3): the bytes of a `COPY ... FROM STDIN` in PostgreSQL's text
/// format, written field by field straight from the values (``PGConnection/copyIn(table:columns:encode:)``).
///
/// Why: the bulk import sent a million rows as `[String?]` arrays built from
/// ``PGArguments`` (an existential per value, a `String` per number and date, two arrays a
/// row) and then escaped them byte by byte; here a number or a date is written as digits
/// into the buffer and a text that needs no escape (nearly all) is copied whole. The bytes
/// are exactly those of the `[String?]` form (``row(_:)``, which ``PGConnection``'s other
/// `copyIn` still uses): `PGCopyBufferTests` compares the two for every record kind.
struct PGCopyBuffer {
    private(set) var bytes: [UInt8] = []
    /// Fields written in the current row (a tab goes before every one but the first).
    private var fields = 0

    init(capacity: Int = 1 << 17) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    /// Empties the buffer (after its bytes were sent), keeping its memory.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// A text field, escaped (backslash, tab, newline and carriage return); nil is NULL.
    mutating func text(_ value: String?) {
        guard var value else { return null() }
        separate()
        let copied = value.withUTF8 { utf8 -> Bool in
            // Most values need no escape: copied in one piece.
            guard !utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        guard !copied else { return }
        for byte in value.utf8 {
            switch byte {
            case 92: bytes.append(contentsOf: [92, 92])
            case 9: bytes.append(contentsOf: [92, 116])
            case 10: bytes.append(contentsOf: [92, 110])
            case 13: bytes.append(contentsOf: [92, 114])
            default: bytes.append(byte)
            }
        }
    }

    /// An integer field in decimal, as `String(value)` writes it.
    mutating func integer(_ value: Int64) {
        separate()
        // The digits from the right into a stack buffer, then one append (not one per digit).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    mutating func integer(_ value: Int) { integer(Int64(value)) }

    /// A flag as `1`/`0` (``Bool``'s `pgText`).
    mutating func flag(_ value: Bool) {
        separate()
        bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    /// A date field as ``LocalDate/iso`` writes it (`2024-12-31`); nil is NULL.
    mutating func date(_ value: LocalDate?) {
        guard let value else { return null() }
        separate()
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let y = value.year % 10000
        // The ten bytes into a stack buffer, then one append.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { text in
            text[0] = zero + UInt8(y / 1000)
            text[1] = zero + UInt8(y / 100 % 10)
            text[2] = zero + UInt8(y / 10 % 10)
            text[3] = zero + UInt8(y % 10)
            text[4] = dash
            text[5] = zero + UInt8(value.month / 10)
            text[6] = zero + UInt8(value.month % 10)
            text[7] = dash
            text[8] = zero + UInt8(value.day / 10)
            text[9] = zero + UInt8(value.day % 10)
            bytes.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// A NULL field (`\N`).
    mutating func null() {
        separate()
        bytes.append(contentsOf: [92, 78])
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(10)
        fields = 0
    }

    /// A whole row of text fields (nil is NULL): the form of ``PGArguments``' values.
    mutating func row(_ values: [String?]) {
        for value in values { text(value) }
        endRow()
    }

    private mutating func separate() {
        if fields > 0 { bytes.append(9) }
        fields += 1
    }
}
