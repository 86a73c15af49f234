import Foundation
import IPASNCore
import IPASNStore

/// What a save of an employee's record, or the read of the employee's page, left for the next
/// save of a record of any kind for the same employee by the same store
/// (``PostgresStore/addInOneTrip(_:)``): the employee's records and the scoring inputs as they
/// stood at its COMMIT (or in its snapshot) and the server's digest of them
/// (`ipasn_save_digest`, which covers all four record tables: branch pgsave11).
struct OneTripBasis {
    var login: String
    var digest: String
    /// The employee's records after the save, its own record among them.
    var stored: StoredEmployeeRecords
    var inputs: ScoringInputs

    init(login: String, digest: String, stored: StoredEmployeeRecords, inputs: ScoringInputs) {
        self.login = login
        self.digest = digest
        self.stored = stored
        self.inputs = inputs
        self.inputs.stored = nil
    }

    var nip: String { stored.pegawai.nip }
}

/// The store's last ``OneTripBasis`` (one: a workstation saves one employee's records at a
/// time); taken by the save that uses it, so two threads never decide on the same one.
final class OneTripMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var basis: OneTripBasis?
    /// The last ruleset read and its text (a page's read and a save read the text each time).
    private var ruleset: (text: String, value: Ruleset)?

    func keep(_ basis: OneTripBasis) { lock.withLock { self.basis = basis } }

    /// The basis for a record for `nip` by `login`, removed; nil (and the basis forgotten)
    /// when there is none for them.
    func take(nip: String, login: String) -> OneTripBasis? {
        lock.withLock {
            defer { basis = nil }
            guard let basis, basis.nip == nip, basis.login == login else { return nil }
            return basis
        }
    }

    /// Whether there is a basis for `nip` by `login` (kept).
    func has(nip: String, login: String) -> Bool {
        lock.withLock { basis.map { $0.nip == nip && $0.login == login } ?? false }
    }

    func forget() { lock.withLock { basis = nil } }

    /// The ruleset of the text `text` (`RulesetFile`), parsed once while the text stays the same.
    func ruleset(_ text: String) throws -> Ruleset {
        if let kept = lock.withLock({ ruleset }), kept.text == text { return kept.value }
        let value = try RulesetFile.load(Data(text.utf8))
        lock.withLock { ruleset = (text, value) }
        return value
    }
}

extension PostgresStore {
    /// `add` in ONE round trip (issue 12, branch pgsave7): when this store's previous save was
    /// of a record for the same employee (a workstation's "simpan & tambah lagi"), or, since
    /// branch pgsave11, its last read was the employee's page (``employeePage(nip:)``), the client validates and scores the record on what that save left
    /// (``OneTripBasis``) and sends the BEGIN, the write lock (`ipasn_one_trip_lock`), the
    /// insert (its id from the table's identity), its audit row (naming that id by `currval`),
    /// the scores, the guard and the COMMIT in one pipelined exchange. The guard
    /// (`ipasn_one_trip_guard`, after the writes, before the COMMIT, in the same transaction)
    /// refuses the save when the account may not write the employee or when the employee's
    /// records, their verdicts, the ruleset, the measurement year or the cached years are no
    /// longer what the client decided on; any statement the server refuses (the guard, a
    /// row-security policy, the score check, a unique index) rolls the whole transaction back.
    /// The store then saves in two exchanges (``addPipelined(_:)``), which decides and reports
    /// exactly as before: a refused save's error is the same, and nothing of the one-trip
    /// attempt stays (but the identity value it took, as any failed insert).
    ///
    /// Returns nil, having written nothing, when there is no basis, when the record does not
    /// pass validation on it (the two-exchange save decides permission first, then validation),
    /// inside a transaction, or when the server refused the exchange.
    ///
    /// `also`: statements sent after the save's writes, before the guard, in its transaction
    /// (``DraftSaveStore``: forgetting the form's draft), as ``addPipelined(_:also:)``'s.
    func addInOneTrip(_ record: IPASNCore.Record, also: [(sql: String, arguments: PGArguments)] = []) throws -> SaveResult? {
        guard !isReadOnly, !isInTransaction,
            let basis = oneTripMemo.take(nip: record.nip, login: context.actor),
            basis.inputs.years.contains(basis.inputs.year)
        else { return nil }
        let issues = RecordValidator(today: context.today).validate(record, existing: basis.stored.plain).filter { $0.severity == .error }
        guard issues.isEmpty else { return nil }
        // Scored with the new record last of its kind, as its id (the largest, taken under
        // the write lock) will place it; no verdict names it.
        let (score, writes) = scoreStatements(
            Self.adding(record, id: Self.unknownID, to: basis.stored), basis.inputs, years: basis.inputs.years)
        let (key1, key2) = PostgresSchema.writeLockKey
        let table = PGRecordRows.table(record.kind)
        let statements: [(sql: String, arguments: PGArguments)] =
            [
                Self.savePlans,
                (Self.oneTripLockSQL, [key1, key2] as PGArguments),
                (PGRecordRows.insertSQL(record.kind), PGRecordRows.arguments(record)),
                try oneTripAuditStatement(record),
            ] + writes + also + [(Self.oneTripGuardSQL, [context.actor, record.nip, table, basis.digest] as PGArguments)]
        guard let results = try writeInOneTrip(statements), let guardRow = results.last,
            let digest = guardRow.text(0, 0), let id = guardRow.text(0, 1).flatMap({ Int64($0) })
        else { return nil }
        oneTripMemo.keep(
            OneTripBasis(
                login: context.actor, digest: digest, stored: Self.adding(record, id: id, to: basis.stored),
                inputs: basis.inputs))
        return SaveResult(id: RecordID(kind: record.kind, id: id), score: score)
    }

