import Foundation
import IPASNCore
import IPASNStore

/// FAST PATH (issue 12, PG1, branch pgcopy2): the first load of an empty record table.
///
/// The staging path (`PostgresStore+BulkImport.swift`) runs the server's whole INSERT after
/// the client has read the file: the parse on one core, then the INSERT on the other, one
/// after the other. When the table is empty, its role owns it, no other session is connected
/// and the file has at least ``BulkLoadRebuild/minimumRows`` lines, the rows instead go with
/// `COPY` straight into the table, with its secondary indexes and foreign key dropped
/// (``BulkLoadRebuild``, built once at the end), while the parser thread still reads the
/// file: the server's inserts run beside the client's parse.
///
/// Every row is decided before it is sent, as the staging path decides it (``ImportConflicts``,
/// the plain path's rules, in file order): with an empty table only the file's own earlier
/// written rows can conflict. A row's fingerprints (``ImportRepeats/mix(_:_:)`` of its
/// employee and its `(nip, dedup_key)`, and of its course for the similar check) are kept for
/// every written row; a row whose fingerprint was seen is decided exactly against its
/// employee's written rows: those of the current run of the employee's lines, kept in memory
/// (an employee's rows usually come together), or, for an employee met in an earlier run,
/// read back from the table (the COPY ends, one query, a new COPY). A refused row is never
/// sent, so the ids stay consecutive in file order, as on the other paths.
///
/// All or nothing as before (one transaction; a failing build or key validation fails it).
extension PostgresStore {
    /// Set (to anything) in the environment, `IPASN_PG_NO_FIRST_LOAD` makes a first load take
    /// the staging path as before branch pgcopy2: for before/after figures on one binary
    /// (docs/performance.md), never set by the product.
    static let firstLoadOff = ProcessInfo.processInfo.environment["IPASN_PG_NO_FIRST_LOAD"] != nil
    /// Set in the environment, `IPASN_PG_FIRST_LOAD_V2` makes a first load run as before branch
    /// pgcopy3: the insert triggers on during its COPY (``FirstLoadTriggers``), the score
    /// refresh aggregating the table (``FirstLoadSummaries``). For before/after figures on one
    /// binary, never set by the product.
    static let firstLoadAsV2 = ProcessInfo.processInfo.environment["IPASN_PG_FIRST_LOAD_V2"] != nil
    /// Set in the environment, `IPASN_PG_FIRST_LOAD_V3` makes a first load run as before branch
    /// pgcopy4: its insert triggers disabled rather than dropped (``FirstLoadTriggers``), its
    /// scores computed by the client and checked by the server rather than written by the
    /// server (``refreshServerScores(_:_:)``). For before/after figures, never set by the product.
    static let firstLoadAsV3 = firstLoadAsV2 || ProcessInfo.processInfo.environment["IPASN_PG_FIRST_LOAD_V3"] != nil
    /// Set in the environment, `IPASN_PG_COPY_TEXT` makes a first load's COPY send text rows,
    /// as before branch pgcopy6 (it sends COPY's binary format, ``PGCopyBuffer/binary``): for
    /// before/after figures on one binary, never set by the product.
    static let firstLoadText = ProcessInfo.processInfo.environment["IPASN_PG_COPY_TEXT"] != nil

