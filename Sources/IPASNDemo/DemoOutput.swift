import Foundation
import IPASNCore
import IPASNStore

/// How many rows of each kind a demo wrote.
public struct DemoCounts: Hashable, Sendable, CustomStringConvertible {
    public var units = 0
    public var pegawai = 0
    public var pendidikan = 0
    public var diklat = 0
    public var skp = 0
    public var disiplin = 0

    public init() {}

    public subscript(kind: CSVFileKind) -> Int {
        get {
            switch kind {
            case .units: return units
            case .pegawai: return pegawai
            case .pendidikan: return pendidikan
            case .diklat: return diklat
            case .skp: return skp
            case .disiplin: return disiplin
            }
        }
        set {
            switch kind {
            case .units: units = newValue
            case .pegawai: pegawai = newValue
            case .pendidikan: pendidikan = newValue
            case .diklat: diklat = newValue
            case .skp: skp = newValue
            case .disiplin: disiplin = newValue
            }
        }
    }

    public var description: String {
        CSVFileKind.allCases.map { "\(self[$0]) \($0.rawValue)" }.joined(separator: ", ")
    }
}

/// The demo's rows of one kind as a stream for ``Store/importRows(_:skipInvalid:)``: rows are
/// generated employee by employee, never all at once. Line numbers count from 2, as if
/// line 1 were a CSV header.
public struct DemoRowSource: ImportRowSource {
    public let generator: DemoGenerator
    public let fileKind: CSVFileKind
    public var kind: String { fileKind.rawValue }
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

extension DemoGenerator {
    /// A stream of one kind's rows for ``Store/importRows(_:skipInvalid:)``.
    public func rowSource(_ kind: CSVFileKind) -> DemoRowSource {
        DemoRowSource(generator: self, kind: kind)
    }

    /// The CSV lines (without line breaks, header first) of one kind, generated lazily.
    public func csvLines(_ kind: CSVFileKind) -> DemoCSVLines {
        DemoCSVLines(generator: self, kind: kind)
    }

    /// Writes the sample as the six import files (`units.csv`, `pegawai.csv`, `pendidikan.csv`,
    /// `diklat.csv`, `skp.csv`, `disiplin.csv`; UTF-8, comma-separated, ISO dates) into
    /// `directory`, creating it when missing. Returns the row counts (headers not counted).
    @discardableResult
    public func writeCSV(to directory: URL) throws -> DemoCounts {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var counts = DemoCounts()
        for kind in CSVFileKind.allCases {
            let url = directory.appendingPathComponent(kind.fileName)
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: url.path)
            else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            defer { try? handle.close() }
            var buffer = ""
            buffer.reserveCapacity(1 << 20)
            var rows = -1
            for line in csvLines(kind) {
                buffer += line
                buffer += "\n"
                rows += 1
                if buffer.utf8.count >= 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: Data(buffer.utf8))
            counts[kind] = rows
        }
        return counts
    }

    /// Imports the sample into a store, kind by kind, all in ONE transaction: a failure (a
    /// full disk) leaves nothing of the sample behind.
    ///
    /// - Throws: ``DemoImportError`` when the store refuses rows (the sample must be valid
    ///   on the store's today; an older `today` than the store's is fine).
    @discardableResult
    public func write(to store: any Store, progress: (CSVFileKind, Int) -> Void = { _, _ in }) throws -> DemoCounts {
        try store.inOneTransaction {
            var counts = DemoCounts()
            for kind in CSVFileKind.allCases {
                var source = rowSource(kind)
                let outcome = try store.importRows(&source, skipInvalid: false)
                let errors = outcome.issues.filter { $0.issue.severity == .error }
                if !errors.isEmpty { throw DemoImportError(kind: kind, issues: errors) }
                counts[kind] = outcome.imported
                progress(kind, outcome.imported)
            }
            return counts
        }
    }
}

/// The store refused demo rows (a bug in the generator, or a store whose today is earlier).
public struct DemoImportError: Error, CustomStringConvertible {
    public var kind: CSVFileKind
    public var issues: [LineIssue]

    public var description: String {
        let first = issues.prefix(5).map { "row \($0.line - 1): \($0.issue.field): \($0.issue.message(.en))" }
        return "the store refused \(issues.count) demo \(kind.rawValue) row(s): " + first.joined(separator: "; ")
    }
}

/// The CSV lines of one kind, header first, generated employee by employee.
public struct DemoCSVLines: Sequence {
    public let generator: DemoGenerator
    public let kind: CSVFileKind

    public func makeIterator() -> Iterator {
        Iterator(source: DemoRowSource(generator: generator, kind: kind), header: CSVText.line(ImportFormat.header(kind)))
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
            case .unit(let u): return CSVText.line(ImportFormat.fields(u))
            case .pegawai(let p): return CSVText.line(ImportFormat.fields(p))
            case .record(let r): return CSVText.line(ImportFormat.fields(r))
            case .invalid: return nil
            }
        }
    }
}
