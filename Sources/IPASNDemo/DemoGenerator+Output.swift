import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

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
