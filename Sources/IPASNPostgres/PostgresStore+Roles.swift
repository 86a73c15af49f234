import Foundation
import IPASNCore
import IPASNStore

extension PostgresStore {
    /// What ``provisionLoginRole(_:)`` did.
    public enum RoleProvision: Sendable, Equatable {
        /// The login role was created and made a member of `ipasn_users`.
        case created
        /// The login role existed and is (now) a member of `ipasn_users`.
        case granted
        /// The connected role may not create roles or grant `ipasn_users`: the server's
        /// administrator does it (`CREATE ROLE login LOGIN IN ROLE ipasn_users`).
        case needsAdministrator
    }

    /// Makes `login` a PostgreSQL login role that is a member of `ipasn_users` (the group the
    /// row-level security policies are written for), so the admin can connect as themself
    /// (peer authentication over the server's Unix socket) and the database enforces their
    /// account. `ipasn users add` and `users set` call it after saving the account. The role
    /// gets no password: over the network the administrator sets one or a certificate.
    @discardableResult
    public func provisionLoginRole(_ login: String) throws -> RoleProvision {
        try transaction { db in
            try permit(.accounts, db)
            let privileged =
                try Bool.fetchOne(
                    db, sql: "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user") == true
            let groupExists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipasn_users')") == true
            guard privileged, groupExists else { return .needsAdministrator }
            let ident = Self.quotedIdentifier(login)
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", arguments: [login]) == true
            // Roles are the cluster's, not the database's: two operators (or two databases'
            // stores) adding the same login at once both pass the check above, and the second
            // CREATE ROLE (or GRANT) would fail on the catalog's unique index once the first
            // commits. Each runs in its own subtransaction that takes "already there" as done.
            if !exists { try db.execute(sql: Self.idempotent("CREATE ROLE \(ident) LOGIN")) }
            try db.execute(sql: Self.idempotent("GRANT ipasn_users TO \(ident)"))
            return exists ? .granted : .created
        }
    }

    /// `statement` in a block that takes a concurrent creation of the same role or membership
    /// (duplicate_object, unique_violation) as success.
    static func idempotent(_ statement: String) -> String {
        "DO $ipasn$ BEGIN \(statement); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $ipasn$"
    }

    /// `name` as a quoted SQL identifier.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
