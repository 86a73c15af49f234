import ArgumentParser
import Foundation

/// `ipasn tui` (and `ipasn` alone): the interactive workstation.
struct WorkstationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the data-entry workstation (the default when no command is given).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try runWorkstation(global)
    }
}

// MARK: - Workstation entry point (to be filled in by the workstation engineer / lead)

/// Starts the interactive workstation on the database and language of `options`.
///
/// TODO(workstation): open the store with `options.openStore()`, then hand it to
/// `IPASNWorkstation` with `options.language` and run its event loop on an
/// `NcursesScreen`. Until that lands, this prints the command-line help.
func runWorkstation(_ options: GlobalOptions) throws {
    print(IPASN.helpMessage())
}
