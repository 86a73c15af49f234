import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn rules ...`: the scoring method.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Show, check or install the scoring rules.",
        subcommands: [RulesShowCommand.self, RulesCheckCommand.self, RulesUseCommand.self])

    /// Reads a ruleset file's bytes, with a clear error.
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read the ruleset file \(path).")
        }
        return data
    }

    /// Loads a ruleset file, listing every problem on failure.
    static func load(_ path: String) throws -> Ruleset {
        let data = try read(path)
        do {
            return try RulesetFile.load(data)
        } catch let error as RulesetFileError {
            throw CLIError("\(path) is not a valid ruleset:\n" + error.problems.map { "  " + $0 }.joined(separator: "\n"))
        }
    }
}

enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `ipasn rules show [--file F] [--format text|json]`.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the active rules (or those of a file) in readable form or as JSON.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("A ruleset file to show instead of the database's.", valueName: "file"))
    var file: String?

    @Option(name: .long, help: "text (readable) or json (a full ruleset file).")
    var format: RulesFormat = .text

    func run() throws {
        let ruleset: Ruleset
        if let file {
            ruleset = try RulesCommand.load(file)
        } else {
            ruleset = try global.openStore().ruleset()
        }
        switch format {
        case .text:
            print(RulesetFile.describe(ruleset, language: global.explicitLanguageOrEnglish))
        case .json:
            FileHandle.standardOutput.write(RulesetFile.encode(ruleset))
            print("")
        }
    }
}

/// `ipasn rules check F`.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a ruleset file; exits 1 when it has errors.")

    @Argument(help: ArgumentHelp("The ruleset file (JSON).", valueName: "file"))
    var file: String

    func run() throws {
        let result = RulesetFile.check(try RulesCommand.read(file))
        for warning in result.warnings { Output.stderrLine("\(file): warning: \(warning)") }
        guard result.isValid else {
            for error in result.errors { Output.stderrLine("\(file): error: \(error)") }
            throw CLIError("\(file) is not a valid ruleset (\(result.errors.count) error\(result.errors.count == 1 ? "" : "s")).")
        }
        print("\(file): OK" + (result.warnings.isEmpty ? "" : " (\(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s"))"))
    }
}

/// `ipasn rules use F|bkn-2019`.
struct RulesUseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Install a ruleset file, or a built-in ruleset by id (bkn-2019), into the database.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A ruleset file, or the id of a built-in ruleset (bkn-2019).", valueName: "file|id"))
    var source: String

    func run() throws {
        let ruleset: Ruleset?
        if let builtIn = Ruleset.builtIn[source], !FileManager.default.fileExists(atPath: source) {
            ruleset = builtIn.id == Ruleset.bkn2019.id ? nil : builtIn
        } else {
            ruleset = try RulesCommand.load(source)
        }
        let store = try global.openStore(.create)
        try store.setRuleset(ruleset)
        let active = try store.ruleset()
        print("ruleset \(active.id) installed; scores recomputed")
    }
}
