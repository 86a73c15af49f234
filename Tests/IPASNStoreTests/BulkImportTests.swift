import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The bulk-write path of a record import (``BulkImportTriggers``) against the plain path,
/// where every trigger fires row by row: the same files give the same database, table by
/// table and row by row (records, verification, export tracking, per-unit totals, scores,
/// audit), and the suspended triggers are back, exactly as they were, whether the import
/// commits or rolls back.
@Suite struct BulkImportTests {
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
                tanggalMulai: d(start), tanggalSelesai: d(end), jp: jp))
    }

    /// A store with the small province, the 650 employees, two stored courses (one of them
    /// rejected) and the stored SKP of one employee; in memory, or in the file at `path`.
    static func store(_ context: StoreContext, path: String? = nil) throws -> SQLiteStore {
        let store = try path.map { try SQLiteStore(path: $0, context: context) } ?? SQLiteStore.inMemory(context: context)
        try SmallProvince.seed(store)
        var employees = ArrayRowSource(kind: .pegawai, rows: extra.enumerated().map { Line($0.offset + 2, .pegawai($0.element)) })
        _ = try store.importRows(&employees, skipInvalid: false)
        let kept = try store.add(course(extra[0].nip, "Bimtek Arsip Dinamis", jp: 12))
        let rejected = try store.add(course(extra[1].nip, "Bimtek Kearsipan", jp: 30))
        _ = try store.add(.skp(SKP(nip: extra[2].nip, tahun: 2024, predikat: .baik)))
        try store.writer.write { db in
            try db.execute(
                sql: "INSERT INTO verification(kind, record_id, status, reason, by, at) VALUES ('diklat', ?, 'memenuhi', '', 'ani', 'x'), ('diklat', ?, 'tidak', 'palsu', 'ani', 'x')",
                arguments: [kept.id.id, rejected.id.id])
        }
        return store
    }

    /// The first file: two or three courses per employee, with an in-file repeat, a repeat
    /// of a stored course, a similar name, an unknown NIP and a course of a stranger.
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
        rows.append(course(nipA, "Bimtek Anggaran", jp: 20))
        return rows.enumerated().map { Line($0.offset + 2, .record($0.element)) }
    }

    /// The second file, over the first: more for everyone (scores change, totals move).
    static var secondFile: [Line<ImportRow>] {
        extra.enumerated().map { i, p in
            Line(i + 2, .record(course(p.nip, "Pelatihan Teknis Lanjutan", jp: 14, start: "2024-10-01", end: "2024-10-03")))
        }
    }

    /// Every table of the main schema, and the schema itself, as text rows in a fixed order.
    static func dump(_ store: SQLiteStore) throws -> [String: [[String]]] {
        try store.writer.read { db in
            var tables: [String: [[String]]] = [:]
            tables["sqlite_schema"] = try Row.fetchAll(
                db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
            ).map { row in (0..<4).map { (row[$0] as DatabaseValue).description } }
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                tables[table] = rows.map { row in (0..<row.count).map { (row[$0] as DatabaseValue).description } }.sorted {
                    $0.lexicographicallyPrecedes($1)
                }
            }
            return tables
        }
    }

    static func triggers(_ store: SQLiteStore) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
        }
    }

    @Test func theBulkPathWritesWhatThePlainPathWritesRowForRow() throws {
        let context = TestClock.context(actor: "ani", session: "s1")
        let plain = try Self.store(context)
        let bulk = try Self.store(context)
        let before = try Self.dump(plain)
        #expect(before == (try Self.dump(bulk)), "the two databases start the same")
        for file in [Self.firstFile, Self.secondFile] {
            var plainRows = ArrayRowSource(kind: .diklat, rows: file)
            var bulkRows = ArrayRowSource(kind: .diklat, rows: file)
            let plainOutcome = try plain.importRows(&plainRows, skipInvalid: true, dryRun: false, bulk: false)
            // The first file is large next to the table: its unsent-records index is dropped
            // after 100 rows and built again; the second is not (kept row by row).
            let bulkOutcome = try bulk.importRows(&bulkRows, skipInvalid: true, dryRun: false, bulk: true, indexRows: 100)
            #expect(plainOutcome == bulkOutcome)
        }
        let plainTables = try Self.dump(plain)
        let bulkTables = try Self.dump(bulk)
        #expect(plainTables.keys.sorted() == bulkTables.keys.sorted())
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == bulkTables[table], "table \(table)")
        }
        // What the two imports did, checked by hand on a few rows: 650 x 2 + 163 fungsional
        // courses + the stranger-free extras, then 650.
        let first = Self.firstFile.count
        #expect(try plain.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM diklat") } == 2 + (first - 4) + 650)
        // The touched units' totals moved: SUB holds its 433 active pelaksana and Budi and Citra.
        let sub = try bulk.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT pegawai FROM unit_score_totals WHERE year = 2024 AND kode_unit = 'SUB'")
        }
        #expect(sub == 2 + Self.extra.filter { $0.kodeUnit == "SUB" && $0.aktif }.count)
        #expect(try bulk.check() == [])
        #expect(try plain.check() == [])
    }

    @Test func theTriggersComeBackWhenTheImportRollsBack() throws {
        let store = try Self.store(TestClock.context(actor: "ani", session: "s1"))
        let before = try Self.dump(store)
        #expect(try Self.triggers(store).contains { $0.hasPrefix("diklat_restored: ") })
        // A file that becomes unreadable half way (rows written, the triggers and the index
        // of unsent records dropped), and
        // one that fails just before the commit (the triggers created again, scores refreshed).
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
            #expect(throws: StoreError.self) {
                _ = try store.importRows(&failing, skipInvalid: true, dryRun: false, bulk: true, indexRows: 100)
            }
            #expect(try Self.dump(store) == before, "nothing written, every trigger as it was")
        }
        // A refused import (an issue without skip-invalid) and a dry run roll back too.
        var refused = ArrayRowSource(kind: .diklat, rows: Self.firstFile)
        #expect(try store.importRows(&refused, skipInvalid: false).imported == 0)
        var dry = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        #expect(try store.importRows(&dry, skipInvalid: false, dryRun: true).imported == 650)
        #expect(try Self.dump(store) == before)
        // A committed import leaves them exactly as they were too.
        let triggers = try Self.triggers(store)
        var committed = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        #expect(try store.importRows(&committed, skipInvalid: false).imported == 650)
        #expect(try Self.triggers(store) == triggers)
    }

    /// Another connection never sees a trigger missing: a reader opened while the import
    /// is between its drop and its commit (half way through the file) reads the committed
    /// schema.
    @Test func aReaderDuringTheImportSeesEveryTrigger() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("bulk.sqlite")
        let store = try SQLiteStore(path: path, context: TestClock.context(actor: "ani", session: "s1"))
        try SmallProvince.seed(store)
        let expected = try Self.triggers(store)
        struct Peeking: ImportRowSource {
            var rows: ArrayRowSource
            let path: String
            var seen: [String] = []
            var read = 0
            var kind: ImportKind { rows.kind }
            mutating func next() throws -> Line<ImportRow>? {
                read += 1
                if read == 2 { try peek() }
                return try rows.next()
            }
            mutating func peek() throws {
                let reader = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
                seen = try reader.read { db in
                    try String.fetchAll(db, sql: "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
                }
            }
        }
        var rows = Peeking(
            rows: ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA))), Line(3, .record(teknis(nipB)))]), path: path)
        #expect(try store.importRows(&rows, skipInvalid: false).imported == 2)
        #expect(rows.seen == expected)
        #expect(try Self.triggers(store) == expected)
    }

    /// The scores as entered (kept for an employee with a rejected record) after an import that
    /// refreshes more than 500 employees (the streaming refresh, which skips its per-employee
    /// deletes when no score as entered is stored at all): the same as the per-employee path
    /// (``SQLiteStore/recomputeEmployee(_:stored:_:)``, other code) gives afterwards.
    @Test func aLargeImportKeepsTheScoresAsEnteredAsTheOneEmployeeRecomputeDoes() throws {
        let context = TestClock.context(actor: "ani", session: "s1")
        func entered(_ store: SQLiteStore) throws -> [[String]] {
            try store.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM employee_score_entered ORDER BY year, nip").map { row in
                    (0..<row.count).map { (row[$0] as DatabaseValue).description }
                }
            }
        }
        func scores(_ store: SQLiteStore) throws -> [[String]] {
            try store.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM employee_score ORDER BY year, nip").map { row in
                    (0..<row.count).map { (row[$0] as DatabaseValue).description }
                }
            }
        }
        // With a rejected course (extra[1]'s, set by hand: no row as entered yet).
        let store = try Self.store(context)
        #expect(try entered(store) == [])
        // (Rows as text: a NIP is quoted; one row per cached year.)
        let rejectedOwner: Set<String> = ["\"\(Self.extra[1].nip)\""]
        var file = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        #expect(try store.importRows(&file, skipInvalid: false, dryRun: false, bulk: true).imported == 650)
        let first = try entered(store)
        #expect(Set(first.map { $0[1] }) == rejectedOwner, "only the employee with a rejected course")
        // A second import, now with rows as entered stored (so it deletes the touched
        // employees' rows before writing them again): a row of extra[1]'s made stale by hand
        // is written again, and a stray row of extra[3] (no rejected record) goes.
        try store.writer.write { db in
            try db.execute(sql: "UPDATE employee_score_entered SET kompetensi = 99")
            try db.execute(
                sql: "INSERT INTO employee_score_entered SELECT * FROM employee_score WHERE nip = ?", arguments: [Self.extra[3].nip])
        }
        let more = Self.extra.enumerated().map { i, p in
            Line(i + 2, ImportRow.record(Self.course(p.nip, "Pelatihan Kepemimpinan", jenis: 2, jp: 30, start: "2025-03-03", end: "2025-03-07")))
        }
        var second = ArrayRowSource(kind: .diklat, rows: more)
        #expect(try store.importRows(&second, skipInvalid: false, dryRun: false, bulk: true).imported == 650)
        let after = try entered(store)
        #expect(Set(after.map { $0[1] }) == rejectedOwner)
        #expect(after == first, "the stale values replaced, the stray rows gone (no score changed: the caps are reached)")
        let afterScores = try scores(store)
        try store.writer.write { db in
            for p in Self.extra.prefix(3) { _ = try store.recomputeEmployee(p.nip, db) }
        }
        #expect(try entered(store) == after)
        #expect(try scores(store) == afterScores)
        // Without any rejected record (the table empty): it stays empty, and the scores are
        // those the per-employee path gives.
        let clean = try Self.store(context)
        try clean.writer.write { db in try db.execute(sql: "DELETE FROM verification") }
        try clean.writer.write { db in _ = try clean.recomputeEmployee(Self.extra[1].nip, db) }
        #expect(try entered(clean) == [])
        var cleanFile = ArrayRowSource(kind: .diklat, rows: Self.secondFile)
        #expect(try clean.importRows(&cleanFile, skipInvalid: false, dryRun: false, bulk: true).imported == 650)
        #expect(try entered(clean) == [])
        let cleanScores = try scores(clean)
        try clean.writer.write { db in
            for p in Self.extra.prefix(3) { _ = try clean.recomputeEmployee(p.nip, db) }
        }
        #expect(try scores(clean) == cleanScores)
    }
}

