import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The bulk path of a PostgreSQL record import (`PostgresStore+BulkImport.swift`: COPY into a
/// staging table, conflicts decided for the rows that can conflict, one INSERT ... SELECT)
/// against the plain path (``RecordBatch``: multi-row INSERTs, every trigger row by row): the
/// same files into two identical databases give the same outcome (rows written, every issue
/// by line) and the same database, table by table and row by row (records, ids, export
/// tracking, verification, scores, per-unit totals, audit).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct PostgresBulkImportTests {
    /// 650 more pelaksana (above the 500 touched employees from which a refresh streams),
    /// split between ROOT and SUB; the last 10 inactive.
    static let extra: [Pegawai] = (1...650).map { i in
        Pegawai(
            nip: "198001012005011" + String(format: "%03d", i), nama: "Pegawai \(i)", kodeUnit: i % 3 == 0 ? "ROOT" : "SUB",
            jenisJabatan: .pelaksana, aktif: i <= 640)
    }

    static func course(_ nip: String, _ nama: String, jenis: Int = 3, jp: Int = 20, start: String = "2024-03-01", end: String = "2024-03-03")
        -> Record
    {
        .diklat(
            Diklat(
                nip: nip, jenis: JenisDiklat.withID(jenis)!, nama: nama, penyelenggara: "BPSDM",
                tanggalMulai: TestClock.date(start), tanggalSelesai: TestClock.date(end), jp: jp))
    }

    /// A database with the small province, the 650 employees, an admin "ani" of SUB, two
    /// stored courses (one verified, one rejected; none when not `courses`) and a stored SKP;
    /// returns its connection string.
    static func seeded(_ databases: TestDatabases, courses: Bool = true) throws -> String {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "s0"))
        try SmallProvince.seed(ops)
        var employees = ArrayRowSource(kind: .pegawai, rows: extra.enumerated().map { Line($0.offset + 2, .pegawai($0.element)) })
        _ = try ops.importRows(&employees, skipInvalid: false)
        try ops.saveAccount(Account(login: "ani", role: .admin, units: ["SUB"]))
        guard courses else {
            _ = try ops.add(.skp(SKP(nip: extra[2].nip, tahun: 2024, predikat: .baik)))
            return conninfo
        }
        let kept = try ops.add(course(extra[0].nip, "Bimtek Arsip Dinamis", jp: 12))
        let rejected = try ops.add(course(extra[1].nip, "Bimtek Kearsipan", jp: 30))
        _ = try ops.add(.skp(SKP(nip: extra[2].nip, tahun: 2024, predikat: .baik)))
        let owner = try PGConnection(conninfo: conninfo)
        try owner.execute(
            sql: """
                INSERT INTO verification(kind, record_id, status, reason, verified_by, at)
                VALUES ('diklat', ?, 'memenuhi', '', 'ops', '2024-06-01'), ('diklat', ?, 'tidak', 'palsu', 'ops', '2024-06-01')
                """, arguments: [kept.id.id, rejected.id.id])
        return conninfo
    }

    /// The first file: two or three courses per employee, with an in-file repeat, a repeat
    /// of a stored course, a similar name, an unknown NIP, and Andi's course (of ROOT).
    static var firstFile: [Line<ImportRow>] {
        var rows: [IPASNCore.Record] = []
        for (i, p) in extra.enumerated() {
            rows.append(course(p.nip, "Bimtek Anggaran \(i % 7)", jp: 8 + i % 15, start: "2024-0\(1 + i % 9)-01", end: "2024-0\(1 + i % 9)-02"))
            rows.append(course(p.nip, "Seminar Integritas", jenis: 5, jp: 2, start: "2023-05-05", end: "2023-05-05"))
            if i % 4 == 0 { rows.append(course(p.nip, "Diklat Fungsional Arsiparis", jenis: 2, jp: 40, start: "2022-01-10", end: "2022-02-10")) }
        }
        rows.append(course(extra[5].nip, "Seminar Integritas", jenis: 5, jp: 2, start: "2023-05-05", end: "2023-05-05"))  // in-file repeat
        rows.append(course(extra[0].nip, "Bimtek Arsip Dinamis", jp: 12))  // a stored course
        rows.append(course(extra[0].nip, "Bimtek Arsip Dinamika", jp: 12))  // similar to it
        rows.append(course(SmallProvince.stranger, "Bimtek Anggaran", jp: 20))  // unknown NIP
        rows.append(course(SmallProvince.nipA, "Bimtek Anggaran", jp: 20))
        rows.append(course(extra[3].nip, "Bimtek Anggaran 3", jp: 11, start: "2024-04-01", end: "2024-04-02"))  // in-file repeat of line 9
        rows.append(course(extra[3].nip, "Bimtek Anggaran 3 Lanjut", jp: 11, start: "2024-04-01", end: "2024-04-02"))  // similar to line 9
        rows.append(.skp(SKP(nip: extra[4].nip, tahun: 2023, predikat: .baik)))  // another kind
        return rows.enumerated().map { Line($0.offset + 2, .record($0.element)) }
    }

    /// The second file, over the first: more for everyone (scores change, totals move); the
    /// admin of SUB imports it, so the ROOT employees' lines are refused.
    static var secondFile: [Line<ImportRow>] {
        extra.enumerated().map { i, p in
            Line(i + 2, .record(course(p.nip, "Pelatihan Teknis Lanjutan", jp: 14, start: "2024-10-01", end: "2024-10-03")))
        }
    }

    /// An SKP file with an in-file repeat and a repeat of the stored SKP (no similar check).
    static var skpFile: [Line<ImportRow>] {
        var rows: [Record] = extra.prefix(40).map { .skp(SKP(nip: $0.nip, tahun: 2024, predikat: .sangatBaik)) }
        rows.append(.skp(SKP(nip: extra[7].nip, tahun: 2024, predikat: .baik)))  // in-file repeat of line 9
        return rows.enumerated().map { Line($0.offset + 2, .record($0.element)) }
    }

    /// A file that more than doubles the table (``BulkLoadRebuild/minimumRows``): eight
    /// courses for each of the 650 employees, each on its own dates, then a repeat of line 2
    /// and of a stored course.
    static var bigFile: [Line<ImportRow>] {
        var rows: [IPASNCore.Record] = []
        for (i, p) in extra.enumerated() {
            for k in 1...8 {
                rows.append(
                    course(p.nip, "Kursus \(k) Angkatan \(i % 11)", jenis: 1 + k % 4, jp: 4 + k + i % 9,
                           start: "2023-0\(k)-1\(k)", end: "2023-0\(k)-1\(k + 1)"))
            }
        }
        rows.append(rows[0])  // in-file repeat of line 2
        rows.append(course(extra[0].nip, "Bimtek Arsip Dinamis", jp: 12))  // a stored course
        return rows.enumerated().map { Line($0.offset + 2, .record($0.element)) }
    }

    /// Every table of the schema as sorted text rows, the sequences' positions, the triggers,
    /// the indexes and the constraints.
    static func dump(_ conninfo: String) throws -> [String: [String]] {
        let db = try PGConnection(conninfo: conninfo)
        var tables: [String: [String]] = [:]
        for table in try String.fetchAll(db, sql: "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1") {
            // `save_version` (migration `2026-12-06-pgsave11`) counts writes by statement and names
            // the writing transaction; a first load raises every employee's at once.
            if table == "save_version" { continue }
            // `audit.xact` (the writing transaction's id, migration `2026-12-01-pgaudit`) differs between any two databases.
            tables[table] = try String.fetchAll(db, sql: "SELECT (to_jsonb(t) - 'xact')::text FROM \(table) t ORDER BY 1")
        }
        tables["(sequences)"] = try String.fetchAll(
            db, sql: "SELECT sequencename || ' ' || COALESCE(last_value, 0) FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")
        tables["(triggers)"] = try String.fetchAll(
            db, sql: "SELECT pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")
        tables["(indexes)"] = try String.fetchAll(db, sql: "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")
        tables["(constraints)"] = try String.fetchAll(
            db,
            sql: """
                SELECT c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' ' || c.convalidated
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' ORDER BY 1
                """)
        return tables
    }

    /// Waits (at most 10 s) until no session is connected to the database at `conninfo`:
    /// a closed connection's server process leaves a moment after its client. An import
    /// rebuilds a table's indexes only when it is alone (``BulkLoadRebuild``).
    static func waitAlone(_ conninfo: String) throws {
        let name = try String.fetchOne(try PGConnection(conninfo: conninfo), sql: "SELECT current_database()") ?? ""
        let server = try PGConnection(conninfo: PostgresTestServer.conninfo!)
        for _ in 0..<1_000 {
            let others = try Int.fetchOne(
                server, sql: "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? AND backend_type = 'client backend'",
                arguments: [name])
            if others == 0 { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("sessions still connected to \(name)")
    }

    /// The object ids of diklat's unique index and of its foreign key (both new after a rebuild).
    static func rebuiltIDs(_ db: PGConnection) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT 'diklat_dedup'::regclass::oid::text
                UNION ALL SELECT oid::text FROM pg_constraint WHERE conrelid = 'diklat'::regclass AND contype = 'f'
                """)
    }

    /// An import that more than doubles diklat, by the table's owner: the indexes are built and
    /// the foreign key checked once after the INSERT (``BulkLoadRebuild``), and the database
    /// is the plain path's row for row, with the same indexes and constraints, still enforced.
    @Test func aLoadThatDoublesTheTableBuildsItsIndexesOnceWithTheSameResult() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let plain = try Self.seeded(databases)
        let bulk = try Self.seeded(databases)
        let before = try Self.dump(bulk)
        let plainDB = try PGConnection(conninfo: plain)
        let idsBefore = (bulk: try Self.rebuiltIDs(try PGConnection(conninfo: bulk)), plain: try Self.rebuiltIDs(plainDB))
        let context = TestClock.context(actor: "ops", session: "s1")
        var plainRows = ArrayRowSource(kind: .diklat, rows: Self.bigFile)
        var bulkRows = ArrayRowSource(kind: .diklat, rows: Self.bigFile)
        let plainOutcome = try PostgresStore(plain, context: context).importRows(&plainRows, skipInvalid: true, dryRun: false, bulk: false)
        try Self.waitAlone(bulk)
        let importer = try PostgresStore(bulk, context: context)
        let bulkOutcome = try importer.importRows(&bulkRows, skipInvalid: true, dryRun: false, bulk: true)
        // The table held two courses: not a first load; the staging path, its indexes built once.
        #expect(importer.lastRecordImportPath == .stagedRebuild)
        let bulkDB = try PGConnection(conninfo: bulk)
        #expect(plainOutcome == bulkOutcome)
        // Checked by hand: 650 x 8 rows written; the repeat of line 2 and the stored course refused.
        #expect(bulkOutcome.imported == 5_200)
        #expect(bulkOutcome.issues.map(\.line) == [5_202, 5_203])
        let plainTables = try Self.dump(plain)
        let bulkTables = try Self.dump(bulk)
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == bulkTables[table], "table \(table)")
        }
        #expect(bulkTables["(indexes)"] == before["(indexes)"])
        #expect(bulkTables["(constraints)"] == before["(constraints)"])
        #expect(try Self.rebuiltIDs(plainDB) == idsBefore.plain, "the plain path keeps its index and key")
        let rebuilt = try Self.rebuiltIDs(bulkDB)
        #expect(rebuilt.count == 2)
        #expect(zip(rebuilt, idsBefore.bulk).allSatisfy { $0 != $1 }, "the bulk path built them again")
        #expect(try PostgresStore(bulk, context: context).check() == [])
        // Still enforced for every other writer: an unknown employee, a duplicate key.
        let stored = try PGRow.fetchOne(bulkDB, sql: "SELECT nip, dedup_key FROM diklat ORDER BY id DESC LIMIT 1")!
        for (nip, key) in [(SmallProvince.stranger, Int64(1)), (stored[0] as String, stored[1] as Int64)] {
            #expect(throws: PGError.self) {
                try bulkDB.execute(
                    sql: "INSERT INTO diklat (nip, jenis, nama, tanggal_mulai, tanggal_selesai, jp, dedup_key) "
                        + "VALUES (?, 3, 'Lewat psql', '2024-03-01', '2024-03-03', 20, ?)", arguments: [nip, key])
            }
        }
    }

    /// Another session at the table (a reader's open transaction): the import does not wait
    /// for its lock or make it wait; it takes the row-by-row path and writes the same rows.
    @Test func aTableInUseKeepsTheRowByRowPath() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try Self.seeded(databases)
        let db = try PGConnection(conninfo: conninfo)
        let ids = try Self.rebuiltIDs(db)
        let reader = try PGConnection(conninfo: conninfo)
        try reader.execute(sql: "BEGIN")
        #expect(try Int.fetchOne(reader, sql: "SELECT COUNT(*) FROM diklat") == 2)
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "s1"))
        var rows = ArrayRowSource(kind: .diklat, rows: Self.bigFile)
        #expect(try store.importRows(&rows, skipInvalid: true).imported == 5_200)
        #expect(try Self.rebuiltIDs(db) == ids)
        try reader.execute(sql: "ROLLBACK")
        #expect(try store.check() == [])
    }

    @Test func theBulkPathWritesWhatThePlainPathWritesRowForRow() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let plain = try Self.seeded(databases)
        let bulk = try Self.seeded(databases)
        #expect(try Self.dump(plain) == (try Self.dump(bulk)), "the two databases start the same")
        let imports: [(actor: String, kind: ImportKind, file: [Line<ImportRow>], allowsSimilar: Bool)] = [
            ("ops", .diklat, Self.firstFile, false),
            ("ani", .diklat, Self.secondFile, false),
            ("ops", .skp, Self.skpFile, false),
            ("ops", .diklat, Self.firstFile.map { Line($0.number + 5000, $0.value) }, true),
        ]
        var outcomes: [ImportOutcome] = []
        for (actor, kind, file, allowsSimilar) in imports {
            let context = TestClock.context(actor: actor, session: "s1")
            var plainRows = ArrayRowSource(kind: kind, rows: file)
            var bulkRows = ArrayRowSource(kind: kind, rows: file)
            plainRows.allowsSimilar = allowsSimilar
            bulkRows.allowsSimilar = allowsSimilar
            let plainOutcome = try PostgresStore(plain, context: context).importRows(
                &plainRows, skipInvalid: true, dryRun: false, bulk: false)
            let bulkOutcome = try PostgresStore(bulk, context: context).importRows(
                &bulkRows, skipInvalid: true, dryRun: false, bulk: true)
            #expect(plainOutcome == bulkOutcome)
            outcomes.append(bulkOutcome)
        }
        let plainTables = try Self.dump(plain)
        let bulkTables = try Self.dump(bulk)
        #expect(plainTables.keys.sorted() == bulkTables.keys.sorted())
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == bulkTables[table], "table \(table)")
        }
        // Checked by hand. File 1 (operator): 650 x 2 + 163 fungsional rows and Andi's written;
        // refused: the repeat of extra[5]'s seminar (line 15), the stored course, the similar
        // name, the unknown NIP, the repeat and the similar name of extra[3]'s course (line 9),
        // and the SKP line.
        let last = Self.firstFile.count + 1
        let issues = outcomes[0].issues.map { ($0.line, $0.issue.code) }
        #expect(outcomes[0].imported == 650 * 2 + 163 + 1)
        #expect(issues.count == 7)
        #expect(issues.contains { $0.0 == last - 7 && $0.1 == .duplicateInFile(line: 15) })
        #expect(issues.contains { $0.0 == last - 6 && $0.1 == .duplicate(.diklat) })
        #expect(issues.contains { $0.0 == last - 5 && $0.1 == .similarCourse(nama: "Bimtek Arsip Dinamis", line: nil) })
        #expect(issues.contains { $0.0 == last - 4 && $0.1 == .unknownNIP(SmallProvince.stranger) })
        #expect(issues.contains { $0.0 == last - 2 && $0.1 == .duplicateInFile(line: 9) })
        #expect(issues.contains { $0.0 == last - 1 && $0.1 == .similarCourse(nama: "Bimtek Anggaran 3", line: 9) })
        #expect(issues.contains { $0.0 == last })
        // File 2 (the admin of SUB): only SUB's 434 employees; ROOT's 216 lines refused.
        #expect(outcomes[1].imported == 434)
        #expect(outcomes[1].issues.count == 216)
        #expect(outcomes[1].issues.allSatisfy { $0.issue == StoreCodec.notYourUnit("ROOT", field: "nip") })
        // The SKP file: 40 rows, the stored SKP of extra[2] and the repeat of line 9 refused.
        #expect(outcomes[2].imported == 39)
        #expect(outcomes[2].issues.map(\.line).sorted() == [4, 42])
        // File 1 again with --allow-similar: every record of it is now a duplicate (stored),
        // except the two similar names, written this time.
        #expect(outcomes[3].imported == 2)
        let store = try PostgresStore(bulk, context: TestClock.context(actor: "ops"))
        #expect(try store.check() == [])
        #expect(try PostgresStore(plain, context: TestClock.context(actor: "ops")).check() == [])
        // The bulk path left no staging table and the restored triggers as they were.
        #expect(bulkTables["(triggers)"]?.filter { $0.contains("_restored") }.count == 4)
    }

    /// The scores as entered after a bulk import touching more than 500 employees (the
    /// streaming refresh, one set-based DELETE for all of them): a touched employee without a
    /// left-out record loses a stale row, the employee with a rejected course keeps one per
    /// cached year, and an employee the file does not name keeps theirs.
    @Test func theScoresAsEnteredOfEveryTouchedEmployeeAreRewrittenAndNoOthers() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try Self.seeded(databases)
        let owner = try PGConnection(conninfo: conninfo)
        let stale = [Self.extra[3].nip, SmallProvince.nipA]
        try owner.execute(
            sql: """
                INSERT INTO employee_score_entered (year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
                SELECT year, nip, 1, 2, 3, 4, 0, 'stale' FROM employee_score WHERE nip = ANY(?::text[])
                """, arguments: [PGArrayText.strings(stale)])
        let years = try Int.fetchOne(owner, sql: "SELECT COUNT(DISTINCT year) FROM employee_score") ?? 0
        #expect(years > 0)
        func entered(_ nip: String) throws -> [String] {
            try String.fetchAll(owner, sql: "SELECT year || ' ' || missing FROM employee_score_entered WHERE nip = ? ORDER BY 1", arguments: [nip])
        }
        #expect(try entered(Self.extra[3].nip).count == years)
        // The rejection was written raw (seeded): extra[1]'s rows as entered come with the import.
        #expect(try entered(Self.extra[1].nip) == [])
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "s1"))
        var rows = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        #expect(try store.importRows(&rows, skipInvalid: false, dryRun: false, bulk: true).imported == 650)
        #expect(try entered(Self.extra[3].nip) == [])
        #expect(try entered(Self.extra[1].nip).count == years)
        #expect(try entered(Self.extra[1].nip).allSatisfy { !$0.hasSuffix("stale") })
        #expect(try entered(SmallProvince.nipA).count == years)
        #expect(try entered(SmallProvince.nipA).allSatisfy { $0.hasSuffix("stale") })
    }

    /// An admin connected as their own PostgreSQL role (row-level security on): the bulk path
    /// writes their unit's rows and refuses another unit's lines, and the setting that skips
    /// the restored trigger opens nothing: a raw INSERT for another unit is still refused.
    @Test func anAdminsOwnRoleImportsOnlyItsUnitsThroughTheBulkPath() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try Self.seeded(databases)
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        let login = "ipasn_bulk_admin"
        try ops.saveAccount(Account(login: login, role: .admin, units: ["SUB"]))
        _ = try ops.provisionLoginRole(login)
        let own = try PostgresStore(conninfo + " user=\(login)", context: TestClock.context(actor: login, session: "s2"))
        var rows = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        let outcome = try own.importRows(&rows, skipInvalid: true)
        #expect(outcome.imported == 434)
        #expect(outcome.issues.count == 216)
        let db = try PGConnection(conninfo: conninfo)
        #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM diklat WHERE nama = 'Pelatihan Teknis Lanjutan'") == 434)
        #expect(try String.fetchOne(db, sql: "SELECT actor FROM audit WHERE action = 'import' ORDER BY id DESC LIMIT 1") == login)
        #expect(try own.check() == [])
        let raw = try PGConnection(conninfo: conninfo + " user=\(login)")
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "SELECT set_config('\(PostgresSchema.bulkImportSetting)', 'on', true)")
        #expect(throws: PGError.self) {
            try raw.execute(
                sql: "INSERT INTO diklat (nip, jenis, nama, tanggal_mulai, tanggal_selesai, jp, dedup_key) "
                    + "VALUES ('\(SmallProvince.nipA)', 3, 'Lewat psql', '2024-03-01', '2024-03-03', 20, 1)")
        }
        try raw.execute(sql: "ROLLBACK")
    }

    /// All or nothing: a file that becomes unreadable half way (rows already in the COPY), one
    /// that fails just before the commit (rows written, scores refreshed), a refused import and
    /// a dry run leave the database exactly as it was, staging table and triggers included.
    @Test func aFailureRefusalOrDryRunLeavesNothing() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try Self.seeded(databases)
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "s1"))
        let before = try Self.dump(conninfo)
        // Every table; not the sequences' positions: PostgreSQL's nextval and setval are not
        // transactional (a rolled-back import leaves a gap in the ids, on both paths).
        func expectUnchanged(_ comment: Comment) throws {
            let now = try Self.dump(conninfo)
            for table in before.keys.sorted() where table != "(sequences)" { #expect(now[table] == before[table], "\(comment): table \(table)") }
        }
        struct Failing: ImportRowSource {
            var rows: ArrayRowSource
            var failAt: Int?
            var read = 0
            var kind: ImportKind { rows.kind }
            mutating func next() throws -> Line<ImportRow>? {
                read += 1
                if read == failAt { throw StoreError.corrupt("unreadable") }
                return try rows.next()
            }
            mutating func willCommit(issues: [LineIssue]) throws { throw StoreError.corrupt("disk full") }
        }
        for failAt in [700, nil] {
            var failing = Failing(rows: ArrayRowSource(kind: .diklat, rows: Self.firstFile), failAt: failAt)
            #expect(throws: StoreError.self) { _ = try store.importRows(&failing, skipInvalid: true) }
            try expectUnchanged("nothing written")
        }
        // A load that builds the indexes again (``BulkLoadRebuild``), failing just before the commit.
        var failingBig = Failing(rows: ArrayRowSource(kind: .diklat, rows: Self.bigFile), failAt: nil)
        #expect(throws: StoreError.self) { _ = try store.importRows(&failingBig, skipInvalid: true) }
        try expectUnchanged("nothing written, indexes and keys as they were")
        var refused = ArrayRowSource(kind: .diklat, rows: Self.firstFile)
        let outcome = try store.importRows(&refused, skipInvalid: false)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.count == 7)
        var dry = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        #expect(try store.importRows(&dry, skipInvalid: false, dryRun: true).imported == 650)
        try expectUnchanged("refused and dry run")
        // The same store imports afterwards (no staging table left on its connection).
        var committed = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        #expect(try store.importRows(&committed, skipInvalid: false).imported == 650)
    }
}
