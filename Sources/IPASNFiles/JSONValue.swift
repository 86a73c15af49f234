import Foundation

/// A JSON value that keeps its keys in the order they were given (the output contracts list
/// keys in a fixed order, and readers diff the output). Written as compact JSON text.
///
/// Writing is byte-oriented (see ``write(to:)-([UInt8])``): a province's `score --format json`
/// writes tens of megabytes, and appending Unicode scalars to a `String` one at a time cost
/// more than half of the command's time. Strings are copied in runs of bytes that need no
/// escaping; only `"`, `\` and control characters below U+0020 are escaped, everything else
/// (non-ASCII letters, emoji) goes out as its UTF-8 bytes.
public enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Compact JSON text.
    public var text: String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the compact JSON text to `out`.
    public func write(to out: inout String) {
        out += text
    }

    /// Appends the compact JSON text to `out` as UTF-8 bytes.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .number(let d): JSONValue.writeNumber(d, to: &out)
        case .int(let i): JSONValue.writeInt(i, to: &out)
        case .bool(let b): out.append(contentsOf: b ? JSONValue.trueBytes : JSONValue.falseBytes)
        case .null: out.append(contentsOf: JSONValue.nullBytes)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(pair.0, to: &out)
                out.append(UInt8(ascii: ":"))
                pair.1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)

    /// A number as JSON: whole numbers without a fraction (`85`), others in the shortest form (`60.5`).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// ``number(_:)`` appended as bytes (whole numbers without going through a `String`).
    public static func writeNumber(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { return out.append(contentsOf: nullBytes) }
        if value == value.rounded(), abs(value) < 1e15 { return writeInt(Int(value), to: &out) }
        out.append(contentsOf: String(value).utf8)
    }

    /// An integer in decimal digits.
    public static func writeInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            // `Int.min` has no positive counterpart: its digits come from the magnitude.
            out.append(UInt8(ascii: "-"))
            return writeDigits(value.magnitude, to: &out)
        }
        writeDigits(UInt(value), to: &out)
    }

    private static func writeDigits(_ value: UInt, to out: inout [UInt8]) {
        if value < 10 { return out.append(UInt8(ascii: "0") &+ UInt8(value)) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                count += 1
                buffer[buffer.count - count] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: buffer[(buffer.count - count)...])
        }
    }

    /// Appends `s` as a quoted JSON string.
    public static func writeString(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        writeString(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as a quoted JSON string, as UTF-8 bytes: runs of bytes that need no
    /// escaping are copied whole (UTF-8 continuation and lead bytes are all ≥ 0x80, so a
    /// byte-wise scan never splits a character).
    public static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                appendEscape(byte, to: &out)
                runStart = i + 1
            }
            if runStart < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
        default:
            // `\u00XX` in lowercase hex.
            out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
    }
}
