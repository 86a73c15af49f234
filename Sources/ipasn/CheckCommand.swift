import ArgumentParser
import Foundation
import IPASNStore

/// `ipasn check`: the store's integrity and consistency checks.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database (storage integrity, cached scores, references); prints OK when all is well.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let problems = try store.check()
        if problems.isEmpty {
            print("OK")
            return
        }
        for problem in problems { Output.stderrLine(problem) }
        throw CLIError(
            Output.text(
                id: "\(problems.count) masalah ditemukan.",
                en: "\(problems.count) problem\(problems.count == 1 ? "" : "s") found."))
    }
}
