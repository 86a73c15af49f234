/// A JSON syntax error with its place in the file (1-based line and column).
struct JSONSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var reason: String
}

/// Parses JSON text (RFC 8259, with a leading byte-order mark allowed) into a ``JSONValue``.
struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    /// Nesting limit: a ruleset is four levels deep; this only stops a hostile file.
    private let maxDepth = 64
    /// Duplicate keys met, as key paths.
    private(set) var duplicateKeys: [String] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parse() throws(JSONSyntaxError) -> JSONValue {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw error(at: firstInvalidUTF8(), "the file is not UTF-8 text")
        }
        skipSpace()
        let value = try parseValue(path: "", depth: 0)
        skipSpace()
        if index < bytes.count { throw error(at: index, "unexpected text after the end of the JSON value") }
        return value
    }

    private func firstInvalidUTF8() -> Int {
        var i = 0
        while i < bytes.count {
            var end = i + 1
            while end <= bytes.count, end - i <= 4 {
                if String(validating: bytes[i..<end], as: UTF8.self) != nil { break }
                end += 1
            }
            if end > bytes.count || end - i > 4 { return i }
            i = end
        }
        return i
    }

    private func error(at offset: Int, _ reason: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // The column counts characters, not bytes (UTF-8 continuation bytes are skipped).
        let column = bytes[lineStart..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return JSONSyntaxError(line: line, column: column, reason: reason)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue(path: String, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < maxDepth else { throw error(at: index, "nested more than \(maxDepth) levels deep") }
        guard index < bytes.count else { throw error(at: index, "the file ends where a value is expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(path: path, depth: depth)
        case UInt8(ascii: "["): return try parseArray(path: path, depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
            where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return value
            }
            throw error(at: index, "unexpected \(describeByte(at: index)); expected a value")
        }
    }

    private func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "character 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func parseObject(path: String, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(at: index, "unexpected \(describeByte(at: index)); expected a key in quotes")
            }
            let key = try parseString()
            let here = path.isEmpty ? key : "\(path).\(key)"
            if members.contains(where: { $0.key == key }) { duplicateKeys.append(here) }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error(at: index, "unexpected \(describeByte(at: index)); expected ':' after \"\(key)\"")
            }
            index += 1
            skipSpace()
            members.append((key, try parseValue(path: here, depth: depth + 1)))
            skipSpace()
            guard index < bytes.count else { throw error(at: index, "the file ends inside an object; expected '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    throw error(at: index, "a comma before '}' (remove the last comma)")
                }
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw error(at: index, "unexpected \(describeByte(at: index)); expected ',' or '}'")
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try parseValue(path: "\(path)[\(items.count)]", depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw error(at: index, "the file ends inside a list; expected ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    throw error(at: index, "a comma before ']' (remove the last comma)")
                }
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw error(at: index, "unexpected \(describeByte(at: index)); expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var chunkStart = index
        func flush(_ end: Int) {
            if end > chunkStart { scalars.append(contentsOf: String(decoding: bytes[chunkStart..<end], as: UTF8.self).unicodeScalars) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw error(at: index, "a control character inside a string (write \\n or \\t instead)")
            }
            if byte == UInt8(ascii: "\\") {
                flush(index)
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), bytes[index...].starts(with: "\\u".utf8) {
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error(at: index - 6, "an unpaired \\u surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error(at: index - 6, "an unpaired \\u surrogate") }
                    scalars.append(scalar)
                default:
                    throw error(at: index - 1, "unknown escape \\\(describeByte(at: index - 1))")
                }
                chunkStart = index
                continue
            }
            index += 1
        }
        throw error(at: open, "a string that is never closed (a missing '\"')")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error(at: index, "\\u needs four hex digits") }
        index += 4
        return code
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        let intDigits = digits()
        guard intDigits > 0 else { throw error(at: index, "a '-' without digits") }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw error(at: intStart, "a number with a leading zero") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error(at: index, "a number ends in '.'; add a digit after it") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error(at: index, "an exponent without digits") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
