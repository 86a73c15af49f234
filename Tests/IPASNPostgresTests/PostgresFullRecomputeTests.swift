import Foundation
import IPASNCore
import IPASNDemo
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Issue 12's fast recompute on PostgreSQL (diklat read with one COPY in table order, scores
/// written set-based and only where changed) against the plain path it replaced (diklat
/// through a cursor in NIP order, every score upserted), on a demo dataset with every kind of
/// record, rejected records, an employee who left and a second cached year.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresFullRecomputeTests {
    static let year = TestClock.measurementYear

    /// A 120-employee demo province plus: a punishment, a leadership course (with tingkat and
    /// a backslash in its name), an employee who left during the year, rejected
    /// diklat and SKP records (left out of the scores, kept in the scores as entered), and
    /// the year before cached too.
    func seededStore(_ databases: TestDatabases) throws -> PostgresStore {
        let store = try PostgresStore(try databases.makeConninfo(), context: TestClock.context(actor: "ops"))
        let demo = DemoGenerator(seed: 7, pegawai: 120, today: TestClock.today)
        try demo.write(to: store)
        try store.setMeasurementYear(Self.year)
        let first = demo.nipText(0)
        let second = demo.nipText(1)
        _ = try store.add(.disiplin(HukumanDisiplin(nip: first, tingkat: .sedang, tmt: TestClock.date("2024-05-02"), jenis: "Teguran")))
        _ = try store.add(
            .diklat(
                Diklat(
                    nip: second, jenis: .struktural, tingkat: .pimIV, nama: "PIM IV \\ angkatan 2", penyelenggara: "BPSDM",
                    tanggalMulai: TestClock.date("2024-02-01"), tanggalSelesai: TestClock.date("2024-05-30"), jp: 380)))
        var left = try #require(try store.pegawai(nip: demo.nipText(2)))
        left.aktif = false
        left.keluar = PegawaiKeluar(alasan: .pensiun, tanggal: TestClock.date("2024-06-30"))
        try store.savePegawai(left)
        let stored = try #require(try store.records(nip: demo.nipText(3)))
        var rejected: [RecordID] = stored.diklat.prefix(2).map { RecordID(kind: .diklat, id: $0.id) }
        rejected += stored.skp.prefix(1).map { RecordID(kind: .skp, id: $0.id) }
        #expect(rejected.count == 3)
        try store.setVerification(rejected, status: .tidak, reason: "Sertifikat tidak terbaca")
        try store.recomputeAll(year: Self.year - 1)
        return store
    }

    /// Every cached score, score as entered and unit total, as text rows (exact values).
    func snapshot(_ store: PostgresStore) throws -> [String: [String]] {
        try store.read { db in
            var tables: [String: [String]] = [:]
            for (name, sql) in [
                ("scores", "SELECT year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing FROM employee_score ORDER BY year, nip"),
                ("entered", "SELECT year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing FROM employee_score_entered ORDER BY year, nip"),
                ("totals", "SELECT * FROM unit_score_totals WHERE pegawai > 0 ORDER BY year, kode_unit"),
            ] {
                tables[name] = try db.fetchAll(sql: sql).map { row in (0..<8).map { row.text($0) ?? "NULL" }.joined(separator: "|") }
            }
            return tables
        }
    }

    func plainRecompute(_ store: PostgresStore, years: [Int]) throws {
        try store.transaction { try store.recompute(years: years, only: nil, replaceAll: true, plain: true, $0) }
    }

    @Test func fastRecomputeGivesThePlainPathsScoresAndUnitFigures() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let store = try seededStore(databases)
        // The demo's own year (the one before its "today"... and after), the measurement year, the year before.
        let years = try store.read { try store.cachedYears($0) }
        #expect(years.contains(Self.year) && years.contains(Self.year - 1))

        try plainRecompute(store, years: years)
        let plain = try snapshot(store)
        let plainFigures = try years.map { try store.unitFigures(year: $0) }
        // The dataset is what the test claims: both years cached for everyone, the rejected
        // records' owner in the scores as entered, a punished employee.
        let pegawai = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM pegawai") } ?? 0
        #expect(pegawai == 120)
        #expect(plain["scores"]?.count == 120 * years.count)
        #expect(plain["entered"]?.count == years.count)
        #expect(try store.score(nip: DemoGenerator(seed: 7, pegawai: 120, today: TestClock.today).nipText(0), year: Self.year)?.disiplin ?? 99 < 5)

        // Every cached score spoiled, then the fast path over both years.
        try store.transaction { db in
            try db.execute(sql: "UPDATE employee_score SET kualifikasi = 0, kompetensi = 99, kinerja = 0, disiplin = 0, complete = 0, missing = ''")
        }
        #expect(try snapshot(store)["scores"] != plain["scores"])
        try store.transaction { try store.recompute(years: years, only: nil, replaceAll: true, $0) }
        #expect(try snapshot(store) == plain)
        #expect(try years.map { try store.unitFigures(year: $0) } == plainFigures)
        #expect(try store.check() == [])

        // The operator's recomputeAll (the public path) of the measurement year agrees too.
        try store.recomputeAll(year: Self.year)
        #expect(try snapshot(store) == plain)
    }

    @Test func aYearNotCachedYetIsCachedWithThePlainPathsScores() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let store = try seededStore(databases)
        let year = Self.year - 2
        let computed = try store.computedScores(year: year, unit: nil)
        try store.recomputeAll(year: year)
        let cached = try store.scores(year: year, unit: nil)
        #expect(cached.count == computed.count && !cached.isEmpty)
        #expect(cached.map(\.score) == computed.map(\.score))
        let fast = try snapshot(store)
        try plainRecompute(store, years: [year])
        #expect(try snapshot(store) == fast)
        #expect(try store.check() == [])
    }

    /// An unchanged score is not written (no new row version: its `xmin` stays; nothing for
    /// the totals' trigger); a changed one is, and the per-unit totals follow it.
    /// The diklat summary's larger `work_mem` (branch pg500k: its hash of every employee no
    /// longer spills) is the recompute transaction's alone: 64MB inside it, the server's
    /// default again on the same connection after the commit.
    @Test func theSummarysWorkMemLastsOnlyItsTransaction() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let store = try seededStore(databases)
        let before = try store.read { try String.fetchOne($0, sql: "SHOW work_mem") }
        #expect(before == "4MB")
        let inside: String? = try store.transaction { db in
            try store.recompute(years: [Self.year], only: nil, replaceAll: true, db)
            return try String.fetchOne(db, sql: "SHOW work_mem")
        }
        #expect(inside == "64MB")
        #expect(try store.read { try String.fetchOne($0, sql: "SHOW work_mem") } == "4MB")
    }

    @Test func onlyChangedScoresAreWritten() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let store = try seededStore(databases)
        /// Each cached score row's version (the transaction that wrote it), by year and NIP.
        func versions() throws -> [String: String] {
            try store.read { db in
                Dictionary(
                    uniqueKeysWithValues: try db.fetchAll(sql: "SELECT year || ' ' || nip, xmin::text FROM employee_score").map {
                        ($0[0] as String, $0[1] as String)
                    })
            }
        }
        func rewritten(by recompute: () throws -> Void) throws -> Set<String> {
            let before = try versions()
            try recompute()
            let after = try versions()
            #expect(after.count == before.count)
            return Set(after.filter { before[$0.key] != $0.value }.map(\.key))
        }
        let all = try store.read { try store.cachedYears($0) }
        #expect(try rewritten { try store.transaction { try store.recompute(years: all, only: nil, replaceAll: true, $0) } } == [])
        #expect(try rewritten { try store.recomputeAll(year: Self.year) } == [])

        let before = try store.unitFigures(year: Self.year)
        let spoiled = try store.transaction { db in
            try db.fetchAll(
                sql: """
                    UPDATE employee_score SET kinerja = kinerja + 1
                    WHERE year = ? AND nip IN (SELECT nip FROM employee_score WHERE year = ? ORDER BY nip LIMIT 3) RETURNING year || ' ' || nip
                    """, arguments: [Self.year, Self.year]
            ).map { $0[0] as String }
        }
        #expect(spoiled.count == 3)
        #expect(try store.unitFigures(year: Self.year) != before)
        #expect(try rewritten { try store.recomputeAll(year: Self.year) } == Set(spoiled))
        #expect(try store.unitFigures(year: Self.year) == before)
        #expect(try store.check() == [])
    }
}

