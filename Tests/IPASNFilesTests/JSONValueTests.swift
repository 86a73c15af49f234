import Foundation
import IPASNFiles
import Testing

/// The JSON text as it was written before the byte-oriented writer: one Unicode scalar at a
/// time into a `String`. Kept here as the reference the fast writer must match byte for byte.
private func referenceText(_ value: JSONValue) -> String {
    func string(_ s: String, _ out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
    func write(_ value: JSONValue, _ out: inout String) {
        switch value {
        case .string(let s): string(s, &out)
        case .number(let d): out += JSONValue.number(d)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                string(pair.0, &out)
                out += ":"
                write(pair.1, &out)
            }
            out += "}"
        }
    }
    var out = ""
    write(value, &out)
    return out
}

private func bytes(_ value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    value.write(to: &out)
    return out
}

@Suite struct JSONValueTests {
    /// Strings that need escaping, or look as if they might.
    static let tricky: [String] = [
        "", "plain", "say \"hi\"", "C:\\Users\\admin\\", "\\\"", "\"", "\\",
        "two\nlines", "cr\rlf\r\n", "tab\there", "\u{0}nul", "bell\u{7}", "\u{1}\u{1f}\u{1b}[0m", "del\u{7f}",
        "Ruslï", "Rusli\u{0308}", "Sitti Nurhaliza, S.Kep., Ns.", "张伟 Wibowo", "👩🏽‍💻 admin 🇮🇩", "\u{2028}\u{2029}",
        "é\"é\\é\né", String(repeating: "a\"", count: 300),
    ]

    @Test func escapesOnlyWhatNeedsIt() {
        // Hand-checked: quote, backslash and the control characters are escaped; the rest is kept as UTF-8.
        #expect(JSONValue.string("say \"hi\"").text == #""say \"hi\"""#)
        #expect(JSONValue.string("C:\\dir").text == #""C:\\dir""#)
        #expect(JSONValue.string("a\nb\rc\td").text == #""a\nb\rc\td""#)
        #expect(JSONValue.string("\u{0}\u{1}\u{1f}\u{7f}").text == "\"\\u0000\\u0001\\u001f\u{7f}\"")
        #expect(JSONValue.string("é 张 👩🏽‍💻").text == "\"é 张 👩🏽‍💻\"")
        #expect(bytes(.string("é")) == [0x22, 0xC3, 0xA9, 0x22])
        #expect(bytes(.string("😀\"")) == [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x5C, 0x22, 0x22])
    }

    @Test func matchesTheReferenceByteForByte() {
        for s in Self.tricky {
            let value = JSONValue.string(s)
            #expect(bytes(value) == Array(referenceText(value).utf8), "\(s.debugDescription)")
            #expect(value.text == referenceText(value))
        }
        // Every scalar below 0x80, one by one and all together.
        let ascii = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        for s in ascii + [ascii.joined()] {
            #expect(bytes(.string(s)) == Array(referenceText(.string(s)).utf8), "\(s.debugDescription)")
        }
    }

    @Test func numbersAndStructuresMatchTheReference() {
        let numbers: [Double] = [0, -0.0, 1, -1, 85, 60.5, 0.1, 2.0 / 3, 99.99, -42.25, 1e15, 1e14, -1e14, 123456789012345, .infinity, .nan]
        let ints = [0, 7, 10, -10, 2024, Int.max, Int.min, -9]
        let value = JSONValue.object([
            ("numbers", .array(numbers.map { .number($0) })),
            ("ints", .array(ints.map { .int($0) })),
            ("flags", .array([.bool(true), .bool(false), .null])),
            ("empty", .array([])), ("none", .object([])),
            ("kunci \"aneh\"\n", .object(Self.tricky.enumerated().map { ("k\($0.offset)", .string($0.element)) })),
        ])
        #expect(bytes(value) == Array(referenceText(value).utf8))
        #expect(JSONValue.object([("a", .int(-2024)), ("b", .number(60.5)), ("c", .number(85))]).text == #"{"a":-2024,"b":60.5,"c":85}"#)
        #expect(JSONValue.int(Int.min).text == "-9223372036854775808")
        #expect(JSONValue.int(Int.max).text == "9223372036854775807")
    }

    @Test func stringWritingAppendsToWhatIsThere() {
        var text = "x="
        JSONValue.string("a\"b").write(to: &text)
        #expect(text == #"x="a\"b""#)
        var out: [UInt8] = Array("[".utf8)
        JSONValue.writeString("é", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "[\"é\"")
    }
}
