import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Issue 12, branch pgsave2: the row-level security functions in PL/pgSQL (plans kept per
/// session) decide exactly as the SQL functions did, for every kind of account; and a save
/// leaves a cached score that did not change untouched (no new row version).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresPolicyFunctionTests {
    @Test func thePolicyFunctionsDecideAsBeforeForEveryKindOfAccount() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "ipasn_pf_sub", role: .admin, units: ["SUB"]))
        try ops.saveAccount(Account(login: "ipasn_pf_root", role: .admin, units: ["ROOT"]))
        try ops.saveAccount(Account(login: "ipasn_pf_checker", role: .verifikator, units: []))
        try ops.saveAccount(Account(login: "ipasn_pf_boss", role: .pimpinan, units: ["ROOT"]))
        // A PostgreSQL role of the group with no ipasn account at all.
        for login in ["ipasn_pf_sub", "ipasn_pf_root", "ipasn_pf_checker", "ipasn_pf_boss", "ipasn_pf_none"] {
            let provision = try ops.provisionLoginRole(login)
            #expect(provision == .created || provision == .granted)
        }
        // The cached-plan form is what the policies call.
        let owner = try PGConnection(conninfo: conninfo)
        let languages = try String.fetchAll(
            owner,
            sql: """
                SELECT p.proname || ' ' || l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                WHERE p.proname IN ('ipasn_role', 'ipasn_is_operator', 'ipasn_may_write', 'ipasn_may_write_nip',
                                    'ipasn_may_write_score', 'ipasn_writer') ORDER BY p.proname
                """)
        #expect(
            languages == [
                "ipasn_is_operator plpgsql", "ipasn_may_write plpgsql", "ipasn_may_write_nip plpgsql",
                "ipasn_may_write_score plpgsql", "ipasn_role plpgsql", "ipasn_writer plpgsql",
            ])

        let unknownNIP = "199901012020011001"
        let question = """
            SELECT concat_ws(' ', COALESCE(ipasn_role(), '-'), ipasn_is_operator(),
                ipasn_may_write('SUB'), ipasn_may_write('ROOT'),
                ipasn_may_write_nip('\(SmallProvince.nipB)'), ipasn_may_write_nip('\(SmallProvince.nipA)'),
                ipasn_may_write_nip('\(unknownNIP)'),
                ipasn_may_write_score('\(SmallProvince.nipB)'), ipasn_may_write_score('\(SmallProvince.nipA)'),
                ipasn_writer())
            """
        func answers(_ login: String) throws -> String? {
            let db = try PGConnection(conninfo: conninfo + " user=\(login)")
            // Twice in one session: the second call runs on the plans the first one kept.
            let first = try String.fetchOne(db, sql: question)
            #expect(try String.fetchOne(db, sql: question) == first)
            return first
        }
        // role, operator?, unit SUB, unit ROOT, Budi (SUB), Andi (ROOT), nobody, Budi's score,
        // Andi's score, writer?  (t/f as PostgreSQL prints booleans).
        #expect(try answers("ipasn_pf_sub") == "admin f t f t f f t f t")
        // ROOT's admin holds SUB below it: the walk up the tree.
        #expect(try answers("ipasn_pf_root") == "admin f t t t t f t t t")
        // A verifikator writes no unit's records but refreshes any employee's score.
        #expect(try answers("ipasn_pf_checker") == "verifikator f f f f f f t t t")
        // A pimpinan only reads, whatever units the account names.
        #expect(try answers("ipasn_pf_boss") == "pimpinan f f f f f f f f f")
        #expect(try answers("ipasn_pf_none") == "- f f f f f f f f f")
        // And the operator who owns nothing of the role machinery but its account.
        try ops.saveAccount(Account(login: "ipasn_pf_op", role: .operator, units: []))
        _ = try ops.provisionLoginRole("ipasn_pf_op")
        #expect(try answers("ipasn_pf_op") == "operator t t t t t f t t t")
    }

    @Test func aSaveLeavesAnUnchangedCachedScoreUntouched() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "sub-admin", role: .admin, units: ["SUB"]))
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 10))
        #expect(try ops.read { try ops.cachedYears($0) } == [2024, 2025])
        let raw = try PGConnection(conninfo: conninfo)
        func version(_ year: Int) throws -> String? {
            try String.fetchOne(
                raw, sql: "SELECT xmin::text FROM employee_score WHERE nip = ? AND year = ?",
                arguments: [SmallProvince.nipB, year])
        }
        func totalsVersion(_ year: Int) throws -> String? {
            try String.fetchOne(
                raw, sql: "SELECT xmin::text FROM unit_score_totals WHERE kode_unit = 'SUB' AND year = ?", arguments: [year])
        }
        let before2024 = try version(2024)
        let before2025 = try version(2025)
        let totals2025 = try totalsVersion(2025)
        #expect(before2024 != nil && before2025 != nil && totals2025 != nil)
        let audited = try ops.auditLog(limit: 1000).count

        // Another 10 JP in 2024: 2024's score changes (20 JP: 22.5 points), 2025's does not.
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 10))
        #expect(saved.score.kompetensi == 22.5)
        #expect(try version(2024) != before2024)
        #expect(try ops.score(nip: SmallProvince.nipB, year: 2024)?.kompetensi == 22.5)
        // 2025's row and its unit's totals row: the same row versions as before the save.
        #expect(try version(2025) == before2025)
        #expect(try totalsVersion(2025) == totals2025)
        #expect(try ops.score(nip: SmallProvince.nipB, year: 2025)?.kompetensi == 0)
        // The save is still one audited transaction, and every cache agrees with the records.
        #expect(try ops.auditLog(limit: 1000).count == audited + 1)
        #expect(try ops.auditLog(limit: 1)[0].subject == .record(saved.id))
        #expect(try ops.check() == [])
    }

    /// The entry marks' trigger in one statement: a mark per record kind whose sequence went
    /// past the kind's newest mark, at the audit row's time; none for an audit row that used
    /// no new id, none for a kind never used.
    @Test func theEntryMarksAreWrittenAsBefore() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let raw = try PGConnection(conninfo: conninfo)
        func marks() throws -> [String] {
            try String.fetchAll(raw, sql: "SELECT kind || ' ' || upto_id FROM entry_marks ORDER BY kind, upto_id")
        }
        #expect(try marks() == [])
        let first = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama"))
        // An audit row that hands out no record id: no mark.
        try ops.saveAccount(Account(login: "sub-admin", role: .admin, units: ["SUB"]))
        let second = try ops.add(SmallProvince.teknis(SmallProvince.nipC, "Kedua"))
        #expect(try marks() == ["diklat \(first.id.id)", "diklat \(second.id.id)"])
        // A mark carries its audit row's time.
        let at = try String.fetchOne(
            raw, sql: "SELECT (m.at = a.at)::text FROM entry_marks m JOIN audit a ON a.entity_id = m.upto_id::text "
                + "AND a.entity = 'diklat' WHERE m.upto_id = ?", arguments: [second.id.id])
        #expect(at == "true")
        // An id used and rolled back (a refused save) is marked with the next audit row.
        let sub = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        #expect(throws: StoreError.self) { try sub.add(SmallProvince.teknis(SmallProvince.nipA, "Lain unit")) }
        let third = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Ketiga"))
        #expect(try marks() == ["diklat \(first.id.id)", "diklat \(second.id.id)", "diklat \(third.id.id)"])
    }
}