    func firstLoadRecords(
        _ rows: inout some ImportRowSource, ahead: inout [Line<ImportRow>], rebuild: BulkLoadRebuild,
        check: inout ImportLineCheck, skipInvalid: Bool, issues: inout [LineIssue], byUnit: inout [String: Int],
        ids: inout ImportedIDs?, phases: ImportPhaseTimes, _ db: PGConnection
    ) throws -> Int {
        let expected = check.expected
        let table = PGRecordRows.table(expected)
        let columns = PGRecordRows.columns(expected)
        let conflicts = ImportConflicts(kind: expected, allowsSimilar: rows.allowsSimilar)
        let first = try Self.nextRecordID(expected, db)
        // The table truncated in this transaction: its rows written frozen (``FirstLoadFreeze``).
        let freeze = try FirstLoadFreeze.prepare(table, db)
        try db.execute(sql: "SELECT set_config('\(PostgresSchema.bulkImportSetting)', 'on', true)")
        let unverified = try FirstLoadTriggers.unverified(expected, first: first, db)
        let triggers =
            Self.firstLoadAsV2 ? nil : try FirstLoadTriggers.off(expected, unverified: unverified, drop: !Self.firstLoadAsV3, db)
        // The diklat summaries of the written rows, for the client's score refresh (``FirstLoadSummaries``),
        // only as before branch pgcopy4: the server scores the load (``refreshServerScores(_:_:)``).
        var summaries =
            expected == .diklat && unverified && !Self.firstLoadAsV2 && Self.firstLoadAsV3
            ? FirstLoadSummaries(years: try cachedYears(db), rules: try ruleset(db).kompetensi) : nil

        var written = FirstLoadWritten(first: first, checkSimilar: conflicts.checkSimilar)
        // A line whose decision needs its employee's rows from the table: sent by the next COPY.
        var carried: Line<ImportRow>?
        var ended = false
        while !ended {
            var lookup: String?
            _ = try db.copyIn(table: table, columns: ["id"] + columns, freeze: freeze, binary: !Self.firstLoadText) { buffer in
                let next = carried
                carried = nil
                guard let line = try next ?? ahead.popLast() ?? rows.next() else {
                    check.endRun()
                    ended = true
                    return false
                }
                // A carried line was checked already (its employee's run started).
                let record: Record
                if next != nil, case .record(let carriedRecord) = line.value {
                    record = carriedRecord
                } else {
                    guard let checked = check.check(line, issues: &issues, newRun: { written.startRun($0) }) else { return true }
                    record = checked
                }
                let key = DuplicateKey.hash(record)
                let row = FirstLoadWritten.Row(line: line.number, record: record, key: key)
                if written.mayConflict(row, employee: check.run.employee) {
                    guard written.runComplete else {
                        carried = line
                        lookup = record.nip
                        return false
                    }
                    if let issue = written.refusal(of: row, conflicts) {
                        issues.append(LineIssue(line: line.number, issue: issue))
                        return true
                    }
                }
                check.pass(record)
                summaries?.add(record)
                buffer.integer(written.add(row, employee: check.run.employee))
                PGRecordRows.encode(record, key: key, into: &buffer)
                buffer.endRow()
                return true
            }
            if let nip = lookup { try written.readRun(of: nip, table: table, db) }
        }
        phases.mark("parse + COPY into the table")
        let counts = check.insertedCounts()
        try triggers?.on(pending: counts.pending, waiting: counts.waiting, db)
        phases.mark("insert triggers' counts")
        let count = written.count
        // An import refused as a whole (an issue without skip-invalid) is rolled back: nothing to build.
        guard skipInvalid || issues.isEmpty else { return 0 }
        try rebuild.finish(db)
        phases.mark("indexes built, key validated")
        guard count > 0 else {
            try db.execute(sql: "SELECT set_config('\(PostgresSchema.bulkImportSetting)', 'off', true)")
            return 0
        }
        let last = first + Int64(count) - 1
        try Self.endBulkInsert(table, first: first, last: last, db)
        ids = ImportedIDs(kind: expected, first: first, last: last)
        let touched = check.touched(byUnit: &byUnit)
        phases.mark("restored rows, sequence, counts")
        try db.execute(sql: "ANALYZE \(table)")
        phases.mark("ANALYZE")
        if Self.firstLoadAsV3 {
            try refreshImportScores(touched, diklat: summaries?.summaries() ?? [:], db)
        } else {
            try refreshServerScores(touched, db)
        }
        phases.mark("score refresh")
        return count
    }
}

/// The rows a first load has written (``PostgresStore/firstLoadRecords``): their file lines
/// by id, the fingerprints of every written row, and the current employee run's rows.
///
/// A row can only conflict with its own employee's written rows, so a row is looked up only
/// among the fingerprints of its employee's rows (a small set, made again at each run of the
/// employee's lines: its earlier runs' fingerprints read from the logs, then its own), not in
/// one set of a million fingerprints probed and grown for every row (issue 12, branch
/// pgcopy5). The decisions are the same as with one set: a fingerprint seen only names the
/// rows ``ImportConflicts`` then decides exactly.
struct FirstLoadWritten {
    /// A checked row of the file.
    struct Row {
        var line: Int
        var record: Record
        var key: Int64
    }

    let first: Int64
    let checkSimilar: Bool
    /// The file line of each written row, by position (`id - first`).
    private var lines: [Int32] = []
    /// Each written row's fingerprints, by position: its `(nip, dedup_key)`, and (the similar
    /// check) its course.
    private var pairLog: [Int] = []
    private var courseLog: [Int] = []
    /// The positions of each earlier run of an employee's written rows, by NIP.
    private var earlierRuns: [String: [Range<Int>]] = [:]
    private var runNIP = ""
    private var runStart = 0
    /// The fingerprints of the current employee's written rows (earlier runs' and this run's).
    private var pairs: Set<Int> = []
    private var courses: Set<Int> = []
    /// The current employee's written rows (every one of them when ``runComplete``): those
    /// read back from the table, then those of this run written since.
    private var runStored: [ImportConflicts.Row] = []
    private var run: [Row] = []
    /// False while the current employee had an earlier run whose rows are not in ``run``.
    private(set) var runComplete = true

