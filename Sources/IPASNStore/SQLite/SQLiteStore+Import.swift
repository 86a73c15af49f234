import Foundation
import GRDB
import IPASNCore

extension SQLiteStore {
    /// Above this many touched employees an import refreshes scores with one streaming pass
    /// over the tables instead of per-employee queries.
    static let streamingRecomputeThreshold = 500

    /// The page cache of an import transaction, in KiB. Measured on a 975k-row diklat import:
    /// 2 MB spills to the WAL over and over (several times slower); 16, 32, 48 and 128 MB run
    /// within the machine's noise of each other (5.4-6.3 s), while peak memory grows with the
    /// cache (87 MB at 16 MB, 222 MB at 128 MB), so 16 MB it is.
    static let importCacheKiB = 16_384

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

    /// ``importRows(_:skipInvalid:dryRun:)``; `bulk: false` keeps every trigger firing and
    /// every index maintained row by row instead of the bulk-write path
    /// (``BulkImportTriggers``, ``BulkImportIndexes``; tests compare the two, with
    /// `indexRows` lowered to see the indexes dropped and built again).
    func importRows(
        _ rows: inout some ImportRowSource, skipInvalid: Bool, dryRun: Bool, bulk: Bool,
        indexRows: Int = BulkImportIndexes.minimumRows
    ) throws -> ImportOutcome
    {
        let kind = rows.kind
        let phases = ImportPhaseTimes()
        defer { phases.report() }
        // Whether this import opens the outermost transaction itself. Inside an enclosing one
        // (the demo, a folder import, `inOneTransaction`) other tables may already hold
        // uncommitted rows, so the refresh must not read them from the committed snapshot
        // (``ImportSnapshot``): the demo's scores came out without pendidikan and SKP.
        let ownsTransaction = writer.unsafeReentrantWrite { !$0.isInsideTransaction }
        // A record import checks every NIP against its in-memory map of the employees (read in
        // the same transaction), so SQLite's own per-row foreign key lookup is switched off.
        let outcome: ImportOutcome = try conditionalTransaction(foreignKeys: kind.recordKind == nil, { db in
            // A larger page cache (an upper bound, not an allocation) for the import only: a
            // million-row import otherwise spills dirty pages to the WAL over and over before
            // it commits. Every other connection and transaction keeps SQLite's default, which
            // keeps the workstation's memory small (with 128 MB on every connection, browsing
            // a province went past 64 MB).
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
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
                imported = try importUnits(&rows, issues: &issues, changes: &list, SQLiteConnection(db))
                unitChanges = list
            case .pegawai:
                // The changes go into `import_pegawai_changes` under the audit id the import's
                // row will get (``EmployeeImportChangesStore``); the writer is this
                // transaction's alone, so the next id is this one's.
                let importID = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM audit") ?? 1)
                var log = EmployeeImportChangeLog(importID: importID, keepsAll: dryRun)
                imported = try importPegawai(&rows, permissions, issues: &issues, log: &log, db)
                changeLog = log
            case .pendidikan, .diklat, .skp, .disiplin:
                let recordKind = kind.recordKind!
                var range: ImportedIDs?
                imported = try importRecords(
                    &rows, of: recordKind, permissions, bulk: bulk, indexRows: indexRows, snapshot: ownsTransaction,
                    issues: &issues, byUnit: &byUnit, ids: &range, phases, db)
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
            phases.mark("audit")
            let outcome = ImportOutcome(
                imported: valid ? imported : 0, issues: issues, changes: valid ? changeLog?.sample ?? [] : [],
                added: valid ? changeLog?.added ?? 0 : 0, changed: valid ? changeLog?.changed ?? 0 : 0, dryRun: dryRun)
            return (outcome, valid && !dryRun)
        })
        phases.mark("commit")
        return outcome
    }

