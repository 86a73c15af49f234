import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Issue 14, branch large3: an import that wrote most of its table refreshes the scores from
/// one scan of that table and a sort (``ScoringReadOrder/nipSorted``), not by walking its NIP
/// index with a table lookup per row. Same tables as the plain path (every trigger firing) and
/// as the bulk path that walks the index.
@Suite struct SortedRefreshTests {
    /// Every extra employee, in DESCENDING NIP order (so the table's order is not the NIP
    /// order): two courses each, every fifth repeating one in its run, extra[0] repeating
    /// their stored course and extra[1] (whose stored course is rejected) and the inactive
    /// ones (the last ten) writing like the others.
    static var file: [Line<ImportRow>] {
        var rows: [IPASNCore.Record] = []
        for (i, p) in BulkImportTests.extra.enumerated().reversed() {
            let bimtek = BulkImportTests.course(
                p.nip, "Bimtek Anggaran \(i % 7)", jp: 8 + i % 15, start: "2024-0\(1 + i % 9)-01", end: "2024-0\(1 + i % 9)-02")
            if i == 0 { rows.append(BulkImportTests.course(p.nip, "Bimtek Arsip Dinamis", jp: 12)) }
            if i != 0 { rows.append(bimtek) }
            rows.append(BulkImportTests.course(p.nip, "Seminar Integritas", jenis: 5, jp: 2, start: "2023-05-05", end: "2023-05-05"))
            if i % 5 == 0 {
                rows.append(BulkImportTests.course(p.nip, "Seminar Integritas", jenis: 5, jp: 2, start: "2023-05-05", end: "2023-05-05"))
            }
            // The file ends with a written row: a refused last row moves the plain path's
            // AUTOINCREMENT sequence past the last id, the bulk path's dedup does not try it.
            if i == 0 { rows.append(bimtek) }
        }
        return rows.enumerated().map { Line($0.offset + 2, .record($0.element)) }
    }

    @Test func aLargeImportScoresFromASortedReadWhatTheIndexWalkAndThePlainPathGive() throws {
        let context = TestClock.context(actor: "ani", session: "s1")
        let plain = try BulkImportTests.store(context)
        let sorted = try BulkImportTests.store(context)
        let walked = try BulkImportTests.store(context)
        // The table holds 2 rows: an import of 1,300 outgrows it (past 100 rows here), one of
        // 1,300 below a million-row threshold does not (the index kept and walked).
        #expect(BulkImportIndexes(.diklat, rowsBefore: 2, minimumRows: 100).outgrown(imported: 1_300))
        #expect(!BulkImportIndexes(.diklat, rowsBefore: 2, minimumRows: 1_000_000).outgrown(imported: 1_300))
        #expect(!BulkImportIndexes(.diklat, rowsBefore: 5_000, minimumRows: 100).outgrown(imported: 1_300))
        var rows = [ArrayRowSource(kind: .diklat, rows: Self.file), ArrayRowSource(kind: .diklat, rows: Self.file),
                    ArrayRowSource(kind: .diklat, rows: Self.file)]
        let plainOutcome = try plain.importRows(&rows[0], skipInvalid: true, dryRun: false, bulk: false)
        let sortedOutcome = try sorted.importRows(&rows[1], skipInvalid: true, dryRun: false, bulk: true, indexRows: 100)
        let walkedOutcome = try walked.importRows(&rows[2], skipInvalid: true, dryRun: false, bulk: true, indexRows: 1_000_000)
        // 650 x 2 written; 130 repeats in their run (every fifth employee) and the stored course refused.
        #expect(sortedOutcome.imported == 1_300)
        #expect(sortedOutcome.issues.count == 131)
        #expect(plainOutcome == sortedOutcome && walkedOutcome == sortedOutcome)
        let plainTables = try BulkImportTests.dump(plain)
        let sortedTables = try BulkImportTests.dump(sorted)
        let walkedTables = try BulkImportTests.dump(walked)
        #expect(plainTables.keys.sorted() == sortedTables.keys.sorted())
        for table in plainTables.keys.sorted() {
            #expect(plainTables[table] == sortedTables[table], "table \(table)")
            #expect(walkedTables[table] == sortedTables[table], "table \(table)")
        }
        // What the sorted read hands the scoring, by hand: extra[0] has the stored course and
        // two new ones (in id order: the seminar, then the bimtek); extra[1]'s stored course is
        // rejected (left out): the two new ones; an inactive employee (extra[649]) their two;
        // everyone in NIP order.
        let extra = BulkImportTests.extra
        var read: [String: [Diklat]] = [:]
        var nips: [String] = []
        try sorted.writer.write { db in
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size")
            let unchanged = UnchangedTables(schema: "main", written: .diklat, sortsWritten: true)
            #expect(unchanged.order(.diklat) == (UnchangedTables.walksWritten ? .nipIndex : .nipSorted))
            #expect(unchanged.order(.skp) == .nipIndex)
            try sorted.forEachEmployee(db, unchanged: unchanged) { records in
                nips.append(records.pegawai.nip)
                read[records.pegawai.nip] = records.diklat
            }
            #expect(try Int.fetchOne(db, sql: "PRAGMA cache_size") == cacheSize, "the sort's bound lifted after it")
        }
        #expect(nips == nips.sorted())
        #expect(read[extra[0].nip]?.map(\.jp) == [12, 2, 8])
        #expect(read[extra[1].nip]?.map(\.jp) == [9, 2])
        #expect(read[extra[649].nip]?.map(\.jp) == [8 + 649 % 15, 2])
        #expect(try sorted.check() == [])
    }

