import Foundation

/// FAST PATH (issue 12, PG1, branch pgcopy6): the repeated field texts of a CSV file made
/// into Strings once, not once a row.
///
/// A String of more than 15 UTF-8 bytes is a heap allocation, made by the parsing thread and
/// freed by the store's writing thread when the row is written (a free into the other
/// thread's memory arena). In an import file most long fields repeat: an employee's NIP on
/// each of their consecutive rows, a group event's course name and organiser on the rows of
/// every participant (the province's diklat file: 976,618 rows, 177 course names, 20
/// organisers). Per column, the interner keeps the last value and a small direct-mapped
/// table of values by a hash of their bytes; a field whose bytes equal a kept value's is that
/// String again (a retain instead of an allocation, a copy and a free). A column whose values
/// rarely repeat (a certificate number) stops using its table after a few thousand misses.
///
/// The Strings are equal to those made from the bytes (`==`, the same UTF-8): nothing reads
/// the difference. Only for the fields the reader knows to be ASCII (read the same in both
/// encodings).
struct CSVFieldInterner {
    /// Strings of up to 15 UTF-8 bytes are stored inline (no allocation): made directly.
    static let smallest = 16
    /// Table slots per column (a power of two) and the lookups after which a column whose
    /// table hit less than a quarter of the time stops using it.
    static let slots = 2_048
    static let trial = 8_192
    /// Set in the environment, `IPASN_CSV_NO_INTERN` makes every field a new String as before
    /// branch pgcopy6: for before/after figures on one binary, never set by the product.
    static let off = ProcessInfo.processInfo.environment["IPASN_CSV_NO_INTERN"] != nil

    private struct Column {
        var last = ""
        var table: [String] = []
        var lookups = 0
        var hits = 0
        var tableOff = false
    }

    private var columns: [Column] = []

    /// The String of `bytes` (ASCII), field `column` of its record.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> String {
        guard bytes.count >= Self.smallest, !Self.off else { return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self) }
        if column >= columns.count { columns.append(contentsOf: repeatElement(Column(), count: column + 1 - columns.count)) }
        if Self.equal(columns[column].last, bytes) { return columns[column].last }
        let string = columns[column].tableOff ? String(decoding: bytes, as: UTF8.self) : fromTable(bytes, column: column)
        columns[column].last = string
        return string
    }

    private mutating func fromTable(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> String {
        if columns[column].table.isEmpty { columns[column].table = Array(repeating: "", count: Self.slots) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & (Self.slots - 1)
        columns[column].lookups += 1
        if Self.equal(columns[column].table[slot], bytes) {
            columns[column].hits += 1
            return columns[column].table[slot]
        }
        let string = String(decoding: bytes, as: UTF8.self)
        if columns[column].lookups >= Self.trial && columns[column].hits * 4 < columns[column].lookups {
            columns[column].tableOff = true
            columns[column].table = []
        } else {
            columns[column].table[slot] = string
        }
        return string
    }

    /// Whether `string`'s UTF-8 is `bytes`.
    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard string.utf8.count == bytes.count, let base = bytes.baseAddress else { return false }
        return string.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, base, bytes.count) == 0 } ?? false
    }
}
