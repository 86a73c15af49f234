import Foundation
import IPASNCore
import IPASNStore

/// The permission check on a `PGConnection`: the check itself is shared with SQLite
/// (`SQLStore+Permissions`), but for a record save's, which PostgreSQL answers in one round
/// trip (`permitRecordWrite`, PostgresStore+SavePath) with the same decisions.
extension WritePermissions {
    convenience init(account: Account, allUnits: Bool) { self.init(account: account, allUnits: allUnits, dialect: .postgresql) }
    func mayWrite(unit kode: String, _ db: PGConnection) throws -> Bool { try mayWrite(unit: kode, PGDatabase(db)) }
    func requireUnit(_ kode: String, _ db: PGConnection) throws { try requireUnit(kode, PGDatabase(db)) }
}

extension PostgresStore {
    /// THE permission check (``sqlPermit(_:_:)``), inside the write's own transaction.
    @discardableResult
    func permit(_ change: PermittedChange, _ db: PGConnection) throws -> WritePermissions {
        if case .records(let nips) = change { return try permitRecordWrite(nips: nips, db) }
        return try sqlPermit(change, PGDatabase(db))
    }

    func operators(_ db: PGConnection) throws -> [String] { try operatorLogins(PGDatabase(db)) }
}
