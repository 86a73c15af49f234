import IPASNCore
import IPASNStore

/// A connection's first save, readied when the workstation opens (issue 12, branch
/// pg3tail; ``SaveWarmupStore``). Before, the first save of a connection paid inside its
/// transaction for one PREPARE round trip per statement it sends (about 20: the permission
/// check, the scoring inputs, the insert, the audit row, the score writes, the page's reload)
/// and for the server's first look at what those statements touch (the policy functions'
/// PL/pgSQL compiled for the session, the tables' and indexes' catalog entries loaded, the
/// first plans); the bench's first save took 12 ms against a warm save's 3.
extension PostgresStore: SaveWarmupStore {
    /// Prepares every statement of a record's save (any kind) and of the page's reload after
    /// it on this connection in ONE round trip, then runs the save's reads and the page's
    /// reads for no employee (the NIP `""`: no row) and asks the write policies' functions,
    /// five times over (``customPlans``), in one read-only snapshot (a second round trip); then runs the save's writes on
    /// NO row in a transaction that is rolled back (a third; ``zeroRowWrites``): nothing is
    /// written, no sequence value is used, the database's write lock is not taken (a table
    /// lock held by a migration makes it give up after 200 ms). Inside a transaction, or on a
    /// store opened for reading (the writes), it does nothing.
    public func warmSavePath() throws {
        guard !leavesSavePathCold else { return }
        let login = context.actor
        let reads = Self.warmupReads(login: login)
        let rehearsalReads = SaveRehearsal.employeeReads(login: login)
        let prepared =
            Self.savePathStatements(login: login, writeLock: writeLockAttempt) + reads + Self.zeroRowWrites + rehearsalReads
            + SaveRehearsal.preparedTexts
        guard !isInTransaction else { return }
        // A read's BEGIN goes only with its first statement: preparing sends none (PREPARE
        // is outside any transaction), and the read ends without a round trip.
        try read { db in try db.prepare(prepared) }
        // Five times: a prepared statement is planned for its parameters the first five times
        // it runs, then the server keeps one generic plan when it is no dearer
        // (`plan_cache_mode = auto`): the first saves would pay those plannings otherwise.
        // First the save's own reads under the save's plan choice (``savePlans``: their generic
        // plans made here, kept for the session), then back to the session's.
        // (With them, the employee a save is rehearsed on: ``SaveRehearsal``.)
        let saveReads = [Self.savePlans] + Self.warmupSaveReads(login: login) + [Self.sessionPlans]
        let results = try readPipelined(saveReads + Array(repeating: reads, count: Self.customPlans).flatMap { $0 } + rehearsalReads)
        // The account's row is the save's first read (after the plan setting).
        let role = results[1].count > 0 ? results[1].text(0, 1) : nil
        let nip = SaveRehearsal.employee(role: role, units: results[results.count - 2], anyone: results[results.count - 1])
        // The write side's PL/pgSQL (the statement triggers of the record tables and of the
        // audit, the score function and the per-unit totals triggers under it, the per-row
        // triggers' statements and the score check's scorer) compiled and planned by running
        // it on NO row, in a transaction rolled back: no row is written, no id used. Under the
        // save's plan choice: the generic plans it makes are the ones the saves use.
        // Then a save of a real row rehearsed in the same transaction (``SaveRehearsal``): what
        // only a row reaches. Refused, it is silent: the writes of no row ran before it.
        let rehearsal = try nip.map { try rehearsalStatements(nip: $0, serverProcess: serverProcessID) } ?? []
        do {
            try pipelinedRolledBack([Self.savePlans] + Self.zeroRowWrites + rehearsal, lockTimeoutMilliseconds: 200)
        } catch let error as StoreError where !rehearsal.isEmpty {
            switch error {
            case .io, .diskFull: throw error
            default: return
            }
        }
    }

    /// How many times PostgreSQL plans a prepared statement for its parameters before it
    /// considers the generic plan (`plancache.c`: the first five executions).
    static let customPlans = 5