/// Issue 14, round 5: the import's per-row memory no longer grows with the file. The lines of
/// written rows are kept as runs (``ImportedLines``) and the near-duplicate check keeps only
/// the current employee's rows (``SimilarCourseCheck``), reading back the import's own rows
/// for an employee who comes back after others. The answers (which earlier line a repeat or
/// a similar name points at) are checked by hand here, on both paths.
@Suite struct CompactImportMemoryTests {
    @Test func importedLinesAreRunsOfConsecutiveLines() {
        var lines = ImportedLines()
        #expect(lines.isEmpty && lines.line(at: 0) == nil)
        for line in 2...1001 { lines.append(line) }
        #expect(lines.runCount == 1, "a clean file is one run")
        #expect(lines.line(at: 0) == 2 && lines.line(at: 999) == 1001 && lines.line(at: 1000) == nil)
        // Line 1002 refused, 1003-1004 written, 1005 refused, 1006 written, then a field over two lines.
        for line in [1003, 1004, 1006, 1007, 1009] { lines.append(line) }
        #expect(lines.runCount == 4)
        #expect(lines.count == 1005)
        #expect((1000..<1005).map { lines.line(at: $0) } == [1003, 1004, 1006, 1007, 1009])
        #expect(lines.line(at: -1) == nil && lines.line(at: 1005) == nil)
    }

