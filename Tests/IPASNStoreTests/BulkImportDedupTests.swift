import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Issue 14, round 9: the bulk path drops the record table's unique `(nip, dedup_key)` index
/// during a large import of a file grouped by employee and finds the duplicates without it
/// (``BulkImportDedup``). The plain path (the index refuses every duplicate) and the bulk path
/// must give the same outcome, issue by issue and line by line, and the same tables.
@Suite struct BulkImportDedupTests {
    typealias B = BulkImportTests

    /// Rows of ten employees new to the table (extra 10-19), two courses each: the import has
    /// written 20 rows when the next run begins, where the index is dropped (`indexRows` 20).
    static var prefix: [IPASNCore.Record] {
        B.extra[10..<20].flatMap { p in
            [
                B.course(p.nip, "Bimtek Perencanaan", jp: 16, start: "2024-01-08", end: "2024-01-09"),
                B.course(p.nip, "Seminar Integritas", jenis: 5, jp: 2, start: "2023-05-05", end: "2023-05-05"),
            ]
        }
    }

    /// After the prefix (lines 2-21), line by line (the expectations are in the test):
    static var diklatFile: [Line<ImportRow>] {
        let e = B.extra
        let rows: [IPASNCore.Record] = prefix + [
            // 22-25, extra 0 (a course stored before the import: "Bimtek Arsip Dinamis", jenis 3,
            // 2024-03-01 to 03, 12 JP), the index dropped at this run's start:
            B.course(e[0].nip, "Bimtek Arsip Dinamis", jp: 12),  // 22: the stored course again
            B.course(e[0].nip, "Bimtek Arsip Dinamika", jp: 12),  // 23: similar to the stored one
            B.course(e[0].nip, "Pelatihan Pengadaan Barang", jp: 24, start: "2024-07-01", end: "2024-07-03"),  // 24: new
            B.course(e[0].nip, "Pelatihan Pengadaan Barang", jp: 24, start: "2024-07-01", end: "2024-07-03"),  // 25: repeat of 24
            // 26, extra 1 (stored "Bimtek Kearsipan", same jenis and dates): a different course.
            B.course(e[1].nip, "Pelatihan Keuangan Daerah", jp: 30),  // 26: new
            // 27-29, extra 30: a course, a similar name, a repeat.
            B.course(e[30].nip, "Workshop Statistik Sektoral", jenis: 4, jp: 8, start: "2024-09-09", end: "2024-09-10"),  // 27
            B.course(e[30].nip, "Workshop Statistik Sektoral.", jenis: 4, jp: 8, start: "2024-09-09", end: "2024-09-10"),  // 28
            B.course(e[30].nip, "Workshop Statistik Sektoral", jenis: 4, jp: 8, start: "2024-09-09", end: "2024-09-10"),  // 29
            // 30, extra 10 comes back (the index is created again): a repeat of line 2.
            B.course(e[10].nip, "Bimtek Perencanaan", jp: 16, start: "2024-01-08", end: "2024-01-09"),  // 30
            // 31-32, extra 31 (the index kept from now on): a course and its repeat.
            B.course(e[31].nip, "Kursus Bahasa Inggris", jenis: 6, jp: 40, start: "2024-02-05", end: "2024-02-16"),  // 31
            B.course(e[31].nip, "Kursus Bahasa Inggris", jenis: 6, jp: 40, start: "2024-02-05", end: "2024-02-16"),  // 32
            // 33-34, extra 0 comes back: the stored course, then line 24's.
            B.course(e[0].nip, "Bimtek Arsip Dinamis", jp: 12),  // 33
            B.course(e[0].nip, "Pelatihan Pengadaan Barang", jp: 24, start: "2024-07-01", end: "2024-07-03"),  // 34
        ]
        return rows.enumerated().map { Line($0.offset + 2, .record($0.element)) }
    }

    /// The SKP file: the prefix's employees' 2023 SKP, then extra 2 (an SKP of 2024 stored).
    static var skpFile: [Line<ImportRow>] {
        let e = B.extra
        let rows: [IPASNCore.Record] = e[10..<30].map { .skp(SKP(nip: $0.nip, tahun: 2023, predikat: .baik)) } + [
            .skp(SKP(nip: e[2].nip, tahun: 2024, predikat: .sangatBaik)),  // 22: 2024 is stored
            .skp(SKP(nip: e[2].nip, tahun: 2023, predikat: .baik)),  // 23: new
            .skp(SKP(nip: e[2].nip, tahun: 2023, predikat: .cukup)),  // 24: the same year as 23
            .skp(SKP(nip: e[3].nip, tahun: 2023, predikat: .baik)),  // 25: new
        ]
        return rows.enumerated().map { Line($0.offset + 2, .record($0.element)) }
    }

