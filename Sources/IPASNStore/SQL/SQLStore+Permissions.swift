import Foundation
import IPASNCore

/// A change the acting account must be allowed to make, as the one permission check sees it.
package enum PermittedChange {
    /// The measurement year or the ruleset.
    case settings
    /// Adding, changing or removing accounts.
    case accounts
    /// Saving a unit: what it was (nil for a new one) and what it becomes.
    case unit(old: OrgUnit?, new: OrgUnit)
    /// Saving an employee: the unit it was in (nil for a new one) and the unit it moves to.
    case employee(oldUnit: String?, newUnit: String)
    /// Adding, changing, deleting or restoring records of these employees (by NIP).
    case records(nips: [String])
    /// A unit's progress mark.
    case progress(unit: String)
    /// Any change at all (an undo or redo, before it knows what it touches): the role may write.
    case anyWrite
    /// Recording an export batch: when it marks records sent to SIASN, every record and reported
    /// deletion in it must be of an employee of the account's units (a unit admin cannot mark
    /// the rest of the province sent, which would drop those records from everyone's next export).
    /// A verifikator may record any batch. Also SIASN's refusals of a batch's rows
    /// (``SIASNRefusalStore``), with the refused rows as the batch.
    case exportBatch(NewExportBatch)
    /// Setting one subject back (an undo or redo) from `from` to `to` (nil: does not exist).
    case revert(AuditSubject, from: AuditValue?, to: AuditValue?)
    /// Changing a unit's code (operators only).
    case unitRename
    /// Starting an import of this kind (each row is then checked with ``WritePermissions/mayWrite(unit:_:)``).
    case importRows(ImportKind)
}

/// What the acting account may write, read inside the write's own transaction.
package final class WritePermissions {
    package let account: Account
    /// Whether the account may write every unit (an operator).
    package let allUnits: Bool
    /// The query of ``mayWrite(unit:_:)``, in the engine's dialect.
    private let heldQuery: String
    /// Units already asked about in this transaction (an import asks once per unit).
    private var memo: [String: Bool] = [:]

    /// `dialect` gives how the unit's code is passed (PostgreSQL types and collates it as the key columns).
    package init(account: Account, allUnits: Bool, dialect: SQLDialect) {
        self.account = account
        self.allUnits = allUnits
        heldQuery = """
            WITH RECURSIVE up(kode) AS (
                SELECT \(dialect.textParameter) UNION SELECT u.induk FROM units u JOIN up ON u.kode = up.kode WHERE u.induk IS NOT NULL)
            SELECT 1 FROM up JOIN account_units a ON a.unit = up.kode AND a.login = ? LIMIT 1
            """
    }

    /// Whether `kode` is one of the admin's units or lies below one: a walk up the tree from
    /// the unit (at most ``UnitTree/maximumLevels`` steps, cut on a damaged tree with a cycle),
    /// so a check costs the same however many sub-units the admin holds.
    package func mayWrite(unit kode: String, _ db: some SQLDatabase) throws -> Bool {
        if allUnits { return true }
        if let known = memo[kode] { return known }
        let held = try db.exists(sql: heldQuery, arguments: [kode, account.login])
        memo[kode] = held
        return held
    }

    package func requireUnit(_ kode: String, _ db: some SQLDatabase) throws {
        if try !mayWrite(unit: kode, db) { throw StoreError.notPermitted(.notYourUnit(kode)) }
    }
}

/// THE permission check, once for both engines (each engine's `permit` adapts its connection;
/// PostgreSQL answers a record save's check in one round trip of its own, `permitRecordWrite`).
extension SQLStore {
    /// Every write path calls it first, inside its own transaction, so the account, its units
    /// and the unit tree it reads are those the write commits against. Throws
    /// ``StoreError/notPermitted(_:)`` naming the rule.
    @discardableResult
    package func sqlPermit(_ change: PermittedChange, _ db: Connection) throws -> WritePermissions {
        let permissions = try sqlWritePermissions(db, change: change)
        switch change {
        case .settings:
            if permissions.account.role != .operator { throw StoreError.notPermitted(.operatorOnly(.settings)) }
        case .accounts:
            if permissions.account.role != .operator { throw StoreError.notPermitted(.operatorOnly(.accounts)) }
        case .unit(let old, let new):
            guard !permissions.allUnits else { break }
            if let old {
                try permissions.requireUnit(old.kode, db)
                // An admin may rename a unit they hold at its place; moving it needs the new
                // parent to be theirs too.
                if old.induk == new.induk { break }
            }
            guard let induk = new.induk else { throw StoreError.notPermitted(.operatorOnly(.topLevelUnit)) }
            try permissions.requireUnit(induk, db)
        case .employee(let oldUnit, let newUnit):
            if let oldUnit { try permissions.requireUnit(oldUnit, db) }
            try permissions.requireUnit(newUnit, db)
        case .records(let nips):
            try permitRecords(nips, permissions, db)
        case .progress(let unit):
            try permissions.requireUnit(unit, db)
        case .anyWrite:
            break
        case .exportBatch(let batch):
            guard !permissions.allUnits, batch.marksSent else { break }
            try permitExportBatch(batch, permissions, db)
        case .revert(let subject, let from, let to):
            guard !permissions.allUnits else { break }
            switch subject {
            case .record:
                try permitRecords([from?.record?.nip, to?.record?.nip].compactMap { $0 }, permissions, db)
            case .pegawai:
                for case .pegawai(let pegawai)? in [from, to] { try permissions.requireUnit(pegawai.kodeUnit, db) }
            case .unit:
                if case .unit(let old)? = from {
                    try permissions.requireUnit(old.kode, db)
                    if case .unit(let new)? = to, new.induk != old.induk, let induk = new.induk {
                        try permissions.requireUnit(induk, db)
                    }
                } else if case .unit(let new)? = to {
                    guard let induk = new.induk else { throw StoreError.notPermitted(.operatorOnly(.topLevelUnit)) }
                    try permissions.requireUnit(induk, db)
                }
            case .setting:
                throw StoreError.notPermitted(.operatorOnly(.settings))
            case .account:
                throw StoreError.notPermitted(.operatorOnly(.accounts))
            case .progress(let unit, _):
                try permissions.requireUnit(unit, db)
            case .importFile(let kind):
                if kind == .units { throw StoreError.notPermitted(.operatorOnly(.unitImport)) }
            case .siasnBatch:
                break  // a SIASN marking is never undone (its action is not undoable)
            }
        case .unitRename:
            if permissions.account.role != .operator { throw StoreError.notPermitted(.operatorOnly(.unitRename)) }
        case .importRows(let kind):
            if kind == .units && !permissions.allUnits { throw StoreError.notPermitted(.operatorOnly(.unitImport)) }
        }
        return permissions
    }

