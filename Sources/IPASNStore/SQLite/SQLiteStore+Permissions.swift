import Foundation
import GRDB
import IPASNCore

/// The permission check on GRDB's connection: the check itself is shared with PostgreSQL
/// (`SQLStore+Permissions`).
extension WritePermissions {
    convenience init(account: Account, allUnits: Bool) { self.init(account: account, allUnits: allUnits, dialect: .sqlite) }
    func mayWrite(unit kode: String, _ db: Database) throws -> Bool { try mayWrite(unit: kode, SQLiteConnection(db)) }
    func requireUnit(_ kode: String, _ db: Database) throws { try requireUnit(kode, SQLiteConnection(db)) }
}

extension SQLiteStore {
    /// THE permission check (``sqlPermit(_:_:)``), inside the write's own transaction.
    @discardableResult
    func permit(_ change: PermittedChange, _ db: Database) throws -> WritePermissions {
        try sqlPermit(change, SQLiteConnection(db))
    }

    func operators(_ db: Database) throws -> [String] { try operatorLogins(SQLiteConnection(db)) }
}
