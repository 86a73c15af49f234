import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

/// The root command: `ipasn [--db PATH] [--lang id|en] <subcommand>`.
///
/// Without a subcommand it runs `tui`, the workstation.
@main
struct IPASN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipasn",
        abstract: "IP ASN workstation: enter records, score employees, report unit figures.",
        discussion: """
            The database is --db, else $IPASN_DB, else ~/.local/share/ipasn/ipasn.sqlite. \
            The workstation and the commands that change data create it when missing (and say so); \
            the commands that only read (score, report, explain, check, export, config show, rules show) \
            never create or write it, and work on a read-only file.
            Exit codes: 0 success, 1 invalid input or a failed check, 2 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            WorkstationCommand.self,
            ImportCommand.self,
            TemplateCommand.self,
            ScoreCommand.self,
            ReportCommand.self,
            ExplainCommand.self,
            HistoryCommand.self,
            ConfigCommand.self,
            RulesCommand.self,
            MigrateCommand.self,
            CheckCommand.self,
            UsersCommand.self,
            UnitsCommand.self,
            PegawaiCommand.self,
            VerifyCommand.self,
            BackupCommand.self,
            ExportCommand.self,
            BatchesCommand.self,
            ReconcileCommand.self,
            DemoCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: WorkstationCommand.self
    )

    @OptionGroup var global: GlobalOptions

    /// Runs the command line with this project's exit codes: 0 success, 1 invalid input,
    /// 2 usage (ArgumentParser's own default for usage errors is 64).
    static func main() {
        main(CommandLine.arguments.dropFirst().map { $0 })
    }

    static func main(_ arguments: [String]) {
        if let problem = TerminalSafe.argumentProblem(arguments, language: Output.language) {
            finish(with: CLIError.usage(problem))
        }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            finish(with: error)
        }
        do {
            var mutable = command
            try mutable.run()
        } catch {
            finish(with: error)
        }
    }

    /// Prints the error the way a user should see it and exits with the contract's code.
    static func finish(with error: any Error) -> Never {
        if let cli = error as? CLIError {
            Output.error(cli.message)
            Foundation.exit(cli.code)
        }
        // Storage failures in the admin's language, never SQLite's own text.
        if let store = error as? StoreError {
            Output.error(store.message(GlobalOptions.languageOfArguments(CommandLine.arguments)))
            Foundation.exit(ExitStatus.invalid)
        }
        if let rejected = error as? RejectedFileError {
            Output.error(rejected.message(GlobalOptions.languageOfArguments(CommandLine.arguments)))
            Foundation.exit(ExitStatus.invalid)
        }
        let code = exitCode(for: error)
        if code == .success {
            // --help, --version
            print(fullMessage(for: error))
            Foundation.exit(0)
        }
        if error is ArgumentParser.ExitCode {
            Foundation.exit(code.rawValue)
        }
        let message = fullMessage(for: error)
        if code == .validationFailure {
            // ArgumentParser's own "Error: " becomes the one prefix in the admin's language.
            Output.error(message)
            Foundation.exit(ExitStatus.usage)
        }
        // Anything else (store or file failures): a clean message, never a trace.
        if let sentence = CLIMessages.sentence(for: error) {
            Output.error(sentence)
            Foundation.exit(ExitStatus.invalid)
        }
        let ns = error as NSError
        let cocoa = ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain
        Output.error(cocoa || message.isEmpty ? Output.describe(error) : message)
        Foundation.exit(ExitStatus.invalid)
    }
}