    /// A file NOT grouped by employee: employees come back after others' rows.
    static var ungroupedFile: [Line<ImportRow>] {
        let e = BulkImportTests.extra
        func c(_ p: Pegawai, _ nama: String, start: String = "2024-05-06", end: String = "2024-05-07") -> ImportRow {
            .record(BulkImportTests.course(p.nip, nama, jp: 16, start: start, end: end))
        }
        return [
            Line(2, c(e[0], "Bimtek Tata Naskah Dinas")),
            Line(3, c(e[1], "Bimtek Tata Naskah Dinas")),  // another employee: fine
            Line(4, .record(BulkImportTests.course(SmallProvince.stranger, "Bimtek Tata Naskah Dinas"))),  // unknown NIP
            Line(5, c(e[0], "Bimtek Tata Naskah")),  // comes back: similar to line 2
            Line(6, c(e[1], "Bimtek Tata Naskah Dinas")),  // comes back: a repeat of line 3
            Line(7, c(e[1], "Bimtek Tata Naskah")),  // similar to line 3
            Line(8, c(e[2], "Pelatihan Kepemimpinan", start: "2024-06-01", end: "2024-06-02")),
            Line(9, c(e[2], "Pelatihan Kepemimpinan", start: "2024-06-01", end: "2024-06-02")),  // repeat of 8
            Line(10, c(e[2], "Pelatihan Kepemimpinann", start: "2024-06-01", end: "2024-06-02")),  // similar to 8
            Line(11, c(e[2], "Pelatihan Kepemimpinan", start: "2024-06-03", end: "2024-06-04")),  // other dates: fine
            Line(12, c(e[3], "Pelatihan Kepemimpinan", start: "2024-06-01", end: "2024-06-02")),
            Line(13, c(e[0], "Bimtek Arsip Dinamika", start: "2024-03-01", end: "2024-03-03")),  // like e[0]'s stored course
        ]
    }

