import ArgumentParser
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export records.")
    @OptionGroup var global: GlobalOptions
    func run() throws { throw CLIError("export is not available yet in this build.") }
}
