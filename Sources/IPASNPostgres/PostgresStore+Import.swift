import Foundation
import IPASNStore
import IPASNCore

extension PostgresStore {
    /// Import rows written per round trip (a multi-row INSERT of up to 11 x 500 parameters).
    static let importBatchSize = 500

    /// Imports a stream of rows in ONE transaction (see ``Store/importRows(_:skipInvalid:)``).
    ///
    /// Record rows are expected to have passed field validation already (``RecordParser``
    /// does it while reading the file); here they are checked for references (the NIP must
    /// be a known employee, kept in memory) and duplicates: against the database through the
    /// unique `dedup_key` index (`INSERT ... ON CONFLICT DO NOTHING`), and within the file,
    /// where the conflicting row's id tells which earlier line it came from. One audit row
    /// (action `import`) records the counts. Units may list parents after children: the tree
    /// is checked once every row is read.
    public func importRows(_ rows: inout some ImportRowSource, skipInvalid: Bool, dryRun: Bool = false) throws
        -> ImportOutcome
    {
        try importRows(&rows, skipInvalid: skipInvalid, dryRun: dryRun, bulk: true)
    }

    /// ``importRows(_:skipInvalid:dryRun:)``; `bulk: false` writes records through the plain
    /// path (``RecordBatch``: multi-row INSERTs, every trigger row by row) instead of the bulk
    /// path (`PostgresStore+BulkImport.swift`). Both give the same database (`PostgresBulkImportTests`).
    func importRows(_ rows: inout some ImportRowSource, skipInvalid: Bool, dryRun: Bool, bulk: Bool) throws
        -> ImportOutcome
    {
        let kind = rows.kind
        return try conditionalTransaction({ db in
            let permissions = try permit(.importRows(kind), db)
            var issues: [LineIssue] = []
            var imported = 0
            var byUnit: [String: Int] = [:]
            var ids: ImportedIDs?
            var unitChanges: [ImportChange<OrgUnit>]?
            var changeLog: EmployeeImportChangeLog?
            switch kind {
            case .units:
                var list: [ImportChange<OrgUnit>] = []
                imported = try importUnits(&rows, issues: &issues, changes: &list, PGDatabase(db))
                unitChanges = list
            case .pegawai:
                // The changes go into `import_pegawai_changes` under the audit id the import's
                // row will get, taken from the audit sequence now (``EmployeeImportChangesStore``).
                let importID = try Int64.fetchOne(db, sql: "SELECT nextval(pg_get_serial_sequence('audit', 'id'))") ?? 0
                var log = EmployeeImportChangeLog(importID: importID, keepsAll: dryRun)
                imported = try importPegawai(&rows, permissions, issues: &issues, log: &log, db)
                changeLog = log
            case .pendidikan, .diklat, .skp, .disiplin:
                let recordKind = kind.recordKind!
                var range: ImportedIDs?
                if !bulk { lastRecordImportPath = .plain }
                imported =
                    bulk
                    ? try bulkImportRecords(
                        &rows, of: recordKind, permissions, skipInvalid: skipInvalid, issues: &issues, byUnit: &byUnit, ids: &range, db)
                    : try importRecords(&rows, of: recordKind, permissions, issues: &issues, byUnit: &byUnit, ids: &range, db)
                ids = range ?? ImportedIDs(kind: recordKind, first: 0, last: -1)
            }
            issues.sort { $0.line < $1.line }
            let valid = issues.isEmpty || skipInvalid
            if valid && !dryRun {
                try rows.willCommit(issues: issues)
                var summary = ImportSummary(
                    kind: kind, imported: imported, issues: issues.count, skipInvalid: skipInvalid, byUnit: byUnit,
                    ids: ids, unitChanges: unitChanges)
                summary.pegawaiAdded = changeLog?.added
                summary.pegawaiChanged = changeLog?.changed
                if rows.isDemo { summary.demo = true }
                try audit(.import, .importFile(kind), nip: nil, old: nil, new: .importSummary(summary), id: changeLog?.importID, db)
            }
            let outcome = ImportOutcome(
                imported: valid ? imported : 0, issues: issues, changes: valid ? changeLog?.sample ?? [] : [],
                added: valid ? changeLog?.added ?? 0 : 0, changed: valid ? changeLog?.changed ?? 0 : 0, dryRun: dryRun)
            return (outcome, valid && !dryRun)
        })
    }

