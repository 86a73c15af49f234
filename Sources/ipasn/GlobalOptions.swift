import ArgumentParser
import Foundation
import IPASNCore
import IPASNPostgres
import IPASNStore

/// The options every command shares: the database and the language.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database: a file, or a PostgreSQL server as postgresql://host/database (default: $IPASN_DB, else ~/.local/share/ipasn/ipasn.sqlite).",
            valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The language of the workstation and of explanations: id or en (default: $IPASN_LANG, else id).",
            valueName: "id|en"))
    var lang: Language?

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(
                (lang ?? Self.environmentLanguage ?? .id) == .id
                    ? "--db kosong: sebutkan berkas basis data, atau hilangkan --db untuk memakai basis data bawaan."
                    : "--db is empty: name the database file, or leave --db out for the default database.")
        }
        if db == nil, let env = ProcessInfo.processInfo.environment["IPASN_DB"], env.trimmingCharacters(in: .whitespaces).isEmpty {
            // Set but empty is a mistake (a script's unset variable), not a request for the default.
            throw ValidationError(
                (lang ?? Self.environmentLanguage ?? .id) == .id
                    ? "IPASN_DB kosong: isi dengan berkas basis data (export IPASN_DB=PATH), atau hapus (unset IPASN_DB) untuk memakai basis data bawaan."
                    : "IPASN_DB is empty: set it to the database file (export IPASN_DB=PATH), or unset it for the default database.")
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


    /// The language of a command line that may not have parsed (errors reported after a
    /// failure): `--lang X` or `--lang=X` (before any `--`), else $IPASN_LANG, else Indonesian.
    static func languageOfArguments(_ arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count, let lang = Language(rawValue: arguments[index + 1].lowercased()) {
                return lang
            }
            if argument.hasPrefix("--lang="), let lang = Language(rawValue: String(argument.dropFirst(7)).lowercased()) {
                return lang
            }
        }
        return environmentLanguage ?? .id
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

    /// Opens the database for reading (`.read`: it must exist, nothing is written) or for a
    /// command that changes data (`.create`: made when missing, saying so on stderr).
    /// Failures are one sentence in the admin's language (--lang, $IPASN_LANG, else Indonesian).
    /// With `readOnlyFallback`, a database that exists but cannot be written is opened for
    /// reading instead (the workstation browses it; saves are refused with a message).
    ///
    /// A login without an account in a database that has accounts is refused here with the
    /// message naming the operators to ask (``admit(_:)``), unless `admitting` is false (the
    /// workstation shows that message itself). The first login on a new database becomes
    /// its operator and is told so on stderr.
    func openStore(_ access: StoreOpener.Access = .read, readOnlyFallback: Bool = false, admitting: Bool = true) throws
        -> any Store
    {
        try openDatabase(access, readOnlyFallback: readOnlyFallback, admitting: admitting).store
    }

    /// ``openStore(_:readOnlyFallback:admitting:)`` with what the opening found (created,
    /// read-only, first operator) and the engine's extras (backup), through ``StoreOpener``.
    func openDatabase(_ access: StoreOpener.Access = .read, readOnlyFallback: Bool = false, admitting: Bool = true) throws
        -> OpenedDatabase
    {
        if let text = ProcessInfo.processInfo.environment["IPASN_NOW"], !text.isEmpty, Self.fixedNow == nil {
            throw CLIError("IPASN_NOW=\(text) is not an ISO 8601 time (for example 2024-11-30T12:00:00Z).")
        }
        let path = databasePath
        let opened: OpenedDatabase
        do {
            do {
                opened = try StoreOpener.open(path, context: context, access: access)
            } catch StoreError.readOnly where readOnlyFallback && access != .read {
                opened = try StoreOpener.open(path, context: context, access: .read)
            }
        } catch let error as StoreError {
            throw CLIError(error.message(language))
        } catch {
            let name = StoreOpener.isServer(path) ? PostgresStore.displayName(path) : path
            throw CLIError(
                language == .id
                    ? "basis data \(name) tidak bisa dibuka: \(Output.describe(error))"
                    : "cannot open the database \(name): \(Output.describe(error))")
        }
        if access != .read { opened.setLockWaitObserver(Self.lockWaitNotice(language)) }
        if opened.wasCreated {
            Output.stderrLine(language == .id ? "database baru dibuat: \(opened.name)" : "new database created: \(opened.name)")
        }
        let actor = context.actor
        if opened.becameFirstOperator {
            Output.stderrLine(
                language == .id
                    ? "Anda (\(actor)) menjadi operator basis data ini; tambahkan akun lain dengan `ipasn users add`."
                    : "You (\(actor)) are now the operator of this database; add other accounts with `ipasn users add`.")
        }
        if admitting, let refusal = try Self.refusal(opened.store, login: actor) {
            throw CLIError(refusal.message(language) + ".")
        }
        return opened
    }

    /// Why the acting login may not use this database at all: it has accounts and none is the
    /// login's. Nil when the login has an account, or the database has none yet (a read-only
    /// database made before accounts existed is read by anyone who can read the file).
    static func refusal(_ store: any Store, login: String) throws -> PermissionRule? {
        guard try store.account(login: login) == nil else { return nil }
        let accounts = try store.accounts()
        guard !accounts.isEmpty else { return nil }
        return .noAccount(login: login, operators: accounts.filter { $0.role == .operator }.map(\.login))
    }

    /// Says once per wait on stderr that a write is waiting for another admin's import (the
    /// command then carries on by itself; it fails only if that import is stuck).
    static func lockWaitNotice(_ language: Language) -> @Sendable (LockWaitStatus) -> Void {
        let episode = WaitEpisode()
        return { status in
            guard episode.isNew(status.waited) else { return }
            Output.stderrLine(
                language == .id
                    ? "menunggu impor lain selesai ... (data disimpan setelahnya)"
                    : "waiting for another import to finish ... (saved right after)")
        }
    }

    static func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}

extension Language: ExpressibleByArgument {}

/// Tells the first report of each lock wait from the following ones (a wait's `waited`
/// grows; a smaller one starts a new wait).
final class WaitEpisode: @unchecked Sendable {
    private let lock = NSLock()
    private var last: TimeInterval = .infinity

    func isNew(_ waited: TimeInterval) -> Bool {
        lock.withLock {
            defer { last = waited }
            return waited < last
        }
    }
}
