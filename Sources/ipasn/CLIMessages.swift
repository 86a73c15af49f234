import Foundation
import IPASNCore
import IPASNFiles

/// The command line's sentences for the project's own error types, in the admin's language.
enum CLIMessages {
    /// A sentence for an error the commands do not catch themselves, or nil.
    static func sentence(for error: any Error) -> String? {
        let language = Output.language
        switch error {
        case let e as ImportFileError: return e.message(language)
        case let e as CSVReadError: return e.message(language)
        case let e as ValidationFailure: return e.message(language)
        case let e as RulesetFileError:
            return Output.text(id: "aturan penilaian tidak sah:\n", en: "the ruleset is not valid:\n")
                + e.problems.map { "  " + $0 }.joined(separator: "\n")
        default: return nil
        }
    }

    /// `1 baris` / `1 row`, `2 baris` / `2 rows`.
    static func rows(_ count: Int) -> String {
        Output.text(id: "\(count) baris", en: "\(count) row\(count == 1 ? "" : "s")")
    }
}
