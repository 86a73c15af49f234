import IPASNCore

/// What an account may do in a database (see `docs/deployment.md`).
public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
    /// BKPSDM: everything, including accounts, rules, the measurement year and any unit.
    case `operator`
    /// A unit admin: records, employees, sub-units and progress marks of their own units
    /// (each with its sub-units) only.
    case admin
    /// Reads everything; verifies records (cannot enter data).
    case verifikator
    /// Reads everything: dashboards and reports only.
    case pimpinan

    /// The role's name as the admins say it.
    public func name(_ language: Language) -> String {
        switch self {
        case .operator: return "operator"
        case .admin: return language == .id ? "admin unit" : "unit admin"
        case .verifikator: return language == .id ? "verifikator" : "verifier"
        case .pimpinan: return language == .id ? "pimpinan" : "head (read only)"
        }
    }
}

/// One OS login's account in a database: its role and, for a unit admin, its units (each
/// with its sub-units).
public struct Account: Hashable, Sendable, Codable {
    /// The OS login (the user name of the process's real uid).
    public var login: String
    public var role: Role
    /// The units a ``Role/admin`` looks after (sub-units included), sorted; empty for other roles.
    public var units: [String]

    public init(login: String, role: Role, units: [String] = []) {
        self.login = login
        self.role = role
        self.units = role == .admin ? Array(Set(units)).sorted() : []
    }
}

/// The rule that refused a write (``StoreError/notPermitted(_:)``).
public enum PermissionRule: Hashable, Sendable {
    /// The acting login has no account in this database; the operators can add one.
    case noAccount(login: String, operators: [String])
    /// The role only reads (pimpinan, verifikator).
    case readOnlyRole(Role)
    /// Only an operator may do this.
    case operatorOnly(OperatorTask)
    /// The unit (by kode) is not one of the admin's units nor below one.
    case notYourUnit(String)
    /// The change would leave the database without any operator.
    case lastOperator(String)
    /// A mutasi into a unit (by kode) that is not one of the admin's: an operator moves
    /// employees between admins' units (the operators are named, to ask).
    case mutasiOutside(unit: String, operators: [String])
    /// Only a verifikator or an operator gives verification verdicts (this role cannot).
    case verifiersOnly(Role)
    /// Only a verifikator or an operator confirms or reopens a "selesai diinput" mark.
    case reviewerOnly
}

/// The changes only an operator may make.
public enum OperatorTask: String, Hashable, Sendable, CaseIterable {
    case accounts
    case settings
    case unitImport
    case topLevelUnit
    case unitRename
}

extension PermissionRule {
    /// The rule in words, naming the unit or role concerned.
    public func message(_ language: Language) -> String {
        let id = language == .id
        switch self {
        case .noAccount(let login, let operators):
            let argument = login.contains(" ") ? "'\(login)'" : login
            let ask =
                operators.isEmpty
                ? (id ? "hubungi pengelola basis data" : "ask the database's administrator")
                : (id ? "minta operator (\(operators.joined(separator: ", "))) menambahkannya dengan "
                    + "`ipasn users add \(argument) --role ...`"
                    : "ask an operator (\(operators.joined(separator: ", "))) to add it with "
                    + "`ipasn users add \(argument) --role ...`")
            return id
                ? "Login \(login) belum punya akun di basis data ini; \(ask)"
                : "The login \(login) has no account in this database; \(ask)"
        case .readOnlyRole(let role):
            return id ? "Peran \(role.name(.id)) hanya dapat membaca" : "The role \(role.name(.en)) can only read"
        case .operatorOnly(let task):
            switch task {
            case .accounts: return id ? "Hanya operator yang dapat mengatur akun" : "Only an operator manages accounts"
            case .settings:
                return id
                    ? "Hanya operator yang dapat mengubah aturan penilaian dan tahun pengukuran"
                    : "Only an operator changes the rules and the measurement year"
            case .unitImport: return id ? "Hanya operator yang dapat mengimpor unit" : "Only an operator imports units"
            case .topLevelUnit:
                return id ? "Hanya operator yang dapat membuat unit tingkat atas" : "Only an operator creates top-level units"
            case .unitRename:
                return id
                    ? "Hanya operator yang dapat mengganti kode unit (ipasn units rename)"
                    : "Only an operator changes a unit's code (ipasn units rename)"
            }
        case .verifiersOnly(let role):
            return id
                ? "Hanya verifikator dan operator yang dapat memverifikasi data; peran \(role.name(.id)) tidak dapat"
                : "Only a verifier or an operator verifies records; the role \(role.name(.en)) cannot"
        case .notYourUnit(let kode): return id ? "Unit \(kode) bukan unit Anda" : "Unit \(kode) is not one of your units"
        case .reviewerOnly:
            return id
                ? "Hanya verifikator atau operator yang dapat mengonfirmasi atau membuka kembali tanda selesai"
                : "Only a verifier or an operator confirms or reopens a done mark"
        case .lastOperator(let login):
            return id
                ? "\(login) adalah operator terakhir; tambahkan operator lain dahulu"
                : "\(login) is the last operator; add another operator first"
        case .mutasiOutside(let unit, let operators):
            let who = operators.isEmpty ? "" : " (\(operators.joined(separator: ", ")))"
            return id
                ? "Mutasi ke unit \(unit) (bukan unit Anda) dilakukan operator: minta operator\(who) memindahkan pegawai ini"
                : "A transfer into unit \(unit) (not one of your units) is done by an operator: ask an operator\(who) to move this employee"
        }
    }
}
