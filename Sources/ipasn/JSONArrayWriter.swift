import Foundation
import IPASNFiles

/// Writes a JSON array with one element per line.
struct JSONArrayWriter {
    private var out = StdoutWriter()
    private var count = 0

    mutating func append(_ value: JSONValue) {
        out.write(count == 0 ? "[\n  " : ",\n  ")
        out.write(value.text)
        count += 1
    }

    mutating func finish() {
        out.write(count == 0 ? "[]\n" : "\n]\n")
        out.flush()
    }
}
