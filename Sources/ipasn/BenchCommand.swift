import ArgumentParser
import Foundation
import IPASNBench

/// `ipasn bench [--quick | --size SIZE] [--out FILE] [--work-dir DIR] [--runs N]`: the
/// province-scale benchmark (`make bench`), ten times the province (`--size large`,
/// `make bench-large`), or the same code on a small database (`--quick`, `make test`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure performance at province scale against the sqlite3 shell.",
        discussion: """
            Builds a demo province (50,000 pegawai, about 1,000,000 diklat) and measures the import, \
            the full recompute and unit report (checked against a reference SQL query), keystrokes, \
            saves and the dashboard in the workstation, the start time, peak memory and how a save \
            grows with the database. Each figure is the median of several runs. The exit code is 1 \
            when a self-check fails (row counts, the unit report against the reference SQL); a missed \
            speed target is reported in the table, not as a failure.

            Sizes (--size): full (the province above, the default), large (500,000 pegawai and \
            about 10,000,000 diklat, one run of each large measurement; several GB of disk and tens \
            of minutes: `make bench-large`), quick (500 pegawai, what --quick runs). With --out, \
            each size rewrites only its own section of the report file, so `make bench` and \
            `make bench-large` share docs/performance.md.
            """)

    @Flag(name: .long, help: "The same code on a small database, in seconds (the same as --size quick).")
    var quick = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "full (50,000 pegawai, the default), large (500,000 pegawai, about 10,000,000 diklat) or quick.",
            valueName: "size"))
    var size: String?

    @Option(name: .long, help: ArgumentHelp("Write the report (markdown) to this file.", valueName: "file"))
    var out: String?

    @Option(
        name: .customLong("work-dir"),
        help: ArgumentHelp(
            "Where the databases and CSV files are made, in a folder of this run (default: a new folder in /tmp).",
            valueName: "dir"))
    var workDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Runs of each measurement (default: 3 for the large ones, 1 with --size large).", valueName: "n"))
    var runs: Int?

    @Flag(name: .long, help: "Keep the databases and CSV files.")
    var keep = false

    @Option(
        name: .customLong("batch-db"),
        help: ArgumentHelp(
            "Only measure saving one event for 60 participants (addBatch) into this existing database (it is written to).",
            valueName: "file"))
    var batchDatabase: String?

    /// Internal (hand measurements): `--only save` runs only the save measurement on a province
    /// kept in --work-dir (made on the first run), `--saves` times; `--only pgsave` the same on
    /// PostgreSQL (row PG3; a cluster and the province's copy in it kept in --work-dir); `--only
    /// pgadmins` the many-admins row PG4 on the same kept cluster and province;
    /// `--only recompute|memory|dashboard|pg-recompute|pg-recompute-plain` runs that piece of the
    /// benchmark on an existing province database (`--only-db`: a file, or for the pg- pieces a
    /// PostgreSQL database).
    @Option(name: .long, help: .hidden)
    var only: String?

    @Option(name: .long, help: .hidden)
    var saves: Int?

    @Option(name: .customLong("only-db"), help: .hidden)
    var onlyDatabase: String?

    /// Internal: run the command after `--` on this terminal and write its time and peak RSS to a file.
    @Option(name: .long, help: .hidden)
    var probe: String?

    @Argument(parsing: .postTerminator, help: .hidden)
    var command: [String] = []

    func validate() throws {
        let kept = ["save", "pgsave", "pgadmins"]
        if let only, !kept.contains(only) && !BenchPiece.names.contains(only) {
            throw ValidationError("--only takes \((kept + BenchPiece.names).joined(separator: ", ")), not \(only).")
        }
        if let only, kept.contains(only), workDir == nil {
            throw ValidationError("--only \(only) needs --work-dir (the province is kept there).")
        }
        if let runs, runs < 1 { throw ValidationError("--runs must be at least 1.") }
        if let size {
            guard let config = BenchConfig.named(size) else {
                throw ValidationError("--size must be full, large or quick, not \(size).")
            }
            if quick && config.name != "quick" { throw ValidationError("--quick and --size \(size) contradict each other.") }
        }
    }

    func run() throws {
        if let probe {
            try Probe.run(file: probe, command: command)
            return
        }
        if let batchDatabase {
            do {
                let result = try BatchBench(database: batchDatabase).run(runs: runs ?? 7, tag: "\(ProcessInfo.processInfo.processIdentifier)")
                let ms = result.saves.map { String(format: "%.1f", $0 * 1000) }.joined(separator: ", ")
                print("one event for \(result.participants) participants of unit \(result.unit), \(result.saves.count) runs: "
                    + String(format: "median %.1f ms", Stats.median(result.saves) * 1000) + " (\(ms) ms)")
            } catch let error as BenchError {
                throw CLIError("bench FAILED: \(error.message)")
            }
            return
        }
        if only == "save", let workDir {
            let config = size.flatMap(BenchConfig.named) ?? (quick ? BenchConfig.quick : BenchConfig.full)
            do {
                let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
                let result = try SaveBench.run(employees: config.employees, saves: saves ?? 300, work: workDir, log: log)
                print(SaveBench.summary(result))
            } catch let error as BenchError {
                throw CLIError("bench FAILED: \(error.message)")
            }
            return
        }
        if only == "pgsave", let workDir {
            let config = size.flatMap(BenchConfig.named) ?? (quick ? BenchConfig.quick : BenchConfig.full)
            do {
                let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
                let result = try PostgresSaveBench.run(
                    employees: config.employees, saves: saves ?? 300, work: workDir,
                    repository: FileManager.default.currentDirectoryPath, log: log)
                print(PostgresSaveBench.summary(result))
            } catch let error as BenchError {
                throw CLIError("bench FAILED: \(error.message)")
            }
            return
        }
        if only == "pgadmins", let workDir {
            let config = size.flatMap(BenchConfig.named) ?? (quick ? BenchConfig.quick : BenchConfig.full)
            do {
                let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
                print(
                    try PostgresAdminsBench.run(
                        employees: config.employees, work: workDir, repository: FileManager.default.currentDirectoryPath, log: log))
            } catch let error as BenchError {
                throw CLIError("bench FAILED: \(error.message)")
            }
            return
        }
        if let only {
            guard let onlyDatabase else { throw ValidationError("--only needs --only-db FILE (an existing province database).") }
            let work = FileManager.default.temporaryDirectory.path + "/ipasn-bench-only-\(ProcessInfo.processInfo.processIdentifier)"
            defer { try? FileManager.default.removeItem(atPath: work) }
            let options = BenchOptions(
                config: .full, outputPath: nil, workDirectory: work, executable: BenchRunner.currentExecutable,
                repositoryDirectory: FileManager.default.currentDirectoryPath, keepWorkDirectory: false)
            do {
                try BenchPiece.run(only, database: onlyDatabase, runs: runs ?? 3, options: options)
            } catch let error as BenchError {
                throw CLIError("bench FAILED: \(error.message)")
            }
            return
        }
        let config = (size.flatMap(BenchConfig.named) ?? (quick ? BenchConfig.quick : BenchConfig.full)).withRuns(runs)
        // A folder of its own for this run, inside --work-dir when given, so that two runs
        // (two engineers' `make test`) never share files.
        let pid = ProcessInfo.processInfo.processIdentifier
        let work = workDir.map { "\($0)/run-\(pid)" } ?? (FileManager.default.temporaryDirectory.path + "/ipasn-bench-\(pid)")
        let options = BenchOptions(
            config: config, outputPath: out, workDirectory: work, executable: BenchRunner.currentExecutable,
            repositoryDirectory: FileManager.default.currentDirectoryPath, keepWorkDirectory: keep)
        defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }
        do {
            try BenchRunner.run(options: options)
        } catch let error as BenchError {
            throw CLIError("bench FAILED: \(error.message)")
        }
    }
}