    /// Writes of no row that run a save's statement-level triggers and its score function:
    /// an `INSERT ... SELECT ... WHERE false` into each record table and into the audit (their
    /// `AFTER INSERT ... FOR EACH STATEMENT` triggers fire on an empty set: the per-unit
    /// pending counts, the change notification, which sends nothing for no row) and
    /// `ipasn_put_scores` with empty arrays (its own checks and the per-unit totals triggers
    /// on no score), `ipasn_drop_scores` of the scores as entered for the NIP `""` (no
    /// employee), and `ipasn_warm_save_path()` (migration `2026-12-01-pgsave5`): the
    /// per-row triggers (`<table>_restored`, the audit's entry marks and record touch) only run
    /// on a row, so their statements live in functions this one calls with values that match
    /// no row (nothing deleted, no mark for no kind, no touch for no id); it also runs the
    /// score check's scorer for no employee, which the check of empty arrays never reaches.
    static let zeroRowWrites: [(sql: String, arguments: PGArguments)] =
        RecordKind.allCases.map { kind in
            let table = PGRecordRows.table(kind)
            return ("INSERT INTO \(table) SELECT * FROM \(table) WHERE false", PGArguments())
        } + [
            ("INSERT INTO audit SELECT * FROM audit WHERE false", PGArguments()),
            (
                "SELECT ipasn_put_scores(false, '{}'::int4[], '{}'::text[], '{}'::float8[], '{}'::float8[], "
                    + "'{}'::float8[], '{}'::float8[], '{}'::int2[], '{}'::text[])", PGArguments()
            ),
            (dropEnteredScoresSQL, ["" as String] as PGArguments),
            ("SELECT ipasn_warm_save_path()", PGArguments()),
            ("SELECT ipasn_warm_commit_checks()", PGArguments()),
        ]

    /// What a save of each kind of record and the employee page's reload after it send
    /// (texts only: the arguments are placeholders for the statements' parameters).
    static func savePathStatements(login: String, writeLock: (sql: String, arguments: PGArguments))
        -> [(sql: String, arguments: PGArguments)]
    {
        let nip = ""
        var statements = [writeLock] + addReads(nip: nip, kind: .diklat, login: login).statements
        statements += RecordKind.allCases.flatMap { [(PGRecordRows.insertSQL($0, withID: true), PGArguments()), (PGRecordRows.insertSQL($0), PGArguments())] }
        let writes: [(sql: String, arguments: PGArguments)] = [
            (auditInsertSQL, PGArguments()),
            (upsertChangedScoreSQL, PGArguments()),
            (dropEnteredScoresSQL, [nip]),
            (upsertEnteredScoreSQL, PGArguments()),
            (clearDraftSQL, [login, nip]),
            (auditLogSQL, [0]),
            (oneTripLockSQL, PGArguments()),
            (oneTripGuardSQL, PGArguments()),
            (basisSQL, PGArguments()),
            (oneTripAuditSQL, PGArguments()),
        ]
        return statements + writes + employeePageStatements(nip: nip)
    }

    /// The reads run by ``warmSavePath()``: the save's reads (without the new id's
    /// `nextval`, which would use a value), the page's reads, the newest audit rows (none)
    /// and the write policies' functions, all for no employee and no unit.
    static func warmupReads(login: String) -> [(sql: String, arguments: PGArguments)] {
        let nip = ""
        let saveReads = warmupSaveReads(login: login)
        let more: [(sql: String, arguments: PGArguments)] = [
            (auditLogSQL, [0]),
            // `ipasn_may_write` of no unit too: the record's insert policy reaches it through the
            // employee's unit, which the NIP `""` has not (branch pgwarm: the first save compiled it).
            ("SELECT ipasn_writer(), ipasn_may_write_nip(?), ipasn_may_write_score(?), ipasn_may_write(?)", [nip, nip, nip]),
            // The one-trip save's guard with no table: its queries (the permission, the digest)
            // planned and run, nothing refused or reserved.
            (oneTripGuardSQL, [login, nip, nip, nip]),
        ]
        return saveReads + employeePageStatements(nip: nip) + more
    }

    /// The save's reads of ``warmupReads(login:)``, its first statements.
    static func warmupSaveReads(login: String) -> [(sql: String, arguments: PGArguments)] {
        addReads(nip: "", kind: .diklat, login: login).statements.filter { $0.sql != nextIDSQL }
    }
}
