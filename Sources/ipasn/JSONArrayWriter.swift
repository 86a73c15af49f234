import Foundation
import IPASNFiles

/// Writes a JSON array with one element per line to stdout.
///
/// The text is built as UTF-8 bytes in one buffer (``JSONValue/write(to:)-([UInt8])``) and
/// handed to stdout in chunks of about 256 KiB, so a province's 50,000 rows cost a few hundred
/// writes and no per-character `String` work.
struct JSONArrayWriter {
    static let chunkSize = 1 << 18
    private var buffer: [UInt8] = []
    private var count = 0
    private let output: ([UInt8]) -> Void

    /// A writer to stdout.
    init() {
        self.init { bytes in FileHandle.standardOutput.write(Data(bytes)) }
    }

    /// A writer handing its chunks to `output` (tests collect them).
    init(output: @escaping ([UInt8]) -> Void) {
        self.output = output
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    mutating func append(_ value: JSONValue) {
        buffer.append(contentsOf: count == 0 ? Self.open : Self.separator)
        value.write(to: &buffer)
        count += 1
        if buffer.count >= Self.chunkSize { flush() }
    }

    mutating func finish() {
        buffer.append(contentsOf: count == 0 ? Self.empty : Self.close)
        flush()
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        output(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static let open: [UInt8] = Array("[\n  ".utf8)
    private static let separator: [UInt8] = Array(",\n  ".utf8)
    private static let empty: [UInt8] = Array("[]\n".utf8)
    private static let close: [UInt8] = Array("\n]\n".utf8)
}