/// Issue 12's pre-aggregation against the row-wise path on the cases it could get wrong.
extension PostgresFullRecomputeTests {
    /// The seeded province plus one employee's diklat of EVERY jenis ending on 1 January and
    /// 31 December of Y-2 to Y+1 (Y+1 written by SQL: it is after the test's today), same-day courses adding up to the teknis minimum, a
    /// fungsional course not matching the post, a leadership course with a tingkat no ruleset
    /// knows, a rejected course that alone would earn the teknis points, and two employees
    /// whose NIPs are not 18 digits (one not digits at all) holding another's courses; Y-1 and
    /// Y+1 cached besides Y.
    func edgeCaseStore(_ databases: TestDatabases) throws -> (PostgresStore, [Int]) {
        let store = try seededStore(databases)
        let demo = DemoGenerator(seed: 7, pegawai: 120, today: TestClock.today)
        let nip = demo.nipText(10)
        let y = Self.year
        var courses: [Diklat] = []
        for jenis in JenisDiklat.all {
            for year in (y - 2)...y {
                for (month, day) in [(1, 1), (12, 31)] {
                    let end = LocalDate(year: year, month: month, day: day)!
                    courses.append(
                        Diklat(
                            nip: nip, jenis: jenis, tingkat: jenis.id == 1 ? .pimIII : nil,
                            nama: "Kursus \(jenis.id) \(year)-\(month)", penyelenggara: "BPSDM", tanggalMulai: end, tanggalSelesai: end,
                            jp: 7, sesuaiJabatan: month == 1))
                }
            }
        }
        let other = demo.nipText(11)
        for (index, jp) in [12, 8].enumerated() {
            courses.append(
                Diklat(
                    nip: other, jenis: JenisDiklat.withID(3)!, tingkat: nil, nama: "Bimtek \(index)", penyelenggara: "BPSDM",
                    tanggalMulai: TestClock.date("\(y)-03-04"), tanggalSelesai: TestClock.date("\(y)-03-04"), jp: jp))
        }
        courses.append(
            Diklat(
                nip: other, jenis: JenisDiklat.withID(2)!, tingkat: nil, nama: "Fungsional lain", penyelenggara: "BPSDM",
                tanggalMulai: TestClock.date("\(y)-02-01"), tanggalSelesai: TestClock.date("\(y)-02-01"), jp: 30, sesuaiJabatan: false))
        let third = demo.nipText(12)
        courses.append(
            Diklat(
                nip: third, jenis: JenisDiklat.withID(1)!, tingkat: .pimII, nama: "PIM X", penyelenggara: "LAN",
                tanggalMulai: TestClock.date("\(y - 1)-03-04"), tanggalSelesai: TestClock.date("\(y - 1)-06-04"), jp: 300))
        courses.append(
            Diklat(
                nip: third, jenis: JenisDiklat.withID(12)!, tingkat: nil, nama: "Teknis ditolak", penyelenggara: "LAN",
                tanggalMulai: TestClock.date("\(y)-03-04"), tanggalSelesai: TestClock.date("\(y)-03-04"), jp: 40))
        for course in courses { _ = try store.add(.diklat(course)) }
        let stored = try #require(try store.records(nip: third))
        let rejected = try #require(stored.diklat.first { $0.value.nama == "Teknis ditolak" })
        try store.setVerification([RecordID(kind: .diklat, id: rejected.id)], status: .tidak, reason: "Sertifikat palsu")
        try store.transaction { db in
            try db.execute(
                sql: """
                    INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, nomor_sertifikat, sesuai_jabatan, dedup_key)
                    SELECT nip, jenis, tingkat, nama || ' +1', penyelenggara, (tanggal_mulai + interval '1 year')::date,
                        (tanggal_selesai + interval '1 year')::date, jp, nomor_sertifikat, sesuai_jabatan, dedup_key # 81985529216486895
                    FROM diklat WHERE nip = ? AND tanggal_selesai >= ?::date
                    """, arguments: [nip, "\(y)-01-01"])
            // A tingkat no ruleset knows (an old import): read as none by both paths.
            try db.execute(sql: "UPDATE diklat SET tingkat = 'PIM_X' WHERE nip = ? AND nama = 'PIM X'", arguments: [third])
            for odd in ["12345", "NIP LAMA-7"] {
                try db.execute(
                    sql: """
                        INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, jenjang, status, aktif, search_key)
                        SELECT ?, nama, kode_unit, 'struktural', 'Administrator', status, 1, search_key FROM pegawai WHERE nip = ?
                        """, arguments: [odd, third])
                try db.execute(
                    sql: """
                        INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, nomor_sertifikat, sesuai_jabatan, dedup_key)
                        SELECT ?, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, nomor_sertifikat, sesuai_jabatan, dedup_key
                        FROM diklat WHERE nip = ?
                        """, arguments: [odd, nip])
            }
        }
        try store.recomputeAll(year: y + 1)
        let years = try store.read { try store.cachedYears($0) }
        #expect(years == [y - 1, y, y + 1])
        return (store, years)
    }

