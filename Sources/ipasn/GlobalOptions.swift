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

    /// `--db ""` is a mistake (an unset variable in a script), never the default database.
    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(
                Output.text(
                    id: "--db tidak boleh kosong; sebutkan berkas basis data, atau hilangkan --db untuk memakai bawaan.",
                    en: "--db must not be empty; name a database file, or leave --db out for the default."))
        }
    }

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

    /// Who changes data: the OS user.
    var context: StoreContext {
        StoreContext(actor: StoreContext.currentUser())
    }

    /// Opens (creating when missing) the database.
    func openStore() throws -> any Store {
        let path = databasePath
        do {
            return try SQLiteStore(path: path, context: context)
        } catch {
            throw CLIError(
                Output.text(
                    id: "tidak bisa membuka basis data \(path): \(Output.describe(error))",
                    en: "cannot open the database \(path): \(Output.describe(error))"))
        }
    }

    static func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}

extension Language: ExpressibleByArgument {}

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
