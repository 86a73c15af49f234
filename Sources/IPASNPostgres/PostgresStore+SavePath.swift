import Foundation
import IPASNCore
import IPASNStore

/// What scoring one employee needs, read in ONE round trip (issue 12: a save's round trips).
struct ScoringInputs {
    /// The measurement year (the configured one, else this year).
    var year: Int
    var ruleset: Ruleset
    /// The cached years, ascending.
    var years: [Int]
    /// The employee's records the ruleset leaves out (rejected ones, unless it counts them).
    var uncounted: Set<RecordID>
    /// The employee's records when asked for (nil: not asked, or no such employee).
    var stored: StoredEmployeeRecords?
}

extension PostgresStore {
    /// The measurement year, the ruleset, the cached years, the employee's rejected records
    /// and (when `withRecords`) the employee's records, pipelined in one round trip: the same
    /// statements `measurementYear`, `ruleset`, `cachedYears`, `uncountedRecords` and
    /// `records(nip:)` send one by one.
    func scoringInputs(nip: String, withRecords: Bool, _ db: PGConnection) throws -> ScoringInputs {
        try decodeScoringInputs(try db.pipelined(Self.scoringStatements(nip: nip, withRecords: withRecords)), withRecords: withRecords)
    }

    /// The statements of ``scoringInputs(nip:withRecords:_:)``, to send with others.
    static func scoringStatements(nip: String, withRecords: Bool) -> [(sql: String, arguments: PGArguments)] {
        let settings: [(sql: String, arguments: PGArguments)] = [
            ("SELECT value FROM config WHERE key = 'year'", []),
            ("SELECT value FROM config WHERE key = 'ruleset'", []),
            ("SELECT year FROM score_year ORDER BY year", []),
        ]
        let rejected: [(sql: String, arguments: PGArguments)] = RecordKind.allCases.map { kind in
            let table = PGRecordRows.table(kind)
            return (
                """
                SELECT r.id FROM \(table) r JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                WHERE r.nip = ? AND v.status = 'tidak'
                """, [nip]
            )
        }
        return settings + rejected + (withRecords ? recordsStatements(nip: nip) : [])
    }

    /// The results of ``scoringStatements(nip:withRecords:)``.
    func decodeScoringInputs(_ results: [PGResult], withRecords: Bool) throws -> ScoringInputs {
        func text(_ result: PGResult) -> String? { result.count > 0 ? result.text(0, 0) : nil }
        let year = text(results[0]).flatMap { Int($0) } ?? context.today.year
        let ruleset = try text(results[1]).map { try oneTripMemo.ruleset($0) } ?? .bkn2019
        let years = (0..<results[2].count).compactMap { results[2].text($0, 0).flatMap { Int($0) } }
        var uncounted = Set<RecordID>()
        if !ruleset.verification.rejectedRecordsCount {
            for (index, kind) in RecordKind.allCases.enumerated() {
                let rows = results[3 + index]
                for row in 0..<rows.count {
                    if let id = rows.text(row, 0).flatMap({ Int64($0) }) { uncounted.insert(RecordID(kind: kind, id: id)) }
                }
            }
        }
        let stored = withRecords ? try Self.decodeRecords(Array(results[(3 + RecordKind.allCases.count)...])) : nil
        return ScoringInputs(year: year, ruleset: ruleset, years: years, uncounted: uncounted, stored: stored)
    }

    /// The employee's score for every cached year and the scores as entered, as statements
    /// (with the measurement year's score): what ``recomputeEmployee(_:_:)``
    /// writes. Caches the measurement year first when it is not (rare: a new year).
    func scoreStatements(_ stored: StoredEmployeeRecords, _ inputs: ScoringInputs, _ db: PGConnection) throws
        -> (score: EmployeeScore, statements: [(sql: String, arguments: PGArguments)])
    {
        var years = inputs.years
        if !years.contains(inputs.year) {
            try ensureCached(year: inputs.year, db)
            years = try cachedYears(db)
        }
        return scoreStatements(stored, inputs, years: years)
    }

    /// ``scoreStatements(_:_:_:)`` for `years`, the cached years (the measurement year among them).
    func scoreStatements(_ stored: StoredEmployeeRecords, _ inputs: ScoringInputs, years: [Int])
        -> (score: EmployeeScore, statements: [(sql: String, arguments: PGArguments)])
    {
        let records = stored.plain(excludingAll: inputs.uncounted)
        let engine = ScoringEngine(ruleset: inputs.ruleset)
        var result: EmployeeScore?
        var statements: [(sql: String, arguments: PGArguments)] = []
        for cached in years {
            let score = engine.score(records, year: cached)
            statements.append((Self.upsertChangedScoreSQL, Self.scoreArguments(score)))
            if cached == inputs.year { result = score }
        }
        statements += scoresAsEnteredStatements(stored, uncounted: inputs.uncounted, engine: engine, years: years)
        return (result ?? engine.score(records, year: inputs.year), statements)
    }

