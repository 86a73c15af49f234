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
/// - UTF-8 with or without a byte-order mark, or Windows-1252 (Excel's "CSV" on Indonesian
///   Windows): one encoding for the whole file. Text that is not valid UTF-8 makes the file
///   Windows-1252; a file with both valid UTF-8 letters beyond ASCII and bytes that are not
///   UTF-8 mixes encodings and is refused with a line of each (``CSVReadError``);
/// - `,` or `;` as the separator, whichever occurs more in the first line (outside quotes);
/// - CRLF, LF or CR line ends;
/// - RFC 4180 quotes: `"a, b"`, `""` for a quote, line breaks inside quotes.
///
/// A field is at most ``maxFieldBytes`` long and a record at most ``maxRecordBytes``: a stray
/// quote that would swallow the rest of the file is reported with the line it opened on,
/// without reading the rest into memory.
///
/// Parsing works on bytes; a `String` is made only for each finished field, and only once for
/// a long ASCII field that repeats (``CSVFieldInterner``).
public final class CSVReader {
    /// The separator in use (`,` or `;`).
    public private(set) var separator: UInt8 = UInt8(ascii: ",")
    /// Whether bytes that are not UTF-8 were met and the reader decodes Windows-1252.
    public var isWindows1252: Bool { windows1252Line != nil }
    /// The first line with a letter beyond ASCII in valid UTF-8, if any.
    public private(set) var utf8Line: Int?
    /// The first line with bytes that are not UTF-8 (read as Windows-1252), if any.
    public private(set) var windows1252Line: Int?

    /// The longest field accepted, in bytes: far above any real field (a name is at most 200
    /// characters), low enough that a runaway quoted field is stopped early.
    public static let maxFieldBytes = 64 * 1024
    /// The longest record accepted, in bytes.
    public static let maxRecordBytes = 1024 * 1024
    private let maxFieldBytes: Int
    private let maxRecordBytes: Int

    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    /// Scratch space for a quoted field's unescaped bytes.
    private var field: [UInt8] = []
    /// How many fields the last record had: the next record's array is made that large at once.
    private var lastFieldCount = 0
    /// Bytes dropped from the front of `buffer` (already parsed).
    private var discarded = 0
    /// A repeated field's String made once (``CSVFieldInterner``).
    private var interner = CSVFieldInterner()

    /// How far into the file the records read so far reach, in bytes (for progress).
    public var bytesRead: Int { discarded + position }

    /// Opens `path`, skips a UTF-8 byte-order mark and detects the separator from the first
    /// line, unless `separator` is given (a file whose first lines are titles, not the header).
    /// - Throws: when the file cannot be opened or read.
    public init(
        path: String, chunkSize: Int = 1 << 20, maxFieldBytes: Int = CSVReader.maxFieldBytes,
        maxRecordBytes: Int = CSVReader.maxRecordBytes, separator: UInt8? = nil
    ) throws {
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = max(maxRecordBytes, maxFieldBytes)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        self.chunkSize = max(chunkSize, 16)
        buffer.reserveCapacity(self.chunkSize)
        field.reserveCapacity(256)
        try fill()
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        if let separator { self.separator = separator } else { try detectSeparator() }
    }

    deinit { try? handle.close() }