    @Test func repeatsAndSimilarNamesPointAtTheRightLinesInAFileNotGroupedByEmployee() throws {
        let context = TestClock.context(actor: "ani", session: "s1")
        let plain = try BulkImportTests.store(context)
        let bulk = try BulkImportTests.store(context)
        var plainRows = ArrayRowSource(kind: .diklat, rows: Self.ungroupedFile)
        var bulkRows = ArrayRowSource(kind: .diklat, rows: Self.ungroupedFile)
        func pending(_ store: SQLiteStore) throws -> [String: Int] {
            try store.writer.read { db in
                Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(
                        db, sql: "SELECT kode_unit, pending FROM unit_pending_counts WHERE kind = 'diklat'"
                    ).map { ($0[0] as String, $0[1] as Int) })
            }
        }
        let pendingBefore = try pending(bulk)
        let plainOutcome = try plain.importRows(&plainRows, skipInvalid: true, dryRun: false, bulk: false)
        let bulkOutcome = try bulk.importRows(&bulkRows, skipInvalid: true, dryRun: false, bulk: true, indexRows: 2)
        #expect(plainOutcome == bulkOutcome)
        // The pending counts come from the import's per-unit row counts on the bulk path (no
        // read-back): the 5 written rows are all unsent, lines 2, 3 and 12 of SUB employees
        // (extra 1, 2 and 4), lines 8 and 11 of a ROOT one (extra 3), whoever comes back.
        let pendingAfter = try pending(bulk)
        #expect((pendingAfter["SUB"] ?? 0) - (pendingBefore["SUB"] ?? 0) == 3)
        #expect((pendingAfter["ROOT"] ?? 0) - (pendingBefore["ROOT"] ?? 0) == 2)
        #expect(pendingAfter == (try pending(plain)))
        let issues = bulkOutcome.issues.map { "\($0.line) \($0.issue.field) \($0.issue.code)" }
        #expect(
            issues == [
                "4 nip \(IssueCode.unknownNIP(SmallProvince.stranger))",
                "5 nama \(IssueCode.similarCourse(nama: "Bimtek Tata Naskah Dinas", line: 2))",
                "6 nama \(IssueCode.duplicateInFile(line: 3))",
                "7 nama \(IssueCode.similarCourse(nama: "Bimtek Tata Naskah Dinas", line: 3))",
                "9 nama \(IssueCode.duplicateInFile(line: 8))",
                "10 nama \(IssueCode.similarCourse(nama: "Pelatihan Kepemimpinan", line: 8))",
                "13 nama \(IssueCode.similarCourse(nama: "Bimtek Arsip Dinamis", line: nil))",
            ], "\(issues)")
        #expect(bulkOutcome.imported == 5, "lines 2, 3, 8, 11 and 12")
        let plainTables = try BulkImportTests.dump(plain)
        let bulkTables = try BulkImportTests.dump(bulk)
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == bulkTables[table], "table \(table)")
        }
        #expect(try bulk.check() == [])
    }
}
