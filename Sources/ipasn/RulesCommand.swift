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
            throw CLIError(
                Output.text(id: "tidak bisa membaca berkas aturan \(path).", en: "cannot read the ruleset file \(path)."))
        }
        return data
    }

    /// Loads a ruleset file, listing every problem on failure.
    static func load(_ path: String) throws -> Ruleset {
        let data = try read(path)
        do {
            return try RulesetFile.load(data)
        } catch let error as RulesetFileError {
            throw CLIError(
                Output.text(id: "\(path) bukan aturan penilaian yang sah:\n", en: "\(path) is not a valid ruleset:\n")
                    + error.problems.map { "  " + $0 }.joined(separator: "\n"))
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
            Output.print(TerminalText.wrapped(RulesetFile.describe(ruleset, language: global.language), width: TerminalText.width))
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
        let (errorWord, warningWord) = Output.language == .id ? ("kesalahan", "peringatan") : ("error", "warning")
        for warning in result.warnings { Output.stderrLine("\(file): \(warningWord): \(warning)") }
        guard result.isValid else {
            for error in result.errors { Output.stderrLine("\(file): \(errorWord): \(error)") }
            let count = result.errors.count
            throw CLIError(
                Output.text(
                    id: "\(file) bukan aturan penilaian yang sah (\(count) kesalahan).",
                    en: "\(file) is not a valid ruleset (\(count) error\(count == 1 ? "" : "s"))."))
        }
        let warnings = result.warnings.count
        Output.print(
            "\(file): OK"
                + (warnings == 0
                    ? "" : Output.text(id: " (\(warnings) peringatan)", en: " (\(warnings) warning\(warnings == 1 ? "" : "s"))")))
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

    @Flag(name: .long, help: "No progress line on stderr while the scores are recomputed (there is one only on a terminal).")
    var quiet = false

    func run() throws {
        let ruleset: Ruleset?
        if let builtIn = Ruleset.builtIn[source], !FileManager.default.fileExists(atPath: source) {
            ruleset = builtIn.id == Ruleset.bkn2019.id ? nil : builtIn
        } else {
            ruleset = try RulesCommand.load(source)
        }
        let store = try global.openStore(.create)
        // The recompute gives no news until it is done: the line shows it is at work and for how long.
        let label = StderrProgress.recomputeLabel(pegawai: try store.countPegawai(), global.language)
        let bar = StderrProgress.reporter(label: label, language: global.language, quiet: quiet)
        bar?.startTicking()
        do {
            defer { bar?.finish() }
            try store.setRuleset(ruleset)
        }
        let active = try store.ruleset()
        Output.print(
            Output.text(
                id: "aturan \(active.id) dipasang; nilai dihitung ulang", en: "ruleset \(active.id) installed; scores recomputed"))
    }
}
