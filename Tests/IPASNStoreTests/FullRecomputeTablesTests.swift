import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The full recompute's fast reader (``FullRecomputeTables``, ``CachedScores``) gives the
/// records and the scores of the plain path: GRDB rows decoded by ``RecordRows`` and scored by
/// the plain ``ScoringEngine``.
@Suite struct FullRecomputeTablesTests {
    /// 30 employees inserted out of NIP order (struktural of every jenjang, fungsional,
    /// pelaksana; some inactive; NIPs of 18 digits, of 1 and 19 characters, with letters and
    /// non-ASCII) with 0-5 records of EVERY kind each, rows of different employees
    /// interleaved in the tables, graduation dates missing, SKP with and without predikat or
    /// nilai; a rejected pendidikan and SKP (the ruleset leaves rejected records out).
    func everyKindStore() throws -> SQLiteStore {
        let store = try seededStore()
        var state: UInt64 = 1402
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let jenjang = JenjangStruktural.allCases.map(\.rawValue)
        let education = EducationLevel.allCases.map(\.rawValue)
        let hukuman = TingkatHukuman.allCases.map(\.rawValue)
        let predikat = Predikat.allCases.map(\.rawValue)
        var nips = (0..<26).map { String(199_912_312_020_121_099 - Int64($0 * 7_919_000_003)) }
        nips += ["7", "1970123119990110011", "19701231199901100X", "Ä-NIP"]
        try store.writer.write { db in
            for (index, nip) in nips.enumerated() {
                let jabatan = ["struktural", "fungsional", "pelaksana"][index % 3]
                try db.execute(
                    sql: """
                        INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, jenjang, status, aktif, search_key)
                        VALUES (?, ?, ?, ?, ?, 'pns', ?, '')
                        """,
                    arguments: [
                        nip, "P\(index)", index % 2 == 0 ? "SUB" : "ROOT", jabatan,
                        jabatan == "struktural" ? jenjang[index % jenjang.count] : "Ahli Muda", index % 7 == 0 ? 0 : 1,
                    ])
            }
            // Rows in rounds over the employees: one employee's rows are not together.
            var key: Int64 = 500_000
            for _ in 0..<5 {
                for nip in nips {
                    key += 1
                    if next(3) == 0 {
                        let lulus = next(4) == 0 ? nil : String(format: "%04d-06-30", 1990 + next(40))
                        try db.execute(
                            sql: "INSERT INTO pendidikan(nip, tingkat, tanggal_lulus, nama_sekolah, jurusan, dedup_key) VALUES (?, ?, ?, 'U', 'J', ?)",
                            arguments: [nip, education[next(education.count)], lulus, key])
                    }
                    if next(2) == 0 {
                        try db.execute(
                            sql: "INSERT INTO skp(nip, tahun, predikat, nilai, dedup_key) VALUES (?, ?, ?, ?, ?)",
                            arguments: [
                                nip, 2020 + next(6), next(3) == 0 ? nil : predikat[next(predikat.count)],
                                next(3) == 0 ? nil : Double(4_000 + next(6_000)) / 100, key,
                            ])
                    }
                    if next(4) == 0 {
                        try db.execute(
                            sql: "INSERT INTO disiplin(nip, tingkat, tmt, jenis, dedup_key) VALUES (?, ?, ?, 'PP 94', ?)",
                            arguments: [nip, hukuman[next(hukuman.count)], String(format: "%04d-02-14", 2019 + next(7)), key])
                    }
                    if next(2) == 0 {
                        let year = 2019 + next(7)
                        try db.execute(
                            sql: """
                                INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp,
                                                   nomor_sertifikat, sesuai_jabatan, dedup_key)
                                VALUES (?, ?, NULL, 'K', 'B', ?, ?, ?, 'N', ?, ?)
                                """,
                            arguments: [
                                nip, 1 + next(JenisDiklat.all.count), String(format: "%04d-03-01", year),
                                String(format: "%04d-03-28", year), 1 + next(60), next(4) == 0 ? 0 : 1, key,
                            ])
                    }
                }
            }
        }
        let withPendidikan = try #require(try nips.lazy.compactMap { try store.records(nip: $0)?.pendidikan.first }.first)
        let withSKP = try #require(try nips.lazy.compactMap { try store.records(nip: $0)?.skp.first }.first)
        #expect(
            try store.setVerification(
                [RecordID(kind: .pendidikan, id: withPendidikan.id), RecordID(kind: .skp, id: withSKP.id)], status: .tidak,
                reason: "Dokumen tidak terbaca") == 2)
        return store
    }

    /// Records of a kind as a multiset (the fast path hands them out in table order).
    func sorted<T>(_ records: [T]) -> [String] { records.map { "\($0)" }.sorted() }

    @Test func theFastReaderGivesTheRecordsOfThePlainPath() throws {
        let store = try everyKindStore()
        var plain: [EmployeeRecords] = []
        var fast: [EmployeeRecords] = []
        try store.writer.read { db in
            try store.forEachEmployee(db, plainDiklat: true) { plain.append($0) }
            try store.forEachEmployeeForFullRecompute(db, years: [2024]) { records, _, _ in fast.append(records) }
        }
        #expect(plain.count == 33)  // the seeded three and the thirty
        #expect(fast.map(\.pegawai.nip) == plain.map(\.pegawai.nip))
        var kinds = (pendidikan: 0, diklat: 0, skp: 0, disiplin: 0)
        for (a, b) in zip(fast, plain) {
            #expect(a.pegawai.jenisJabatan == b.pegawai.jenisJabatan && a.pegawai.jenjang == b.pegawai.jenjang, "\(b.pegawai.nip)")
            // The fast path leaves the free-text fields scoring does not read empty.
            let pendidikan = b.pendidikan.map { var r = $0; r.namaSekolah = ""; r.jurusan = ""; return r }
            let disiplin = b.disiplin.map { var r = $0; r.jenis = ""; return r }
            let diklat = b.diklat.map { var r = $0; r.nama = ""; r.penyelenggara = ""; r.nomorSertifikat = ""; return r }
            #expect(sorted(a.pendidikan) == sorted(pendidikan), "\(b.pegawai.nip)")
            #expect(sorted(a.diklat) == sorted(diklat), "\(b.pegawai.nip)")
            #expect(sorted(a.skp) == sorted(b.skp), "\(b.pegawai.nip)")
            #expect(sorted(a.disiplin) == sorted(disiplin), "\(b.pegawai.nip)")
            kinds.pendidikan += b.pendidikan.count
            kinds.diklat += b.diklat.count
            kinds.skp += b.skp.count
            kinds.disiplin += b.disiplin.count
        }
        // The data really holds every kind (and the rejected two are left out of both).
        #expect(kinds.pendidikan > 20 && kinds.diklat > 40 && kinds.skp > 40 && kinds.disiplin > 20, "\(kinds)")
    }

    /// The full recompute caches, for two years, exactly the plain engine's scores over the
    /// plain path's records; a cached score made wrong is rewritten, the others are not.
    @Test func theFullRecomputeCachesThePlainEnginesScores() throws {
        let store = try everyKindStore()
        try store.recomputeAll(year: 2022)
        try store.recomputeAll(year: 2024)
        func expectPlainScores() throws {
            let engine = ScoringEngine(ruleset: try store.ruleset())
            try store.writer.read { db in
                var expected: [String] = []
                try store.forEachEmployee(db, plainDiklat: true) { records in
                    for year in [2022, 2024] {
                        let s = engine.score(records, year: year)
                        expected.append("\(s.year) \(s.nip) \(s.kualifikasi) \(s.kompetensi) \(s.kinerja) \(s.disiplin) \(s.missing)")
                    }
                }
                let cached = try Row.fetchAll(db, sql: "SELECT \(SQLiteStore.scoreColumns) FROM employee_score WHERE year IN (2022, 2024)")
                    .map { row -> String in
                        let s = SQLiteStore.score(row)
                        return "\(s.year) \(s.nip) \(s.kualifikasi) \(s.kompetensi) \(s.kinerja) \(s.disiplin) \(s.missing)"
                    }
                #expect(cached.count == 66)
                #expect(cached.sorted() == expected.sorted())
            }
        }
        try expectPlainScores()
        // One cached score made wrong behind the store's back: the next full recompute
        // rewrites exactly that row (the unchanged ones are skipped without a statement).
        let nip = "7"
        try store.writer.write { db in
            try db.execute(sql: "UPDATE employee_score SET kinerja = kinerja + 1 WHERE year = 2024 AND nip = ?", arguments: [nip])
        }
        let written = try store.writer.write { db -> [String] in
            try db.execute(sql: "CREATE TEMP TABLE written(what TEXT)")
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER score_written AFTER UPDATE ON main.employee_score BEGIN
                        INSERT INTO written VALUES (new.year || ' ' || new.nip);
                    END;
                    CREATE TEMP TRIGGER score_inserted AFTER INSERT ON main.employee_score BEGIN
                        INSERT INTO written VALUES ('insert ' || new.year || ' ' || new.nip);
                    END;
                    """)
            try store.recompute(years: [2022, 2024], only: nil, replaceAll: false, db)
            let written = try String.fetchAll(db, sql: "SELECT what FROM written")
            try db.execute(sql: "DROP TRIGGER score_written; DROP TRIGGER score_inserted; DROP TABLE written")
            return written
        }
        #expect(written == ["2024 7"])
        try expectPlainScores()
    }

    /// The adversarial database of the packed fast path (branch recompute3): besides
    /// ``everyKindStore()`` (NIP order unlike the table order, rows of employees interleaved,
    /// inactive employees, odd NIPs, rejected records), employees with no record at all, one
    /// whose row lies far beyond the others (a sparse rowid), and two employees deleted with
    /// foreign keys off: their records stay in the tables and their cached scores stay, with a
    /// cached score of a NIP that never was an employee's. The full recompute scores exactly
    /// the plain engine's scores over the plain path's records, hands out the employees in NIP
    /// order, and deletes the recomputed year's scores of no employee (and no other row).
    @Test func theFullRecomputeOnAnAdversarialDatabase() throws {
        let store = try everyKindStore()
        try store.recomputeAll(year: 2022)
        try store.recomputeAll(year: 2024)
        let deleted = ["7", "199912312020121099"]
        try store.writer.write { db in
            for (index, nip) in ["000000000000000001", "999999999999999999"].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO pegawai(rowid, nip, nama, kode_unit, jenis_jabatan, jenjang, status, aktif, search_key)
                        VALUES (?, ?, 'Tanpa Riwayat', 'SUB', 'pelaksana', '', 'pppk', 1, '')
                        """, arguments: [index == 0 ? 10_000_000 : nil, nip])
            }
        }
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM diklat WHERE nip IN ('7', '199912312020121099')") } ?? 0 > 0)
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                for nip in deleted { try db.execute(sql: "DELETE FROM pegawai WHERE nip = ?", arguments: [nip]) }
                try db.execute(
                    sql: """
                        INSERT INTO employee_score(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
                        VALUES (2024, '188888888888888888', 1, 2, 3, 4, 1, ''), (2022, '188888888888888888', 1, 2, 3, 4, 1, '')
                        """)
                return .commit
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let engine = ScoringEngine(ruleset: try store.ruleset())
        try store.writer.read { db in
            var plain: [EmployeeRecords] = []
            try store.forEachEmployee(db, plainDiklat: true) { plain.append($0) }
            var fast: [(EmployeeRecords, Int32)] = []
            try store.forEachEmployeeForFullRecompute(db, years: [2024]) { records, employee, _ in fast.append((records, employee)) }
            // 33 + 2 without records - 2 deleted; in NIP (byte) order, numbered 0, 1, ...
            #expect(plain.count == 33)
            #expect(fast.map(\.0.pegawai.nip) == plain.map(\.pegawai.nip))
            #expect(fast.map(\.1) == Array(0..<33))
            #expect(fast.map(\.0.pegawai.nip) == fast.map(\.0.pegawai.nip).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            #expect(!fast.contains { deleted.contains($0.0.pegawai.nip) })
            let empty = try #require(fast.first { $0.0.pegawai.nip == "000000000000000001" }?.0)
            #expect(empty.pendidikan.isEmpty && empty.diklat.isEmpty && empty.skp.isEmpty && empty.disiplin.isEmpty)
            #expect(empty.pegawai.status == .pppk && empty.pegawai.jenisJabatan == .pelaksana)
        }
        try store.recomputeAll(year: 2024)
        try store.writer.read { db in
            var expected: [String] = []
            try store.forEachEmployee(db, plainDiklat: true) { records in
                let s = engine.score(records, year: 2024)
                expected.append("\(s.nip) \(s.kualifikasi) \(s.kompetensi) \(s.kinerja) \(s.disiplin) \(s.complete) \(s.missing)")
            }
            let cached = try Row.fetchAll(db, sql: "SELECT \(SQLiteStore.scoreColumns) FROM employee_score WHERE year = 2024 ORDER BY nip")
                .map { row -> String in
                    let s = SQLiteStore.score(row)
                    return "\(s.nip) \(s.kualifikasi) \(s.kompetensi) \(s.kinerja) \(s.disiplin) \(s.complete) \(s.missing)"
                }
            #expect(cached == expected)
            #expect(cached.count == 33)
            // The year not recomputed keeps its rows of no employee; the recomputed one has none.
            #expect(
                try String.fetchAll(db, sql: "SELECT nip FROM employee_score WHERE year = 2022 AND nip NOT IN (SELECT nip FROM pegawai) ORDER BY nip")
                    == ["188888888888888888", "199912312020121099", "7"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM employee_score WHERE year = 2024") == 33)
        }
    }
}