    @Test func preAggregatedScoresEqualTheRowWisePathOnEdgeCasesUnderSeveralRulesets() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (store, years) = try edgeCaseStore(databases)
        var wide = Ruleset.bkn2019
        wide.id = "wide"
        wide.kompetensi.teknisWindowYears = 3
        wide.kompetensi.seminarWindowYears = 1
        wide.kompetensi.fungsionalRequiresSesuai = false
        wide.kompetensi.groups[4] = nil
        wide.kompetensi.groups[5] = .fungsional
        wide.kompetensi.leadershipRank[.pimIV] = 0
        wide.verification.rejectedRecordsCount = true
        var kompetensiSeen: Set<String> = []
        for ruleset in [Ruleset.bkn2019, wide] {
            try store.setRuleset(ruleset)
            try plainRecompute(store, years: years)
            let plain = try snapshot(store)
            let plainFigures = try years.map { try store.unitFigures(year: $0) }
            #expect(plain["scores"]?.count == 122 * years.count)
            try store.transaction { db in
                try db.execute(sql: "UPDATE employee_score SET kualifikasi = 0, kompetensi = 99, kinerja = 0, disiplin = 0, complete = 0, missing = ''")
            }
            try store.transaction { try store.recompute(years: years, only: nil, replaceAll: true, $0) }
            #expect(try snapshot(store) == plain, "\(ruleset.id)")
            #expect(try years.map { try store.unitFigures(year: $0) } == plainFigures)
            // The edge cases' employees score in many ways, and differently under the two rulesets.
            let demo = DemoGenerator(seed: 7, pegawai: 120, today: TestClock.today)
            for nip in [demo.nipText(10), demo.nipText(11), demo.nipText(12), "12345", "NIP LAMA-7"] {
                for year in years { kompetensiSeen.insert("\(ruleset.id) \(try #require(try store.score(nip: nip, year: year)).kompetensi)") }
            }
            // One summary row per employee with counted diklat, not one per course.
            let summaries = try store.read { db in
                try PGRecomputeTables(db, year: Self.year, rules: ruleset, leaveOutRejected: !ruleset.verification.rejectedRecordsCount)
                    .summaryCount
            }
            let withDiklat = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT nip) FROM diklat") } ?? 0
            #expect(summaries > 100 && summaries <= withDiklat)
        }
        #expect(kompetensiSeen.count >= 6)
        let issues = try store.check()
        #expect(issues == [], "\(issues)")
    }
}