    /// ``upsertScoreSQL`` that leaves a stored score that is already the new one untouched
    /// (issue 12, branch pgsave2): a save mostly changes the measurement year's score, if
    /// any, and the other cached years' rows were rewritten as they were (a new row version,
    /// its WAL, and the per-unit totals trigger's upsert of zero deltas). The stored row
    /// afterwards is the same either way. Since `2026-11-30-pgsecure` every score write is
    /// `ipasn_put_scores`, which leaves an unchanged score untouched itself.
    static let upsertChangedScoreSQL = upsertScoreSQL

    /// `add` in TWO round trips (issue 12, branch pgsave3; four in branch pgsave): the BEGIN,
    /// the write lock's attempt, the permission check, the employee's records, the scoring
    /// inputs and the new record's id (`nextval` of its table's identity) in one exchange
    /// (``transaction(reading:_:)``: sent again after the lock when another writer held it);
    /// the insert, its audit row (which carries the id), every cached year's score, the scores
    /// as entered and the durable COMMIT in the other (``pipelinedCommitting(_:_:)``). The same
    /// checks in the same order as statement by statement: permission, then validation,
    /// decided by the client between the two exchanges, before anything is written.
    ///
    /// `also`: statements sent in the last exchange after the save's writes, in its
    /// transaction (``DraftSaveStore``: forgetting the form's draft).
    func addPipelined(_ record: IPASNCore.Record, also: [(sql: String, arguments: PGArguments)] = []) throws -> SaveResult {
        let reads = Self.addReads(record, login: context.actor)
        let remembers = !isInTransaction
        // Its own transaction plans once a session (``savePlans``); inside another, that one's.
        let plans = remembers ? [Self.savePlans] : []
        return try transaction(reading: plans + reads.statements) { db, results in
            try addPipelined(record, Array(results.dropFirst(plans.count)), reads.permits, also, remembersBasis: remembers, db)
        }
    }

    /// The first statement of a save's own transaction (issue 12, branch pgsave8): every
    /// statement the save runs, the client's and those its functions, triggers, foreign keys
    /// and COMMIT-time checks run on the server, uses its GENERIC plan (made once a session,
    /// then kept) for this transaction only (`SET LOCAL`). Under the default (`auto`) the
    /// server plans a cached statement for its parameters at each of its first five runs and
    /// then makes the generic plan as well to compare, so a session's first six saves each
    /// planned all of them again: 3.7-5.0 ms of server CPU for saves 2-6 on the bench's
    /// province against 3.1 from the seventh on, under load (docs/performance.md, branch
    /// pgsave8). Every statement of a save looks rows up by a key (the employee's NIP, a
    /// record's id, the account's login, a unit's code) or reads the few rows of the arrays it
    /// is given, so the generic plan is the plan the server keeps after five runs anyway;
    /// the warm-up makes those plans before the first save (``warmSavePath()``).
    static let savePlans: (sql: String, arguments: PGArguments) = ("SET LOCAL plan_cache_mode = force_generic_plan", PGArguments())

    /// Back to the session's own plan choice inside a transaction (the warm-up's reads after
    /// the save's): ``savePlans`` undone.
    static let sessionPlans: (sql: String, arguments: PGArguments) = ("SET LOCAL plan_cache_mode TO DEFAULT", PGArguments())

    /// The reads of ``addPipelined(_:)`` and how many of them are the permission check's.
    static func addReads(_ record: IPASNCore.Record, login: String)
        -> (statements: [(sql: String, arguments: PGArguments)], permits: Int)
    {
        addReads(nip: record.nip, kind: record.kind, login: login)
    }

    /// ``addReads(_:login:)`` for a record of `kind` for `nip`.
    static func addReads(nip: String, kind: RecordKind, login: String)
        -> (statements: [(sql: String, arguments: PGArguments)], permits: Int)
    {
        let permit = permitStatements(login: login, nips: [nip])
        let scoring = scoringStatements(nip: nip, withRecords: true)
        let next: (sql: String, arguments: PGArguments) = (nextIDSQL, [PGRecordRows.table(kind)])
        return (permit + scoring + [next], permit.count)
    }

    /// The new record's id, read before its insert (its audit row names it).
    static let nextIDSQL = "SELECT nextval(pg_get_serial_sequence(?, 'id'))"

    private func addPipelined(
        _ record: IPASNCore.Record, _ results: [PGResult], _ permits: Int, _ also: [(sql: String, arguments: PGArguments)],
        remembersBasis: Bool, _ db: PGConnection
    ) throws
        -> SaveResult
    {
        let nips = [record.nip]
        let table = PGRecordRows.table(record.kind)
        _ = try decidePermit(Array(results[..<permits]), nips: nips, db)
        let inputs = try decodeScoringInputs(Array(results[permits..<(results.count - 1)]), withRecords: true)
        guard let next = results[results.count - 1].text(0, 0).flatMap({ Int64($0) }) else {
            throw StoreError.corrupt("no id from the \(table) sequence")
        }
        let stored = Self.adding(record, id: next, to: try validate(record, editing: nil, stored: .some(inputs.stored), db))
        let id = RecordID(kind: record.kind, id: next)
        let (score, writes) = try scoreStatements(stored, inputs, db)
        // The last exchange: nothing after it can fail. The insert has no ON CONFLICT and no
        // condition: it inserts its one row (with the id) or fails, and a failure makes the
        // server skip the rest, the COMMIT included (the transaction is then rolled back).
        // Outside another transaction it also reads what the next save of this employee in one
        // round trip decides on (``addInOneTrip(_:)``): the employee's digest.
        let basis = remembersBasis ? [(Self.basisSQL, [record.nip] as PGArguments)] : []
        let results = try pipelinedCommitting(
            [
                (PGRecordRows.insertSQL(record.kind, withID: true), [id.id] + PGRecordRows.arguments(record)),
                try auditStatement(.insert, .record(id), nip: record.nip, old: nil, new: .record(record)),
            ] + writes + also + basis, db)
        if remembersBasis, let digest = results.last?.text(0, 0) {
            oneTripMemo.keep(OneTripBasis(login: context.actor, digest: digest, stored: stored, inputs: inputs))
        }
        return SaveResult(id: id, score: score)
    }

