import Foundation
import IPASNStore
import IPASNCore

/// Score caching: the measurement year is always cached; another year is computed for the
/// whole database and cached the first time it is asked for as a whole (``SQLiteStore/scores(year:unit:)``,
/// ``SQLiteStore/directUnitTotals(year:)``, ``SQLiteStore/recomputeAll(year:)``), and from then on kept
/// up to date by every change like the measurement year.
extension PostgresStore {
    // MARK: Reading

    /// One employee's score: from the cache for a cached year, else computed (not cached).
    public func score(nip: String, year: Int) throws -> EmployeeScore? {
        try read { db in
            if let row = try PGRow.fetchOne(
                db, sql: "SELECT \(Self.scoreColumns) FROM employee_score WHERE year = ? AND nip = ?", arguments: [year, nip])
            {
                return Self.score(row)
            }
            guard let records = try records(nip: nip, db) else { return nil }
            let counted = records.plain(excludingAll: try uncountedRecords(nip: nip, db))
            return ScoringEngine(ruleset: try ruleset(db)).score(counted, year: year)
        }
    }

    /// Scores of all active employees, or of those of a unit and its sub-units, ordered by
    /// unit then name. Caches the year first when it is not cached.
    public func scores(year: Int, unit: String?) throws -> [ScoredPegawai] {
        guard try ensureCached(year: year) else { return try computedScores(year: year, unit: unit) }
        return try read { db in
            let cols = "\(Self.pegawaiColumns.split(separator: ",").map { "p." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")), \(Self.scoreColumns.split(separator: ",").map { "s." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))"
            let from = "FROM pegawai p JOIN employee_score s ON s.nip = p.nip AND s.year = ? WHERE \(Self.countedInYear)"
            // A unit's employees: found through `pegawai_unit` with the sub-units as an array
            // (``inSubunits``), each one's score by the cache's primary key (LATERAL ... LIMIT 1,
            // never flattened into a hash join over the year's whole cache).
            let fromUnit = """
                FROM pegawai p CROSS JOIN LATERAL (
                    SELECT * FROM employee_score e WHERE e.year = ? AND e.nip = p.nip LIMIT 1) s
                WHERE \(Self.countedInYear)
                """
            // Through a cursor, not fetchAll: a whole province's rows are never held as GRDB
            // rows beside the result (that put the workstation's peak memory past 64 MB).
            let rows: PGCursor
            if let unit {
                rows = try PGRow.fetchCursor(
                    db, sql: "\(Self.subunitsCTE) SELECT \(cols) \(fromUnit) AND \(Self.inSubunits) ORDER BY p.kode_unit, p.nama, p.nip",
                    arguments: [unit, year, LocalDate.endOfYear(year).iso])
            } else {
                rows = try PGRow.fetchCursor(
                    db, sql: "SELECT \(cols) \(from) ORDER BY p.kode_unit, p.nama, p.nip", arguments: [year, LocalDate.endOfYear(year).iso])
            }
            var result: [ScoredPegawai] = []
            while let row = try rows.next() {
                result.append(ScoredPegawai(pegawai: try Self.pegawai(row), score: Self.score(row, offset: Self.pegawaiColumnCount)))
            }
            return result
        }
    }

    /// Each unit's sums over its own employees counted in `year`, from the kept totals.
    public func directUnitTotals(year: Int) throws -> [String: ScoreTotals] {
        guard try ensureCached(year: year) else {
            var totals: [String: ScoreTotals] = [:]
            for scored in try computedScores(year: year, unit: nil) {
                totals[scored.pegawai.kodeUnit, default: ScoreTotals()].add(scored.score)
            }
            return totals
        }
        // The totals kept current by every write (`unit_score_totals`, kept by triggers:
        // ``PostgresSchema/unitTotals``): a few hundred rows instead of a join and GROUP BY
        // over the year's 50,000 cached scores.
        return try read { db in
            var totals: [String: ScoreTotals] = [:]
            let scale = Double(PostgresSchema.unitTotalsScale)
            let rows = try PGRow.fetchCursor(
                db,
                sql: """
                    SELECT kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin
                    FROM unit_score_totals WHERE year = ? AND pegawai > 0
                    """, arguments: [year])
            while let row = try rows.next() {
                totals[row[0]] = ScoreTotals(
                    pegawai: Int(row[1] as Int64), completePegawai: Int(row[2] as Int64),
                    kualifikasi: Double(row[3] as Int64) / scale, kompetensi: Double(row[4] as Int64) / scale,
                    kinerja: Double(row[5] as Int64) / scale, disiplin: Double(row[6] as Int64) / scale)
            }
            return totals
        }
    }

    /// Every unit's figures with sub-units folded in, in tree order.
    ///
    /// The dashboard's first read (branch pgdash2): the cached year, the kept totals, the units
    /// and the ruleset in ONE round trip (one pipelined read-only snapshot) instead of four
    /// reads of two to five round trips each (BEGIN, a cursor's DECLARE/FETCH/CLOSE, COMMIT),
    /// and the ruleset's JSON decoded only when its text changed (``RulesetMemo``).
    public func unitFigures(year: Int) throws -> [UnitFigure] {
        let results = try readPipelined([
            ("SELECT 1 FROM score_year WHERE year = ?", [year]),
            (
                "SELECT kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin FROM unit_score_totals WHERE year = ? AND pegawai > 0",
                [year]
            ),
            ("SELECT kode, nama, induk FROM units ORDER BY kode", []),
            ("SELECT value FROM config WHERE key = 'ruleset'", []),
        ])
        // A year not cached yet: cached now (or computed), as before.
        guard results[0].count > 0 else {
            let direct = try directUnitTotals(year: year)
            let units: [OrgUnit] = try read { db in try self.units(db) }
            let rules: Ruleset = try read { db in try self.ruleset(db) }
            return UnitAggregation.figures(units: units, direct: direct, ruleset: rules)
        }
        var direct: [String: ScoreTotals] = [:]
        let scale = Double(PostgresSchema.unitTotalsScale)
        for index in 0..<results[1].count {
            let row = PGRow(result: results[1], index: index)
            direct[row[0]] = ScoreTotals(
                pegawai: Int(row[1] as Int64), completePegawai: Int(row[2] as Int64),
                kualifikasi: Double(row[3] as Int64) / scale, kompetensi: Double(row[4] as Int64) / scale,
                kinerja: Double(row[5] as Int64) / scale, disiplin: Double(row[6] as Int64) / scale)
        }
        let units = (0..<results[2].count).map { index in
            let row = PGRow(result: results[2], index: index)
            return OrgUnit(kode: row[0], nama: row[1], induk: row[2])
        }
        let json: String? = results[3].count > 0 ? PGRow(result: results[3], index: 0)[0] : nil
        let rules = try rulesetMemo.ruleset(json)
        return UnitAggregation.figures(units: units, direct: direct, ruleset: rules)
    }

    /// Recomputes and stores every employee's score for `year` (which becomes a cached year),
    /// in one transaction, streaming the record tables in NIP order. Under row-level security
    /// (an account connected as its own role) only what the account may write: an admin's
    /// own units' employees, and a new year only by an operator (``scoreWriteScope(_:)``).
    public func recomputeAll(year: Int) throws {
        try transaction { db in
            let cached = try Bool.fetchOne(db, sql: "SELECT 1 FROM score_year WHERE year = ?", arguments: [year]) == true
            if !cached {
                // Caching a new year is an operator's (row-level security); for anyone else
                // the year stays computed on demand.
                guard try mayCacheYears(db) else { return }
                try Self.cacheYear(year, db)
            }
            if let scope = try scoreWriteScope(db) {
                // An admin connected as their own role refreshes their own units' scores.
                try recompute(years: [year], only: scope, replaceAll: false, db)
            } else {
                try recompute(years: [year], only: nil, replaceAll: true, db)
            }
        }
    }

    // MARK: Maintaining the cache

    static let scoreColumns = "nip, year, kualifikasi, kompetensi, kinerja, disiplin, missing"

    static func score(_ row: PGRow, offset: Int = 0) -> EmployeeScore {
        let missing: String = row[offset + 6]
        return EmployeeScore(
            nip: row[offset], year: row[offset + 1], kualifikasi: row[offset + 2], kompetensi: row[offset + 3],
            kinerja: row[offset + 4], disiplin: row[offset + 5],
            missing: missing.split(separator: ",").compactMap { MissingData(rawValue: String($0)) })
    }

    /// One cached score written (inserted, or replaced when it changed) with the eight
    /// ``scoreArguments(_:)``: through `ipasn_put_scores`, the schema owner's function (migration
    /// `2026-11-30-pgsecure`; no account may write the score cache itself).
    static let upsertScoreSQL = putScoreSQL(entered: false)

    /// ``upsertScoreSQL`` for the scores as entered (`employee_score_entered`).
    static let upsertEnteredScoreSQL = putScoreSQL(entered: true)

    private static func putScoreSQL(entered: Bool) -> String {
        "SELECT ipasn_put_scores(\(entered), ARRAY[?::int4], ARRAY[?::text], ARRAY[?::float8], ARRAY[?::float8], "
            + "ARRAY[?::float8], ARRAY[?::float8], ARRAY[?::int2], ARRAY[?::text])"
    }

    /// Deletes the cached scores (`entered`: as entered) of `years` (nil: every year) of
    /// `nips` (nil: everyone), through `ipasn_drop_scores` (migration `2026-11-30-pgsecure`).
    static func dropScores(entered: Bool, years: [Int]?, nips: [String]?, _ db: PGConnection) throws {
        try db.execute(
            sql: "SELECT ipasn_drop_scores(\(entered), ?::int4[], ?::text[])",
            arguments: PGArguments(texts: [years.map { PGArrayText.integers($0.map(Int64.init)) }, nips.map { PGArrayText.strings($0) }]))
    }

    /// Adds `year` to the cached years (an operator's or the owner's), through `ipasn_cache_year`.
    static func cacheYear(_ year: Int, _ db: PGConnection) throws {
        try db.execute(sql: "SELECT ipasn_cache_year(?::int4)", arguments: [year])
    }

    static func scoreArguments(_ s: EmployeeScore) -> PGArguments {
        [
            s.year, s.nip, s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.complete,
            s.missing.map(\.rawValue).joined(separator: ","),
        ]
    }

    func cachedYears(_ db: PGConnection) throws -> [Int] {
        try Int.fetchAll(db, sql: "SELECT year FROM score_year ORDER BY year")
    }

    /// Makes sure `year` is cached (computing it in its own transaction when it is not);
    /// returns false, caching nothing, when the store is read-only and the year is not cached.
    @discardableResult
    func ensureCached(year: Int) throws -> Bool {
        let cached = try read { try Bool.fetchOne($0, sql: "SELECT 1 FROM score_year WHERE year = ?", arguments: [year]) }
        if cached == true { return true }
        if isReadOnly { return false }
        if try !read({ try mayCacheYears($0) }) { return false }
        try transaction { try ensureCached(year: year, $0) }
        return true
    }

    /// Scores computed from the records without caching them (a read-only store asked for a
    /// year it has not cached), in the order of ``scores(year:unit:)``: one streaming pass
    /// over the tables, as a cache rebuild reads them.
    func computedScores(year: Int, unit: String?) throws -> [ScoredPegawai] {
        let engine = ScoringEngine(ruleset: try ruleset())
        var result: [ScoredPegawai] = []
        try forEachEmployeeRecords(inUnit: unit, countedIn: year) { records in
            result.append(ScoredPegawai(pegawai: records.pegawai, score: engine.score(records, year: year)))
        }
        // SQLite's BINARY collation: the UTF-8 bytes, unit, then name, then NIP.
        func key(_ p: Pegawai) -> [UInt8] { Array(p.kodeUnit.utf8) + [0] + Array(p.nama.utf8) + [0] + Array(p.nip.utf8) }
        return result.map { (key($0.pegawai), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    func ensureCached(year: Int, _ db: PGConnection) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM score_year WHERE year = ?", arguments: [year]) == true { return }
        guard try mayCacheYears(db) else { return }
        try Self.cacheYear(year, db)
        try recompute(years: [year], only: nil, replaceAll: true, db)
    }

    /// Recomputes one employee's score for every cached year (the measurement year is always
    /// among them) and returns the measurement year's.
    func recomputeEmployee(_ nip: String, _ db: PGConnection) throws -> EmployeeScore {
        // The year, ruleset, cached years, rejected records and records in one round trip;
        // every cached year's score and the scores as entered in another (PostgresStore+SavePath).
        let inputs = try scoringInputs(nip: nip, withRecords: true, db)
        guard let stored = inputs.stored else {
            return EmployeeScore(nip: nip, year: inputs.year, kualifikasi: 0, kompetensi: 0, kinerja: 0, disiplin: 0, missing: [])
        }
        let (score, writes) = try scoreStatements(stored, inputs, db)
        _ = try db.pipelined(writes)
        return score
    }

    /// Recomputes every cached year (after a ruleset change).
    func recomputeAllCached(_ db: PGConnection) throws {
        try recompute(years: try cachedYears(db), only: nil, replaceAll: true, db)
    }

    /// Recomputes the scores of many employees for `years`, year by year: the employees and
    /// each record table are read once a year in table order and matched by NIP (no query per
    /// employee), the scores computed in Swift from the ruleset, and written set-based, only
    /// where they changed.
    ///
    /// FAST PATH (issue 12, round 2): ``PGRecomputeTables`` reads everything by `COPY` in
    /// table order, diklat pre-aggregated on the server into one row per employee (the four
    /// values the kompetensi score of the year needs, ``DiklatSummary``, in SQL written from
    /// the ruleset), and the year's cached scores; a score equal to the cached one is not
    /// sent at all, the others go in two statements (``PGScoreWrites``: an UPDATE of the
    /// changed rows, an INSERT of the missing ones), so an unchanged year costs no write and
    /// nothing in the per-unit totals' triggers. `plain` takes the path before issue 12
    /// instead (every table through a cursor in NIP order, the diklat rows themselves, every
    /// score upserted 500 at a time): `PostgresFullRecomputeTests` proves both give the same
    /// scores, scores as entered and unit figures.
    ///
    /// - Parameters:
    ///   - only: restrict the writes to these NIPs (nil: everyone).
    ///   - replaceAll: a full rebuild of the years. Every employee's row is written (the
    ///     foreign key to `pegawai` means the years can hold no other row); the plain path
    ///     deletes the years' rows first.
    ///   - diklat: per year, the diklat summaries per NIP known already (a first load's, ``FirstLoadSummaries``).
    func recompute(
        years: [Int], only: Set<String>?, replaceAll: Bool, plain: Bool = false, diklat: [Int: [String: DiklatSummary]] = [:],
        _ db: PGConnection
    ) throws {
        guard !years.isEmpty else { return }
        if plain {
            try recomputePlain(years: years, only: only, replaceAll: replaceAll, db)
            return
        }
        let rules = try ruleset(db)
        let engine = ScoringEngine(ruleset: rules)
        let leaveOutRejected = try rejectedLeftOut(db)
        for year in years {
            let tables = try PGRecomputeTables(db, year: year, rules: rules, leaveOutRejected: leaveOutRejected, known: diklat[year])
            var writes = PGScoreWrites()
            tables.forEachEmployee { records, number in
                if let only, !only.contains(records.pegawai.nip) { return }
                let score = engine.score(records, year: year)
                if !tables.isCached(score, number: number) { writes.add(score) }
            }
            try writes.write(db)
        }
        try recomputeScoresAsEntered(years: years, only: only, engine: engine, db)
    }

    /// The recompute before issue 12's fast path (see ``recompute(years:only:replaceAll:plain:_:)``).
    private func recomputePlain(years: [Int], only: Set<String>?, replaceAll: Bool, _ db: PGConnection) throws {
        if replaceAll {
            try Self.dropScores(entered: false, years: years, nips: nil, db)
        }
        let engine = ScoringEngine(ruleset: try ruleset(db))
        // Written 500 scores per upsert (`ipasn_put_scores` over arrays): one round trip per 500 employee-years.
        var pending = PGScoreWrites()
        try forEachEmployee(db) { records in
            if let only, !only.contains(records.pegawai.nip) { return }
            for year in years {
                pending.add(engine.score(records, year: year))
                if pending.count == 500 {
                    try pending.put(db)
                    pending = PGScoreWrites()
                }
            }
        }
        try pending.put(db)
        try recomputeScoresAsEntered(years: years, only: only, engine: engine, db)
    }

    /// Every active employee's records (or those of a unit and its sub-units), streamed in
    /// NIP order in one read transaction: each table is read once, never held whole.
    /// The records are as scoring reads them (see ``forEachEmployee(_:_:)``): a diklat's
    /// nama, penyelenggara and nomor sertifikat are empty.
    public func forEachEmployeeRecords(inUnit unit: String?, _ body: (EmployeeRecords) throws -> Void) throws {
        try forEachEmployeeRecords(inUnit: unit, countedIn: nil, body)
    }

    /// The SQL condition "employee `p` counts in the year whose 31 December is the bound
    /// argument (ISO)": active, or left after that day (``Pegawai/counts(inYear:)``).
    static let countedInYear = "(p.aktif = 1 OR p.keluar_tanggal > ?::date)"

    /// "`p` is an employee of the unit or its sub-units" (after ``subunitsCTE``), as an index
    /// condition on `pegawai_unit` (`kode_unit = ANY(array)`): the planner reads exactly the
    /// units' entries. With `kode_unit IN (SELECT kode FROM sub)` it guessed 200 sub-units and,
    /// under a cursor's fast-start costing, walked `pegawai_unit` from its start to the unit
    /// (a merge join): 22 ms at 50,000 employees for a unit of 40 (the dashboard's category
    /// query, branch pgdash2), growing with the province and with where the unit's code sorts.
    static let inSubunits = "p.kode_unit = ANY(ARRAY(SELECT kode FROM sub))"

    /// ``forEachEmployeeRecords(inUnit:_:)`` over the employees who count in `year`'s figures
    /// (``Pegawai/counts(inYear:)``), or the active ones when `year` is nil.
    func forEachEmployeeRecords(inUnit unit: String?, countedIn year: Int?, _ body: (EmployeeRecords) throws -> Void) throws {
        try read { db in
            var included: Set<String>?
            if let unit {
                included = Set(
                    try String.fetchAll(db, sql: "\(Self.subunitsCTE) SELECT kode FROM units WHERE kode IN (SELECT kode FROM sub)", arguments: [unit]))
            }
            try forEachEmployee(db) { records in
                guard year.map(records.pegawai.counts(inYear:)) ?? records.pegawai.aktif else { return }
                if let included, !included.contains(records.pegawai.kodeUnit) { return }
                try body(records)
            }
        }
    }

    /// Calls `body` with every employee's records, in NIP order, reading each table once.
    ///
    /// The records carry what scoring reads (``RecordRows/scoringSelectSQL(_:)``: a diklat's
    /// free-text fields are left empty), and an employee's records of a kind come in index
    /// order rather than id order: scores depend on neither. Reading a province's million
    /// diklat rows this way (the `(nip, dedup_key)` index walked in NIP order, no sort, no
    /// text columns) takes a quarter off the full recompute.
    /// Records the ruleset does not count (rejected ones, unless
    /// ``VerificationRules/rejectedRecordsCount``) are left out; `asEntered` keeps every record.
    func forEachEmployee(_ db: PGConnection, asEntered: Bool = false, _ body: (EmployeeRecords) throws -> Void) throws {
        let leaveOutRejected = try !asEntered && rejectedLeftOut(db)
        var streams = try RecordKind.allCases.map { kind in
            RecordStream(
                kind: kind,
                cursor: try PGRow.fetchCursor(
                    db, sql: PGRecordRows.scoringSelectSQL(kind) + (leaveOutRejected ? Self.countedOnly(kind) : "") + " ORDER BY nip"))
        }
        for stream in streams.indices { try streams[stream].advance() }
        let employees = try PGRow.fetchCursor(db, sql: "SELECT \(Self.pegawaiColumns) FROM pegawai ORDER BY nip")
        while let row = try employees.next() {
            var records = EmployeeRecords(pegawai: try Self.pegawai(row))
            let nip = records.pegawai.nip
            for index in streams.indices {
                while let pending = streams[index].pending, pending.nip <= nip {
                    if pending.nip == nip {
                        switch pending {
                        case .pendidikan(let r): records.pendidikan.append(r)
                        case .diklat(let r): records.diklat.append(r)
                        case .skp(let r): records.skp.append(r)
                        case .disiplin(let r): records.disiplin.append(r)
                        }
                    }
                    try streams[index].advance()
                }
            }
            try body(records)
        }
    }
}

/// One record table read in NIP order, one row ahead.
private struct RecordStream {
    let kind: RecordKind
    let cursor: PGCursor
    var pending: IPASNCore.Record?

    mutating func advance() throws {
        pending = try cursor.next().map { try PGRecordRows.decodeForScoring(kind, $0) }
    }
}
