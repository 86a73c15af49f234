import ArgumentParser
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Fill the database with a demo sample.")
    @OptionGroup var global: GlobalOptions
    func run() throws { throw CLIError("demo is not available yet in this build.") }
}
