import Foundation
import IPASNCore
import IPASNStore

/// The demo's rows of one kind as a stream for ``Store/importRows(_:skipInvalid:)``: rows are
/// generated employee by employee, never all at once. Line numbers count from 2, as if
/// line 1 were a CSV header.
public struct DemoRowSource: ImportRowSource {
    public let generator: DemoGenerator
    public let fileKind: CSVFileKind
    public var kind: ImportKind { fileKind }
    private var employee = 0
    private var pending: [ImportRow] = []
    private var pendingIndex = 0
    private var line = 1

    public init(generator: DemoGenerator, kind: CSVFileKind) {
        self.generator = generator
        self.fileKind = kind
        if kind == .units { pending = generator.units().map(ImportRow.unit) }
    }

    public mutating func next() throws -> Line<ImportRow>? {
        while pendingIndex >= pending.count {
            guard fileKind != .units, employee < generator.pegawaiCount else { return nil }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if fileKind == .pegawai {
                pending.append(.pegawai(generator.pegawai(employee)))
            } else if let recordKind = fileKind.recordKind {
                for record in generator.records(recordKind, employee) { pending.append(.record(record)) }
            }
            employee += 1
        }
        defer { pendingIndex += 1 }
        line += 1
        return Line(line, pending[pendingIndex])
    }
}
