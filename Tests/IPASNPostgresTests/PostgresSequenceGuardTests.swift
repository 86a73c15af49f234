import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Migration `2026-12-05-seqguard`: the two raw-SQL holes docs/store.md listed as left open.
/// An account's role can no longer set a record table's id sequence back (every later save of
/// that kind failed on its primary key), and a verifikator can no longer empty the whole score
/// cache; the imports, the table copy and a verdict's refresh still work through the owner's
/// functions.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSequenceGuardTests {
    static let admin = "ipasn_seq_admin"
    static let verifier = "ipasn_seq_vera"

    @Test func noAccountSetsASequenceBackAndTheFunctionOnlyMovesForwardWithinTheTable() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: Self.admin)
        let raw = role.raw
        for table in ["pendidikan", "diklat", "skp", "disiplin", "audit"] {
            let refused = PostgresRawSQLSweepTests.attempt("SELECT setval('\(table)_id_seq', 1)", raw).refusal
            #expect(refused?.sqlState == "42501", "\(table)")
            #expect(refused?.message == "permission denied for sequence \(table)_id_seq")
        }
        // Another table's sequence is the operator's to move, even forward.
        let audit = PostgresRawSQLSweepTests.attempt("SELECT ipasn_advance_sequence('audit', 1000000)", raw).refusal
        #expect(audit?.sqlState == "42501")
        #expect(audit?.message == "permission denied: only an operator moves the id sequence of audit")

        _ = try role.ops.add(SmallProvince.teknis(SmallProvince.nipA))
        let owner = try PGConnection(conninfo: role.conninfo)
        let top = try Int64.fetchOne(owner, sql: "SELECT COALESCE(MAX(id), 0) FROM diklat")!
        #expect(top > 0)
        // Far past the table: only as far as its own ids.
        #expect(try Int64.fetchOne(raw, sql: "SELECT ipasn_advance_sequence('diklat', 9000000000)") == top)
        // Never back.
        #expect(try Int64.fetchOne(raw, sql: "SELECT ipasn_advance_sequence('diklat', 1)") == top)
        #expect(try Int64.fetchOne(owner, sql: "SELECT last_value FROM diklat_id_seq") == top)

        // The admin's next save takes the next id, as before.
        let store = try PostgresStore(role.own, context: TestClock.context(actor: Self.admin))
        let saved = try store.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20))
        #expect(saved.id.id == top + 1)
        // The owner (or an operator) moves any sequence forward, past the table too (a copy
        // keeps the ids its source ever handed out, deleted ones included).
        #expect(try Int64.fetchOne(owner, sql: "SELECT ipasn_advance_sequence('audit', 1000000)") == 1_000_000)
        #expect(try Int64.fetchOne(owner, sql: "SELECT ipasn_advance_sequence('audit', 5)") == 1_000_000)
    }

    @Test func aVerifikatorNamesTheEmployeesWhoseCachedScoresItDrops() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(
            databases, login: Self.admin, others: [Account(login: Self.verifier, role: .verifikator, units: [])])
        let owner = try PGConnection(conninfo: role.conninfo)
        let cached = try Int.fetchOne(owner, sql: "SELECT COUNT(*) FROM employee_score")!
        #expect(cached > 0)
        let vera = try PGConnection(conninfo: role.conninfo + " user=\(Self.verifier)")
        let refused = PostgresRawSQLSweepTests.attempt("SELECT ipasn_drop_scores(false, NULL, NULL)", vera).refusal
        #expect(refused?.sqlState == "42501")
        #expect(refused?.message == "permission denied: only an operator drops every employee's cached scores")
        // The scores as entered: none stored here, so nothing matches and nothing is asked
        // (migration `2026-12-05-pgsave10`'s early return); with one stored, refused as above.
        #expect(try Int.fetchOne(vera, sql: "SELECT ipasn_drop_scores(true, NULL, NULL)::int") == 0)
        try owner.execute(sql: """
            INSERT INTO employee_score_entered (\(PostgresSchema.scoreColumns))
            SELECT \(PostgresSchema.scoreColumns) FROM employee_score WHERE nip = '\(SmallProvince.nipA)'
            """)
        let enteredRefused = PostgresRawSQLSweepTests.attempt("SELECT ipasn_drop_scores(true, NULL, NULL)", vera).refusal
        #expect(enteredRefused?.sqlState == "42501")
        #expect(try Int.fetchOne(owner, sql: "SELECT COUNT(*) FROM employee_score_entered") ?? 0 > 0)
        #expect(try Int.fetchOne(owner, sql: "SELECT COUNT(*) FROM employee_score") == cached)
        // One employee named (a verdict's refresh): allowed, as before.
        let one = PostgresRawSQLSweepTests.attempt(
            "SELECT ipasn_drop_scores(false, NULL, ARRAY['\(SmallProvince.nipA)'])", vera)
        #expect(one.refusal == nil)
        // A unit admin's drop of everyone deletes only their units' rows.
        let admins = try Int.fetchOne(owner, sql: "SELECT COUNT(*) FROM employee_score s JOIN pegawai p USING (nip) WHERE p.kode_unit = 'SUB'")!
        let theirs = try Int.fetchOne(role.raw, sql: "SELECT ipasn_drop_scores(false, NULL, NULL)::int")
        #expect(theirs == admins)
        #expect(try Int.fetchOne(owner, sql: "SELECT COUNT(*) FROM employee_score") == cached - admins)
    }
}