    private func importRecords(
        _ rows: inout some ImportRowSource, of expected: RecordKind, _ permissions: WritePermissions, issues: inout [LineIssue],
        byUnit: inout [String: Int], ids: inout ImportedIDs?, _ db: PGConnection
    ) throws -> Int {
        // NIP -> unit of every employee: ~50k short strings at province scale.
        var unitOf: [String: String] = [:]
        unitOf.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pegawai") ?? 0)
        let pegawaiUnits = try PGRow.fetchCursor(db, sql: "SELECT nip, kode_unit FROM pegawai")
        while let row = try pegawaiUnits.next() { unitOf[row[0]] = row[1] as String }
        // Rows are written in batches (one duplicate lookup and one multi-row INSERT per
        // ``importBatchSize`` rows: two round trips instead of one per row). Ids are given
        // explicitly: from the table's identity sequence's next value (above every id ever
        // handed out, deleted ones included), consumed only by rows actually written, so the
        // rows of one import have consecutive ids; the sequence is moved past them at the end.
        var batch = RecordBatch(kind: expected, allowsSimilar: rows.allowsSimilar)
        var touched: Set<String> = []
        var imported = 0
        // The table's statistics are refreshed as the import doubles it (ANALYZE sees this
        // transaction's own rows): a table that was empty (or never analysed) when the import
        // began would otherwise keep the planner on a sequential scan for each batch's
        // duplicate and similar-course lookups, which makes a large import quadratic
        // (measured by the bench: 321 ms instead of 1.4 ms per batch at 400,000 diklat).
        let table = PGRecordRows.table(expected)
        var analyzeAt = max(
            try Int.fetchOne(db, sql: "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = ?::regclass", arguments: [table])
                ?? 0, 5_000)
        func flush() throws {
            guard !batch.rows.isEmpty else { return }
            if batch.nextID == nil { batch.nextID = try Self.nextRecordID(expected, db) }
            for (line, issue) in try batch.write(db) { issues.append(LineIssue(line: line, issue: issue)) }
            if batch.written >= analyzeAt {
                try db.execute(sql: "ANALYZE \(table)")
                analyzeAt = 2 * batch.written
            }
        }
        while let line = try rows.next() {
            guard case .record(let record) = line.value, record.kind == expected else {
                StoreCodec.refuse(line, into: &issues)
                continue
            }
            let nip = record.nip
            guard let unit = unitOf[nip] else {
                issues.append(LineIssue(line: line.number, issue: ValidationIssue(field: "nip", code: .unknownNIP(nip))))
                continue
            }
            guard try permissions.mayWrite(unit: unit, db) else {
                issues.append(LineIssue(line: line.number, issue: StoreCodec.notYourUnit(unit, field: "nip")))
                continue
            }
            batch.rows.append((line.number, record, unit))
            if batch.rows.count >= Self.importBatchSize { try flush() }
        }
        try flush()
        for (unit, count) in batch.byUnit { byUnit[unit, default: 0] += count }
        touched = batch.touched
        imported = batch.written
        if let first = batch.firstID, let next = batch.nextID {
            let last = next - 1
            ids = ImportedIDs(kind: expected, first: first, last: last)
            try db.execute(
                sql: PostgresSchema.advanceSequenceSQL, arguments: [PGRecordRows.table(expected), last])
        }
        try refreshImportScores(touched, db)
        return imported
    }

    /// The id a new record of `kind` gets: the next value of the table's identity sequence
    /// (a sequence never hands out an id twice, deleted ones included), and above its rows
    /// (rows restored or copied with explicit ids).
    static func nextRecordID(_ kind: RecordKind, _ db: PGConnection) throws -> Int64 {
        let table = PGRecordRows.table(kind)
        return try Int64.fetchOne(
            db,
            sql: "SELECT GREATEST(nextval(pg_get_serial_sequence(?, 'id')), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1)",
            arguments: [table]) ?? 1
    }

    /// The touched employees' cached scores recomputed after an import (`diklat`: per year,
    /// the diklat summaries of the table's rows per NIP when the caller knows them, a first load).
    func refreshImportScores(_ touched: Set<String>, diklat: [Int: [String: DiklatSummary]] = [:], _ db: PGConnection) throws {
        guard !touched.isEmpty else { return }
        try ensureCached(year: try measurementYear(db), db)
        if touched.count > StoreCodec.streamingRecomputeThreshold {
            try recompute(years: try cachedYears(db), only: touched, replaceAll: false, diklat: diklat, db)
        } else {
            for nip in touched.sorted() { _ = try recomputeEmployee(nip, db) }
        }
    }

