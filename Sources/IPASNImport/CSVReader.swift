import Foundation

/// One record of a CSV file: its fields and the file line it starts on (1-based; the
/// header is line 1).
public struct CSVRecord: Hashable, Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Reads a CSV file record by record, in chunks: the file is never held in memory.
///
/// What admins' files look like, and what is accepted:
/// - UTF-8 with or without a byte-order mark; a field that is not valid UTF-8 is decoded
///   as Windows-1252 (Excel's "CSV" on Indonesian Windows), and so is every later field
///   of the file once one such field is met (``isWindows1252``);
/// - `,` or `;` as the separator, whichever occurs more in the first line (outside quotes);
/// - CRLF, LF or CR line ends;
/// - RFC 4180 quotes: `"a, b"`, `""` for a quote, line breaks inside quotes.
///
/// Parsing works on bytes; a `String` is made only for each finished field.
public final class CSVReader {
    /// The separator in use (`,` or `;`).
    public private(set) var separator: UInt8 = UInt8(ascii: ",")
    /// Whether bytes that are not UTF-8 were met and the reader decodes Windows-1252.
    public private(set) var isWindows1252 = false

    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    private var field: [UInt8] = []

    /// Opens `path`, skips a UTF-8 byte-order mark and detects the separator.
    /// - Throws: when the file cannot be opened or read.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        self.chunkSize = max(chunkSize, 16)
        buffer.reserveCapacity(self.chunkSize)
        field.reserveCapacity(256)
        try fill()
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        try detectSeparator()
    }

    deinit { try? handle.close() }

    /// Reads more bytes after the unread ones; returns false at the end of the file.
    @discardableResult
    private func fill() throws -> Bool {
        if atEOF { return false }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
            atEOF = true
            return false
        }
        buffer.append(contentsOf: data)
        return true
    }

    /// Looks at the first line (reading more until it is complete) and picks `,` or `;`.
    private func detectSeparator() throws {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        var index = position
        while true {
            if index >= buffer.count {
                let offset = index - position
                guard try fill() else { break }
                index = position + offset
                continue
            }
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if byte == UInt8(ascii: ",") { commas += 1 }
                if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
            index += 1
        }
        separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The next byte, or nil at the end of the file.
    @inline(__always)
    private func nextByte() throws -> UInt8? {
        if position >= buffer.count {
            guard try fill() else { return nil }
        }
        let byte = buffer[position]
        position += 1
        return byte
    }

    @inline(__always)
    private func peekByte() throws -> UInt8? {
        if position >= buffer.count {
            guard try fill() else { return nil }
        }
        return buffer[position]
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        while true {
            guard try peekByte() != nil else { return nil }
            let start = line
            var fields: [String] = []
            var inQuotes = false
            var quoted = false
            field.removeAll(keepingCapacity: true)
            loop: while let byte = try nextByte() {
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        if try peekByte() == UInt8(ascii: "\"") {
                            position += 1
                            field.append(byte)
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") {
                            line += 1
                        } else if byte == UInt8(ascii: "\r") {
                            if try peekByte() != UInt8(ascii: "\n") { line += 1 }
                        }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case separator:
                    fields.append(finishField())
                    quoted = false
                case UInt8(ascii: "\""):
                    if field.isEmpty && !quoted {
                        inQuotes = true
                        quoted = true
                    } else {
                        field.append(byte)  // a stray quote inside an unquoted field: keep it
                    }
                case UInt8(ascii: "\n"):
                    line += 1
                    break loop
                case UInt8(ascii: "\r"):
                    if try peekByte() == UInt8(ascii: "\n") { position += 1 }
                    line += 1
                    break loop
                default:
                    field.append(byte)
                }
            }
            fields.append(finishField())
            if fields.count == 1 && fields[0].isEmpty && !quoted { continue }  // blank line
            return CSVRecord(line: start, fields: fields)
        }
    }

    private func finishField() -> String {
        defer { field.removeAll(keepingCapacity: true) }
        if field.isEmpty { return "" }
        if !isWindows1252, let text = String(validating: field, as: UTF8.self) { return text }
        isWindows1252 = true
        return Windows1252.decode(field)
    }
}

/// Windows-1252 to Unicode: bytes 0x80-0x9F differ from Latin-1.
enum Windows1252 {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
