import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The score check of a save scores only what the save changes (migration
/// `2026-12-01-pgsave6`): a figure equal to the cached one is not re-derived from the
/// records, a changed one is (only its record tables are read), and a wrong one is still
/// refused, whichever part it is in.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSaveCheckPartsTests {
    /// Budi (SUB) has one teknis course of 20 JP ending 2024-03-03 and nothing else: his
    /// cached 2024 row is 0 + 22.5 + 0 + 5, incomplete, education and SKP missing.
    private func seeded(_ databases: TestDatabases) throws -> (conninfo: String, admin: PGConnection) {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let admin = "ipasn_parts_admin"
        try ops.saveAccount(Account(login: admin, role: .admin, units: ["SUB"]))
        _ = try ops.provisionLoginRole(admin)
        _ = try ops.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20))
        let owner = try PGConnection(conninfo: conninfo)
        #expect(
            try String.fetchOne(
                owner,
                sql: "SELECT concat_ws(' ', kualifikasi, kompetensi, kinerja, disiplin, complete, missing) FROM employee_score WHERE year = 2024 AND nip = ?",
                arguments: [SmallProvince.nipB]) == "0 22.5 0 5 0 pendidikan,skp")
        return (conninfo, try PGConnection(conninfo: conninfo + " user=\(admin)"))
    }

    /// Budi's row for `year` as given to `ipasn_put_scores` by hand, each figure overridable.
    private static func put(
        year: Int = 2024, kualifikasi: String = "0", kompetensi: String = "22.5", kinerja: String = "0", disiplin: String = "5"
    ) -> String {
        "SELECT ipasn_put_scores(false, ARRAY[\(year)], ARRAY['\(SmallProvince.nipB)'], ARRAY[\(kualifikasi)::float8], "
            + "ARRAY[\(kompetensi)::float8], ARRAY[\(kinerja)::float8], ARRAY[\(disiplin)::float8], ARRAY[0::int2], ARRAY['pendidikan,skp'])"
    }

    /// Runs `sql` in a transaction rolled back afterwards: its refusal (SQLSTATE, message; nil
    /// when it ran) and how many times it read each record table (every one listed).
    private static func run(_ db: PGConnection, _ sql: String) throws -> (refusal: (String, String)?, scans: [String: Int]) {
        try db.execute(sql: "BEGIN")
        defer { _ = try? db.execute(sql: "ROLLBACK") }
        // The session's scan counts not yet reported (reported only between transactions, and
        // not every time: earlier calls' may still be there), before and after the call.
        func counts() throws -> [String: Int] {
            let rows = try db.fetchAll(
                sql: """
                    SELECT relname::text, (COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0))::text FROM pg_stat_xact_user_tables
                    WHERE schemaname = 'public' AND relname IN ('pendidikan', 'skp', 'disiplin', 'diklat')
                    """)
            var scans: [String: Int] = [:]
            for row in rows { scans[row.text(0) ?? ""] = Int(row.text(1) ?? "") ?? -1 }
            return scans
        }
        let before = try counts()
        try db.execute(sql: "SAVEPOINT call")
        var refusal: (String, String)?
        do {
            try db.execute(sql: sql)
        } catch let error as PGError {
            refusal = (error.sqlState, error.message)
            try db.execute(sql: "ROLLBACK TO SAVEPOINT call")
        }
        // Scans are counted whether or not the call was refused (they are not undone).
        let after = try counts()
        return (refusal, after.reduce(into: [:]) { $0[$1.key] = $1.value - (before[$1.key] ?? 0) })
    }

    @Test func theCheckReadsOnlyTheRecordTablesOfTheFiguresACallChanges() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (_, admin) = try seeded(databases)

        // The cached figures again (what most saves send): accepted, no record table read.
        let same = try Self.run(admin, Self.put())
        #expect(same.refusal == nil)
        #expect(same.scans == ["pendidikan": 0, "skp": 0, "disiplin": 0, "diklat": 0])

        // Kompetensi changed (made up): only diklat is read, and the figure is refused.
        let kompetensi = try Self.run(admin, Self.put(kompetensi: "25"))
        #expect(kompetensi.refusal?.0 == "23514")
        #expect(
            kompetensi.refusal?.1.contains("kompetensi score of employee \(SmallProvince.nipB) for 2024 is 25 (the records give 22.5)") == true,
            "\(kompetensi.refusal?.1 ?? "accepted")")
        #expect(kompetensi.scans["diklat", default: 0] > 0)
        #expect(kompetensi.scans["pendidikan"] == 0 && kompetensi.scans["skp"] == 0 && kompetensi.scans["disiplin"] == 0)

        // Disiplin changed: only disiplin is read; refused.
        let disiplin = try Self.run(admin, Self.put(disiplin: "3"))
        #expect(disiplin.refusal?.1.contains("disiplin score of employee \(SmallProvince.nipB) for 2024 is 3 (the records give 5)") == true)
        #expect(disiplin.scans["disiplin", default: 0] > 0)
        #expect(disiplin.scans["diklat"] == 0 && disiplin.scans["pendidikan"] == 0 && disiplin.scans["skp"] == 0)

        // Kinerja changed: pendidikan and SKP are read (they decide complete and missing too); refused.
        let kinerja = try Self.run(admin, Self.put(kinerja: "30"))
        #expect(kinerja.refusal?.1.contains("kinerja score of employee \(SmallProvince.nipB) for 2024 is 30 (the records give 0)") == true)
        #expect(kinerja.scans["pendidikan", default: 0] > 0 && kinerja.scans["skp", default: 0] > 0)
        #expect(kinerja.scans["diklat"] == 0 && kinerja.scans["disiplin"] == 0)

        // Two parts changed, the right kompetensi beside a made-up kualifikasi: refused for the latter.
        let mixed = try Self.run(admin, Self.put(kualifikasi: "25"))
        #expect(mixed.refusal?.1.contains("kualifikasi score of employee \(SmallProvince.nipB) for 2024 is 25 (the records give 0)") == true)

        // No cached row (2023 is not cached): every part is read. In 2023 the course (March
        // 2024) does not count yet, so 2024's kompetensi of 22.5 is refused for it.
        let uncached = try Self.run(admin, Self.put(year: 2023))
        #expect(uncached.refusal?.1.contains("kompetensi score of employee \(SmallProvince.nipB) for 2023 is 22.5 (the records give 0)") == true,
            "\(uncached.refusal?.1 ?? "accepted")")
        #expect(uncached.scans.values.allSatisfy { $0 > 0 }, "\(uncached.scans)")
        #expect(uncached.scans.count == 4)
    }

    /// A save through the store (a course that changes kompetensi) still passes the check and
    /// caches the records' figure; a second course that changes nothing leaves the row as it was.
    @Test func savesThroughTheStoreStillPassAndCacheTheRecordsFigures() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _) = try seeded(databases)
        let store = try PostgresStore(conninfo + " user=ipasn_parts_admin", context: TestClock.context(actor: "ipasn_parts_admin"))
        // An SKP of 2024 (baik: 25 points) changes kinerja, complete stays 0 (no education).
        let skp = try store.add(.skp(SKP(nip: SmallProvince.nipB, tahun: 2024, predikat: .baik)))
        #expect(skp.score.kinerja == 25)
        // A second teknis course: kompetensi already at 22.5, nothing changes.
        _ = try store.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Kedua", jp: 8))
        let owner = try PGConnection(conninfo: conninfo)
        #expect(
            try String.fetchOne(
                owner,
                sql: "SELECT concat_ws(' ', kualifikasi, kompetensi, kinerja, disiplin, complete, missing) FROM employee_score WHERE year = 2024 AND nip = ?",
                arguments: [SmallProvince.nipB]) == "0 22.5 25 5 0 pendidikan")
        #expect(try store.check() == [])
    }
}