extension PostgresFullRecomputeTests {
    /// Row-level security applies to the fast path's writes: an admin connected as their own
    /// role recomputes their units' scores only; the operator's recompute corrects the rest.
    @Test func anAdminsRecomputeWritesOnlyTheirUnitsScores() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let login = "ipasn_rls_recompute"
        try ops.saveAccount(Account(login: login, role: .admin, units: ["SUB"]))
        _ = try ops.provisionLoginRole(login)
        let admin = try PostgresStore(conninfo + " user=\(login)", context: TestClock.context(actor: login))
        let (andi, budi) = (SmallProvince.nipA, SmallProvince.nipB)
        let right = try [andi, budi].map { try #require(try ops.score(nip: $0, year: 2024)) }
        let figures = try ops.unitFigures(year: 2024)
        try ops.transaction { db in
            try db.execute(sql: "UPDATE employee_score SET kinerja = kinerja + 1 WHERE year = 2024 AND nip IN (?, ?)", arguments: [andi, budi])
        }
        try admin.recomputeAll(year: 2024)
        #expect(try ops.score(nip: budi, year: 2024) == right[1], "their own unit's employee: corrected")
        #expect(try ops.score(nip: andi, year: 2024)?.kinerja == right[0].kinerja + 1, "another unit's: not theirs to write")
        try ops.recomputeAll(year: 2024)
        #expect(try [andi, budi].map { try ops.score(nip: $0, year: 2024) } == right)
        #expect(try ops.unitFigures(year: 2024) == figures)
        #expect(try ops.check() == [])
    }
}