    init(first: Int64, checkSimilar: Bool) {
        self.first = first
        self.checkSimilar = checkSimilar
    }

    var count: Int { lines.count }

    /// A run of `nip`'s lines starts.
    mutating func startRun(_ nip: String) {
        if !runNIP.isEmpty && lines.count > runStart { earlierRuns[runNIP, default: []].append(runStart..<lines.count) }
        runNIP = nip
        runStart = lines.count
        run.removeAll(keepingCapacity: true)
        runStored.removeAll()
        pairs.removeAll(keepingCapacity: true)
        courses.removeAll(keepingCapacity: true)
        let earlier = earlierRuns[nip] ?? []
        for range in earlier {
            for position in range {
                pairs.insert(pairLog[position])
                if checkSimilar { courses.insert(courseLog[position]) }
            }
        }
        runComplete = earlier.isEmpty
    }

    /// Whether `row` may conflict with a written row: one of its fingerprints was seen.
    func mayConflict(_ row: Row, employee: Int) -> Bool {
        let fingerprints = Self.fingerprints(row, employee: employee, checkSimilar: checkSimilar)
        return pairs.contains(fingerprints.pair) || fingerprints.course.map(courses.contains) == true
    }

    /// The issue refusing `row` (its employee's written rows all in ``run``), or nil when it is written.
    func refusal(of row: Row, _ conflicts: ImportConflicts) -> ValidationIssue? {
        let candidates = runStored + (run + [row]).map(Self.conflictRow)
        return conflicts.decide(candidates, stored: []).first { $0.line == row.line }?.issue
    }

    /// Notes `row` as written; returns its id.
    mutating func add(_ row: Row, employee: Int) -> Int64 {
        let fingerprints = Self.fingerprints(row, employee: employee, checkSimilar: checkSimilar)
        pairs.insert(fingerprints.pair)
        pairLog.append(fingerprints.pair)
        if let course = fingerprints.course { courses.insert(course) }
        if checkSimilar { courseLog.append(fingerprints.course ?? fingerprints.pair) }
        run.append(row)
        lines.append(Int32(truncatingIfNeeded: row.line))
        return first + Int64(lines.count - 1)
    }

    /// Reads the written rows of `nip` back from `table` (the COPY ended): the current run is then complete.
    mutating func readRun(of nip: String, table: String, _ db: PGConnection) throws {
        let similar = checkSimilar ? ", jenis, tanggal_mulai::text, tanggal_selesai::text, nama" : ""
        let stored = try PGRow.fetchAll(
            db, sql: "SELECT id, dedup_key\(similar) FROM \(table) WHERE nip = ? AND id >= ? ORDER BY id",
            arguments: [nip, first])
        run.removeAll(keepingCapacity: true)
        runStored = stored.map { row in
            let id: Int64 = row[0]
            let line = Int(lines[Int(id - first)])
            guard checkSimilar else { return ImportConflicts.Row(line: line, nip: nip, key: row[1]) }
            return ImportConflicts.Row(
                line: line, nip: nip, key: row[1], jenis: row[2], mulai: row[3], selesai: row[4], nama: row[5])
        }
        runComplete = true
    }

    /// The row as ``ImportConflicts`` decides it.
    private static func conflictRow(_ row: Row) -> ImportConflicts.Row {
        guard case .diklat(let diklat) = row.record else {
            return ImportConflicts.Row(line: row.line, nip: row.record.nip, key: row.key)
        }
        return ImportConflicts.Row(
            line: row.line, nip: diklat.nip, key: row.key, jenis: diklat.jenis.id, mulai: diklat.tanggalMulai.iso,
            selesai: diklat.tanggalSelesai.iso, nama: diklat.nama)
    }

    /// The row's fingerprints: its `(nip, dedup_key)`, and its course (the similar check), as ``ImportRepeats``.
    private static func fingerprints(_ row: Row, employee: Int, checkSimilar: Bool) -> (pair: Int, course: Int?) {
        let pair = ImportRepeats.mix(employee, Int(row.key))
        guard checkSimilar, case .diklat(let diklat) = row.record else { return (pair, nil) }
        let dates = diklat.tanggalMulai.ordinal << 32 | diklat.tanggalSelesai.ordinal
        return (pair, ImportRepeats.mix(ImportRepeats.mix(employee, diklat.jenis.id), dates))
    }
}