    /// The employee's records as validation read them, and the new one `record` with id `id`:
    /// what reading them again would give (the stored row is the record's own values). Ids
    /// only grow: the new record is the last of its kind, as `ORDER BY id` reads it.
    static func adding(_ record: IPASNCore.Record, id: Int64, to stored: StoredEmployeeRecords) -> StoredEmployeeRecords {
        var stored = stored
        switch record {
        case .pendidikan(let r): stored.pendidikan.append(StoredRecord(id: id, value: r))
        case .diklat(let r): stored.diklat.append(StoredRecord(id: id, value: r))
        case .skp(let r): stored.skp.append(StoredRecord(id: id, value: r))
        case .disiplin(let r): stored.disiplin.append(StoredRecord(id: id, value: r))
        }
        return stored
    }
}

extension PostgresStore {
    /// THE permission check of a record write (``PermittedChange/records(nips:)``) in ONE round
    /// trip, inside the write's transaction: the account, its units and, per employee, the
    /// employee's unit and whether the account holds it or a unit above it (the walk up the
    /// tree of ``WritePermissions/mayWrite(unit:_:)``, started from the employee's row), all
    /// pipelined. Decides exactly as `permit` does statement by statement: no account,
    /// a role that only reads, an employee of another unit are refused with the same errors.
    func permitRecordWrite(nips: [String], _ db: PGConnection) throws -> WritePermissions {
        try decidePermit(try db.pipelined(Self.permitStatements(login: context.actor, nips: nips)), nips: nips, db)
    }

    /// The statements of ``permitRecordWrite(nips:_:)``, to send with others.
    static func permitStatements(login: String, nips: [String]) -> [(sql: String, arguments: PGArguments)] {
        var statements: [(sql: String, arguments: PGArguments)] = [
            ("SELECT login, role FROM accounts WHERE login = ?", [login]),
            ("SELECT unit FROM account_units WHERE login = ? ORDER BY unit", [login]),
        ]
        for nip in Set(nips).sorted() {
            statements.append(("SELECT kode_unit FROM pegawai WHERE nip = ?", [nip]))
            statements.append((employeeUnitHeldSQL, [nip, login]))
        }
        return statements
    }

    /// The decision on the results of ``permitStatements(login:nips:)``; throws the refusal.
    func decidePermit(_ results: [PGResult], nips: [String], _ db: PGConnection) throws -> WritePermissions {
        let login = context.actor
        let employees = Set(nips).sorted()
        guard results[0].count > 0, let name = results[0].text(0, 0), let roleText = results[0].text(0, 1) else {
            throw StoreError.notPermitted(.noAccount(login: login, operators: try operators(db)))
        }
        guard let role = Role(rawValue: roleText) else { throw StoreError.corrupt("account \(name): role") }
        let units = (0..<results[1].count).compactMap { results[1].text($0, 0) }
        let account = Account(login: name, role: role, units: units)
        switch role {
        case .operator:
            return WritePermissions(account: account, allUnits: true)
        case .verifikator, .pimpinan:
            throw StoreError.notPermitted(.readOnlyRole(role))
        case .admin:
            for index in employees.indices {
                // An unknown NIP is validation's business, as in `permit`.
                guard let unit = results[2 + 2 * index].count > 0 ? results[2 + 2 * index].text(0, 0) : nil else { continue }
                if results[3 + 2 * index].count == 0 { throw StoreError.notPermitted(.notYourUnit(unit)) }
            }
            return WritePermissions(account: account, allUnits: false)
        }
    }

    /// Whether the account (`$2`) holds the unit of the employee `$1` or a unit above it: the
    /// walk of ``WritePermissions/mayWrite(unit:_:)`` started from the employee's row.
    static let employeeUnitHeldSQL = """
        WITH RECURSIVE up(kode) AS (
            SELECT kode_unit COLLATE "C" FROM pegawai WHERE nip = ?
            UNION SELECT u.induk FROM units u JOIN up ON u.kode = up.kode WHERE u.induk IS NOT NULL)
        SELECT 1 FROM up JOIN account_units a ON a.unit = up.kode AND a.login = ? LIMIT 1
        """
}
