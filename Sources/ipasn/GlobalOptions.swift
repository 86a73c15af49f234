import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// The options every command shares: the database and the language.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $IPASN_DB, else ~/.local/share/ipasn/ipasn.sqlite).",
            valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The language of the workstation and of explanations: id or en (default: $IPASN_LANG, else id).",
            valueName: "id|en"))
    var lang: Language?

    /// The database path: --db, else $IPASN_DB, else the per-user default.
    var databasePath: String {
        if let db, !db.isEmpty { return Self.expandTilde(db) }
        if let env = ProcessInfo.processInfo.environment["IPASN_DB"], !env.isEmpty { return Self.expandTilde(env) }
        return Self.defaultDatabasePath
    }

    static var defaultDatabasePath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/ipasn/ipasn.sqlite"
    }

    /// The language: --lang, else $IPASN_LANG, else Indonesian.
    var language: Language {
        if let lang { return lang }
        return Self.environmentLanguage ?? .id
    }

    /// The language for text that defaults to English (explanations on the command line):
    /// --lang, else $IPASN_LANG, else English.
    var explicitLanguageOrEnglish: Language {
        lang ?? Self.environmentLanguage ?? .en
    }

    static var environmentLanguage: Language? {
        ProcessInfo.processInfo.environment["IPASN_LANG"].flatMap { Language(rawValue: $0.lowercased()) }
    }

    /// Who changes data (the OS user) and when: the system clock, or `$IPASN_NOW` (an ISO 8601
    /// time such as `2024-11-30T12:00:00Z`) so that tests and reproductions see a fixed "now".
    var context: StoreContext {
        guard let fixed = Self.fixedNow else { return StoreContext(actor: StoreContext.currentUser()) }
        return StoreContext(actor: StoreContext.currentUser(), now: { fixed })
    }

    /// `$IPASN_NOW` read as an ISO 8601 time; nil when unset or not a time.
    static var fixedNow: Date? {
        guard let text = ProcessInfo.processInfo.environment["IPASN_NOW"], !text.isEmpty else { return nil }
        return ISO8601DateFormatter().date(from: text)
    }

    /// Opens (creating when missing) the database.
    func openStore() throws -> any Store {
        if let text = ProcessInfo.processInfo.environment["IPASN_NOW"], !text.isEmpty, Self.fixedNow == nil {
            throw CLIError("IPASN_NOW=\(text) is not an ISO 8601 time (for example 2024-11-30T12:00:00Z).")
        }
        let path = databasePath
        do {
            return try SQLiteStore(path: path, context: context)
        } catch {
            throw CLIError("cannot open the database \(path): \(Output.describe(error))")
        }
    }

    static func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}

extension Language: ExpressibleByArgument {}