    /// The id a record is scored with before the server gives it one (larger than any).
    static let unknownID = Int64.max

    /// The audit row of a one-trip save's insert: ``auditStatement(_:_:nip:old:new:undoes:batch:)``
    /// with the record's id, not known to the client, taken by the server from the table's
    /// identity (`currval`) for `entity_id` and written into the stored JSON in place of a
    /// stand-in (a key `"id"` appears once in the record's JSON: its fields' text is escaped).
    func oneTripAuditStatement(_ record: IPASNCore.Record) throws -> (sql: String, arguments: PGArguments) {
        let table = PGRecordRows.table(record.kind)
        let standIn = RecordID(kind: record.kind, id: Self.auditStandInID)
        var values = try auditStatement(.insert, .record(standIn), nip: record.nip, old: nil, new: .record(record)).arguments.values
        // at, actor, action, entity, [entity_id], nip, old_value, [new_value], session, undoes, batch
        values[4] = table
        values.insert(contentsOf: ["\"id\":\(Self.auditStandInID)", table], at: 8)
        return (Self.oneTripAuditSQL, PGArguments(texts: values))
    }

    /// The stand-in id of ``oneTripAuditStatement(_:)``'s JSON (no record has a negative id).
    static let auditStandInID: Int64 = -7_020_120_220_000_000_007

    /// ``auditInsertSQL`` with the id of the record just inserted into the table `$5` (and `$10`).
    static let oneTripAuditSQL = """
        INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session, undoes, batch)
        VALUES (?, ?, ?, ?, currval(pg_get_serial_sequence(?, 'id'))::text, ?, ?,
                replace(?, ?, '"id":' || currval(pg_get_serial_sequence(?, 'id'))), ?, ?, ?)
        """

    /// The write lock of a one-trip save: taken, or the statement fails (another writer holds it).
    static let oneTripLockSQL = "SELECT ipasn_one_trip_lock(?::int4, ?::int4)"

    /// The guard of a one-trip save: the login, the NIP, the record's table and the digest
    /// decided on; the new digest and the new record's id.
    static let oneTripGuardSQL = "SELECT after, id FROM ipasn_one_trip_guard(?, ?, ?, ?)"

    /// What the two-exchange save reads before its COMMIT for the next one-trip save: the
    /// digest of the employee after the save.
    static let basisSQL = "SELECT after FROM ipasn_save_digest(?, '', NULL)"
}
