import Foundation
import IPASNCore

/// FAST PATH (issue 12, round 3): the bytes of a `COPY ... FROM STDIN` in PostgreSQL's text
/// format, written field by field straight from the values (``PGConnection/copyIn(table:columns:freeze:binary:encode:)``).
///
/// Why: the bulk import sent a million rows as `[String?]` arrays built from
/// ``PGArguments`` (an existential per value, a `String` per number and date, two arrays a
/// row) and then escaped them byte by byte; here a number or a date is written as digits
/// into the buffer and a text that needs no escape (nearly all) is copied whole. The bytes
/// are exactly those of the `[String?]` form (``row(_:)``, which ``PGConnection``'s other
/// `copyIn` still uses): `PGCopyBufferTests` compares the two for every record kind.
///
/// `binary` (issue 12, PG1, branch pgcopy6): the same fields in COPY's BINARY format instead
/// (`FORMAT binary`: each row its field count, each field its length and its value in the
/// column type's own binary form), for the first load: the server then runs no input
/// function that reads digits or dates from text and splits no line at tabs (~25% of the
/// COPY's server CPU for a million diklat, docs/performance.md). A field's writer says the
/// column's type (``integer(_:)`` is `bigint`, ``int4(_:)`` `integer`, ``flag(_:)``
/// `smallint`, ``real(_:)`` `double precision`): a wrong width is refused by the server
/// (`incorrect binary data format`), never read as another value. `PGCopyBinaryTests` loads
/// every record kind both ways and compares the rows.
struct PGCopyBuffer {
    private(set) var bytes: [UInt8] = []
    /// Fields written in the current row (a tab goes before every one but the first).
    private var fields = 0
    /// Whether the rows are in COPY's binary format (``init(capacity:binary:)``).
    let binary: Bool
    /// Binary: where the current row's field count goes.
    private var rowStart = 0

    /// The binary format's header: its signature, no flags, no header extension.
    static let binaryHeader: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 13, 10, 0] + [0, 0, 0, 0] + [0, 0, 0, 0]

    init(capacity: Int = 1 << 17, binary: Bool = false) {
        self.binary = binary
        bytes.reserveCapacity(capacity)
        if binary { bytes.append(contentsOf: Self.binaryHeader) }
    }

    var count: Int { bytes.count }

    /// Empties the buffer (after its bytes were sent), keeping its memory.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Ends the data (binary: the trailer, a field count of -1; text: nothing).
    mutating func endData() {
        if binary { bytes.append(contentsOf: [0xFF, 0xFF]) }
    }

    /// A text field, escaped (backslash, tab, newline and carriage return); nil is NULL.
    mutating func text(_ value: String?) {
        guard var value else { return null() }
        separate()
        if binary {
            value.withUTF8 { utf8 in
                bigEndian(Int32(truncatingIfNeeded: utf8.count))
                bytes.append(contentsOf: utf8)
            }
            return
        }
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
        if binary { return field(value, width: 8) }
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

    /// An `integer` (int4) column's field: in text as ``integer(_:)``. Binary: a value outside
    /// int4 is sent 8 bytes wide, which the server refuses (as it refuses the text's digits).
    mutating func int4(_ value: Int) {
        guard binary else { return integer(Int64(value)) }
        separate()
        if let narrow = Int32(exactly: value) { field(Int64(narrow), width: 4) } else { field(Int64(value), width: 8) }
    }

    /// A flag as `1`/`0` (``Bool``'s `pgText`), a `smallint` column.
    mutating func flag(_ value: Bool) {
        separate()
        if binary { return field(value ? 1 : 0, width: 2) }
        bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    /// A `double precision` field as ``Double``'s `pgText` writes it (binary: its IEEE bits); nil is NULL.
    mutating func real(_ value: Double?) {
        guard binary, let value else { return text(value?.pgText) }
        separate()
        field(Int64(bitPattern: value.bitPattern), width: 8)
    }

    /// A date field as ``LocalDate/iso`` writes it (`2024-12-31`); nil is NULL.
    mutating func date(_ value: LocalDate?) {
        guard let value else { return null() }
        separate()
        if binary { return field(Int64(Self.daysSince2000(value)), width: 4) }
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

    /// A NULL field (`\N`; binary: the length -1).
    mutating func null() {
        separate()
        if binary { return bigEndian(Int32(-1)) }
        bytes.append(contentsOf: [92, 78])
    }

    /// Ends the current row (binary: its field count put in front of it).
    mutating func endRow() {
        if binary {
            let count = UInt16(truncatingIfNeeded: fields)
            if fields == 0 {
                rowStart = bytes.count
                bytes.append(contentsOf: [0, 0])
            }
            bytes[rowStart] = UInt8(count >> 8)
            bytes[rowStart + 1] = UInt8(count & 0xFF)
        } else {
            bytes.append(10)
        }
        fields = 0
    }

    /// The date as PostgreSQL's binary `date`: days since 2000-01-01 (proleptic Gregorian).
    static func daysSince2000(_ date: LocalDate) -> Int {
        // Days from the civil date (H. Hinnant's algorithm), 2000-01-01 being day 10,957 after 1970-01-01.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 - 10_957
    }

    /// A binary field of `width` bytes: its length, then `value`'s low bytes, big-endian.
    private mutating func field(_ value: Int64, width: Int) {
        bigEndian(Int32(width))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: width) { out in
            for index in 0..<width { out[index] = UInt8(truncatingIfNeeded: value >> (8 * (width - 1 - index))) }
            bytes.append(contentsOf: UnsafeBufferPointer(out))
        }
    }

    private mutating func bigEndian(_ value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// A whole row of text fields (nil is NULL): the form of ``PGArguments``' values.
    mutating func row(_ values: [String?]) {
        for value in values { text(value) }
        endRow()
    }

    private mutating func separate() {
        if binary {
            if fields == 0 {
                // The row's field count, filled in by endRow().
                rowStart = bytes.count
                bytes.append(contentsOf: [0, 0])
            }
        } else if fields > 0 {
            bytes.append(9)
        }
        fields += 1
    }
}