    /// The units of the employees whose records (and reported deletions) a SIASN batch marks,
    /// read a chunk of ids at a time (a unit's batch may hold tens of thousands), each unit
    /// then asked once (``WritePermissions`` remembers the answers). A record deleted meanwhile
    /// is not marked by the batch, so it needs no check.
    private func permitExportBatch(_ batch: NewExportBatch, _ permissions: WritePermissions, _ db: Connection) throws {
        let chunk = 500
        var units = Set<String>()
        func collect(_ ids: [Int64], sql: (String) -> String, kind: RecordKind?) throws {
            var start = 0
            while start < ids.count {
                let part = Array(ids[start..<min(start + chunk, ids.count)])
                start += chunk
                var arguments = SQLArguments(values: [])
                if let kind { arguments = [kind.rawValue] }
                arguments += SQLArguments(part)
                units.formUnion(try db.fetchValues(String.self, sql: sql(sqlPlaceholders(part.count)), arguments: arguments))
            }
        }
        for kind in RecordKind.allCases {
            let ids = batch.records.filter { $0.id.kind == kind }.map(\.id.id)
            try collect(ids, sql: {
                "SELECT DISTINCT p.kode_unit FROM \(RecordRows.table(kind)) r JOIN pegawai p ON p.nip = r.nip WHERE r.id IN (\($0))"
            }, kind: nil)
            let deleted = batch.deletions.filter { $0.kind == kind }.map(\.id)
            try collect(deleted, sql: {
                "SELECT DISTINCT p.kode_unit FROM export_deleted d JOIN pegawai p ON p.nip = d.nip WHERE d.kind = ? AND d.record_id IN (\($0))"
            }, kind: kind)
        }
        for unit in units.sorted() { try permissions.requireUnit(unit, db) }
    }

    /// Every employee's (current) unit must be the admin's; unknown NIPs are validation's business.
    private func permitRecords(_ nips: [String], _ permissions: WritePermissions, _ db: Connection) throws {
        guard !permissions.allUnits else { return }
        for nip in Set(nips).sorted() {
            if let unit = try db.fetchValue(String.self, sql: "SELECT kode_unit FROM pegawai WHERE nip = ?", arguments: [nip]) {
                try permissions.requireUnit(unit, db)
            }
        }
    }

    /// The acting account with the units it may write; refuses a login without an account and
    /// the roles that only read. The one write of a verifikator here is the BKPSDM team's SIASN
    /// export and SIASN's answer to it (``PermittedChange/exportBatch(_:)``: sending is the
    /// team's job, branch siasnback): of every unit, as an operator's; a pimpinan still only reads.
    private func sqlWritePermissions(_ db: Connection, change: PermittedChange) throws -> WritePermissions {
        guard let account = try account(login: context.actor, db) else {
            throw StoreError.notPermitted(.noAccount(login: context.actor, operators: try operatorLogins(db)))
        }
        switch account.role {
        case .operator:
            return WritePermissions(account: account, allUnits: true, dialect: dialect)
        case .verifikator:
            if case .exportBatch = change { return WritePermissions(account: account, allUnits: true, dialect: dialect) }
            throw StoreError.notPermitted(.readOnlyRole(account.role))
        case .pimpinan:
            throw StoreError.notPermitted(.readOnlyRole(account.role))
        case .admin:
            return WritePermissions(account: account, allUnits: false, dialect: dialect)
        }
    }

    /// The logins of the operators (named in the refusal of a login without an account).
    package func operatorLogins(_ db: Connection) throws -> [String] {
        try db.fetchValues(String.self, sql: "SELECT login FROM accounts WHERE role = 'operator' ORDER BY login")
    }
}
