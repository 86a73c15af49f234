import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn users ...`: the database's accounts (changes by operators only; the store decides).
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "List, add, change or remove the accounts of the database (OS logins and their roles).",
        subcommands: [UsersListCommand.self, UsersAddCommand.self, UsersSetCommand.self, UsersRemoveCommand.self])
}

extension Role: ExpressibleByArgument {}

/// `ipasn users list`.
struct UsersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts, by login.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let accounts = try store.accounts()
        let table = TextTable([("Login", 16, .left), ("Peran", 12, .left), ("Unit", 50, .left)])
        table.write(accounts, footer: { global.language == .id ? "\(accounts.count) akun" : "\(accounts.count) accounts" }) {
            [$0.login, $0.role.name(global.language), $0.units.joined(separator: ", ")]
        }
    }
}

/// The role and units of `users add` and `users set`.
struct AccountOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("operator, admin, verifikator or pimpinan.", valueName: "role"))
    var role: Role

    @Option(name: .long, help: ArgumentHelp("A unit of an admin (with its sub-units); repeat for several.", valueName: "kode"))
    var unit: [String] = []

    func validate() throws {
        if role == .admin && unit.isEmpty {
            throw ValidationError("an admin needs at least one --unit KODE (for example --unit DINKES).")
        }
        if role != .admin && !unit.isEmpty {
            throw ValidationError("--unit is for admins only (the \(role.rawValue) role covers every unit).")
        }
    }
}

/// Saves an account through the store, which refuses it unless the acting login is an operator.
private func save(_ account: Account, _ global: GlobalOptions, mustExist: Bool) throws {
    let opened = try global.openDatabase(.write)
    let store = opened.store
    let exists = try store.account(login: account.login) != nil
    if mustExist && !exists {
        throw CLIError(
            global.language == .id
                ? "\(account.login) belum punya akun; tambahkan dengan `ipasn users add`."
                : "\(account.login) has no account; add it with `ipasn users add`.")
    }
    if !mustExist && exists {
        throw CLIError(
            global.language == .id
                ? "\(account.login) sudah punya akun; ubah dengan `ipasn users set`."
                : "\(account.login) already has an account; change it with `ipasn users set`.")
    }
    do {
        try store.saveAccount(account)
    } catch let failure as ValidationFailure {
        throw CLIError(failure.message(global.language))
    }
    let units = account.units.isEmpty ? "" : " (\(account.units.joined(separator: ", ")))"
    print("\(account.login): \(account.role.name(global.language))\(units)")
    guard let provision = opened.provisionLogin else { return }
    let id = global.language == .id
    do {
        switch try provision(account.login) {
        case .ready:
            print(id ? "peran PostgreSQL \(account.login) siap (anggota ipasn_users)" : "PostgreSQL role \(account.login) ready (member of ipasn_users)")
        case .needsAdministrator:
            Output.stderrLine(
                id
                    ? "minta administrator server membuat peran PostgreSQL-nya: CREATE ROLE \"\(account.login)\" LOGIN IN ROLE ipasn_users"
                    : "ask the server's administrator to create its PostgreSQL role: CREATE ROLE \"\(account.login)\" LOGIN IN ROLE ipasn_users")
        }
    } catch let error as StoreError {
        throw CLIError(error.message(global.language))
    }
}

/// `ipasn users add LOGIN --role R [--unit K ...]`.
struct UsersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account (operators only).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The OS login (as `id -un` prints it).", valueName: "login")) var login: String
    @OptionGroup var options: AccountOptions

    func run() throws {
        try save(Account(login: login, role: options.role, units: options.unit), global, mustExist: false)
    }
}

/// `ipasn users set LOGIN --role R [--unit K ...]`.
struct UsersSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change an account's role and units (operators only).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The OS login.", valueName: "login")) var login: String
    @OptionGroup var options: AccountOptions

    func run() throws {
        try save(Account(login: login, role: options.role, units: options.unit), global, mustExist: true)
    }
}

/// `ipasn users remove LOGIN`.
struct UsersRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an account (operators only; never the last operator).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The OS login.", valueName: "login")) var login: String

    func run() throws {
        let store = try global.openStore(.write)
        guard try store.removeAccount(login: login) else {
            throw CLIError(global.language == .id ? "\(login) tidak punya akun." : "\(login) has no account.")
        }
        print(global.language == .id ? "akun \(login) dihapus" : "account \(login) removed")
    }
}
