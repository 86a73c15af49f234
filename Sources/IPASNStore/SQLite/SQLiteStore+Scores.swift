import Foundation
import GRDB
import IPASNCore

/// Score caching: the measurement year is always cached; another year is computed for the
/// whole database and cached the first time it is asked for as a whole (``SQLiteStore/scores(year:unit:)``,
/// ``SQLiteStore/directUnitTotals(year:)``, ``SQLiteStore/recomputeAll(year:)``), and from then on kept
/// up to date by every change like the measurement year.
extension SQLiteStore {
    // MARK: Reading

    /// One employee's score: from the cache for a cached year, else computed (not cached).
    public func score(nip: String, year: Int) throws -> EmployeeScore? {
        try read { db in
            if let row = try Row.fetchOne(
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
        var result: [ScoredPegawai] = []
        try eachScore(year: year, unit: unit) { result.append($0) }
        return result
    }

    /// ``scores(year:unit:)`` one row at a time through a cursor (``ScoreStreamStore``):
    /// a whole province's rows are never held here, neither as GRDB rows nor as values.
    public func eachScore(year: Int, unit: String?, _ body: (ScoredPegawai) throws -> Void) throws {
        guard try ensureCached(year: year) else {
            for row in try computedScores(year: year, unit: unit) { try body(row) }
            return
        }
        try read { db in
            let cols = "\(Self.pegawaiColumns.split(separator: ",").map { "p." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")), \(Self.scoreColumns.split(separator: ",").map { "s." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))"
            let from = "FROM pegawai p JOIN employee_score s ON s.nip = p.nip AND s.year = ? WHERE \(Self.countedInYear)"
            // A unit's employees: CROSS JOIN keeps pegawai as the outer table, so they are
            // found through `pegawai_unit` (kode_unit IN sub). Left to itself, the planner
            // walks the whole year of the score cache and probes the covering index
            // `pegawai_nip_unit` for every employee of the province (the dashboard's category
            // query: 16 ms instead of 0.3 ms at 50,000 employees).
            let fromUnit = "FROM pegawai p CROSS JOIN employee_score s ON s.nip = p.nip AND s.year = ? WHERE \(Self.countedInYear)"
            let rows: RowCursor
            if let unit {
                rows = try Row.fetchCursor(
                    db, sql: "\(Self.subunitsCTE) SELECT \(cols) \(fromUnit) AND p.kode_unit IN sub ORDER BY p.kode_unit, p.nama, p.nip",
                    arguments: [unit, year, LocalDate.endOfYear(year).iso])
            } else {
                rows = try Row.fetchCursor(
                    db, sql: "SELECT \(cols) \(from) ORDER BY p.kode_unit, p.nama, p.nip", arguments: [year, LocalDate.endOfYear(year).iso])
            }
            while let row = try rows.next() {
                let pegawai = try Self.pegawai(row)
                var score = Self.score(row, offset: Self.pegawaiColumnCount)
                score.nip = pegawai.nip  // the same text: one string for both
                try body(ScoredPegawai(pegawai: pegawai, score: score))
            }
        }
    }

