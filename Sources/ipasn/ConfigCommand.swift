import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn config ...`: the database's settings.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the database's settings.",
        subcommands: [ConfigYearCommand.self, ConfigShowCommand.self])
}

/// `ipasn config year [Y]`.
struct ConfigYearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year",
        abstract: "Show the measurement year, or set it to Y.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The new measurement year.", valueName: "year"))
    var year: Int?

    func validate() throws {
        if let year, !(1950...9999).contains(year) {
            throw ValidationError("\(year) is not a plausible measurement year (1950 to 9999).")
        }
    }

    func run() throws {
        let store = try global.openStore(year == nil ? .read : .create)
        if let year {
            try store.setMeasurementYear(year)
            print("measurement year set to \(year)")
        } else {
            print(try store.measurementYear())
        }
    }
}

/// `ipasn config show`.
struct ConfigShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the database, measurement year, ruleset and counts.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let ruleset = try store.ruleset()
        let lines = [
            "database:          \(global.databasePath)",
            "measurement year:  \(try store.measurementYear())",
            "ruleset:           \(ruleset.id) (\(ruleset.name))",
            "units:             \(try store.units().count)",
            "pegawai:           \(try store.countPegawai())",
            "language:          \(global.language.rawValue)",
            "user:              \(StoreContext.currentUser())",
        ]
        print(lines.joined(separator: "\n"))
    }
}
