import Foundation
import IPASNCore
import IPASNDemo
import IPASNFiles
import IPASNStore

/// The demo's rows, with at most `limit` records of a kind per employee (all records for
/// the first `fullEmployees`).
struct LimitedRowSource: ImportRowSource {
    var inner: DemoRowSource
    let generator: DemoGenerator
    let fileKind: CSVFileKind
    var kind: ImportKind { inner.kind }
    /// The generated sample is the program's own: two generated course names that happen to
    /// resemble each other are no admin's slip, and must not refuse the whole sample.
    var allowsSimilar: Bool { true }
    let limit: Int?
    let fullEmployees: Int
    private var employee = 0
    private var pending: [Record] = []
    private var index = 0
    private var line = 1
    private(set) var produced = 0

    init(inner: DemoRowSource, generator: DemoGenerator, kind: CSVFileKind, limit: Int?, fullEmployees: Int) {
        self.inner = inner
        self.generator = generator
        self.fileKind = kind
        self.limit = limit
        self.fullEmployees = fullEmployees
    }


    mutating func next() throws -> Line<ImportRow>? {
        guard let recordKind = fileKind.recordKind, let limit else {
            let row = try inner.next()
            if row != nil { produced += 1 }
            return row
        }
        while index >= pending.count {
            guard employee < generator.pegawaiCount else { return nil }
            let all = generator.records(recordKind, employee)
            pending = employee < fullEmployees ? all : Array(all.prefix(limit))
            index = 0
            employee += 1
        }
        defer { index += 1 }
        line += 1
        produced += 1
        return Line(line, .record(pending[index]))
    }
}