    /// Each unit's sums over its own active employees: one GROUP BY over the score cache.
    public func directUnitTotals(year: Int) throws -> [String: ScoreTotals] {
        guard try ensureCached(year: year) else {
            var totals: [String: ScoreTotals] = [:]
            for scored in try computedScores(year: year, unit: nil) {
                totals[scored.pegawai.kodeUnit, default: ScoreTotals()].add(scored.score)
            }
            return totals
        }
        // The totals kept current by every write (``UnitScoreTotals``): a few hundred rows
        // instead of a join and GROUP BY over the year's 50,000 cached scores (48 ms -> <1 ms).
        return try read { db in
            var totals: [String: ScoreTotals] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin
                    FROM unit_score_totals WHERE year = ? AND pegawai > 0
                    """, arguments: [year])
            while let row = try rows.next() { totals[row[0]] = Self.unitTotals(row) }
            return totals
        }
    }

    /// A `unit_score_totals` row (from its second column: count, complete, four scaled sums).
    static func unitTotals(_ row: Row) -> ScoreTotals {
        let scale = Double(UnitScoreTotals.scale)
        return ScoreTotals(
            pegawai: row[1], completePegawai: row[2], kualifikasi: Double(row[3] as Int64) / scale,
            kompetensi: Double(row[4] as Int64) / scale, kinerja: Double(row[5] as Int64) / scale,
            disiplin: Double(row[6] as Int64) / scale)
    }

    /// Every unit's figures with sub-units folded in, in tree order.
    public func unitFigures(year: Int) throws -> [UnitFigure] {
        let direct = try directUnitTotals(year: year)
        let units: [OrgUnit] = try read { db in try self.units(db) }
        let rules: Ruleset = try read { db in try self.ruleset(db) }
        return UnitAggregation.figures(units: units, direct: direct, ruleset: rules)
    }

    /// Recomputes and stores every employee's score for `year` (which becomes a cached year),
    /// in one transaction, streaming the record tables in NIP order.
    public func recomputeAll(year: Int) throws {
        try transaction { db in
            try db.execute(sql: "INSERT OR IGNORE INTO score_year(year) VALUES (?)", arguments: [year])
            try recompute(years: [year], only: nil, replaceAll: true, db)
        }
    }

    // MARK: Maintaining the cache

    static let scoreColumns = "nip, year, kualifikasi, kompetensi, kinerja, disiplin, missing"

    static func score(_ row: Row, offset: Int = 0) -> EmployeeScore {
        let missing: String = row[offset + 6]
        return EmployeeScore(
            nip: row[offset], year: row[offset + 1], kualifikasi: row[offset + 2], kompetensi: row[offset + 3],
            kinerja: row[offset + 4], disiplin: row[offset + 5],
            missing: missing.split(separator: ",").compactMap { MissingData(rawValue: String($0)) })
    }

    static let upsertScoreSQL = """
        INSERT INTO employee_score(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(year, nip) DO UPDATE SET kualifikasi = excluded.kualifikasi, kompetensi = excluded.kompetensi,
            kinerja = excluded.kinerja, disiplin = excluded.disiplin, complete = excluded.complete,
            missing = excluded.missing
        """

    /// ``upsertScoreSQL`` that leaves a row whose score did not change untouched: the full
    /// recompute after a ruleset change or of a year already cached rewrites mostly unchanged
    /// scores, and an untouched row dirties no page, writes nothing to the WAL and fires no
    /// trigger.
    static let refreshScoreSQL = upsertScoreSQL + """

        WHERE employee_score.kualifikasi IS NOT excluded.kualifikasi OR employee_score.kompetensi IS NOT excluded.kompetensi
            OR employee_score.kinerja IS NOT excluded.kinerja OR employee_score.disiplin IS NOT excluded.disiplin
            OR employee_score.complete IS NOT excluded.complete OR employee_score.missing IS NOT excluded.missing
        """

    static func scoreArguments(_ s: EmployeeScore) -> StatementArguments {
        [
            s.year, s.nip, s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.complete,
            s.missing.map(\.rawValue).joined(separator: ","),
        ]
    }

    func cachedYears(_ db: Database) throws -> [Int] {
        try Int.fetchAll(db.cachedStatement(sql: "SELECT year FROM score_year ORDER BY year"))
    }

    /// Makes sure `year` is cached (computing it in its own transaction when it is not);
    /// returns false, caching nothing, when the store is read-only and the year is not cached.
    @discardableResult
    func ensureCached(year: Int) throws -> Bool {
        let cached = try read { try Bool.fetchOne($0, sql: "SELECT 1 FROM score_year WHERE year = ?", arguments: [year]) }
        if cached == true { return true }
        if isReadOnly { return false }
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

    func ensureCached(year: Int, _ db: Database) throws {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM score_year WHERE year = ?"), arguments: [year]) == true {
            return
        }
        try db.execute(sql: "INSERT INTO score_year(year) VALUES (?)", arguments: [year])
        try recompute(years: [year], only: nil, replaceAll: true, db)
    }

    /// Recomputes one employee's score for every cached year (the measurement year is always
    /// among them) and returns the measurement year's.
    /// `stored`: the employee's records when the caller has them current (read in this
    /// transaction and changed only as it wrote them), else they are read.
    func recomputeEmployee(_ nip: String, stored known: StoredEmployeeRecords? = nil, _ db: Database) throws -> EmployeeScore {
        let year = try measurementYear(db)
        try ensureCached(year: year, db)
        guard let stored = try known ?? records(nip: nip, db) else {
            return EmployeeScore(nip: nip, year: year, kualifikasi: 0, kompetensi: 0, kinerja: 0, disiplin: 0, missing: [])
        }
        let uncounted = try uncountedRecords(nip: nip, db)
        let records = stored.plain(excludingAll: uncounted)
        let engine = ScoringEngine(ruleset: try ruleset(db))
        let statement = try db.cachedStatement(sql: Self.upsertScoreSQL)
        var result: EmployeeScore?
        let years = try cachedYears(db)
        for cached in years {
            let score = engine.score(records, year: cached)
            statement.setUncheckedArguments(Self.scoreArguments(score))
            try statement.execute()
            if cached == year { result = score }
        }
        try refreshScoresAsEntered(stored, uncounted: uncounted, engine: engine, years: years, db)
        return result!
    }

    /// Recomputes every cached year (after a ruleset change).
    func recomputeAllCached(_ db: Database) throws {
        try recompute(years: try cachedYears(db), only: nil, replaceAll: true, db)
    }

    /// Recomputes the scores of many employees for `years` in one pass: the employees and
    /// each record table are read once, ordered by NIP, and merged (no query per employee);
    /// scores are written through one reused prepared statement.
    ///
    /// - Parameters:
    ///   - only: restrict the writes to these NIPs (nil: everyone).
    ///   - replaceAll: a full rebuild: every employee's row is upserted, then the years' rows
    ///     of no employee (only a database written with foreign keys off can have them) go.
    ///     Rows are overwritten rather than deleted and inserted again: an unchanged score
    ///     then costs the per-unit totals nothing (``UnitScoreTotals``' update trigger
    ///     fires only on a changed score).
    ///   - unchanged: where an import's refresh reads the tables the import did not write
    ///     (``ImportSnapshot``); nil reads every table through `main`.
    func recompute(
        years: [Int], only: EmployeeSelection?, replaceAll: Bool, unchanged: UnchangedTables? = nil, _ db: Database
    ) throws {
        guard !years.isEmpty else { return }
        let engine = ScoringEngine(ruleset: try ruleset(db))
        let statement = try db.makeStatement(sql: Self.refreshScoreSQL)
        var orphans: [(year: Int, nip: String)]?
        if let only {
            // A refresh of some employees (an import's, an undo's) streams the tables and holds
            // none in memory.
            try forEachEmployee(db, unchanged: unchanged) { records in
                guard only.contains(records.pegawai.nip) else { return }
                for year in years {
                    statement.setUncheckedArguments(Self.scoreArguments(engine.score(records, year: year)))
                    try statement.execute()
                }
            }
        } else if Self.previousFullRecompute {
            try forEachEmployee(db, diklatInTableOrder: true) { records in
                for year in years {
                    statement.setUncheckedArguments(Self.scoreArguments(engine.score(records, year: year)))
                    try statement.execute()
                }
            }
        } else {
            orphans = try forEachEmployeeForFullRecompute(db, years: years) { records, employee, cached in
                for year in years {
                    let score = engine.score(records, year: year)
                    if cached.isCached(score, employee: employee) { continue }
                    statement.setUncheckedArguments(Self.scoreArguments(score))
                    try statement.execute()
                }
            }.orphans
        }
        if replaceAll, let orphans {
            // The fast path found the years' scores of no employee while reading the cached
            // ones (none, but in a database written with foreign keys off): no anti-join of the
            // years' scores against `pegawai`.
            let delete = try db.makeStatement(sql: "DELETE FROM employee_score WHERE year = ? AND nip = ?")
            for orphan in orphans {
                delete.setUncheckedArguments([orphan.year, orphan.nip])
                try delete.execute()
            }
        } else if replaceAll {
            for year in years {
                try db.execute(
                    sql: "DELETE FROM employee_score WHERE year = ? AND nip NOT IN (SELECT nip FROM pegawai)", arguments: [year])
            }
        }
        try recomputeScoresAsEntered(years: years, only: only, engine: engine, db)
    }

    /// Set (to anything) in the environment, `IPASN_PREVIOUS_FULL_RECOMPUTE` makes the full
    /// recompute read as it did before ``FullRecomputeTables`` (the other tables in NIP order
    /// through GRDB rows, every score's upsert executed): only for measuring the fast path
    /// against it by hand on one binary (docs/performance.md). Both give the same scores.
    static let previousFullRecompute = ProcessInfo.processInfo.environment["IPASN_PREVIOUS_FULL_RECOMPUTE"] != nil

    /// The full recompute's reader (FAST PATH, ``FullRecomputeTables``): every employee in NIP
    /// order with the records scoring counts, every table read in table order through the C API
    /// and held packed per employee number (``RecomputeEmployees``, ``EmployeeRuns``), the
    /// employee's number and the cached scores of `years` (an unchanged score is then not
    /// written). The records carry only what scoring reads: the employee's name, unit and
    /// leaving data are empty, as are a record's free-text fields. Returns the cached scores
    /// (their ``CachedScores/orphans``: the scores of no employee).
    @discardableResult
    func forEachEmployeeForFullRecompute(
        _ db: Database, years: [Int], _ body: (EmployeeRecords, Int32, CachedScores) throws -> Void
    ) throws -> CachedScores {
        let leaveOutRejected = try rejectedLeftOut(db)
        let filter = { (kind: RecordKind) in leaveOutRejected ? Self.countedOnly(kind) : "" }
        let employees = try RecomputeEmployees(db)
        let diklat = try DiklatScoringTable(db, filter: filter(.diklat), employees: employees)
        let tables = try FullRecomputeTables(db, employees: employees, filter: filter)
        let cached = try CachedScores(db, years: years, employees: employees)
        for employee in 0..<Int32(employees.count) {
            var records = EmployeeRecords(pegawai: employees.pegawai(employee))
            records.diklat = diklat.diklat(employee: employee, nip: records.pegawai.nip)
            tables.fill(&records, employee: employee)
            try body(records, employee, cached)
        }
        return cached
    }

    /// Every active employee's records (or those of a unit and its sub-units), streamed in
    /// NIP order in one read transaction: each table is read once, never held whole.
    /// The records are as scoring reads them (see ``forEachEmployee(_:_:)``): a diklat's
    /// nama, penyelenggara and nomor sertifikat are empty.
    public func forEachEmployeeRecords(inUnit unit: String?, _ body: (EmployeeRecords) throws -> Void) throws {
        try forEachEmployeeRecords(inUnit: unit, countedIn: nil, body)
    }

    /// ``forEachEmployeeRecords(inUnit:_:)`` over the employees who count in `year`'s figures
    /// (``Pegawai/counts(inYear:)``), or the active ones when `year` is nil.
    func forEachEmployeeRecords(inUnit unit: String?, countedIn year: Int?, _ body: (EmployeeRecords) throws -> Void) throws {
        try read { db in
            var included: Set<String>?
            if let unit {
                included = Set(
                    try String.fetchAll(db, sql: "\(Self.subunitsCTE) SELECT kode FROM units WHERE kode IN sub", arguments: [unit]))
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
    ///
    /// Records the ruleset does not count (rejected ones, unless
    /// ``VerificationRules/rejectedRecordsCount``) are left out; `asEntered` keeps every record.
    ///
    /// - Parameters:
    ///   - plainDiklat: read diklat like the other tables, through GRDB rows, instead
    ///     of ``DiklatScoringCursor`` (the fast path; tests compare the two).
    ///   - diklatInTableOrder: read the whole diklat table first, in its own order, into
    ///     ``DiklatScoringTable`` (faster still, but holds 16 bytes a row: the full recompute).
    ///   - unchanged: where to read the tables an import did not write (``ImportSnapshot``:
    ///     its refresh); nil reads every table through `main`.
    func forEachEmployee(
        _ db: Database, plainDiklat: Bool = false, diklatInTableOrder: Bool = false, asEntered: Bool = false,
        unchanged: UnchangedTables? = nil, _ body: (EmployeeRecords) throws -> Void
    ) throws {
        let leaveOutRejected = try !asEntered && rejectedLeftOut(db)
        let order = { (kind: RecordKind) in unchanged?.order(kind) ?? .nipIndex }
        var streams = try RecordKind.allCases.filter { plainDiklat || $0 != .diklat }.map { kind in
            RecordStream(
                kind: kind,
                cursor: try Row.fetchCursor(
                    db,
                    sql: RecordRows.scoringSelectSQL(kind, from: order(kind).source(unchanged?.table(kind) ?? RecordRows.table(kind)))
                        + (leaveOutRejected ? Self.countedOnly(kind) : "") + order(kind).clause))
        }
        let diklatFilter = leaveOutRejected ? Self.countedOnly(.diklat) : ""
        let diklatTable = !plainDiklat && diklatInTableOrder ? try DiklatScoringTable(db, filter: diklatFilter) : nil
        var diklat: DiklatScoringCursor?
        // The first step runs a sorted read's whole sort: its memory bounded as the index rebuild's.
        try BulkImportIndexes.withBoundedSorter(db, when: unchanged?.sortsWritten == true) {
            for stream in streams.indices { try streams[stream].advance() }
            if !plainDiklat && diklatTable == nil {
                diklat = try DiklatScoringCursor(db, filter: diklatFilter, order: order(.diklat), from: unchanged?.table(.diklat))
            }
        }
        let employees = try Row.fetchCursor(
            db, sql: "SELECT \(Self.pegawaiColumns) FROM \(unchanged?.table(nil) ?? "pegawai") ORDER BY nip")
        while let row = try employees.next() {
            var records = EmployeeRecords(pegawai: try Self.pegawai(row))
            let nip = records.pegawai.nip
            if let diklatTable {
                records.diklat = diklatTable.diklat(nip: nip)
            } else if diklat != nil {
                var utf8 = nip
                try utf8.withUTF8 { bytes in
                    while diklat!.hasRow {
                        let order = diklat!.compareNIP(bytes)
                        if order > 0 { break }
                        if order == 0 { records.diklat.append(try diklat!.diklat(nip: nip)) }
                        try diklat!.step()
                    }
                }
            }
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
    let cursor: RowCursor
    var pending: IPASNCore.Record?

    mutating func advance() throws {
        pending = try cursor.next().map { try RecordRows.decodeForScoring(kind, $0) }
    }
}