    private func importRecords(
        _ rows: inout some ImportRowSource, of expected: RecordKind, _ permissions: WritePermissions, bulk: Bool,
        indexRows: Int, snapshot: Bool, issues: inout [LineIssue], byUnit: inout [String: Int], ids: inout ImportedIDs?,
        _ phases: ImportPhaseTimes, _ db: Database
    ) throws -> Int {
        // The bulk-write path: the table's per-row insert trigger is dropped for the import's
        // transaction and done set-based below (before anything is prepared on the table).
        let triggers = bulk
            ? try BulkImportTriggers.suspend(
                [
                    BulkImportTriggers.restoredTrigger(expected), BulkImportTriggers.pendingInsertTrigger(expected),
                    BulkImportTriggers.waitingInsertTrigger(expected),
                ], db) : nil
        // Every employee, by NIP (``ImportEmployees``: a few bytes an employee). One lookup per
        // row answers "is the NIP known" (the foreign key, checked here in memory), "which unit"
        // and "whose scores to refresh".
        var employees = try ImportEmployees(db)
        let insert = try RecordInsert(expected, db)
        // The next id, given explicitly: above every id the table ever held (its AUTOINCREMENT
        // sequence), and consumed only by rows actually written, so the rows of one import
        // have consecutive ids.
        let firstID = try Self.nextRecordID(expected, db)
        var nextID = firstID
        // The bulk-write path drops the table's secondary indexes once the import is large
        // next to the table, and builds them again, sorted, at the end (``BulkImportIndexes``).
        var indexes = bulk ? BulkImportIndexes(expected, rowsBefore: firstID - 1, minimumRows: indexRows) : nil
        // And its unique `(nip, dedup_key)` index, from the same point on, while the file comes
        // grouped by employee; the duplicates are then found without it (``BulkImportDedup``).
        var dedup = BulkImportDedup.enabled ? indexes.map { BulkImportDedup(expected, start: firstID, dropAfter: $0.dropAfter) } : nil
        // Lines of the rows inserted by this import, by id - firstID (ids grow by one per insert).
        var lines = ImportedLines()
        var imported = 0
        var similarCourses = SimilarCourseCheck(allowed: rows.allowsSimilar, start: firstID, employees: employees.count)
        // Rows written that are not pending (``SKPSiasn/isPending(_:)``: an SKP before 2022),
        // per unit: the bulk path's pending counts leave them out.
        var notPendingByUnit: [String: Int] = [:]
        phases.mark("prepare")
        while let line = try rows.next() {
            guard case .record(let record) = line.value, record.kind == expected else {
                Self.refuse(line, into: &issues)
                continue
            }
            let nip = record.nip
            guard let employee = employees.employee(nip) else {
                issues.append(LineIssue(line: line.number, issue: ValidationIssue(field: "nip", code: .unknownNIP(nip))))
                continue
            }
            let unit = employees.unit(of: employee)
            guard try permissions.mayWrite(unit: unit, db) else {
                issues.append(LineIssue(line: line.number, issue: Self.notYourUnit(unit, field: "nip")))
                continue
            }
            try dedup?.row(
                of: employee, nip: nip, writtenBefore: employees.rowsOf[Int(employee)], imported: imported,
                similar: &similarCourses, db)
            // Rows written so far by this import: ids firstID ..< nextID, their lines in `lines`.
            if let similar = try similarCourses.issue(
                for: record, employee: employee, writtenBefore: employees.rowsOf[Int(employee)], lines: lines, db)
            {
                issues.append(LineIssue(line: line.number, issue: similar))
                continue
            }
            let key = DuplicateKey.hash(record)
            if let repeated = try dedup?.duplicate(record, key: key, db) {
                issues.append(LineIssue(line: line.number, issue: repeated))
                continue
            }
            guard try insert.insert(record, id: nextID, key: key) else {
                issues.append(LineIssue(line: line.number, issue: try duplicateIssue(record, firstID, lines, db)))
                continue
            }
            dedup?.written(key: key, line: line.number)
            nextID += 1
            lines.append(line.number)
            similarCourses.written(line: line.number)
            imported += 1
            employees.wrote(employee)
            if !SKPSiasn.isPending(record) { notPendingByUnit[unit, default: 0] += 1 }
            if imported == indexes?.dropAfter { try indexes?.drop(db) }
        }
        phases.mark("read and insert")
        try indexes?.rebuild(db)
        phases.mark("index rebuild: pending")
        try dedup?.finish(db)
        phases.mark("index rebuild: unique (nip, dedup_key)")
        if nextID > firstID { ids = ImportedIDs(kind: expected, first: firstID, last: nextID - 1) }
        let rowsByUnit = employees.rowsByUnit
        if let triggers {
            // Before `restoredRows`: the pending counts add the rows as inserted; a restored
            // row's versions changing then fires the (not suspended) update trigger.
            if triggers.suspended(BulkImportTriggers.pendingInsertTrigger(expected)), nextID > firstID {
                try BulkImportTriggers.pendingRows(
                    expected, rowsByUnit: rowsByUnit.merging(notPendingByUnit.mapValues { -$0 }, uniquingKeysWith: +),
                    db)
            }
            if triggers.suspended(BulkImportTriggers.waitingInsertTrigger(expected)), nextID > firstID {
                try BulkImportTriggers.waitingRows(
                    expected, first: firstID, last: nextID - 1, rowsByUnit: rowsByUnit,
                    activeRowsByUnit: employees.activeRowsByUnit, db)
            }
            if triggers.suspended(BulkImportTriggers.restoredTrigger(expected)), nextID > firstID {
                try BulkImportTriggers.restoredRows(expected, first: firstID, last: nextID - 1, db)
            }
            try triggers.restore(db)
        }
        phases.mark("pending counts, restored rows")
        byUnit = rowsByUnit
        try refreshScores(
            employees.touched, bulk: bulk ? expected : nil, snapshot: snapshot,
            sorted: indexes?.outgrown(imported: imported) ?? false, phases: phases, db)
        return imported
    }

