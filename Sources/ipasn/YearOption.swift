import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// The year a scoring command works on: --year, else the database's measurement year.
struct YearOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The measurement year (default: the database setting).", valueName: "year"))
    var year: Int?

    func validate() throws {
        if let year, !(1950...9999).contains(year) {
            throw ValidationError("--year \(year) is not a plausible measurement year (1950 to 9999).")
        }
    }

    func resolve(_ store: any Store) throws -> Int {
        if let year { return year }
        return try store.measurementYear()
    }
}
