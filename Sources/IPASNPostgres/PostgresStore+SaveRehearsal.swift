import IPASNCore
import IPASNStore

/// A save rehearsed when the workstation opens and rolled back (issue 12, branch pgsave9;
/// ``PostgresStore/warmSavePath()``'s last exchange).
///
/// What the warm-up's writes of no row never reach, only a real row does: the record table's
/// per-row triggers and its foreign key's check (planned on their first row), the first
/// entries into each index the save inserts into, the audit row's per-row triggers with a
/// real record's id, the score write on a real employee's cached rows (the permission, the
/// comparison, the audit's token), the change notification's trigger on a row and the
/// deferred audit check that a COMMIT runs. The session's first save paid for all of it
/// (about twice a later save's server CPU on the bench's province). The rehearsal is a save
/// of a diklat by the account's own role for an employee of one of its units, in the warm-up's
/// transaction that is ROLLED BACK:
///
/// - the write lock (`ipasn_one_trip_lock`: taken, or refused at once when another writer
///   holds it, which ends the rehearsal), the record's insert and its audit row under ids of
///   their own (``rehearsalID``: no sequence value is used, so the next real ids are the ones
///   they were), the employee's cached scores written back as they are (`ipasn_put_scores`:
///   nothing differs, so nothing is written), the scores as entered dropped, the form's draft
///   forgotten, the employee's digest read, then `SET CONSTRAINTS ALL IMMEDIATE` (the deferred
///   audit check runs now, not at a COMMIT that never comes);
/// - then `ROLLBACK`: no row, no audit row, no score, no draft changed, no notification sent
///   (PostgreSQL delivers a `NOTIFY` only at COMMIT), no sequence moved.
///
/// What it costs the server: one transaction id, the WAL of the rows inserted and of the abort
/// (a few kB), dead row versions in the record table, the audit, `record_touch`, the
/// per-unit pending counts and their indexes for vacuum, and the write lock held for the
/// length of one exchange. A refused rehearsal is silent and harmless: an account that writes
/// nothing (a verifikator, a pimpinan, no account) or whose units hold no employee directly
/// rehearses nothing; another writer holding the lock, a lock wait past 200 ms or any other
/// refusal rolls back what the rehearsal did and the warm-up returns as before.
enum SaveRehearsal {
    /// The rehearsal's record id and audit id: far above any id a sequence hands out
    /// (9 x 10^17) and 18 digits (the audit's touch reads an `entity_id` of at most 18), one per
    /// server process, so two workstations opening at once never rehearse under the same id.
    static func rehearsalID(serverProcess: Int32) -> Int64 {
        900_000_000_000_000_000 + Int64(serverProcess)
    }

    /// The reads that find the rehearsal's employee, sent with the warm-up's reads: an
    /// employee of one of the account's units (an admin's), and any employee (an operator's).
    static func employeeReads(login: String) -> [(sql: String, arguments: PGArguments)] {
        [
            ("SELECT p.nip FROM account_units a JOIN pegawai p ON p.kode_unit = a.unit WHERE a.login = ? LIMIT 1", [login]),
            ("SELECT nip FROM pegawai LIMIT 1", PGArguments()),
        ]
    }

    /// The rehearsal's employee from the results of ``employeeReads(login:)`` for an account
    /// of `role`; nil when the account writes nothing or has no employee to rehearse on.
    static func employee(role: String?, units: PGResult, anyone: PGResult) -> String? {
        switch role.flatMap(Role.init(rawValue:)) {
        case .admin: return units.count > 0 ? units.text(0, 0) : nil
        case .operator: return anyone.count > 0 ? anyone.text(0, 0) : nil
        case .verifikator, .pimpinan, nil: return nil
        }
    }

    /// The rehearsal's audit row: ``PostgresStore/auditInsertSQL`` with its id given.
    static let auditSQL = """
        INSERT INTO audit(id, at, actor, action, entity, entity_id, nip, old_value, new_value, session, undoes, batch)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The employee's cached scores written back as they are (`$1`: the NIP).
    static let scoresSQL = """
        SELECT ipasn_put_scores(false, coalesce(array_agg(s.year), '{}'), coalesce(array_agg(s.nip), '{}'),
            coalesce(array_agg(s.kualifikasi), '{}'), coalesce(array_agg(s.kompetensi), '{}'), coalesce(array_agg(s.kinerja), '{}'),
            coalesce(array_agg(s.disiplin), '{}'), coalesce(array_agg(s.complete), '{}'), coalesce(array_agg(s.missing), '{}'))
        FROM employee_score s WHERE s.nip = ?
        """

    /// The deferred checks (the audit's) run now, inside the rehearsal.
    static let checksNow: (sql: String, arguments: PGArguments) = ("SET CONSTRAINTS ALL IMMEDIATE", PGArguments())

    /// The texts the warm-up prepares for the rehearsal (its other statements are a save's).
    static let preparedTexts: [(sql: String, arguments: PGArguments)] = [
        (auditSQL, PGArguments()), (scoresSQL, PGArguments()),
    ]
}

extension PostgresStore {
    /// The statements of a rehearsed save (``SaveRehearsal``) of a diklat for `nip` by this
    /// store's account, for the warm-up's rolled-back transaction.
    func rehearsalStatements(nip: String, serverProcess: Int32) throws -> [(sql: String, arguments: PGArguments)] {
        let id = SaveRehearsal.rehearsalID(serverProcess: serverProcess)
        let today = context.today
        let record = IPASNCore.Record.diklat(
            Diklat(
                nip: nip, jenis: JenisDiklat.withID(3)!, nama: "ipasn: gladi simpan \(serverProcess)", tanggalMulai: today,
                tanggalSelesai: today, jp: 1))
        let audit = try auditStatement(.insert, .record(RecordID(kind: .diklat, id: id)), nip: nip, old: nil, new: .record(record))
        // The form's draft in this session, as a save with the workstation's diklat form forgets it.
        var draft = Draft(form: "diklat", nip: nip, editing: nil, fields: [:], savedAt: context.now())
        draft.session = context.session
        let (key1, key2) = PostgresSchema.writeLockKey
        return [
            (Self.oneTripLockSQL, [key1, key2]),
            (PGRecordRows.insertSQL(.diklat, withID: true), [id] + PGRecordRows.arguments(record)),
            (SaveRehearsal.auditSQL, PGArguments(texts: [String(id)] + audit.arguments.values)),
            (SaveRehearsal.scoresSQL, [nip]),
            (Self.dropEnteredScoresSQL, [nip]),
            (Self.clearDraftSQL, [context.actor, draft.formKey]),
            (Self.basisSQL, [nip]),
            SaveRehearsal.checksNow,
        ]
    }
}
