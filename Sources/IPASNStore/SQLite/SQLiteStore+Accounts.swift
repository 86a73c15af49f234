import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    /// Every account, by login.
    public func accounts() throws -> [Account] {
        try read { try accounts($0) }
    }

    func accounts(_ db: Database) throws -> [Account] {
        guard try db.tableExists("accounts") else { return [] }
        let units = try Row.fetchAll(db, sql: "SELECT login, unit FROM account_units ORDER BY login, unit")
            .reduce(into: [String: [String]]()) { $0[$1[0] as String, default: []].append($1[1]) }
        return try Row.fetchAll(db, sql: "SELECT login, role FROM accounts ORDER BY login").map { row in
            try Self.account(row, units: units[row[0] as String] ?? [])
        }
    }

    /// One login's account, or nil.
    public func account(login: String) throws -> Account? {
        try read { try account(login: login, $0) }
    }

    func account(login: String, _ db: Database) throws -> Account? {
        guard try db.tableExists("accounts"),
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT login, role FROM accounts WHERE login = ?"), arguments: [login])
        else { return nil }
        let units = try String.fetchAll(
            db.cachedStatement(sql: "SELECT unit FROM account_units WHERE login = ? ORDER BY unit"), arguments: [login])
        return try Self.account(row, units: units)
    }

    static func account(_ row: Row, units: [String]) throws -> Account {
        let login: String = row[0]
        guard let role = Role(rawValue: row[1]) else { throw StoreError.corrupt("account \(login): role") }
        return Account(login: login, role: role, units: units)
    }

    /// Adds or replaces an account (operators only), audited. Throws ``ValidationFailure``
    /// for an empty login, an admin without units or an unknown unit, and
    /// ``StoreError/notPermitted(_:)`` when the last operator would lose the role.
    public func saveAccount(_ account: Account) throws {
        try transaction { db in
            try permit(.accounts, db)
            var issues: [ValidationIssue] = []
            if account.login.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(ValidationIssue(field: "login", code: .required))
            }
            if account.role == .admin && account.units.isEmpty {
                issues.append(ValidationIssue(field: "unit", code: .required))
            }
            for unit in account.units
            where try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [unit]) != true {
                issues.append(ValidationIssue(field: "unit", code: .unknownUnit(unit)))
            }
            guard issues.isEmpty else { throw ValidationFailure(issues) }
            let old = try self.account(login: account.login, db)
            if old?.role == .operator && account.role != .operator { try keepAnOperator(besides: account.login, db) }
            try write(account, db)
            try audit(
                old == nil ? .insert : .update, .account(account.login), nip: nil, old: old.map(AuditValue.account),
                new: .account(account), db)
        }
    }

    /// Removes an account (operators only), audited; false when there was none. The last
    /// operator cannot be removed (``PermissionRule/lastOperator(_:)``).
    @discardableResult
    public func removeAccount(login: String) throws -> Bool {
        try transaction { db in
            try permit(.accounts, db)
            guard let old = try self.account(login: login, db) else { return false }
            if old.role == .operator { try keepAnOperator(besides: login, db) }
            try db.execute(sql: "DELETE FROM accounts WHERE login = ?", arguments: [login])
            try audit(.delete, .account(login), nip: nil, old: .account(old), new: nil, db)
            return true
        }
    }

    private func keepAnOperator(besides login: String, _ db: Database) throws {
        if try operators(db).allSatisfy({ $0 == login }) { throw StoreError.notPermitted(.lastOperator(login)) }
    }

    func write(_ account: Account, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO accounts(login, role) VALUES (?, ?) ON CONFLICT(login) DO UPDATE SET role = excluded.role",
            arguments: [account.login, account.role.rawValue])
        try db.execute(sql: "DELETE FROM account_units WHERE login = ?", arguments: [account.login])
        for unit in account.units {
            try db.execute(sql: "INSERT INTO account_units(login, unit) VALUES (?, ?)", arguments: [account.login, unit])
        }
    }

    /// Makes the acting login the operator of a database without any account (a new
    /// database, or one made before accounts existed); true when it did. Not audited (a new
    /// database's log starts empty): the operator without an audit entry is the first one.
    func enrollFirstOperator() throws -> Bool {
        try transaction { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts") == 0 else { return false }
            let account = Account(login: context.actor, role: .operator)
            try write(account, db)
            return true
        }
    }
}
