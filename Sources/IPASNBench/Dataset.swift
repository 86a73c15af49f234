import Foundation
import IPASNCore
import IPASNDemo
import IPASNFiles
import IPASNStore

/// The benchmark's data: the deterministic demo sample, written as the six CSV files and
/// imported into a database; every count is checked against what the generator claims.
enum Dataset {
    /// The demo's "today": fixed, so that every run makes the same data. The measurement
    /// year is the year before, whose records are complete.
    static let today = LocalDate(year: 2025, month: 12, day: 31)!
    static let year = 2025
    static let seed: UInt64 = 2019

    /// A clock fixed at the demo's today, for setting databases up (the measurement year
    /// is set explicitly, so only that year's scores are cached).
    static let setupContext = StoreContext(
        actor: "bench", now: { Date(timeIntervalSince1970: 1_767_182_400) },  // 2025-12-31 12:00 UTC
        timeZone: TimeZone(identifier: "UTC")!)

    struct Province {
        var generator: DemoGenerator
        var csvDirectory: String
        var counts: DemoCounts
        /// Units, employees, pendidikan, SKP and disiplin: everything but the diklat.
        var baseDatabase: String
        var csvSeconds: Double
        var csvBytes: Int

        func csv(_ kind: CSVFileKind) -> String { "\(csvDirectory)/\(kind.fileName)" }
    }

    /// Writes the sample's CSV files and a base database without diklat.
    static func province(employees: Int, work: String, log: (String) -> Void) throws -> Province {
        let generator = DemoGenerator(seed: seed, pegawai: employees, today: today)
        let dir = "\(work)/csv-\(employees)"
        try? FileManager.default.removeItem(atPath: dir)
        let (counts, seconds) = try Clock.time { try generator.writeCSV(to: URL(fileURLWithPath: dir)) }
        var bytes = 0
        for kind in CSVFileKind.allCases {
            let path = "\(dir)/\(kind.fileName)"
            let lines = try FileSystem.countLines(path)
            guard lines == counts[kind] + 1 else {
                throw BenchError("\(path): \(lines) lines, but the generator reported \(counts[kind]) rows and a header")
            }
            bytes += try FileSystem.size(path)
        }
        guard counts.pegawai == employees, counts.units > 0, counts.diklat > 0 else {
            throw BenchError("the demo generator made \(counts); expected \(employees) pegawai")
        }
        log("  demo CSV written in \(Fmt.seconds(seconds)): \(counts)")

        let base = "\(work)/base-\(employees).sqlite"
        try FileSystem.removeDatabase(base)
        try { () throws -> Void in
            let store = try SQLiteStore(path: base, context: setupContext)
            try store.setMeasurementYear(year)
            let importer = Importer(store: store)
            for kind in CSVFileKind.allCases where kind != .diklat {
                let report = try importer.importFile(
                    kind: kind, path: "\(dir)/\(kind.fileName)", skipInvalid: false, today: today)
                let errors = report.issues.filter { $0.issue.severity == .error }
                guard errors.isEmpty, report.imported == counts[kind] else {
                    throw BenchError(
                        "importing the demo \(kind.rawValue): \(report.imported) of \(counts[kind]) rows, "
                            + "\(errors.count) errors: \(report.messages(.en).prefix(3).joined(separator: "; "))")
                }
            }
        }()
        try checkCounts(base, expect: counts, diklat: 0)
        return Province(
            generator: generator, csvDirectory: dir, counts: counts, baseDatabase: base, csvSeconds: seconds,
            csvBytes: bytes)
    }

    /// Checks the tables of `db` hold the expected rows (the sqlite3 shell counts them).
    static func checkCounts(_ db: String, expect: DemoCounts, diklat: Int?) throws {
        var expected: [(String, Int)] = [
            ("units", expect.units), ("pegawai", expect.pegawai), ("pendidikan", expect.pendidikan),
            ("skp", expect.skp), ("disiplin", expect.disiplin),
        ]
        if let diklat { expected.append(("diklat", diklat)) }
        let sql = expected.map { "SELECT COUNT(*) FROM \($0.0)" }.joined(separator: " UNION ALL ")
        let found = try ChildProcess.check("sqlite3", [db, sql]).stdout.split(separator: "\n").map {
            Int($0.trimmingCharacters(in: .whitespaces)) ?? -1
        }
        for (index, (table, count)) in expected.enumerated() {
            let actual = index < found.count ? found[index] : -1
            guard actual == count else { throw BenchError("\(db): \(actual) rows in \(table); expected \(count)") }
        }
    }

    /// A growth database: `employees` employees imported straight from the generator. With
    /// `recordsPerKind`, every employee keeps at most that many records of each kind,
    /// except the first `fullEmployees` (whose records are complete, to save on).
    static func growth(
        employees: Int, recordsPerKind: Int?, fullEmployees: Int, work: String, log: (String) -> Void
    ) throws -> (path: String, counts: DemoCounts, generator: DemoGenerator) {
        let generator = DemoGenerator(seed: seed, pegawai: employees, today: today)
        let path = "\(work)/growth-\(employees).sqlite"
        try FileSystem.removeDatabase(path)
        var counts = DemoCounts()
        let (_, seconds) = try Clock.time {
            try { () throws -> Void in
                let store = try SQLiteStore(path: path, context: setupContext)
                try store.setMeasurementYear(year)
                for kind in CSVFileKind.allCases {
                    var source = LimitedRowSource(
                        inner: generator.rowSource(kind), generator: generator, kind: kind, limit: recordsPerKind,
                        fullEmployees: fullEmployees)
                    let outcome = try store.importRows(&source, skipInvalid: false)
                    let errors = outcome.issues.filter { $0.issue.severity == .error }
                    guard errors.isEmpty else {
                        throw BenchError("growth database \(employees): \(errors.count) \(kind.rawValue) rows refused")
                    }
                    counts[kind] = outcome.imported
                    guard outcome.imported == source.produced else {
                        throw BenchError("growth database \(employees): \(outcome.imported) of \(source.produced) \(kind.rawValue) rows")
                    }
                }
            }()
        }
        guard counts.pegawai == employees else { throw BenchError("growth database: \(counts.pegawai) pegawai, expected \(employees)") }
        try checkCounts(path, expect: counts, diklat: counts.diklat)
        log("  growth database \(Fmt.count(employees)) built in \(Fmt.seconds(seconds)): \(counts)")
        return (path, counts, generator)
    }
}
