import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    /// All records of one employee with their ids, or nil for an unknown NIP.
    public func records(nip: String) throws -> StoredEmployeeRecords? {
        try read { try records(nip: nip, $0) }
    }

    func records(nip: String, _ db: Database) throws -> StoredEmployeeRecords? {
        guard let pegawai = try pegawai(nip: nip, db) else { return nil }
        var stored = StoredEmployeeRecords(pegawai: pegawai)
        for kind in RecordKind.allCases {
            // Cached statements (here and on the rest of a save's path): preparing a statement
            // costs more than running it, and a save runs this three times.
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: RecordRows.selectSQL(kind) + " WHERE nip = ? ORDER BY id"), arguments: [nip])
            for row in rows {
                let id: Int64 = row[0]
                switch try RecordRows.decode(kind, row) {
                case .pendidikan(let r): stored.pendidikan.append(StoredRecord(id: id, value: r))
                case .diklat(let r): stored.diklat.append(StoredRecord(id: id, value: r))
                case .skp(let r): stored.skp.append(StoredRecord(id: id, value: r))
                case .disiplin(let r): stored.disiplin.append(StoredRecord(id: id, value: r))
                }
            }
        }
        return stored
    }

    func record(_ id: RecordID, _ db: Database) throws -> IPASNCore.Record? {
        try Row.fetchOne(db.cachedStatement(sql: RecordRows.selectSQL(id.kind) + " WHERE id = ?"), arguments: [id.id])
            .map { try RecordRows.decode(id.kind, $0) }
    }

    /// Validates a record against the employee's stored records (excluding `editing`):
    /// fields, the NIP reference, duplicates. Throws ``ValidationFailure``.
    @discardableResult
    private func validate(_ record: IPASNCore.Record, editing: RecordID?, _ db: Database) throws -> StoredEmployeeRecords {
        guard let stored = try records(nip: record.nip, db) else {
            var issues = RecordValidator(today: context.today).validate(record).filter { $0.severity == .error }
            issues.insert(ValidationIssue(field: "nip", code: .unknownNIP(record.nip)), at: 0)
            throw ValidationFailure(issues)
        }
        let existing = editing.map { stored.plain(excluding: $0) } ?? stored.plain
        let issues = RecordValidator(today: context.today).validate(record, existing: existing)
            .filter { $0.severity == .error }
        if !issues.isEmpty { throw ValidationFailure(issues) }
        return stored
    }

    /// Validates and saves a new record, audits it, and refreshes the employee's cached
    /// scores, in one transaction. Throws ``ValidationFailure`` and writes nothing when the
    /// record is invalid, names an unknown NIP or repeats a stored record.
    @discardableResult
    public func add(_ record: IPASNCore.Record) throws -> SaveResult {
        try transaction { try add(record, $0) }
    }

    /// ``add(_:)`` inside the caller's transaction.
    func add(_ record: IPASNCore.Record, _ db: Database) throws -> SaveResult {
        try permit(.records(nips: [record.nip]), db)
        var stored = try validate(record, editing: nil, db)
        let id = RecordID(kind: record.kind, id: try insert(record, id: nil, db))
        try audit(.insert, .record(id), nip: record.nip, old: nil, new: .record(record), db)
        // The employee's records as validation read them, and the new one: what reading
        // them again would give (the stored row is the record's own values), for a read less.
        stored.put(record, id: id.id)
        let score = try recomputeEmployee(record.nip, stored: stored, db)
        return SaveResult(id: id, score: score)
    }

    /// Replaces record `id` by `record` (same kind), audited with old and new values.
    /// When the NIP changes, both employees' scores are refreshed; the result carries the
    /// new owner's score. Throws ``StoreError/recordNotFound(_:)`` or ``ValidationFailure``.
    @discardableResult
    public func update(_ id: RecordID, to record: IPASNCore.Record) throws -> SaveResult {
        try update(id, to: record, checking: nil)
    }

    /// ``RecordEditStore/update(_:to:expecting:)``: refuses when the stored record is no longer `original`.
    public func update(_ id: RecordID, to record: IPASNCore.Record, expecting original: IPASNCore.Record) throws -> SaveResult {
        try update(id, to: record, checking: original)
    }

    private func update(_ id: RecordID, to record: IPASNCore.Record, checking original: IPASNCore.Record?) throws -> SaveResult {
        try transaction { try update(id, to: record, checking: original, $0) }
    }

    /// ``update(_:to:expecting:)`` (``update(_:to:)`` when `original` is nil) inside the caller's transaction.
    func update(_ id: RecordID, to record: IPASNCore.Record, checking original: IPASNCore.Record?, _ db: Database) throws
        -> SaveResult
    {
        try ValidationFailure.checkKeepsKind(id, record)
        guard let old = try self.record(id, db) else {
            if original != nil { throw StoreError.editedMeanwhile(by: try lastEditor(of: id, db)) }
            throw StoreError.recordNotFound(id)
        }
        if let original, old != original { throw StoreError.editedMeanwhile(by: try lastEditor(of: id, db)) }
        try permit(.records(nips: [old.nip, record.nip]), db)
        try validate(record, editing: id, db)
        try write(record, over: id, db)
        try audit(.update, .record(id), nip: record.nip, old: .record(old), new: .record(record), db)
        if old.nip != record.nip { _ = try recomputeEmployee(old.nip, db) }
        return SaveResult(id: id, score: try recomputeEmployee(record.nip, db))
    }

    /// Deletes a record; the audit row keeps the full old row (with its id) as JSON.
    /// Throws ``StoreError/recordNotFound(_:)``.
    @discardableResult
    public func delete(_ id: RecordID) throws -> SaveResult {
        try transaction { db in
            guard let old = try self.record(id, db) else { throw StoreError.recordNotFound(id) }
            try permit(.records(nips: [old.nip]), db)
            try db.execute(sql: "DELETE FROM \(RecordRows.table(id.kind)) WHERE id = ?", arguments: [id.id])
            try audit(.delete, .record(id), nip: old.nip, old: .record(old), new: nil, db)
            return SaveResult(id: id, score: try recomputeEmployee(old.nip, db))
        }
    }

    func refuseDuplicate(_ record: IPASNCore.Record, ignoring id: RecordID, _ db: Database) throws {
        let other = try Int64.fetchOne(
            db, sql: "SELECT id FROM \(record.kind.rawValue) WHERE nip = ? AND dedup_key = ? AND id <> ?",
            arguments: [record.nip, DuplicateKey.hash(record), id.id])
        if other != nil {
            throw ValidationFailure([ValidationIssue(field: "nip", code: .duplicate(record.kind))])
        }
    }

    /// Inserts a record (with a given id when restoring one); returns its id.
    func insert(_ record: IPASNCore.Record, id: Int64?, _ db: Database) throws -> Int64 {
        var arguments = RecordRows.arguments(record)
        if let id { arguments = [id] + arguments }
        try db.cachedStatement(sql: RecordRows.insertSQL(record.kind, withID: id != nil)).execute(arguments: arguments)
        return id ?? db.lastInsertedRowID
    }

    func write(_ record: IPASNCore.Record, over id: RecordID, _ db: Database) throws {
        try db.cachedStatement(sql: RecordRows.updateSQL(id.kind)).execute(arguments: RecordRows.arguments(record) + [id.id])
    }
}

extension SQLiteStore {
    /// The actor of the record's newest audit row ("?" when it has none).
    func lastEditor(of id: RecordID, _ db: Database) throws -> String {
        let (entity, key) = AuditRows.entity(.record(id))
        return try String.fetchOne(
            db, sql: "SELECT actor FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [entity, key]) ?? "?"
    }
}