    /// The sorted read of another written kind (SKP, through GRDB rows): the same records and
    /// scores as the index walk, an employee's rows in id order.
    @Test func theSortedReadOfAnyWrittenKindGivesWhatTheWalkGives() throws {
        let context = TestClock.context(actor: "ani", session: "s1")
        let store = try BulkImportTests.store(context)
        try store.writer.write { db in
            // SKP rows inserted in descending NIP order, two years each.
            for (i, p) in BulkImportTests.extra.enumerated().reversed() where i % 3 != 1 {
                for year in [2023, 2024] where !(i == 2 && year == 2024) {
                    try db.execute(
                        sql: "INSERT INTO skp(nip, tahun, predikat, dedup_key) VALUES (?, ?, ?, ?)",
                        arguments: [p.nip, year, i % 2 == 0 ? "baik" : "sangat_baik", i * 10_000 + year])
                }
            }
        }
        let engine = ScoringEngine(ruleset: .bkn2019)
        var walked: [EmployeeRecords] = []
        var sortedRead: [EmployeeRecords] = []
        try store.writer.write { db in
            try store.forEachEmployee(db, unchanged: UnchangedTables(schema: "main", written: .skp)) { walked.append($0) }
            try store.forEachEmployee(db, unchanged: UnchangedTables(schema: "main", written: .skp, sortsWritten: true)) {
                sortedRead.append($0)
            }
        }
        #expect(walked.count == BulkImportTests.extra.count + 3)
        // 433 employees (every i but 1, 4, 7, ...) x 2 years, extra[2]'s 2024 the stored one.
        #expect(walked.map(\.skp.count).reduce(0, +) == 433 * 2)
        #expect(sortedRead.map(\.pegawai) == walked.map(\.pegawai))
        for (a, b) in zip(sortedRead, walked) {
            #expect(Set(a.skp.map(\.tahun)) == Set(b.skp.map(\.tahun)) && a.skp.count == b.skp.count, "\(a.pegawai.nip)")
            #expect(a.diklat == b.diklat && a.pendidikan == b.pendidikan && a.disiplin == b.disiplin)
            for year in 2023...2025 { #expect(engine.score(a, year: year) == engine.score(b, year: year)) }
        }
    }
}