    static func issues(_ outcome: ImportOutcome) -> [String] {
        outcome.issues.map { "\($0.line) \($0.issue.field) \($0.issue.code)" }
    }

    @Test func theBulkPathFindsTheDuplicatesWithoutTheIndexAsThePlainPathDoes() throws {
        let context = TestClock.context(actor: "ani", session: "s1")
        let plain = try B.store(context)
        let bulk = try B.store(context)
        // The drop waits for as many imported rows as the table held: at most the prefix.
        #expect(try bulk.writer.read { try Int.fetchOne($0, sql: "SELECT MAX(id) FROM diklat") } ?? 0 <= 20)
        #expect(try bulk.writer.read { try Int.fetchOne($0, sql: "SELECT MAX(id) FROM skp") } ?? 0 <= 20)
        for (kind, file) in [(ImportKind.diklat, Self.diklatFile), (.skp, Self.skpFile)] {
            var plainRows = ArrayRowSource(kind: kind, rows: file)
            var bulkRows = ArrayRowSource(kind: kind, rows: file)
            let plainOutcome = try plain.importRows(&plainRows, skipInvalid: true, dryRun: false, bulk: false)
            let bulkOutcome = try bulk.importRows(&bulkRows, skipInvalid: true, dryRun: false, bulk: true, indexRows: 20)
            #expect(plainOutcome == bulkOutcome, "\(kind)")
            #expect(Self.issues(plainOutcome) == Self.issues(bulkOutcome))
        }
        // Checked by hand against the file's comments.
        var again = ArrayRowSource(kind: .diklat, rows: Self.diklatFile)
        let second = try bulk.importRows(&again, skipInvalid: true, dryRun: true, bulk: true, indexRows: 20)
        #expect(second.imported == 0, "every line is a repeat now (or similar)")
        let plainTables = try B.dump(plain)
        let bulkTables = try B.dump(bulk)
        #expect(plainTables.keys.sorted() == bulkTables.keys.sorted())
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == bulkTables[table], "table \(table)")
        }
        #expect(try bulk.check() == [])
    }

    @Test func theIssuesOfTheDiklatFileNameTheRightLines() throws {
        let store = try B.store(TestClock.context(actor: "ani", session: "s1"))
        var rows = ArrayRowSource(kind: .diklat, rows: Self.diklatFile)
        let outcome = try store.importRows(&rows, skipInvalid: true, dryRun: false, bulk: true, indexRows: 20)
        #expect(
            Self.issues(outcome) == [
                "22 nama \(IssueCode.duplicate(.diklat))",
                "23 nama \(IssueCode.similarCourse(nama: "Bimtek Arsip Dinamis", line: nil))",
                "25 nama \(IssueCode.duplicateInFile(line: 24))",
                "28 nama \(IssueCode.similarCourse(nama: "Workshop Statistik Sektoral", line: 27))",
                "29 nama \(IssueCode.duplicateInFile(line: 27))",
                "30 nama \(IssueCode.duplicateInFile(line: 2))",
                "32 nama \(IssueCode.duplicateInFile(line: 31))",
                "33 nama \(IssueCode.duplicate(.diklat))",
                "34 nama \(IssueCode.duplicateInFile(line: 24))",
            ], "\(Self.issues(outcome))")
        #expect(outcome.imported == 20 + 4, "the prefix, lines 24, 26, 27 and 31")
        var skp = ArrayRowSource(kind: .skp, rows: Self.skpFile)
        let skpOutcome = try store.importRows(&skp, skipInvalid: true, dryRun: false, bulk: true, indexRows: 20)
        #expect(
            Self.issues(skpOutcome) == [
                "22 tahun \(IssueCode.duplicate(.skp))",
                "24 tahun \(IssueCode.duplicateInFile(line: 23))",
            ], "\(Self.issues(skpOutcome))")
        #expect(skpOutcome.imported == 22)
        #expect(try store.check() == [])
    }

    /// The index dropped, and back: at a new employee's run once the import is large enough,
    /// created again when an employee comes back, and kept after that.
    @Test func theIndexIsDroppedAtANewRunAndCreatedAgainWhenAnEmployeeComesBack() throws {
        let store = try B.store(TestClock.context(actor: "ani", session: "s1"))
        func hasIndex(_ db: Database) throws -> Bool {
            try BulkImportDedup.dedupIndex("diklat", db) != nil
        }
        try store.writer.write { db in
            #expect(try hasIndex(db))
            let start = try SQLiteStore.nextRecordID(.diklat, db)
            var dedup = BulkImportDedup(.diklat, start: start, dropAfter: 5)
            var similar = SimilarCourseCheck(allowed: false, start: start, employees: 700)
            try dedup.row(of: 1, nip: B.extra[0].nip, writtenBefore: 0, imported: 4, similar: &similar, db)
            #expect(try !dedup.isDropped && hasIndex(db), "not yet large enough")
            try dedup.row(of: 1, nip: B.extra[0].nip, writtenBefore: 0, imported: 5, similar: &similar, db)
            #expect(!dedup.isDropped, "only at a run's start")
            try dedup.row(of: 2, nip: B.extra[0].nip, writtenBefore: 3, imported: 5, similar: &similar, db)
            #expect(!dedup.isDropped, "not for an employee coming back")
            try dedup.row(of: 3, nip: B.extra[0].nip, writtenBefore: 0, imported: 6, similar: &similar, db)
            #expect(try dedup.isDropped && !hasIndex(db))
            // The stored rows' copy holds every stored diklat.
            #expect(
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(BulkImportDedup.storedTable)")
                    == (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM diklat")))
            try dedup.row(of: 4, nip: B.extra[1].nip, writtenBefore: 0, imported: 7, similar: &similar, db)
            #expect(dedup.isDropped)
            try dedup.row(of: 2, nip: B.extra[2].nip, writtenBefore: 3, imported: 8, similar: &similar, db)
            #expect(try !dedup.isDropped && hasIndex(db), "created again")
            try dedup.row(of: 5, nip: B.extra[3].nip, writtenBefore: 0, imported: 9, similar: &similar, db)
            #expect(!dedup.isDropped, "and kept")
            try dedup.finish(db)
            #expect(try hasIndex(db))
            #expect(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM temp.sqlite_schema WHERE name = 'bulk_import_stored')") == false)
        }
    }

    /// All or nothing with the index dropped: a file that fails half way, or an import that
    /// fails just before its commit, leaves every table, and the schema with the index, as it was;
    /// a reader on another connection sees the index throughout.
    @Test func aFailureRollsTheDropBackAndAReaderAlwaysSeesTheIndex() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("dedup.sqlite")
        let context = TestClock.context(actor: "ani", session: "s1")
        let store = try SQLiteStore(path: path, context: context)
        try SmallProvince.seed(store)
        var employees = ArrayRowSource(
            kind: .pegawai, rows: B.extra.enumerated().map { Line($0.offset + 2, .pegawai($0.element)) })
        _ = try store.importRows(&employees, skipInvalid: false)
        _ = try store.add(B.course(B.extra[0].nip, "Bimtek Arsip Dinamis", jp: 12))
        let before = try B.dump(store)
        struct Source: ImportRowSource {
            var rows: ArrayRowSource
            let path: String
            var failAt: Int?
            var failOnCommit: Bool
            var read = 0
            var indexes: [String] = []
            var kind: ImportKind { rows.kind }
            mutating func next() throws -> Line<ImportRow>? {
                read += 1
                if read == 27 {
                    // Well after the drop (line 22's run): another connection's view of the schema.
                    let reader = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
                    indexes = try reader.read { db in
                        try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'diklat' ORDER BY name")
                    }
                }
                if read == failAt { throw StoreError.corrupt("unreadable") }
                return try rows.next()
            }
            mutating func willCommit(issues: [LineIssue]) throws {
                if failOnCommit { throw StoreError.corrupt("disk full") }
            }
        }
        for (failAt, failOnCommit) in [(28, false), (nil, true)] {
            var source = Source(
                rows: ArrayRowSource(kind: .diklat, rows: Self.diklatFile), path: path, failAt: failAt, failOnCommit: failOnCommit)
            #expect(throws: StoreError.self) {
                _ = try store.importRows(&source, skipInvalid: true, dryRun: false, bulk: true, indexRows: 20)
            }
            #expect(source.indexes.contains("diklat_dedup"), "\(source.indexes)")
            #expect(try B.dump(store) == before, "nothing written, the index as it was")
        }
        var source = Source(rows: ArrayRowSource(kind: .diklat, rows: Self.diklatFile), path: path, failAt: nil, failOnCommit: false)
        #expect(try store.importRows(&source, skipInvalid: true, dryRun: false, bulk: true, indexRows: 20).imported == 24)
        #expect(source.indexes.contains("diklat_dedup"))
        #expect(try B.dump(store)["sqlite_schema"] == before["sqlite_schema"], "the schema as it was")
        #expect(try store.check() == [])
    }
}
