import Foundation
import IPASNCore
import IPASNDemo
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The server's own scorer (migration `2026-11-30-pgscore`): it gives exactly what
/// ``ScoringEngine`` gives, for the rules document's worked examples, a generated province
/// over several years (rejected records included) and a non-default ruleset; and the score
/// cache refuses a figure the records do not give, even from the schema owner's functions
/// called by hand.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresServerScoreTests {
    /// The server's scorers: the bulk one (planned for its arrays) and the save's (one
    /// generic plan per session), and since `2026-12-01-pgsave6` the save's by parts (here
    /// with every part asked for); since `2026-12-05-pgscorer` the bulk one's whole-table
    /// form too (``wholeTables``). All must give the engine's figures.
    static let scorers = ["ipasn_server_scores", "ipasn_server_scores_few", "ipasn_server_scores_parts", wholeTables]

    /// The bulk scorer called with the NIPs asked for and enough NIPs of nobody after them to
    /// reach ``PostgresSchema/wholeTableNIPs``: its whole-table form (each record table grouped
    /// by NIP on its own, per year), whatever the number of employees compared.
    static let wholeTables = "ipasn_server_scores (whole tables)"

    /// The server's scores (`scorer`, the bulk one unless told) keyed by "year/nip".
    static func serverScores(
        _ db: PGConnection, nips: [String], years: [Int], entered: Bool, scorer: String = "ipasn_server_scores"
    ) throws -> [String: EmployeeScore] {
        let parts = scorer == "ipasn_server_scores_parts" ? ", true, true, true" : ""
        let function = scorer == wholeTables ? "ipasn_server_scores" : scorer
        let nobody = scorer == wholeTables ? (0..<max(0, PostgresSchema.wholeTableNIPs - nips.count)).map { String(format: "99%016d", $0) } : []
        let sql = "SELECT year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing FROM \(function)(?::text[], ?::int4[], ?\(parts))"
        let rows = try db.fetchAll(
            sql: sql,
            arguments: [
                "{" + (nips + nobody).map(PGScoreWrites.quoted).joined(separator: ",") + "}",
                "{" + years.map(String.init).joined(separator: ",") + "}", entered,
            ])
        var scores: [String: EmployeeScore] = [:]
        for row in rows {
            let missing = (row.text(7) ?? "").split(separator: ",").compactMap { MissingData(rawValue: String($0)) }
            let score = EmployeeScore(
                nip: row.text(1) ?? "", year: Int(row.text(0) ?? "") ?? 0, kualifikasi: Double(row.text(2) ?? "") ?? .nan,
                kompetensi: Double(row.text(3) ?? "") ?? .nan, kinerja: Double(row.text(4) ?? "") ?? .nan,
                disiplin: Double(row.text(5) ?? "") ?? .nan, missing: missing)
            #expect((row.text(6) == "1") == score.complete, "complete of \(score.nip) \(score.year)")
            scores["\(score.year)/\(score.nip)"] = score
        }
        return scores
    }

    /// Swift's scores of the same employees from the store's records (rejected records left
    /// out as the active ruleset says, or all of them when `entered`).
    static func swiftScores(_ store: PostgresStore, nips: [String], years: [Int], entered: Bool) throws -> [String: EmployeeScore] {
        try store.read { db in
            var scores: [String: EmployeeScore] = [:]
            for nip in nips {
                let inputs = try store.scoringInputs(nip: nip, withRecords: true, db)
                let stored = try #require(inputs.stored)
                let records = entered ? stored.plain : stored.plain(excludingAll: inputs.uncounted)
                let engine = ScoringEngine(ruleset: inputs.ruleset)
                for year in years { scores["\(year)/\(nip)"] = engine.score(records, year: year) }
            }
            return scores
        }
    }

    /// Swift and both server scorers over every employee and year: the number of
    /// differences (each recorded). The save's scorer is called 50 employees at a time, as
    /// the check calls it (up to 64 NIPs).
    static func compareEngines(_ store: PostgresStore, nips: [String], years: [Int], entered: Bool) throws -> Int {
        let swift = try swiftScores(store, nips: nips, years: years, entered: entered)
        var differences = 0
        for scorer in scorers {
            var server: [String: EmployeeScore] = [:]
            let chunk = scorer == "ipasn_server_scores" || scorer == wholeTables ? nips.count : 50
            for start in stride(from: 0, to: nips.count, by: chunk) {
                let part = Array(nips[start..<min(start + chunk, nips.count)])
                try server.merge(store.read { try serverScores($0, nips: part, years: years, entered: entered, scorer: scorer) }) { $1 }
            }
            #expect(server.count == nips.count * years.count, "\(scorer)")
            for (key, expected) in swift where server[key] != expected {
                differences += 1
                if differences <= 5 {
                    Issue.record("\(scorer) \(key) (entered: \(entered)): Swift \(expected), server \(String(describing: server[key]))")
                }
            }
        }
        return differences
    }

    // MARK: - The worked examples

    @Test func theRulesDocumentsWorkedExamplesScoreTheSameOnTheServer() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(store)
        let (fungsional, pelaksana, administrator) = ("198001012005011001", "198202022006022002", "198303032007031003")
        try store.savePegawai(Pegawai(nip: fungsional, nama: "Fitri", kodeUnit: "SUB", jenisJabatan: .fungsional, jenjang: "Analis Kepegawaian Ahli Muda"))
        try store.savePegawai(Pegawai(nip: pelaksana, nama: "Putu", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        try store.savePegawai(Pegawai(nip: administrator, nama: "Adi", kodeUnit: "SUB", jenisJabatan: .struktural, jenjang: "administrator"))
        func date(_ iso: String) -> LocalDate { TestClock.date(iso) }
        func diklat(_ nip: String, _ jenis: Int, end: String, jp: Int) -> Record {
            .diklat(Diklat(nip: nip, jenis: JenisDiklat.withID(jenis)!, nama: "Pelatihan", tanggalMulai: date(end), tanggalSelesai: date(end), jp: jp))
        }
        let records: [Record] = [
            // fungsional, S-1, a fungsional diklat in 2019, 24 JP teknis in 2024, a seminar in
            // 2023, SKP Baik, no punishment: 15 + (15 + 15 + 10) + 25 + 5 = 85
            .pendidikan(Pendidikan(nip: fungsional, tingkat: .s1, tanggalLulus: date("2010-08-01"))),
            diklat(fungsional, 2, end: "2019-05-10", jp: 40), diklat(fungsional, 3, end: "2024-03-15", jp: 24),
            diklat(fungsional, 9, end: "2023-11-02", jp: 4), .skp(SKP(nip: fungsional, tahun: 2024, predikat: .baik)),
            // pelaksana, SLTA, 20 JP teknis in 2024, SKP Sangat Baik, teguran lisan in 2024: 5 + 22.5 + 30 + 3 = 60.5
            .pendidikan(Pendidikan(nip: pelaksana, tingkat: .slta, tanggalLulus: date("2010-08-01"))),
            diklat(pelaksana, 3, end: "2024-06-20", jp: 20), .skp(SKP(nip: pelaksana, tahun: 2024, predikat: .sangatBaik)),
            .disiplin(HukumanDisiplin(nip: pelaksana, tingkat: .ringan, tmt: date("2024-02-01"), jenis: "teguran")),
            // administrator, S-2, no PIM, 20 JP teknis, a seminar, SKP Cukup, none: 20 + (0 + 15 + 10) + 15 + 5 = 65
            .pendidikan(Pendidikan(nip: administrator, tingkat: .s2, tanggalLulus: date("2010-08-01"))),
            diklat(administrator, 8, end: "2024-09-01", jp: 20), diklat(administrator, 7, end: "2024-10-01", jp: 3),
            .skp(SKP(nip: administrator, tahun: 2024, predikat: .cukup)),
        ]
        for record in records { _ = try store.add(record) }
        for scorer in Self.scorers {
            let server = try store.read {
                try Self.serverScores($0, nips: [fungsional, pelaksana, administrator, SmallProvince.nipA], years: [2024], entered: false, scorer: scorer)
            }
            let expected: [(String, [Double], Double)] = [
                (fungsional, [15, 40, 25, 5], 85), (pelaksana, [5, 22.5, 30, 3], 60.5), (administrator, [20, 25, 15, 5], 65),
            ]
            for (nip, points, total) in expected {
                let score = try #require(server["2024/\(nip)"])
                #expect([score.kualifikasi, score.kompetensi, score.kinerja, score.disiplin] == points, "\(scorer) \(nip)")
                #expect(score.total == total)
                #expect(score.complete)
            }
            // No records at all: 0 + 0 + 0 + 5, education and SKP missing (the cache's text form).
            let empty = try #require(server["2024/\(SmallProvince.nipA)"])
            #expect([empty.kualifikasi, empty.kompetensi, empty.kinerja, empty.disiplin] == [0, 0, 0, 5], "\(scorer)")
            #expect(empty.missing == [.pendidikan, .skp])
        }
        #expect(try store.read { try String.fetchOne($0, sql: "SELECT missing FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [SmallProvince.nipA]) } == "pendidikan,skp")
        #expect(try Self.compareEngines(store, nips: [fungsional, pelaksana, administrator, SmallProvince.nipA], years: [2023, 2024], entered: false) == 0)

        // A ruleset written into config by hand (RulesetFile, and so the application,
        // refuses negative points): SLTA at -3 points is below the engine's starting -1, so
        // the pelaksana's only education is not found (pendidikan missing, 0 points); S-2 at
        // -1 still is. Both server scorers give what ScoringEngine gives under that ruleset.
        var negative = Ruleset.bkn2019
        negative.id = "bkn-2019-negatif"
        negative.kualifikasi.points[.slta] = -3
        negative.kualifikasi.points[.s2] = -1
        let owner = try PGConnection(conninfo: conninfo)
        try owner.execute(sql: "INSERT INTO config(key, value) VALUES ('ruleset', ?)", arguments: [try StoreCodec.json(negative)])
        let engine = ScoringEngine(ruleset: negative)
        for scorer in Self.scorers {
            let server = try Self.serverScores(owner, nips: [pelaksana, administrator], years: [2024], entered: false, scorer: scorer)
            for nip in [pelaksana, administrator] {
                let records = try #require(try store.records(nip: nip)).plain
                #expect(server["2024/\(nip)"] == engine.score(records, year: 2024), "\(scorer) \(nip)")
            }
            #expect(server["2024/\(pelaksana)"]?.missing == [.pendidikan], "\(scorer)")
            #expect(server["2024/\(pelaksana)"]?.kualifikasi == 0)
            #expect(server["2024/\(administrator)"]?.missing == [], "\(scorer)")
            #expect(server["2024/\(administrator)"]?.kualifikasi == 0)
        }
    }

    // MARK: - A generated province, several years, two rulesets

    /// A bkn-2019 variant through `RulesetFile` (a partial file): other points, thresholds and
    /// windows, undated education counted, fungsional courses counted whether sesuai or not,
    /// rejected records counted, other fungsional and pelaksana rows (each still adding up to the maximum).
    static let variantJSON = """
        {
          "base": "bkn-2019",
          "id": "bkn-2019-uji",
          "name": "BKN 2019 (uji server)",
          "kualifikasi": { "points": { "S1": 17.5, "SLTA": 6.25 }, "undated_counts": true },
          "kompetensi": {
            "points": { "fungsional": { "kepemimpinan": 0, "fungsional": 17.5, "teknis": 12.5, "seminar": 10 },
                        "pelaksana": { "kepemimpinan": 0, "fungsional": 0, "teknis": 27.5, "seminar": 12.5 } },
            "teknis_minimum_jp": 16,
            "teknis_window_years": 2,
            "seminar_window_years": 1,
            "fungsional_requires_sesuai": false
          },
          "kinerja": {
            "points": { "baik": 22.75, "cukup": 13.1 },
            "nilai_thresholds": [ { "min": 88.5, "predikat": "sangat_baik" }, { "min": 72.25, "predikat": "baik" },
                                  { "min": 55, "predikat": "cukup" } ],
            "below_all": "kurang"
          },
          "disiplin": { "none": 5, "points": { "ringan": 2.5, "sedang": 1.25, "berat": 0 }, "window_years": 2 },
          "verification": { "rejected_records_count": true }
        }
        """

    @Test func aGeneratedProvinceScoresTheSameOnBothEnginesUnderTwoRulesets() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        let demo = DemoGenerator(seed: 12, pegawai: 2_000, today: TestClock.today)
        try demo.write(to: store)
        try store.setMeasurementYear(TestClock.measurementYear)
        // Other cached years (their recomputes pass the server's check too).
        try store.recomputeAll(year: 2022)
        try store.recomputeAll(year: 2023)
        let nips = (0..<demo.pegawaiCount).map(demo.nipText)
        // What the demo may not make: undated education, an SKP by number only (on and
        // between thresholds), leadership courses of a struktural, a fungsional course "tidak
        // sesuai", punishments in several years, rejected records.
        let date = TestClock.date
        // Three employees with no SKP of 2023 get one by number only.
        let noSKP = try nips.filter { nip in try store.records(nip: nip)?.skp.contains { $0.value.tahun == 2023 } == false }.prefix(3)
        try #require(noSKP.count == 3)
        let numbered = Array(noSKP)
        let extra: [Record] = [
            .pendidikan(Pendidikan(nip: nips[0], tingkat: .s1, tanggalLulus: nil)),
            .skp(SKP(nip: numbered[0], tahun: 2023, predikat: nil, nilai: 88.5)),
            .skp(SKP(nip: numbered[1], tahun: 2023, predikat: nil, nilai: 72.24)),
            .skp(SKP(nip: numbered[2], tahun: 2023, predikat: nil, nilai: 10)),
            .diklat(Diklat(nip: nips[4], jenis: .struktural, tingkat: .pimIV, nama: "PIM IV", tanggalMulai: date("2022-02-01"), tanggalSelesai: date("2022-05-30"), jp: 380)),
            .diklat(Diklat(nip: nips[5], jenis: .struktural, tingkat: .pimIII, nama: "PIM III", tanggalMulai: date("2023-02-01"), tanggalSelesai: date("2023-05-30"), jp: 380)),
            .diklat(Diklat(nip: nips[6], jenis: JenisDiklat.withID(2)!, nama: "Fungsional", tanggalMulai: date("2023-02-01"), tanggalSelesai: date("2023-02-10"), jp: 40, sesuaiJabatan: false)),
            .disiplin(HukumanDisiplin(nip: nips[7], tingkat: .berat, tmt: date("2023-03-01"), jenis: "Penurunan pangkat")),
            .disiplin(HukumanDisiplin(nip: nips[7], tingkat: .ringan, tmt: date("2024-03-01"), jenis: "Teguran")),
        ]
        for record in extra { _ = try store.add(record) }
        var rejected: [RecordID] = []
        for index in stride(from: 10, to: 400, by: 13) {
            let stored = try #require(try store.records(nip: nips[index]))
            rejected += stored.diklat.prefix(1).map { RecordID(kind: .diklat, id: $0.id) }
            rejected += stored.skp.prefix(1).map { RecordID(kind: .skp, id: $0.id) }
            rejected += stored.pendidikan.prefix(1).map { RecordID(kind: .pendidikan, id: $0.id) }
        }
        #expect(rejected.count > 60)
        _ = try store.setVerification(rejected, status: .tidak, reason: "Dokumen tidak sesuai")
        let years = [2021, 2022, 2023, 2024]

        // bkn-2019: every employee and year, as counted and as entered; the cache holds it.
        #expect(try Self.compareEngines(store, nips: nips, years: years, entered: false) == 0)
        #expect(try Self.compareEngines(store, nips: Array(nips.prefix(400)), years: years, entered: true) == 0)
        #expect(try store.check() == [])

        // The variant, activated with `rules use` (its recompute of every cached year passes
        // the server's check), then the default again.
        let variant = try RulesetFile.load(Data(Self.variantJSON.utf8))
        #expect(variant.verification.rejectedRecordsCount)
        try store.setRuleset(variant)
        #expect(try store.read { try String.fetchOne($0, sql: "SELECT active ->> 'id' FROM scoring_rules") } == "bkn-2019-uji")
        // The parsed rule tables follow in the same transaction: the variant's baik, its bands.
        #expect(try store.read { try Double.fetchOne($0, sql: "SELECT points FROM score_kinerja WHERE predikat = 'baik'") } == 22.75)
        #expect(
            try store.read { try String.fetchAll($0, sql: "SELECT concat_ws(' ', lo, hi, predikat) FROM score_kinerja_bands ORDER BY lo NULLS FIRST") }
                == ["55 kurang", "55 72.25 cukup", "72.25 88.5 baik", "88.5 sangat_baik"])
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT teknis_window FROM score_params") } == 2)
        #expect(try Self.compareEngines(store, nips: nips, years: years, entered: false) == 0)
        #expect(try store.check() == [])
        // The variant changes scores: the check compared something else than bkn-2019's figures.
        let server = try store.read { try Self.serverScores($0, nips: [numbered[0], numbered[1]], years: [2023], entered: false) }
        // Under the variant 88.5 is sangat baik (30; baik, 25, under bkn-2019) and 72.24 cukup (13.1).
        #expect(server["2023/\(numbered[0])"]?.kinerja == 30)
        #expect(server["2023/\(numbered[1])"]?.kinerja == 13.1)
        try store.setRuleset(nil)
        #expect(try store.read { try String.fetchOne($0, sql: "SELECT active ->> 'id' FROM scoring_rules") } == "bkn-2019")
        #expect(try store.read { try Double.fetchOne($0, sql: "SELECT points FROM score_kinerja WHERE predikat = 'baik'") } == 25)

        // Every write is checked, the schema owner's bulk ones too (no size exception): all
        // 2,000 employees' 2024 scores as the server gives them pass, one kinerja off by 0.5 is refused.
        let owner = try PGConnection(conninfo: conninfo)
        #expect(try Self.bulkRefusal(owner, nips: nips, year: 2024, alter: nil) == nil)
        let refusal = try Self.bulkRefusal(owner, nips: nips, year: 2024, alter: nips[1_234])
        #expect(refusal?.contains("kinerja score of employee \(nips[1_234]) for 2024 is") == true, "\(refusal ?? "ran")")
        #expect(try Self.compareEngines(store, nips: Array(nips.prefix(500)), years: years, entered: false) == 0)
    }

    /// Calls `ipasn_refresh_scores` with the server's own `year` scores of every employee
    /// listed, the kinerja of `alter` (if any) half a point higher, as `db`'s role; the
    /// refusal's message, nil when it was accepted (the transaction is rolled back either way).
    static func bulkRefusal(_ db: PGConnection, nips: [String], year: Int, alter: String?) throws -> String? {
        let sql = """
            WITH x AS (SELECT * FROM ipasn_server_scores(?::text[], ARRAY[\(year)], false))
            SELECT r.updated FROM (SELECT array_agg(year ORDER BY nip) y, array_agg(nip ORDER BY nip) n,
                array_agg(kualifikasi ORDER BY nip) k, array_agg(kompetensi ORDER BY nip) c,
                array_agg(CASE WHEN nip = ? THEN kinerja + 0.5 ELSE kinerja END ORDER BY nip) i,
                array_agg(disiplin ORDER BY nip) d, array_agg(complete ORDER BY nip) cp, array_agg(missing ORDER BY nip) m FROM x) a,
                ipasn_refresh_scores(a.y, a.n, a.k, a.c, a.i, a.d, a.cp, a.m, NULL) r
            """
        try db.execute(sql: "BEGIN")
        defer { _ = try? db.execute(sql: "ROLLBACK") }
        do {
            _ = try db.fetchAll(
                sql: sql, arguments: ["{" + nips.map(PGScoreWrites.quoted).joined(separator: ",") + "}", alter ?? ""])
            return nil
        } catch {
            return String(describing: error)
        }
    }

    // MARK: - Raw SQL as an admin

    @Test func anAdminCannotPlantAMadeUpScoreForTheirOwnUnitFromRawSQL() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let (admin, operatorLogin) = ("ipasn_score_admin", "ipasn_score_ops")
        try ops.saveAccount(Account(login: admin, role: .admin, units: ["SUB"]))
        try ops.saveAccount(Account(login: operatorLogin, role: .operator, units: []))
        _ = try ops.provisionLoginRole(admin)
        _ = try ops.provisionLoginRole(operatorLogin)
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20))
        let superuser = try PGConnection(conninfo: conninfo)
        let before = try PostgresSecureCacheTests.digest(superuser)

        // Budi (SUB, the admin's own unit) scores 0 + 22.5 + 0 + 5 in 2024, education and SKP missing.
        let raw = try PostgresSecureCacheTests.Raw(conninfo, user: admin)
        func put(_ entered: Bool, _ k: String, _ c: String, _ i: String, _ d: String, complete: Int = 0, missing: String = "pendidikan,skp") -> String {
            "SELECT ipasn_put_scores(\(entered), ARRAY[2024], ARRAY['\(SmallProvince.nipB)'], ARRAY[\(k)::float8], ARRAY[\(c)::float8], "
                + "ARRAY[\(i)::float8], ARRAY[\(d)::float8], ARRAY[\(complete)::int2], ARRAY['\(missing)'])"
        }
        let madeUp = raw.refusal(put(false, "0", "22.5", "30", "5"))
        #expect(madeUp?.state == "23514")
        #expect(madeUp?.message.contains("kinerja score of employee \(SmallProvince.nipB) for 2024 is 30 (the records give 0)") == true, "\(madeUp?.message ?? "ran")")
        // A rounding's worth off, a flag, the missing list, the scores as entered: refused too.
        #expect(raw.refusal(put(false, "0", "22.500000000000004", "0", "5"))?.message.contains("kompetensi") == true)
        #expect(raw.refusal(put(false, "0", "22.5", "0", "5", complete: 1))?.message.contains("complete") == true)
        #expect(raw.refusal(put(false, "0", "22.5", "0", "5", missing: "skp"))?.message.contains("missing") == true)
        #expect(raw.refusal(put(true, "25", "22.5", "0", "5"))?.state == "23514")
        // The recompute's function, for an uncached year too.
        let refresh = raw.refusal(
            "SELECT * FROM ipasn_refresh_scores(ARRAY[2024, 2031], ARRAY['\(SmallProvince.nipB)', '\(SmallProvince.nipB)'], ARRAY[0, 25]::float8[], "
                + "ARRAY[22.5, 0]::float8[], ARRAY[0, 0]::float8[], ARRAY[5, 5]::float8[], ARRAY[0, 0]::int2[], ARRAY['pendidikan,skp', 'pendidikan,skp'], NULL)")
        #expect(refresh?.state == "23514")
        #expect(refresh?.message.contains("kualifikasi score of employee \(SmallProvince.nipB) for 2031 is 25") == true, "\(refresh?.message ?? "ran")")
        // An admin's call of more than 64 rows (a bulk write) is checked too: Budi over 72 years,
        // the server's own figures but for 2024's kinerja.
        let bulk = raw.refusal(
            """
            WITH x AS (SELECT * FROM ipasn_server_scores(ARRAY['\(SmallProvince.nipB)'], ARRAY(SELECT generate_series(1960, 2031)), false))
            SELECT r.* FROM (SELECT array_agg(year ORDER BY year) y, array_agg(nip ORDER BY year) n, array_agg(kualifikasi ORDER BY year) k,
                array_agg(kompetensi ORDER BY year) c, array_agg(CASE WHEN year = 2024 THEN 30 ELSE kinerja END ORDER BY year) i,
                array_agg(disiplin ORDER BY year) d, array_agg(complete ORDER BY year) cp, array_agg(missing ORDER BY year) m FROM x) a,
                ipasn_refresh_scores(a.y, a.n, a.k, a.c, a.i, a.d, a.cp, a.m, NULL) r
            """)
        #expect(bulk?.state == "23514")
        #expect(bulk?.message.contains("kinerja score of employee \(SmallProvince.nipB) for 2024 is 30") == true, "\(bulk?.message ?? "ran")")
        // The unchecked bodies are the owner's alone; the rules table is nobody's to write.
        #expect(raw.refusal(put(false, "0", "22.5", "30", "5").replacingOccurrences(of: "ipasn_put_scores(", with: "ipasn_put_scores_unchecked("))?.state == "42501")
        #expect(raw.refusal("UPDATE scoring_rules SET active = jsonb_set(active, '{kinerja,points,kurang}', '30')")?.state == "42501")
        // Another unit's employee: still the permission refusal first.
        #expect(raw.refusal(put(false, "0", "0", "0", "5").replacingOccurrences(of: SmallProvince.nipB, with: SmallProvince.nipA))?.state == "42501")
        // The true figures pass (nothing changes: the cache already holds them).
        #expect(raw.refusal(put(false, "0", "22.5", "0", "5")) == nil)
        #expect(try PostgresSecureCacheTests.digest(superuser) == before)

        // An operator may not slip past the scorer either: a ruleset with a feature the server
        // does not know is refused, and so is one missing a part; the rules stay as they were.
        let operatorRaw = try PostgresSecureCacheTests.Raw(conninfo, user: operatorLogin)
        let json = try StoreCodec.json(Ruleset.bkn2019)
        let unknown = operatorRaw.refusal(
            "INSERT INTO config(key, value) VALUES ('ruleset', '\(json.dropLast())' || ', \"masa_kerja\": {\"max\": 5}}')")
        #expect(unknown?.state == "0A000")
        #expect(unknown?.message.contains("\"masa_kerja\" is a ruleset feature this PostgreSQL server's scorer does not know") == true, "\(unknown?.message ?? "ran")")
        let nested = try String.fetchOne(superuser, sql: "SELECT jsonb_set(?::jsonb, '{kinerja,rounding}', '2')::text", arguments: [json]) ?? ""
        #expect(operatorRaw.refusal("INSERT INTO config(key, value) VALUES ('ruleset', '\(nested)')")?.message.contains("\"kinerja.rounding\"") == true)
        let partial = try String.fetchOne(superuser, sql: "SELECT (?::jsonb #- '{disiplin,window_years}')::text", arguments: [json]) ?? ""
        #expect(operatorRaw.refusal("INSERT INTO config(key, value) VALUES ('ruleset', '\(partial)')")?.message.contains("\"disiplin.window_years\" is missing") == true)
        // A value of the wrong kind (a point in words): refused on activation, not scored as 0.
        let words = try String.fetchOne(superuser, sql: "SELECT jsonb_set(?::jsonb, '{kinerja,points,baik}', '\"dua puluh lima\"')::text", arguments: [json]) ?? ""
        let wrongKind = operatorRaw.refusal("INSERT INTO config(key, value) VALUES ('ruleset', '\(words)')")
        #expect(wrongKind?.state == "0A000")
        #expect(wrongKind?.message.contains("ruleset bkn-2019: a value is missing or not of its kind") == true, "\(wrongKind?.message ?? "ran")")
        #expect(try Double.fetchOne(superuser, sql: "SELECT points FROM score_kinerja WHERE predikat = 'baik'") == 25)
        // An operator's bulk write (more than 64 rows) is checked as an admin's is.
        let operatorBulk = operatorRaw.refusal(
            """
            WITH x AS (SELECT * FROM ipasn_server_scores(ARRAY['\(SmallProvince.nipB)'], ARRAY(SELECT generate_series(1960, 2031)), false))
            SELECT r.* FROM (SELECT array_agg(year ORDER BY year) y, array_agg(nip ORDER BY year) n, array_agg(kualifikasi ORDER BY year) k,
                array_agg(kompetensi ORDER BY year) c, array_agg(CASE WHEN year = 2030 THEN 30 ELSE kinerja END ORDER BY year) i,
                array_agg(disiplin ORDER BY year) d, array_agg(complete ORDER BY year) cp, array_agg(missing ORDER BY year) m FROM x) a,
                ipasn_refresh_scores(a.y, a.n, a.k, a.c, a.i, a.d, a.cp, a.m, NULL) r
            """)
        #expect(operatorBulk?.state == "23514")
        #expect(operatorBulk?.message.contains("kinerja score of employee \(SmallProvince.nipB) for 2030 is 30") == true, "\(operatorBulk?.message ?? "ran")")
        #expect(try String.fetchOne(superuser, sql: "SELECT active ->> 'id' FROM scoring_rules") == "bkn-2019")

        // The application as the admin's own role: save, edit, undo, recompute still work.
        let store = try PostgresStore(conninfo + " user=\(admin)", context: TestClock.context(actor: admin, session: "s1"))
        let saved = try store.add(.skp(SKP(nip: SmallProvince.nipC, tahun: 2024, predikat: .baik)))
        #expect(saved.score.kinerja == 25)
        _ = try store.update(saved.id, to: .skp(SKP(nip: SmallProvince.nipC, tahun: 2024, predikat: .cukup)))
        #expect(try Double.fetchOne(superuser, sql: "SELECT kinerja FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [SmallProvince.nipC]) == 15)
        #expect(try store.undoLast(session: "s1") != nil)
        #expect(try Double.fetchOne(superuser, sql: "SELECT kinerja FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [SmallProvince.nipC]) == 25)
        try store.recomputeAll(year: 2024)
        #expect(try store.check() == [])
    }
}
