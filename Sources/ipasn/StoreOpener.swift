import Foundation
import IPASNPostgres
import IPASNStore

/// The one place that decides which storage engine a database location means, by its form:
/// `postgresql://...` (or `postgres://...`) is a PostgreSQL server (``PostgresStore``),
/// anything else a SQLite file (``SQLiteStore``). Everything above it (the commands, the
/// workstation, the reports) sees ``OpenedDatabase/store``, an `any Store`.
enum StoreOpener {
    /// What a command opens the database for.
    enum Access: Sendable, Hashable {
        /// Reading only: the database must exist; nothing is written, not even at open.
        case read
        /// Reading and writing an existing database (upgrading its schema when older).
        case write
        /// Reading and writing, creating the database when missing (a SQLite file; on a
        /// server, the ipasn schema in an empty database its administrator made).
        case create
    }

    /// Whether `location` names a PostgreSQL server.
    static func isServer(_ location: String) -> Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// Opens the database at `location` for `access` as `context`'s actor.
    static func open(_ location: String, context: StoreContext, access: Access) throws -> OpenedDatabase {
        if isServer(location) {
            let store = try PostgresStore(location, context: context, access: access == .read ? .read : .write)
            return OpenedDatabase(
                store: store, name: store.displayName, isReadOnly: store.isReadOnly, wasCreated: store.createdSchema,
                becameFirstOperator: store.becameFirstOperator,
                setLockWaitObserver: { store.lockWaitObserver = $0 }, backup: nil,
                provisionLogin: { login in
                    try store.provisionLoginRole(login) == .needsAdministrator ? .needsAdministrator : .ready
                })
        }
        let sqliteAccess: SQLiteStore.Access
        switch access {
        case .read: sqliteAccess = .read
        case .write: sqliteAccess = .write
        case .create: sqliteAccess = .create
        }
        let store = try SQLiteStore(path: location, context: context, access: sqliteAccess)
        return OpenedDatabase(
            store: store, name: location, isReadOnly: store.isReadOnly, wasCreated: store.wasCreated,
            becameFirstOperator: store.becameFirstOperator,
            setLockWaitObserver: { store.lockWaitObserver = $0 }, backup: { try store.backup(to: $0) },
            provisionLogin: nil)
    }
}

/// Told while a write waits for another writer (the store's lock-wait observer).
typealias LockWaitObserver = @Sendable (LockWaitStatus) -> Void

/// A database a command opened, with what the front ends say about the opening.
struct OpenedDatabase {
    /// The store, whatever the engine.
    let store: any Store
    /// How to name the database in messages (a path, or a server URL without its password).
    let name: String
    /// Whether it was opened for reading only.
    let isReadOnly: Bool
    /// Whether opening created it (a new file, or the schema in an empty server database).
    let wasCreated: Bool
    /// Whether opening made the acting login its first operator.
    let becameFirstOperator: Bool
    /// Sets (or clears) the observer told while a write waits for another writer.
    let setLockWaitObserver: (LockWaitObserver?) -> Void
    /// A consistent copy to a new file while others keep working; nil when the engine has
    /// its own tools for that (PostgreSQL: `pg_dump`).
    let backup: ((String) throws -> Void)?
    /// Gives an account's login its own database role where the engine enforces accounts
    /// itself (PostgreSQL: a login role in `ipasn_users`, under row-level security); nil for
    /// SQLite, where the OS login and the file's permissions are the boundary.
    let provisionLogin: ((String) throws -> LoginRoleOutcome)?
}

/// What giving a login its database role did.
enum LoginRoleOutcome {
    /// The login has its role, in the group the database's policies are written for.
    case ready
    /// The connected role may not create roles: the server's administrator must.
    case needsAdministrator
}
