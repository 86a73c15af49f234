import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The first load of an empty record table (``PostgresStore/firstLoadRecords``: COPY straight
/// into the table while the file is read, every row decided before it is sent) against the
/// plain path, and what an open workstation meets when such a load holds the table.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct PostgresFirstLoadTests {
    typealias Bulk = PostgresBulkImportTests

    /// 8 courses for each of the 650 employees, in runs (as ``PostgresBulkImportTests/bigFile``),
    /// with, in extra[10]'s run, a repeat of its last course (line 89), a similar name to it,
    /// an unreadable line, an unknown NIP and an SKP; and after the last run, employees met
    /// again: extra[0]'s first course again (line 2), a similar name to it, a new course of
    /// extra[0] and one of extra[20].
    static var file: [Line<ImportRow>] {
        var rows: [ImportRow] = []
        for (i, p) in Bulk.extra.enumerated() {
            for k in 1...8 {
                rows.append(
                    .record(
                        Bulk.course(
                            p.nip, "Kursus \(k) Angkatan \(i % 11)", jenis: 1 + k % 4, jp: 4 + k + i % 9,
                            start: "2023-0\(k)-1\(k)", end: "2023-0\(k)-1\(k + 1)")))
            }
            guard i == 10 else { continue }
            rows.append(rows[rows.count - 1])  // line 90: a repeat of line 89
            rows.append(.record(Bulk.course(p.nip, "Kursus 8 Angkatan 10 Lanjut", jenis: 1, jp: 9, start: "2023-08-18", end: "2023-08-19")))
            rows.append(.invalid(ValidationFailure([ValidationIssue(field: "jp", code: .jpNotNumber("x"))])))
            rows.append(.record(Bulk.course(SmallProvince.stranger, "Kursus 1 Angkatan 0", jp: 20)))
            rows.append(.record(.skp(SKP(nip: p.nip, tahun: 2023, predikat: .baik))))
        }
        rows.append(rows[0])  // line 5207: extra[0]'s first course (line 2) again
        rows.append(.record(Bulk.course(Bulk.extra[0].nip, "Kursus 1 Angkatan 0 Lanjut", jenis: 2, jp: 5, start: "2023-01-11", end: "2023-01-12")))
        rows.append(.record(Bulk.course(Bulk.extra[0].nip, "Seminar Baru", jenis: 5, jp: 2, start: "2024-05-05", end: "2024-05-05")))
        rows.append(.record(Bulk.course(Bulk.extra[20].nip, "Seminar Baru", jenis: 5, jp: 2, start: "2024-05-05", end: "2024-05-05")))
        return rows.enumerated().map { Line($0.offset + 2, $0.element) }
    }

    /// The same file through the plain path and the first load into two identical databases
    /// with no diklat: the same outcome and the same database row for row (ids in file order,
    /// export tracking, scores, per-unit totals, audit), the indexes and key built again.
    @Test func theFirstLoadOfAnEmptyTableCopiesStraightIntoItWithTheSameResult() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let plain = try Bulk.seeded(databases, courses: false)
        let bulk = try Bulk.seeded(databases, courses: false)
        let before = try Bulk.dump(bulk)
        let idsBefore = try Bulk.rebuiltIDs(try PGConnection(conninfo: bulk))
        let context = TestClock.context(actor: "ops", session: "s1")
        var plainRows = ArrayRowSource(kind: .diklat, rows: Self.file)
        var bulkRows = ArrayRowSource(kind: .diklat, rows: Self.file)
        let plainOutcome = try PostgresStore(plain, context: context).importRows(&plainRows, skipInvalid: true, dryRun: false, bulk: false)
        try Bulk.waitAlone(bulk)
        let importer = try PostgresStore(bulk, context: context)
        let bulkOutcome = try importer.importRows(&bulkRows, skipInvalid: true, dryRun: false, bulk: true)
        #expect(importer.lastRecordImportPath == .firstLoad)
        #expect(plainOutcome == bulkOutcome)
        // Checked by hand: 650 x 8 courses and the two new ones written; refused: in extra[10]'s
        // run the repeat and the similar name of line 89, the unreadable line, the unknown NIP,
        // the SKP; after the runs extra[0]'s repeat and similar name of line 2 (its rows read
        // back from the table).
        #expect(bulkOutcome.imported == 5_202)
        let issues = bulkOutcome.issues.map { ($0.line, $0.issue.code) }
        #expect(issues.map(\.0) == [90, 91, 92, 93, 94, 5_207, 5_208])
        #expect(issues.contains { $0.0 == 90 && $0.1 == .duplicateInFile(line: 89) })
        #expect(issues.contains { $0.0 == 91 && $0.1 == .similarCourse(nama: "Kursus 8 Angkatan 10", line: 89) })
        #expect(issues.contains { $0.0 == 93 && $0.1 == .unknownNIP(SmallProvince.stranger) })
        #expect(issues.contains { $0.0 == 5_207 && $0.1 == .duplicateInFile(line: 2) })
        #expect(issues.contains { $0.0 == 5_208 && $0.1 == .similarCourse(nama: "Kursus 1 Angkatan 0", line: 2) })
        let plainTables = try Bulk.dump(plain)
        let bulkTables = try Bulk.dump(bulk)
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == bulkTables[table], "table \(table)")
        }
        #expect(bulkTables["(indexes)"] == before["(indexes)"])
        #expect(bulkTables["(constraints)"] == before["(constraints)"])
        do {
            let db = try PGConnection(conninfo: bulk)
            #expect(zip(try Bulk.rebuiltIDs(db), idsBefore).allSatisfy { $0 != $1 }, "built again")
            // The ids are consecutive in file order: extra[20]'s new course (the last line) is the last row.
            #expect(try String.fetchOne(db, sql: "SELECT nip FROM diklat ORDER BY id DESC LIMIT 1") == Bulk.extra[20].nip)
            #expect(try Int.fetchOne(db, sql: "SELECT MAX(id) - MIN(id) + 1 FROM diklat") == 5_202)
            #expect(try PostgresStore(bulk, context: context).check() == [])
            // Branch pgcopy6: the rows were written frozen (``FirstLoadFreeze``), in two COPYs
            // (extra[0]'s rows read back between them): the load's own ANALYZE found every page
            // of the table all-visible in the visibility map (unfrozen, none would be before a vacuum).
            #expect(
                try Bool.fetchOne(
                    db, sql: "SELECT relpages > 0 AND relallvisible = relpages FROM pg_class WHERE oid = 'diklat'::regclass") == true)
        }
        // A second file is no first load: the staging path (the stored rows can conflict).
        var again = ArrayRowSource(kind: .diklat, rows: Self.file)
        #expect(try importer.importRows(&again, skipInvalid: true).imported == 0)
        #expect(importer.lastRecordImportPath == .staged)
    }

    /// Issue 12, branch pgcopy3: a first load's COPY runs with the table's insert triggers off
    /// (``FirstLoadTriggers``: the per-unit pending and waiting counts are the client's) and,
    /// since branch pgcopy4, its scores are the server's own for every cached year
    /// (``PostgresStore/refreshServerScores(_:_:)``; before, the client's from its diklat summaries). Against the plain path (every trigger row by row, the refresh reading the
    /// table), three cached years (2023, the file's courses' year, 2024 and 2025): the same database
    /// table for table, triggers on again. Then an SKP file over eight years into the emptied
    /// SKP table: an SKP before 2022 is never pending (``PendingRule``), the others are.
    @Test func theFirstLoadCountsAndScoresAsTheTriggersAndTheTableWould() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let context = TestClock.context(actor: "ops", session: "s1")
        let plain = try Bulk.seeded(databases, courses: false)
        let bulk = try Bulk.seeded(databases, courses: false)
        for conninfo in [plain, bulk] {
            try PostgresStore(conninfo, context: context).recomputeAll(year: 2023)
            try PGConnection(conninfo: conninfo).execute(sql: "DELETE FROM skp")
        }
        // A figure of the loaded database (a connection of its own, closed at once: a first load needs to be alone).
        func figure(_ sql: String) throws -> Int? { try Int.fetchOne(try PGConnection(conninfo: bulk), sql: sql) }
        // The seeded cached years (2024, the measurement year, and 2025) and 2023.
        #expect(try Int.fetchAll(try PGConnection(conninfo: bulk), sql: "SELECT year FROM score_year ORDER BY 1") == [2023, 2024, 2025])

        var plainRows = ArrayRowSource(kind: .diklat, rows: Self.file)
        let plainOutcome = try PostgresStore(plain, context: context).importRows(&plainRows, skipInvalid: true, dryRun: false, bulk: false)
        // A first load of `rows` into `bulk` by a store of its own (closed on return: the next load is alone again).
        func firstLoad(_ kind: ImportKind, _ rows: [Line<ImportRow>]) throws -> ImportOutcome {
            try Bulk.waitAlone(bulk)
            let importer = try PostgresStore(bulk, context: context)
            var source = ArrayRowSource(kind: kind, rows: rows)
            let outcome = try importer.importRows(&source, skipInvalid: true, dryRun: false, bulk: true)
            #expect(importer.lastRecordImportPath == .firstLoad)
            return outcome
        }
        #expect(try firstLoad(.diklat, Self.file) == plainOutcome)
        #expect(plainOutcome.imported == 5_202)
        var plainTables = try Bulk.dump(plain)
        var bulkTables = try Bulk.dump(bulk)
        for table in plainTables.keys.sorted() { #expect(plainTables[table] == bulkTables[table], "table \(table)") }
        // Checked by hand: every one of the 5,202 rows written is pending; the 80 rows of the
        // ten employees who left (extra[640...]) wait for no verifikator.
        #expect(try figure("SELECT SUM(pending)::int FROM unit_pending_counts WHERE kind = 'diklat'") == 5_202)
        #expect(try figure("SELECT SUM(waiting)::int FROM queue_waiting WHERE kind = 'diklat'") == 5_202 - 80)
        // Every employee's teknis courses of 2023 (jenis 3, lines k = 2 and 6) count for 2023's kompetensi.
        #expect(try figure("SELECT COUNT(*)::int FROM employee_score WHERE year = 2023 AND kompetensi > 0") == 650)

        // SKP of 2018-2025 for every employee: 5,200 lines, the first load of the emptied table.
        let skp: [Line<ImportRow>] = Bulk.extra.flatMap { p in
            (2018...2025).map { year in IPASNCore.Record.skp(SKP(nip: p.nip, tahun: year, predikat: year % 2 == 0 ? .baik : .sangatBaik)) }
        }.enumerated().map { Line($0.offset + 2, .record($0.element)) }
        var plainSKP = ArrayRowSource(kind: .skp, rows: skp)
        #expect(try PostgresStore(plain, context: context).importRows(&plainSKP, skipInvalid: true, dryRun: false, bulk: false).imported == 5_200)
        #expect(try firstLoad(.skp, skp).imported == 5_200)
        plainTables = try Bulk.dump(plain)
        bulkTables = try Bulk.dump(bulk)
        for table in plainTables.keys.sorted() { #expect(plainTables[table] == bulkTables[table], "table \(table)") }
        // Pending: 2022-2025, four of the eight years; waiting: the 640 active employees' 8.
        #expect(try figure("SELECT SUM(pending)::int FROM unit_pending_counts WHERE kind = 'skp'") == 650 * 4)
        #expect(try figure("SELECT SUM(waiting)::int FROM queue_waiting WHERE kind = 'skp'") == 640 * 8)
        #expect(try PostgresStore(bulk, context: context).check() == [])
    }

    /// The triggers a first load switches off (``FirstLoadTriggers``): the four known ones, and
    /// the two counting ones only when no verdict names an id the load gives out; on again after,
    /// exactly as they were. Since branch pgcopy4 they are dropped, not disabled (a disabled
    /// `BEFORE` row trigger still keeps COPY from inserting in batches, a disabled transition
    /// table is still filled): during the load the table has none of them, and none is disabled.
    @Test func theFirstLoadSwitchesOffOnlyItsKnownTriggers() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let db = try PGConnection(conninfo: try Bulk.seeded(databases, courses: false))
        func triggers() throws -> [String] {
            try String.fetchAll(
                db, sql: "SELECT pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger WHERE tgrelid = 'diklat'::regclass AND NOT tgisinternal ORDER BY 1")
        }
        func present(_ names: [String]) throws -> [String] {
            try String.fetchAll(
                db, sql: "SELECT tgname FROM pg_trigger WHERE tgrelid = 'diklat'::regclass AND tgname = ANY(?::text[]) ORDER BY 1",
                arguments: [PGArrayText.strings(names)])
        }
        let before = try triggers()
        try db.execute(sql: "BEGIN")
        let all = try FirstLoadTriggers.off(.diklat, unverified: true, db)
        #expect(
            all.names == [
                "diklat_audited_insert", "diklat_queue_insert", "diklat_restored", "diklat_save_version_insert",
                "diklat_unit_pending_insert",
            ])
        #expect(try present(all.names) == [])
        #expect(try triggers().count == before.count - 5)
        #expect(try triggers().allSatisfy { $0.hasSuffix(" O") }, "none disabled")
        try all.on(pending: [:], waiting: [:], db)
        #expect(try triggers() == before)
        let quiet = try FirstLoadTriggers.off(.diklat, unverified: false, db)
        #expect(quiet.names == ["diklat_audited_insert", "diklat_restored", "diklat_save_version_insert"])
        #expect(try present(all.names) == ["diklat_queue_insert", "diklat_unit_pending_insert"])
        try db.execute(sql: "ROLLBACK")
        #expect(try triggers() == before)
        // As before branch pgcopy4 (`IPASN_PG_FIRST_LOAD_V3`): disabled, then enabled.
        try db.execute(sql: "BEGIN")
        let disabled = try FirstLoadTriggers.off(.diklat, unverified: true, drop: false, db)
        #expect(try String.fetchAll(db, sql: "SELECT tgname FROM pg_trigger WHERE tgrelid = 'diklat'::regclass AND tgenabled = 'D' ORDER BY 1") == disabled.names)
        try disabled.on(pending: [:], waiting: [:], db)
        #expect(try triggers() == before)
        try db.execute(sql: "ROLLBACK")
    }

    /// Issue 12, branch pgcopy4: a first load's scores are written by the server from its own
    /// scorer (`ipasn_refresh_server_scores`, migration `2026-12-04-pgcopy4`), with the
    /// permission check of `ipasn_refresh_scores`: an admin's role may pass only its units'
    /// employees (another unit's: `42501`, nothing written); a stale or missing score of its
    /// own employee is put right, the per-unit totals with it; a right one is not rewritten.
    @Test func theServerWritesItsOwnScoresOnlyForWhomTheCallerMayWrite() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let admin = "ipasn_refresh_admin"
        try ops.saveAccount(Account(login: admin, role: .admin, units: ["SUB"]))
        _ = try ops.provisionLoginRole(admin)
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20))
        let superuser = try PGConnection(conninfo: conninfo)
        let before = try PostgresSecureCacheTests.digest(superuser)
        func score(_ nip: String) throws -> Double? {
            try Double.fetchOne(superuser, sql: "SELECT kompetensi FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [nip])
        }
        // Budi (SUB) scores 22.5 kompetensi in 2024 (his 20 JP teknis course), as the store wrote it.
        #expect(try score(SmallProvince.nipB) == 22.5)
        let raw = try PostgresSecureCacheTests.Raw(conninfo, user: admin)
        func call(_ nips: [String]) -> String {
            "SELECT * FROM ipasn_refresh_server_scores(ARRAY[\(nips.map { "'\($0)'" }.joined(separator: ", "))], ARRAY[2024])"
        }
        func written(_ nips: [String]) throws -> [Int] {
            // No row: an empty list, which no expectation below accepts.
            let rows = try raw.connection.fetchAll(sql: call(nips))
            guard let row = rows.first else { return [] }
            return [Int(row.text(0) ?? "") ?? -1, Int(row.text(1) ?? "") ?? -1]
        }
        // Another unit's employee (Andi, ROOT), alone or beside Budi: refused, naming him.
        for nips in [[SmallProvince.nipA], [SmallProvince.nipB, SmallProvince.nipA]] {
            let refused = raw.refusal(call(nips))
            #expect(refused?.state == "42501")
            #expect(refused?.message.contains(SmallProvince.nipA) == true, "\(refused?.message ?? "ran")")
        }
        // Budi's right score: nothing rewritten.
        #expect(try written([SmallProvince.nipB]) == [0, 0])
        #expect(try PostgresSecureCacheTests.digest(superuser) == before)
        // Stale (as before a first load's refresh), then missing: put right, the totals with it.
        try superuser.execute(sql: "UPDATE employee_score SET kompetensi = 0 WHERE year = 2024 AND nip = ?", arguments: [SmallProvince.nipB])
        #expect(try PostgresSecureCacheTests.digest(superuser) != before)
        #expect(try written([SmallProvince.nipB]) == [1, 0])
        #expect(try score(SmallProvince.nipB) == 22.5)
        #expect(try PostgresSecureCacheTests.digest(superuser) == before)
        try superuser.execute(sql: "DELETE FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [SmallProvince.nipB])
        #expect(try written([SmallProvince.nipB]) == [0, 1])
        #expect(try PostgresSecureCacheTests.digest(superuser) == before)
        #expect(try ops.check() == [])
    }

    /// All or nothing: a first load that fails just before its commit, and one refused as a
    /// whole (an issue without skip-invalid), leave the table empty with its indexes and key.
    @Test func aFailedFirstLoadLeavesTheEmptyTableAsItWas() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try Bulk.seeded(databases, courses: false)
        let before = try Bulk.dump(conninfo)
        struct FailingAtCommit: ImportRowSource {
            var rows: ArrayRowSource
            var kind: ImportKind { rows.kind }
            mutating func next() throws -> Line<ImportRow>? { try rows.next() }
            mutating func willCommit(issues: [LineIssue]) throws { throw StoreError.corrupt("disk full") }
        }
        try Bulk.waitAlone(conninfo)
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "s1"))
        var failing = FailingAtCommit(rows: ArrayRowSource(kind: .diklat, rows: Self.file))
        #expect(throws: StoreError.self) { _ = try store.importRows(&failing, skipInvalid: true) }
        #expect(store.lastRecordImportPath == .firstLoad)
        var refused = ArrayRowSource(kind: .diklat, rows: Self.file)
        let outcome = try store.importRows(&refused, skipInvalid: false)
        #expect(store.lastRecordImportPath == .firstLoad)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.count == 7)
        let now = try Bulk.dump(conninfo)
        for table in before.keys.sorted() where table != "(sequences)" { #expect(now[table] == before[table], "table \(table)") }
    }

    /// Issue 12, item 3: a workstation open on the database (connected, idle) makes a large
    /// import keep the row-by-row path: nothing holds the table, the workstation reads at
    /// once. A read that meets a table held by a first load (as its `ACCESS EXCLUSIVE` lock
    /// does until its commit) waits at most the store's lock timeout and is told the database
    /// is busy (``StoreError/busyReading``), then reads once the load is over.
    @Test func anOpenWorkstationKeepsTheTableReadable() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try Bulk.seeded(databases, courses: false)
        let patience = LockPatience(stallLimit: 0.3)
        let workstation = try PostgresStore(conninfo, context: TestClock.context(actor: "ani", session: "w1"), patience: patience)
        let nip = Bulk.extra[1].nip
        #expect(try workstation.records(nip: nip)?.diklat.isEmpty == true)
        let ids = try Bulk.rebuiltIDs(try PGConnection(conninfo: conninfo))
        let importer = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "s1"))
        var rows = ArrayRowSource(kind: .diklat, rows: Self.file)
        #expect(try importer.importRows(&rows, skipInvalid: true).imported == 5_202)
        #expect(importer.lastRecordImportPath == .staged)
        #expect(try Bulk.rebuiltIDs(try PGConnection(conninfo: conninfo)) == ids, "nothing dropped")
        #expect(try workstation.records(nip: nip)?.diklat.count == 8)

        let load = try PGConnection(conninfo: conninfo)
        try load.execute(sql: "BEGIN")
        try load.execute(sql: "LOCK TABLE diklat IN ACCESS EXCLUSIVE MODE")
        let start = Date()
        #expect(throws: StoreError.busyReading) { _ = try workstation.records(nip: nip) }
        #expect(throws: StoreError.busyReading) { _ = try workstation.employeePage(nip: nip) }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(StoreError.busyReading.message(.id).contains("Coba lagi"))
        try load.execute(sql: "ROLLBACK")
        #expect(try workstation.employeePage(nip: nip)?.records.diklat.count == 8)
    }
}
