import ArgumentParser
import Foundation
import IPASNCore
import IPASNDemo
import IPASNStore

/// `ipasn demo`: a realistic sample regency, into the database or as import files.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill the database with a deterministic demo sample (or write it as import CSV files).",
        discussion: """
            The same --seed and --pegawai always give the same sample (dates end at today). \
            A database that already has employees is refused unless --force. With --csv-dir \
            the database is not touched: units.csv, pegawai.csv, pendidikan.csv, diklat.csv, \
            skp.csv and disiplin.csv are written to the directory instead.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("How many employees (about 300 units at 50,000).", valueName: "n"))
    var pegawai: Int = 2000

    @Option(name: .long, help: ArgumentHelp("The sample's seed.", valueName: "s"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Write the sample as import CSV files into this directory.", valueName: "dir"))
    var csvDir: String?

    @Flag(name: .long, help: "Add the sample even when the database already has employees.")
    var force = false

    func validate() throws {
        if pegawai < 1 || pegawai > 2_000_000 {
            throw ValidationError("--pegawai must be between 1 and 2000000.")
        }
    }

    func run() throws {
        let started = Date()
        let today = global.context.today
        let generator = DemoGenerator(seed: seed, pegawai: pegawai, today: today)
        if let csvDir {
            let url = URL(fileURLWithPath: GlobalOptions.expandTilde(csvDir))
            let counts: DemoCounts
            do {
                counts = try generator.writeCSV(to: url)
            } catch {
                throw CLIError("cannot write the demo files to \(csvDir): \(Output.describe(error))")
            }
            print("wrote \(counts) to \(url.path) in \(Self.seconds(since: started))")
            return
        }
        let store = try global.openStore(.create)
        let existing = try store.countPegawai()
        if existing > 0 && !force {
            throw CLIError(
                "the database \(global.databasePath) already has \(existing) employees; use --force to add the demo sample anyway.")
        }
        let counts = try generator.write(to: store) { kind, rows in
            Output.stderrLine("  \(kind.rawValue): \(rows) rows")
        }
        print("demo sample written: \(counts) (seed \(seed)) in \(Self.seconds(since: started))")
    }

    static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}
