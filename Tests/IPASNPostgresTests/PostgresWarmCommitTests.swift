import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The save warm-up reaches what a save runs at its COMMIT (issue 12, migration
/// `2026-12-01-pgwarm`): it calls the deferred audit check's own warm-up,
/// `ipasn_audit_warm()`, when the database has it, works without it, and leaves nothing behind.
/// What a session has run is read from `pg_stat_user_functions` (`track_functions = all` for
/// the admin's role alone): PL/pgSQL compiles a function on its first call in a session.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresWarmCommitTests {
    struct Setup {
        var conninfo: String
        var ops: PostgresStore
        /// The superuser's own connection (the test cluster's `postgres`, the schema's owner).
        var owner: PGConnection
        var login: String
    }

    /// The demo province, an account of `role` (an admin of unit SUB by default) as its own
    /// PostgreSQL role whose sessions count every function call (also the rehearsal's tests').
    static func setUp(_ databases: TestDatabases, login: String, role: Role = .admin, units: [String] = ["SUB"]) throws -> Setup {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: login, role: role, units: units))
        _ = try ops.provisionLoginRole(login)
        let owner = try PGConnection(conninfo: conninfo)
        _ = try owner.execute(sql: "ALTER ROLE \(login) SET track_functions = 'all'")
        return Setup(conninfo: conninfo, ops: ops, owner: owner, login: login)
    }

    private func admin(_ setup: Setup) throws -> PostgresStore {
        try PostgresStore(setup.conninfo + " user=\(setup.login)", context: TestClock.context(actor: setup.login))
    }

    /// The calls of every function of the schema so far, by name, as the admin's session has
    /// counted them: its pending counts are flushed first (`pg_stat_force_next_flush`, done
    /// before the server answers the read's COMMIT).
    static func calls(_ admin: PostgresStore, _ setup: Setup) throws -> [String: Int] {
        _ = try admin.read { try String.fetchOne($0, sql: "SELECT pg_stat_force_next_flush()::text") }
        let rows = try setup.owner.fetchAll(
            sql: "SELECT funcname, calls FROM pg_stat_user_functions WHERE schemaname = 'public'")
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            guard let name = row.text(0), let count = row.text(1).flatMap({ Int($0) }) else { return nil }
            return (name, count)
        })
    }

    /// Every function the admin's first save runs (its transaction, the draft's, the page's
    /// reload) was run by the warm-up before it, but trigger functions: a per-row trigger
    /// (`<table>_restored`, the audit's entry marks and touch, the deferred audit checks at
    /// COMMIT) runs only on a row, and PostgreSQL calls a trigger function only as a trigger;
    /// their statements are what the warm-up runs on no row (`ipasn_warm_save_path`,
    /// `ipasn_audit_warm`). Before branch pgwarm the record insert's policy function
    /// `ipasn_may_write` (reached through the employee's unit) was the save's first call.
    @Test func theFirstSaveRunsNoFunctionTheWarmupDidNotRun() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let setup = try Self.setUp(databases, login: "ipasn_warm2_first")
        let admin = try admin(setup)
        try admin.warmSavePath()
        let warmed = try Self.calls(admin, setup)
        #expect(warmed["ipasn_warm_save_path"] == 1)
        #expect(warmed["ipasn_warm_commit_checks"] == 1)
        #expect(warmed["ipasn_may_write", default: 0] > 0)

        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 20))
        try admin.clearDraft(owner: setup.login, formKey: "diklat:\(SmallProvince.nipB)")
        _ = try admin.employeePage(nip: SmallProvince.nipB)
        let after = try Self.calls(admin, setup)
        let triggerFunctions = Set(
            try String.fetchAll(
                setup.owner,
                sql: "SELECT proname FROM pg_proc WHERE prorettype = 'trigger'::regtype AND pronamespace = 'public'::regnamespace"))
        let ranBySave = Set(after.filter { name, count in count > warmed[name, default: 0] }.keys)
        let newInSave = ranBySave.filter { warmed[$0] == nil }
        #expect(ranBySave.isSuperset(of: ["ipasn_put_scores", "ipasn_may_write", "ipasn_restored", "ipasn_audit_touch"]))
        #expect(newInSave.subtracting(triggerFunctions) == [])
        #expect(saved.score.kompetensi == 22.5)
        #expect(try setup.ops.check() == [])
    }

    /// Without `ipasn_audit_warm()` the warm-up runs as before; once the database has it, the
    /// warm-up calls it once, in the same three exchanges; either way no row, no sequence
    /// value, no audit row and no notification is left.
    @Test func theWarmupCallsTheAuditChecksWarmupWhenTheDatabaseHasIt() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let setup = try Self.setUp(databases, login: "ipasn_warm2_audit")
        // The check's warm-up is another migration's: absent here whatever this schema holds.
        _ = try setup.owner.execute(sql: "DROP FUNCTION IF EXISTS ipasn_audit_warm()")
        let counts = PostgresSaveWarmupTests.tableCounts
        let sequences = PostgresSaveWarmupTests.sequencePositions
        let countsBefore = try String.fetchOne(setup.owner, sql: counts)
        let sequencesBefore = try String.fetchOne(setup.owner, sql: sequences)
        let listener = try PGConnection(conninfo: setup.conninfo)
        try listener.listen(PostgresSchema.changeChannel)

        let admin = try admin(setup)
        let before = admin.roundTrips
        try admin.warmSavePath()
        #expect(admin.roundTrips - before == 3)
        #expect(try Self.calls(admin, setup)["ipasn_audit_warm"] == nil)

        // A function of that name and no effect, as the check's migration gives it.
        _ = try setup.owner.execute(
            sql: "CREATE FUNCTION ipasn_audit_warm() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$")
        let again = admin.roundTrips
        try admin.warmSavePath()
        #expect(admin.roundTrips - again == 2)  // prepared before: the reads, the writes of no row
        #expect(try Self.calls(admin, setup)["ipasn_audit_warm"] == 1)

        #expect(try String.fetchOne(setup.owner, sql: counts) == countsBefore)
        #expect(try String.fetchOne(setup.owner, sql: sequences) == sequencesBefore)
        _ = try listener.execute(sql: "SELECT 1")
        #expect(try listener.takeNotifications().isEmpty)
        // A save notifies the listener: the silence above is the warm-up's.
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sesudah", jp: 10))
        _ = try listener.execute(sql: "SELECT 1")
        #expect(try listener.takeNotifications().count == 1)
    }
}