    /// The touched employees' cached scores after a first load, written by the server from its
    /// own scorer (`ipasn_refresh_server_scores`, migration `2026-12-04-pgcopy4`): every cached
    /// year (the measurement year cached first, as ``refreshImportScores(_:diklat:_:)``), one
    /// statement; then the scores as entered, as after any recompute.
    func refreshServerScores(_ touched: Set<String>, _ db: PGConnection) throws {
        guard !touched.isEmpty else { return }
        try ensureCached(year: try measurementYear(db), db)
        let years = try cachedYears(db)
        let nips = touched.sorted()
        try db.execute(
            sql: "SELECT updated, inserted FROM ipasn_refresh_server_scores(?::text[], ?::int4[])",
            arguments: [PGArrayText.strings(nips), PGArrayText.integers(years.map(Int64.init))])
        try recomputeScoresAsEntered(years: years, only: touched, engine: ScoringEngine(ruleset: try ruleset(db)), db)
    }

    /// Change rows per multi-row INSERT into `import_pegawai_changes` (8 parameters a row).
    static let employeeChangeBatch = 200

    /// Writes an employee file's rows, each added or changed employee also as a row of
    /// `import_pegawai_changes` (``EmployeeImportChangesStore``, sent ``employeeChangeBatch`` at a time).
    private func importPegawai(
        _ rows: inout some ImportRowSource, _ permissions: WritePermissions, issues: inout [LineIssue],
        log: inout EmployeeImportChangeLog, _ db: PGConnection
    ) throws -> Int {
        let units = Set(try String.fetchAll(db, sql: "SELECT kode FROM units"))
        var seen: [String: Int] = [:]
        var touched: Set<String> = []
        var imported = 0
        var pending = SQLArguments(values: [])
        func flush() throws {
            guard !pending.values.isEmpty else { return }
            let rowCount = pending.values.count / EmployeeImportChangeLog.columnCount
            let row = "(" + sqlPlaceholders(EmployeeImportChangeLog.columnCount) + ")"
            try PGDatabase(db).execute(
                sql: "INSERT INTO import_pegawai_changes(\(EmployeeImportChangeLog.columns)) VALUES "
                    + Array(repeating: row, count: rowCount).joined(separator: ", "),
                arguments: pending)
            pending = SQLArguments(values: [])
        }
        while let line = try rows.next() {
            guard case .pegawai(var pegawai) = line.value else {
                StoreCodec.refuse(line, into: &issues)
                continue
            }
            if let earlier = seen[pegawai.nip] {
                issues.append(LineIssue(line: line.number, issue: ValidationIssue(field: "nip", code: .duplicateInFile(line: earlier))))
                continue
            }
            seen[pegawai.nip] = line.number
            guard units.contains(pegawai.kodeUnit) else {
                issues.append(
                    LineIssue(line: line.number, issue: ValidationIssue(field: "kode_unit", code: .unknownUnit(pegawai.kodeUnit))))
                continue
            }
            // An employee exactly as on file is counted but not rewritten; a changed one is
            // kept with its old values (the audit's summary, for undo) and its line (the report).
            let old = try PGRow.fetchOne(
                db, sql: "SELECT \(Self.pegawaiColumns) FROM pegawai WHERE nip = ?", arguments: [pegawai.nip]).map { try Self.pegawai($0) }
            if let old {
                // An existing employee: merged and checked as a change (docs/store.md, "Employees change").
                pegawai = StoreCodec.mergedImportRow(file: pegawai, stored: old)
                let refused = StoreCodec.importChangeIssues(old: old, new: pegawai, today: context.today)
                guard refused.isEmpty else {
                    issues += refused.map { LineIssue(line: line.number, issue: $0) }
                    continue
                }
            }
            // An admin may neither put an employee into another's unit nor take one out of it
            // (nor list one of another unit, even unchanged).
            if let refused = try [old?.kodeUnit, pegawai.kodeUnit].compactMap({ $0 }).first(where: { try !permissions.mayWrite(unit: $0, db) }) {
                issues.append(LineIssue(line: line.number, issue: StoreCodec.notYourUnit(refused, field: "kode_unit")))
                continue
            }
            if let old, old == pegawai {
                imported += 1
                continue
            }
            pending += try log.row(line: line.number, old: old, new: pegawai)
            if pending.values.count >= Self.employeeChangeBatch * EmployeeImportChangeLog.columnCount { try flush() }
            try db.execute(sql: Self.upsertPegawaiSQL, arguments: Self.arguments(pegawai))
            touched.insert(pegawai.nip)
            imported += 1
        }
        try flush()
        try refreshImportScores(touched, db)
        return imported
    }
}