    /// The id a new record of `kind` gets: above the table's AUTOINCREMENT sequence (every id
    /// ever used, deleted ones included) and above its current rows.
    static func nextRecordID(_ kind: RecordKind, _ db: Database) throws -> Int64 {
        let table = RecordRows.table(kind)
        let used = try Int64.fetchOne(
            db,
            sql: """
                SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),
                           COALESCE((SELECT MAX(id) FROM \(table)), 0))
                """, arguments: [table]) ?? 0
        return used + 1
    }

    /// The issue for a row the unique index refused: a repeat of an earlier line of the file
    /// when the conflicting row was inserted by this import, else a duplicate of stored data.
    private func duplicateIssue(_ record: IPASNCore.Record, _ firstID: Int64, _ lines: ImportedLines, _ db: Database) throws
        -> ValidationIssue
    {
        let field = Self.duplicateField(record.kind)
        if let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM \(record.kind.rawValue) WHERE nip = ? AND dedup_key = ?",
                arguments: [record.nip, DuplicateKey.hash(record)]),
            id >= firstID, let line = lines.line(at: Int(id - firstID))
        {
            return ValidationIssue(field: field, code: .duplicateInFile(line: line))
        }
        return ValidationIssue(field: field, code: .duplicate(record.kind))
    }

    static func duplicateField(_ kind: RecordKind) -> String {
        switch kind {
        case .pendidikan: return "tingkat"
        case .diklat: return "nama"
        case .skp: return "tahun"
        case .disiplin: return "tmt"
        }
    }

    /// Records why a row that is not of the imported kind's value cannot be imported: its
    /// parse failures, or that it is of another kind.
    static func refuse(_ line: Line<ImportRow>, into issues: inout [LineIssue]) {
        if case .invalid(let failure) = line.value {
            for issue in failure.issues where issue.severity == .error {
                issues.append(LineIssue(line: line.number, issue: issue))
            }
        } else {
            issues.append(LineIssue(line: line.number, issue: wrongKind))
        }
    }

    /// The issue of an admin's import row for a unit that is not theirs.
    static func notYourUnit(_ kode: String, field: String) -> ValidationIssue {
        let rule = PermissionRule.notYourUnit(kode)
        return ValidationIssue(field: field, code: .custom(id: rule.message(.id) + ".", en: rule.message(.en) + "."))
    }

    static let wrongKind = ValidationIssue(
        field: "", code: .custom(id: "Baris ini bukan jenis data yang diimpor.", en: "This row is not of the imported kind."))

    /// - Parameters:
    ///   - bulk: the kind written on the bulk-write path (``bulkRefresh(_:written:snapshot:sorted:phases:_:)``), or nil.
    ///   - snapshot: whether the bulk refresh may read the unchanged tables from the committed
    ///     state (``ImportSnapshot``): only when the import opened the transaction itself.
    ///   - sorted: whether the bulk refresh reads the written table by a sort (``ScoringReadOrder``).
    private func refreshScores(
        _ touched: EmployeeSelection, bulk: RecordKind? = nil, snapshot: Bool = false, sorted: Bool = false,
        phases: ImportPhaseTimes? = nil, _ db: Database
    ) throws {
        guard !touched.isEmpty else { return }
        try ensureCached(year: try measurementYear(db), db)
        defer { phases?.mark("score refresh") }
        if touched.count > Self.streamingRecomputeThreshold {
            if let bulk {
                try bulkRefresh(touched, written: bulk, snapshot: snapshot, sorted: sorted, phases: phases, db)
            } else {
                try recompute(years: try cachedYears(db), only: touched, replaceAll: false, db)
            }
        } else {
            for nip in try touched.sorted() { _ = try recomputeEmployee(nip, db) }
        }
    }

    /// Writes an employee file's rows, each added or changed employee also as a row of
    /// `import_pegawai_changes` (``EmployeeImportChangesStore``), so that nothing held in
    /// memory grows with the file: the NIPs seen and written are in a temporary table
    /// (``ImportedEmployeeLines``), the changes in the database, the counts and the first few
    /// changes in `log`.
    private func importPegawai(
        _ rows: inout some ImportRowSource, _ permissions: WritePermissions, issues: inout [LineIssue],
        log: inout EmployeeImportChangeLog, _ db: Database
    ) throws -> Int {
        let units = Set(try String.fetchAll(db, sql: "SELECT kode FROM units"))
        var seen = try ImportedEmployeeLines(db)
        let change = try db.makeStatement(
            sql: "INSERT INTO import_pegawai_changes(\(EmployeeImportChangeLog.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let statement = try db.makeStatement(sql: Self.upsertPegawaiSQL)
        let current = try db.makeStatement(sql: "SELECT \(Self.pegawaiColumns) FROM pegawai WHERE nip = ?")
        var imported = 0
        while let line = try rows.next() {
            guard case .pegawai(var pegawai) = line.value else {
                Self.refuse(line, into: &issues)
                continue
            }
            if let earlier = try seen.earlierLine(of: pegawai.nip, line: line.number) {
                issues.append(LineIssue(line: line.number, issue: ValidationIssue(field: "nip", code: .duplicateInFile(line: earlier))))
                continue
            }
            guard units.contains(pegawai.kodeUnit) else {
                issues.append(
                    LineIssue(line: line.number, issue: ValidationIssue(field: "kode_unit", code: .unknownUnit(pegawai.kodeUnit))))
                continue
            }
            // An employee exactly as on file is counted but not rewritten; a changed one is
            // kept with its old values (the audit's summary, for undo) and its line (the report).
            let old = try Row.fetchOne(current, arguments: [pegawai.nip]).map { try Self.pegawai($0) }
            if let old {
                // An existing employee: merged and checked as a change (docs/store.md, "Employees change").
                pegawai = EmployeeImport.merged(file: pegawai, stored: old)
                let refused = EmployeeImport.issues(old: old, new: pegawai, today: context.today)
                guard refused.isEmpty else {
                    issues += refused.map { LineIssue(line: line.number, issue: $0) }
                    continue
                }
            }
            // An admin may neither put an employee into another's unit nor take one out of it
            // (nor list one of another unit, even unchanged).
            if let refused = try [old?.kodeUnit, pegawai.kodeUnit].compactMap({ $0 }).first(where: { try !permissions.mayWrite(unit: $0, db) }) {
                issues.append(LineIssue(line: line.number, issue: Self.notYourUnit(refused, field: "kode_unit")))
                continue
            }
            if let old, old == pegawai {
                imported += 1
                continue
            }
            change.setUncheckedArguments(SQLiteConnection.arguments(try log.row(line: line.number, old: old, new: pegawai)))
            try change.execute()
            statement.setUncheckedArguments(Self.arguments(pegawai))
            try statement.execute()
            try seen.touch(pegawai.nip)
            imported += 1
        }
        try refreshScores(seen.touched, db)
        try seen.drop()
        return imported
    }
}