    /// Reads more bytes after the unread ones; returns false at the end of the file.
    @discardableResult
    private func fill() throws -> Bool {
        if atEOF { return false }
        if position > 0 {
            discarded += position
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
            if index - position > maxRecordBytes { break }  // a header that never ends: keep the default
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

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    ///
    /// The buffer is first extended until it holds the whole record (up to its line end
    /// outside quotes); the record is then split in one tight pass over those bytes.
    public func next() throws -> CSVRecord? {
        while true {
            guard let end = try plainRecordEnd() ?? recordEnd() else { return nil }
            let start = line
            let (fields, blank, extraLines) = try split(position..<end.content, line: start)
            position = end.next
            line += 1 + extraLines
            if blank { continue }
            return CSVRecord(line: start, fields: fields)
        }
    }

    /// ``recordEnd()`` for the common record, found with `memchr` instead of byte by byte: one
    /// whose line feed is in the buffer within ``maxFieldBytes`` (so no field or record can be
    /// over its limit), with no quote and no carriage return before it (but a CRLF's). Nil for
    /// any other record: ``recordEnd()`` reads it.
    private func plainRecordEnd() -> (content: Int, next: Int)? {
        buffer.withUnsafeBufferPointer { all in
            guard position < all.count, let base = all.baseAddress else { return nil }
            let start = base + position
            guard let found = memchr(start, 0x0A, min(all.count - position, maxFieldBytes + 1)) else { return nil }
            let lineFeed = position + UnsafeRawPointer(start).distance(to: UnsafeRawPointer(found))
            let content = lineFeed > position && all[lineFeed - 1] == 0x0D ? lineFeed - 1 : lineFeed
            if memchr(start, 0x22, content - position) != nil || memchr(start, 0x0D, content - position) != nil {
                return nil
            }
            return (content, lineFeed + 1)
        }
    }

    /// Where the record at `position` ends: the end of its content and the start of the next
    /// record. Reads more of the file as needed; nil when nothing is left.
    private func recordEnd() throws -> (content: Int, next: Int)? {
        var offset = 0  // scanned bytes after `position` (fill() moves position to 0)
        // The same quote rules as split(): a quote opens a quoted field only at the field's
        // start; inside, "" is a quote (closing then reopening at once).
        var inQuotes = false
        var atFieldStart = true
        var justClosed = false
        var fieldStart = 0  // offset where the current field began
        var newlines = 0  // line breaks inside quotes so far
        var quoteLine = line  // the line the open quote is on
        while true {
            if position + offset >= buffer.count {
                if try fill() { continue }
                if inQuotes { throw CSVReadError.unclosedQuote(line: quoteLine) }
                return position < buffer.count ? (buffer.count, buffer.count) : nil
            }
            if offset - fieldStart > maxFieldBytes {
                throw inQuotes
                    ? CSVReadError.unclosedQuote(line: quoteLine)
                    : CSVReadError.fieldTooLong(line: line + newlines, limit: maxFieldBytes)
            }
            if offset > maxRecordBytes { throw CSVReadError.recordTooLong(line: line, limit: maxRecordBytes) }
            let index = position + offset
            let byte = buffer[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    inQuotes = false
                    justClosed = true
                } else if byte == UInt8(ascii: "\n") {
                    newlines += 1
                } else if byte == UInt8(ascii: "\r") {
                    if index + 1 >= buffer.count, try fill() { continue }  // is a \n next?
                    let at = position + offset
                    if !(at + 1 < buffer.count && buffer[at + 1] == UInt8(ascii: "\n")) { newlines += 1 }
                }
            } else if byte == UInt8(ascii: "\"") && (atFieldStart || justClosed) {
                inQuotes = true
                if atFieldStart { quoteLine = line + newlines }
                atFieldStart = false
                justClosed = false
            } else if byte == UInt8(ascii: "\n") {
                return (index, index + 1)
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 >= buffer.count, try fill() { continue }  // is a \n next?
                let at = position + offset
                let crlf = at + 1 < buffer.count && buffer[at + 1] == UInt8(ascii: "\n")
                return (at, crlf ? at + 2 : at + 1)
            } else {
                atFieldStart = byte == separator
                if atFieldStart { fieldStart = offset + 1 }
                justClosed = false
            }
            offset += 1
        }
    }

    /// Splits the bytes of one record into fields; also says whether the line was blank and
    /// how many line breaks sit inside quoted fields.
    private func split(_ range: Range<Int>, line: Int) throws -> (fields: [String], blank: Bool, extraLines: Int) {
        // The interner taken out of the class for the record (one exclusive access each way,
        // not one per field: a class property's access is checked at run time).
        var interner = CSVFieldInterner()
        swap(&interner, &self.interner)
        defer { swap(&interner, &self.interner) }
        return try buffer.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[range])
            let quote = UInt8(ascii: "\""), sep = separator
            // An ASCII record (nearly every one) reads the same in both encodings: its fields
            // become Strings without looking at their bytes again.
            let ascii = Self.isASCII(bytes)
            var fields: [String] = []
            fields.reserveCapacity(lastFieldCount)
            var extraLines = 0
            var index = 0
            var sawQuote = false
            while true {
                if index < bytes.count && bytes[index] == quote {
                    // A quoted field: "" is a quote; text after the closing quote is kept as is.
                    sawQuote = true
                    field.removeAll(keepingCapacity: true)
                    index += 1
                    var inQuotes = true
                    while index < bytes.count {
                        let byte = bytes[index]
                        if inQuotes {
                            if byte == quote {
                                if index + 1 < bytes.count && bytes[index + 1] == quote {
                                    field.append(quote)
                                    index += 1
                                } else {
                                    inQuotes = false
                                }
                            } else {
                                if byte == UInt8(ascii: "\n") {
                                    extraLines += 1
                                } else if byte == UInt8(ascii: "\r")
                                    && !(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))
                                {
                                    extraLines += 1
                                }
                                field.append(byte)
                            }
                        } else if byte == sep {
                            break
                        } else {
                            field.append(byte)
                        }
                        index += 1
                    }
                    fields.append(
                        try field.withUnsafeBufferPointer { ascii ? String(decoding: $0, as: UTF8.self) : try decode($0, line: line) })
                } else {
                    // An unquoted field: up to the next separator; a stray quote is kept.
                    let start = index
                    if index < bytes.count, let found = memchr(bytes.baseAddress! + index, Int32(sep), bytes.count - index) {
                        index += UnsafeRawPointer(bytes.baseAddress! + index).distance(to: UnsafeRawPointer(found))
                    } else {
                        index = bytes.count
                    }
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    fields.append(ascii ? interner.string(slice, column: fields.count) : try decode(slice, line: line))
                }
                if index >= bytes.count { break }
                index += 1  // the separator
                if index == bytes.count {
                    fields.append("")  // a trailing separator ends with an empty field
                    break
                }
            }
            let blank = fields.count == 1 && fields[0].isEmpty && !sawQuote
            lastFieldCount = fields.count
            return (fields, blank, extraLines)
        }
    }

    /// Whether every byte is ASCII, read eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// One field's text. ASCII reads the same in both encodings; anything else decides the
    /// file's encoding, and a field that disagrees with an earlier decision refuses the file.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws -> String {
        if bytes.isEmpty { return "" }
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) {
            if let other = windows1252Line { throw CSVReadError.mixedEncoding(utf8Line: line, windows1252Line: other) }
            if utf8Line == nil { utf8Line = line }
            return text
        }
        if let other = utf8Line { throw CSVReadError.mixedEncoding(utf8Line: other, windows1252Line: line) }
        if windows1252Line == nil { windows1252Line = line }
        return Windows1252.decode(Array(bytes))
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
