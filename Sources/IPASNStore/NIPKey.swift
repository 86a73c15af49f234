/// A NIP as a hash key for the full recomputes' table-order readers (SQLite's `NIPNumbers`,
/// which uses ``numericKey(_:)``; PostgreSQL's `PGRecomputeTables`): an
/// 18-digit (1 to 18 ASCII digits) NIP as one number (``numericKey(_:)``: no String made
/// from the row's bytes), any other by its text.
package enum NIPKey: Hashable, Sendable {
    case number(UInt64)
    case text(String)

    package init(_ nip: UnsafeBufferPointer<UInt8>) {
        if let number = Self.numericKey(nip) { self = .number(number) } else { self = .text(String(decoding: nip, as: UTF8.self)) }
    }

    package init(_ nip: String) {
        var utf8 = nip
        self = utf8.withUTF8 { NIPKey($0) }
    }

    /// 1 to 18 ASCII digits as one number, unique per text: 10^length + value (so "007"
    /// and "7" differ). Nil for anything else (the text is the key then). Digits carry no
    /// escape in PostgreSQL's COPY text, so the wire bytes are the NIP's own there too.
    package static func numericKey(_ nip: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard (1...18).contains(nip.count) else { return nil }
        var value: UInt64 = 0
        var power: UInt64 = 1
        for byte in nip {
            let digit = UInt64(byte &- UInt8(ascii: "0"))
            guard digit <= 9 else { return nil }
            value = value * 10 + digit
            power *= 10
        }
        return power + value
    }
}
