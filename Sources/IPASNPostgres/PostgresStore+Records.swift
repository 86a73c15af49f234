import Foundation
import IPASNStore
import IPASNCore

extension PostgresStore {
    /// All records of one employee with their ids, or nil for an unknown NIP.
    public func records(nip: String) throws -> StoredEmployeeRecords? {
        try Self.decodeRecords(try readPipelined(Self.recordsStatements(nip: nip)))
    }

    /// The employee and the four kinds of records in one round trip (five statements pipelined).
    func records(nip: String, _ db: PGConnection) throws -> StoredEmployeeRecords? {
        try Self.decodeRecords(try db.pipelined(Self.recordsStatements(nip: nip)))
    }

    /// The employee's row, then each kind's records by id.
    static func recordsStatements(nip: String) -> [(sql: String, arguments: PGArguments)] {
        [("SELECT \(pegawaiColumns) FROM pegawai WHERE nip = ?", [nip])]
            + RecordKind.allCases.map { (PGRecordRows.selectSQL($0) + " WHERE nip = ? ORDER BY id", [nip]) }
    }

    /// The results of ``recordsStatements(nip:)``; nil when there is no such employee.
    static func decodeRecords(_ results: [PGResult]) throws -> StoredEmployeeRecords? {
        guard results[0].count > 0 else { return nil }
        var stored = StoredEmployeeRecords(pegawai: try pegawai(PGRow(result: results[0], index: 0)))
        for (index, kind) in RecordKind.allCases.enumerated() {
            let result = results[index + 1]
            for row in (0..<result.count).map({ PGRow(result: result, index: $0) }) {
                let id: Int64 = row[0]
                switch try PGRecordRows.decode(kind, row) {
                case .pendidikan(let r): stored.pendidikan.append(StoredRecord(id: id, value: r))
                case .diklat(let r): stored.diklat.append(StoredRecord(id: id, value: r))
                case .skp(let r): stored.skp.append(StoredRecord(id: id, value: r))
                case .disiplin(let r): stored.disiplin.append(StoredRecord(id: id, value: r))
                }
            }
        }
        return stored
    }

    /// The stored record; with `forUpdate`, its row stays locked until the transaction ends.
    func record(_ id: RecordID, forUpdate: Bool = false, _ db: PGConnection) throws -> IPASNCore.Record? {
        try PGRow.fetchOne(
            db, sql: PGRecordRows.selectSQL(id.kind) + " WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), arguments: [id.id])
            .map { try PGRecordRows.decode(id.kind, $0) }
    }

    /// Validates a record against the employee's stored records (excluding `editing`):
    /// fields, the NIP reference, duplicates. Throws ``ValidationFailure``.
    /// Returns the employee's stored records it read.
    @discardableResult
    func validate(
        _ record: IPASNCore.Record, editing: RecordID?, stored known: StoredEmployeeRecords?? = nil, _ db: PGConnection
    ) throws -> StoredEmployeeRecords {
        guard let stored = try known ?? records(nip: record.nip, db) else {
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
        // One round trip after a save of the same employee's record of that kind
        // (PostgresStore+OneTrip), else two (PostgresStore+SavePath): the same checks, insert,
        // audit row and score.
        try addInOneTrip(record) ?? addPipelined(record)
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

    /// `also`: statements run last in the update's transaction (``DraftSaveStore``: forgetting the form's draft).
    func update(
        _ id: RecordID, to record: IPASNCore.Record, checking original: IPASNCore.Record?,
        also: [(sql: String, arguments: PGArguments)] = []
    ) throws -> SaveResult {
        try ValidationFailure.checkKeepsKind(id, record)
        return try transaction { db in
            // With `original`, the row is locked until the commit: a concurrent save of it waits here, then compares.
            guard let old = try self.record(id, forUpdate: original != nil, db) else {
                if original != nil { throw StoreError.editedMeanwhile(by: try lastEditor(of: id, db)) }
                throw StoreError.recordNotFound(id)
            }
            if let original, old != original { throw StoreError.editedMeanwhile(by: try lastEditor(of: id, db)) }
            try permit(.records(nips: [old.nip, record.nip]), db)
            try validate(record, editing: id, db)
            try write(record, over: id, db)
            try audit(.update, .record(id), nip: record.nip, old: .record(old), new: .record(record), db)
            if old.nip != record.nip { _ = try recomputeEmployee(old.nip, db) }
            let result = SaveResult(id: id, score: try recomputeEmployee(record.nip, db))
            for statement in also { _ = try db.execute(sql: statement.sql, arguments: statement.arguments) }
            return result
        }
    }

    /// Deletes a record; the audit row keeps the full old row (with its id) as JSON.
    /// Throws ``StoreError/recordNotFound(_:)``.
    @discardableResult
    public func delete(_ id: RecordID) throws -> SaveResult {
        try transaction { db in
            guard let old = try self.record(id, db) else { throw StoreError.recordNotFound(id) }
            try permit(.records(nips: [old.nip]), db)
            try db.execute(sql: "DELETE FROM \(PGRecordRows.table(id.kind)) WHERE id = ?", arguments: [id.id])
            try audit(.delete, .record(id), nip: old.nip, old: .record(old), new: nil, db)
            return SaveResult(id: id, score: try recomputeEmployee(old.nip, db))
        }
    }

    func refuseDuplicate(_ record: IPASNCore.Record, ignoring id: RecordID, _ db: PGConnection) throws {
        let other = try Int64.fetchOne(
            db, sql: "SELECT id FROM \(record.kind.rawValue) WHERE nip = ? AND dedup_key = ? AND id <> ?",
            arguments: [record.nip, DuplicateKey.hash(record), id.id])
        if other != nil {
            throw ValidationFailure([ValidationIssue(field: "nip", code: .duplicate(record.kind))])
        }
    }

    /// Inserts a record (with a given id when restoring one); returns its id.
    func insert(_ record: IPASNCore.Record, id: Int64?, _ db: PGConnection) throws -> Int64 {
        var arguments = PGRecordRows.arguments(record)
        if let id { arguments = [id] + arguments }
        return try Int64.fetchOne(db, sql: PGRecordRows.insertSQL(record.kind, withID: id != nil), arguments: arguments)!
    }

    func write(_ record: IPASNCore.Record, over id: RecordID, _ db: PGConnection) throws {
        try db.execute(sql: PGRecordRows.updateSQL(id.kind), arguments: PGRecordRows.arguments(record) + [id.id])
    }
}

extension PostgresStore {
    /// The actor of the record's newest audit row ("?" when it has none).
    func lastEditor(of id: RecordID, _ db: PGConnection) throws -> String {
        let (entity, key) = StoreCodec.entity(.record(id))
        return try String.fetchOne(
            db, sql: "SELECT actor FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [entity, key]) ?? "?"
    }
}
