import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `ipasn bench --only recompute|memory|dashboard|pg-recompute[-plain]|pg-dashboard --only-db FILE|URL` (hidden): one measurement
/// of the benchmark on an existing province database, for measuring a change by hand on a
/// shared machine without building the whole benchmark's data. Prints wall times and, for
/// the recompute, the CPU time of this process and of the sqlite3 shell (the steadier figure
/// when other work shares the cores). Nothing is written to the report.
public enum BenchPiece {
    public static let names = ["recompute", "memory", "dashboard", "pg-recompute", "pg-recompute-plain", "pg-dashboard"]

    public static func run(_ name: String, database: String, runs: Int, options: BenchOptions) throws {
        try FileManager.default.createDirectory(atPath: options.workDirectory, withIntermediateDirectories: true)
        let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        switch name {
        case "recompute":
            let before = (cpu(children: false), cpu(children: true))
            let result = try RecomputeBench(options: options, database: database).run(runs: runs, log: log)
            let ours = (cpu(children: false) - before.0) / Double(runs)
            let shell = (cpu(children: true) - before.1) / Double(runs)
            print(
                "recompute \(result.year) + unit report, \(runs) runs: ipasn median \(Fmt.seconds(Stats.median(result.ours))) wall, "
                    + String(format: "%.3f", ours) + " s CPU a run; reference query median \(Fmt.seconds(Stats.median(result.shell))) wall, "
                    + String(format: "%.3f", shell) + " s CPU a run; \(result.units) units agree")
        case "pg-recompute", "pg-recompute-plain":
            // `--only-db` is a PostgreSQL database (postgresql://... or a conninfo) holding a province.
            try PostgresRecomputePiece(conninfo: database, plain: name.hasSuffix("-plain"), options: options).run(runs: runs, log: log)
        case "pg-dashboard":
            // `--only-db` is a PostgreSQL conninfo keyword string (`host=... dbname=...`).
            try PostgresDashboardPiece(conninfo: database).run(runs: runs, log: log)
        case "memory":
            let terminal = try TerminalBench(options: options, database: database)
            defer { terminal.finish() }
            for run in 0..<runs {
                let browse = try terminal.browse()
                print("browse run \(run + 1): peak RSS \(Fmt.mb(browse.peakRSS)), status \(browse.status)")
            }
        case "dashboard":
            let employee = try InteractiveBench.pickEmployee(database)
            let result = try InteractiveBench(database: database, nip: employee.nip)
                .run(keystrokes: 0, dashboardOpens: 25 * runs, tag: "D\(ProcessInfo.processInfo.processIdentifier)")
            print(
                "dashboard, \(result.dashboard.count) opens: median \(Fmt.ms(Stats.median(result.dashboard))), "
                    + "first \(Fmt.ms(result.dashboard.first ?? 0)), max \(Fmt.ms(result.dashboard.max() ?? 0))")
        default:
            throw BenchError("--only takes \(names.joined(separator: ", ")), not \(name)")
        }
    }

    /// User + system CPU seconds of this process, or of its waited-for children.
    static func cpu(children: Bool) -> Double {
        var usage = rusage()
        getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
