import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport

@testable import IPASNPostgres

/// The set-up of the tests of what an admin's own PostgreSQL role may do (row security, the
/// queue's and verdicts' guards): a fresh database seeded with ``SmallProvince`` by the operator
/// `ops`, an admin account of unit SUB (and any `others`) with its own login role, and a raw
/// connection as that role, as psql would connect the admin.
struct AdminRole {
    /// The owner's connection string (the database the test made).
    let conninfo: String
    /// The operator's store.
    let ops: PostgresStore
    /// How the admin connects: ``conninfo`` as their own role.
    let own: String
    /// What provisioning the admin's login role answered.
    let provision: PostgresStore.RoleProvision
    /// A raw connection as the admin's role.
    let raw: PGConnection

    init(_ databases: TestDatabases, login: String, others: [Account] = []) throws {
        conninfo = try databases.makeConninfo()
        ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: login, role: .admin, units: ["SUB"]))
        for account in others { try ops.saveAccount(account) }
        provision = try ops.provisionLoginRole(login)
        for account in others { _ = try ops.provisionLoginRole(account.login) }
        own = conninfo + " user=\(login)"
        raw = try PGConnection(conninfo: own)
    }

    /// The SQLSTATE with which the database refuses `sql` run raw as the admin; nil when it ran.
    func refused(_ sql: String) -> String? {
        do {
            try raw.execute(sql: sql)
            return nil
        } catch let error as PGError {
            return error.sqlState
        } catch {
            return "?"
        }
    }
}
