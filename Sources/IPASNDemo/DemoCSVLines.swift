import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

/// The CSV lines of one kind, header first, generated employee by employee.
public struct DemoCSVLines: Sequence {
    public let generator: DemoGenerator
    public let kind: CSVFileKind

    public func makeIterator() -> Iterator {
        Iterator(source: DemoRowSource(generator: generator, kind: kind), header: CSVWriter.record(ImportFormat.header(kind)))
    }

    public struct Iterator: IteratorProtocol {
        var source: DemoRowSource
        var header: String?

        public mutating func next() -> String? {
            if let h = header {
                header = nil
                return h
            }
            guard let row = try? source.next() else { return nil }
            switch row.value {
            case .unit(let u): return CSVWriter.record(ImportFormat.fields(u))
            case .pegawai(let p): return CSVWriter.record(ImportFormat.fields(p))
            case .record(let r): return CSVWriter.record(ImportFormat.fields(r))
            case .invalid: return nil
            }
        }
    }
}