/// The pieces of the fast path that need no server.
struct PGRecomputePiecesTests {
    @Test func copyRowReadsFieldsEscapesNullsNumbersAndDates() {
        let line = Array("19860926\\t1\t\\N\t2024-02-29\t-15\t12\t2024-13-01\ta\\\\b\\nc\t\t1234567890123456789".utf8)
        line.withUnsafeBufferPointer { bytes in
            var row = PGCopyRow()
            row.load(bytes)
            #expect(row.count == 9)
            #expect(row.text(0) == "19860926\t1")
            #expect(row.isNull(1) && row.text(1) == nil && row.int(1) == nil)
            #expect(row.date(2) == LocalDate(year: 2024, month: 2, day: 29))
            #expect(row.int(3) == -15 && row.int(4) == 12)
            #expect(row.date(5) == nil)  // month 13
            #expect(row.text(6) == "a\\b\nc")
            #expect(row.text(7) == "" && row.int(7) == nil)
            #expect(row.int(8) == 1_234_567_890_123_456_789)
            #expect(row.int(6) == nil)
        }
    }

    @Test func copyRowReadsDoublesAsStrtodAndBooleansAndEnumsFromBytes() {
        let texts = [
            "0", "15", "22.5", "-17.5", "0.1", "29.865", "123456789012345", "1234567890.12345", "1234567890123456", "1e-05",
            "-0", "Infinity", "NaN", "0.30000000000000004", "12.", ".5",
        ]
        let line = Array((texts + ["t", "f", "\\N", "S1", "S1X", "sangat_baik"]).joined(separator: "\t").utf8)
        line.withUnsafeBufferPointer { bytes in
            var row = PGCopyRow()
            row.load(bytes)
            for (index, text) in texts.enumerated() {
                let read = row.double(index)
                if text == "NaN" {
                    #expect(read?.isNaN == true)
                } else if text == "12." {
                    #expect(read == nil || read == 12, "\(text)")
                } else {
                    #expect(read == Double(text), "\(text)")
                }
            }
            let n = texts.count
            #expect(row.bool(n) && !row.bool(n + 1) && !row.bool(n + 2))
            #expect(row.double(n + 2) == nil)
            let levels = PGEnumBytes<EducationLevel>()
            #expect(levels.value(row.raw(n + 3)) == .s1)
            #expect(levels.value(row.raw(n + 4)) == nil && levels.value(row.raw(n + 2)) == nil)
            #expect(PGEnumBytes<Predikat>().value(row.raw(n + 5)) == .sangatBaik)
        }
    }

    @Test func scoreArraysQuoteEveryTextAndKeepDoublesExact() {
        #expect(PGScoreWrites.quoted("") == "\"\"")
        #expect(PGScoreWrites.quoted("a\"b\\c,d}") == "\"a\\\"b\\\\c,d}\"")
        #expect(PGScoreWrites.number(22.5) == "22.5")
        #expect(Double(PGScoreWrites.number(0.1 + 0.2)) == 0.1 + 0.2)
        func key(_ text: String) -> UInt64? { Array(text.utf8).withUnsafeBufferPointer { NIPKey.numericKey($0) } }
        #expect(key("007") == 1_007 && key("7") == 17)
        #expect(key("198609262015051001") == 1_198_609_262_015_051_001)
        #expect(key("1986A") == nil && key("") == nil && key("1234567890123456789") == nil)
    }
}
