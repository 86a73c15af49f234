import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The cached figures are written only through the store (migration `2026-11-30-pgsecure`):
/// no account's own role may INSERT, UPDATE, DELETE or TRUNCATE a derived table from raw SQL,
/// for its own unit or another; the store's saves and recomputes still keep them current
/// (through the schema owner's functions); the audit log stays unalterable.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSecureCacheTests {
    /// A raw connection (psql) as `login`, with a helper returning the refusal of a statement.
    struct Raw {
        let connection: PGConnection

        init(_ conninfo: String, user: String) throws {
            connection = try PGConnection(conninfo: conninfo + " user=\(user)")
        }

        /// The SQLSTATE and message of the statement's failure; nil when it ran.
        func refusal(_ sql: String) -> (state: String, message: String)? {
            do {
                try connection.execute(sql: sql)
                return nil
            } catch let error as PGError {
                return (error.sqlState, error.message)
            } catch {
                return ("?", "\(error)")
            }
        }
    }

    /// Every hand write of each derived table, for the admin's own unit (`own`: Budi, SUB)
    /// and another unit (`other`: Andi, ROOT).
    static func handWrites(table: String, own: String, other: String) -> [String] {
        switch table {
        case "employee_score", "employee_score_entered":
            return [own, other].flatMap { nip in
                [
                    "INSERT INTO \(table) (year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete) VALUES (2031, '\(nip)', 1, 1, 1, 1, 1)",
                    "UPDATE \(table) SET kinerja = 99 WHERE nip = '\(nip)'",
                    "DELETE FROM \(table) WHERE nip = '\(nip)'",
                ]
            }
        case "score_year":
            return ["INSERT INTO score_year (year) VALUES (2031)", "UPDATE score_year SET year = year", "DELETE FROM score_year"]
        case "unit_score_totals":
            return ["SUB", "ROOT"].flatMap { unit in
                [
                    "INSERT INTO unit_score_totals VALUES (2031, '\(unit)', 1, 1, 1, 1, 1, 1)",
                    "UPDATE unit_score_totals SET kompetensi = kompetensi + 1000000 WHERE kode_unit = '\(unit)'",
                    "DELETE FROM unit_score_totals WHERE kode_unit = '\(unit)'",
                ]
            }
        case "unit_pending_counts":
            return ["SUB", "ROOT"].flatMap { unit in
                [
                    "INSERT INTO unit_pending_counts VALUES ('\(unit)', 'skp', 7)",
                    "UPDATE unit_pending_counts SET pending = 0 WHERE kode_unit = '\(unit)'",
                    "DELETE FROM unit_pending_counts WHERE kode_unit = '\(unit)'",
                ]
            }
        case "entry_marks":
            return [
                "INSERT INTO entry_marks VALUES ('diklat', 999999, now())", "UPDATE entry_marks SET at = now()",
                "DELETE FROM entry_marks",
            ]
        default:
            Issue.record("no hand writes written for \(table)")
            return []
        }
    }

    /// A digest of every derived table and the audit log (to prove nothing changed).
    static func digest(_ db: PGConnection) throws -> String {
        try (PostgresSchema.derivedTables + ["audit"]).map { table in
            try String.fetchOne(db, sql: "SELECT COUNT(*) || ':' || md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \(table) t") ?? ""
        }.joined(separator: " ")
    }

    @Test func anAccountsOwnRoleCannotWriteAnyDerivedTableByHand() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let admin = "ipasn_sec_admin"
        let operatorLogin = "ipasn_sec_ops"
        try ops.saveAccount(Account(login: admin, role: .admin, units: ["SUB"]))
        try ops.saveAccount(Account(login: operatorLogin, role: .operator, units: []))
        _ = try ops.provisionLoginRole(admin)
        _ = try ops.provisionLoginRole(operatorLogin)
        // Scores, totals, pending counts and entry marks to refuse changing: a course each.
        try ops.add(SmallProvince.teknis(SmallProvince.nipA, jp: 20))
        try ops.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20))
        let superuser = try PGConnection(conninfo: conninfo)
        for table in PostgresSchema.derivedTables where table != "employee_score_entered" {
            #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 > 0, "\(table) has rows to refuse changing")
        }
        let before = try Self.digest(superuser)

        // psql as the admin, and as an operator: every write of every derived table is
        // refused by its privileges (own unit and other unit alike), TRUNCATE too.
        for login in [admin, operatorLogin] {
            let raw = try Raw(conninfo, user: login)
            for table in PostgresSchema.derivedTables {
                for sql in Self.handWrites(table: table, own: SmallProvince.nipB, other: SmallProvince.nipA) + ["TRUNCATE \(table)"] {
                    let refusal = raw.refusal(sql)
                    #expect(refusal?.state == "42501", "\(login): \(sql)")
                    #expect(refusal?.message.contains("permission denied for table \(table)") == true, "\(login): \(sql): \(refusal?.message ?? "ran")")
                }
                // Reading stays open to every account.
                #expect(raw.refusal("SELECT * FROM \(table) LIMIT 1") == nil)
            }
            // The audit log: never altered, not even by an operator.
            for sql in ["UPDATE audit SET actor = 'someone'", "DELETE FROM audit", "TRUNCATE audit", "UPDATE batches SET label = 'x'"] {
                #expect(raw.refusal(sql)?.state == "42501", "\(login): \(sql)")
            }
        }
        #expect(try Self.digest(superuser) == before)

        // The schema owner's functions, called by hand as the admin: another unit's score is
        // refused (42501, naming the employee), a cached year is an operator's, another
        // unit's rows are not the admin's to delete.
        let raw = try Raw(conninfo, user: admin)
        let put = { (nip: String) in
            "SELECT ipasn_put_scores(false, ARRAY[2024], ARRAY['\(nip)'], ARRAY[1.0], ARRAY[1.0], ARRAY[1.0], ARRAY[1.0], ARRAY[1::int2], ARRAY[''])"
        }
        let refusedPut = raw.refusal(put(SmallProvince.nipA))
        #expect(refusedPut?.state == "42501")
        #expect(refusedPut?.message.contains(SmallProvince.nipA) == true)
        #expect(raw.refusal("SELECT ipasn_cache_year(2031)")?.state == "42501")
        #expect(raw.refusal("SELECT * FROM ipasn_refresh_scores(ARRAY[2024], ARRAY['\(SmallProvince.nipA)'], ARRAY[1.0], ARRAY[1.0], ARRAY[1.0], ARRAY[1.0], ARRAY[1::int2], ARRAY[''], NULL)")?.state == "42501")
        #expect(try Int.fetchOne(raw.connection, sql: "SELECT ipasn_drop_scores(false, NULL, ARRAY['\(SmallProvince.nipA)'])") == 0)
        #expect(try Self.digest(superuser) == before)

        // Through ipasn as that role: the save still refreshes everything derived, in its
        // own transaction: Budi's second course (20 JP more: 40 JP, still 22.5 points) and a
        // third employee's first (Citra: 22.5).
        let store = try PostgresStore(conninfo + " user=\(admin)", context: TestClock.context(actor: admin))
        let pendingBefore = try Int.fetchOne(superuser, sql: "SELECT pending FROM unit_pending_counts WHERE kode_unit = 'SUB' AND kind = 'diklat'")
        let saved = try store.add(SmallProvince.teknis(SmallProvince.nipC, jp: 20))
        #expect(saved.score.kompetensi == 22.5)
        #expect(try Double.fetchOne(superuser, sql: "SELECT kompetensi FROM employee_score WHERE year = 2024 AND nip = '\(SmallProvince.nipC)'") == 22.5)
        // SUB's totals: Budi 22.5 + Citra 22.5, in millionths.
        #expect(try Int64.fetchOne(superuser, sql: "SELECT kompetensi FROM unit_score_totals WHERE year = 2024 AND kode_unit = 'SUB'") == 45_000_000)
        #expect(try Int.fetchOne(superuser, sql: "SELECT pending FROM unit_pending_counts WHERE kode_unit = 'SUB' AND kind = 'diklat'") == (pendingBefore ?? 0) + 1)
        #expect(try Int64.fetchOne(superuser, sql: "SELECT MAX(upto_id) FROM entry_marks WHERE kind = 'diklat'") == saved.id.id)
        // Its edit and its delete too.
        let edited = try store.update(saved.id, to: SmallProvince.teknis(SmallProvince.nipC, jp: 19))
        #expect(edited.score.kompetensi == 0)
        #expect(try store.delete(saved.id).score.kompetensi == 0)
        #expect(try Int64.fetchOne(superuser, sql: "SELECT kompetensi FROM unit_score_totals WHERE year = 2024 AND kode_unit = 'SUB'") == 22_500_000)
        // Their recompute runs (nothing to change: the cache is right).
        try store.recomputeAll(year: 2024)
        #expect(try store.check() == [])

        // The operator, connected as their own role, still checks and recomputes, and caches
        // a new year (through the functions).
        let operatorStore = try PostgresStore(conninfo + " user=\(operatorLogin)", context: TestClock.context(actor: operatorLogin))
        #expect(try operatorStore.check() == [])
        try operatorStore.recomputeAll(year: 2023)
        #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM employee_score WHERE year = 2023") == 3)
        try operatorStore.recomputeAll(year: 2024)
        #expect(try operatorStore.check() == [])
    }

    /// Every other store path that changes the cache, each as its account's own role: an
    /// admin's batch, a verifikator's verdict (scores of any unit, and the scores as
    /// entered), an operator's ruleset and measurement year (a recompute of every cached year).
    @Test func everyStorePathKeepsTheCacheAsTheAccountsOwnRole() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let (admin, checker, operatorLogin) = ("ipasn_sec_batch", "ipasn_sec_checker", "ipasn_sec_rules")
        try ops.saveAccount(Account(login: admin, role: .admin, units: ["SUB"]))
        try ops.saveAccount(Account(login: checker, role: .verifikator, units: []))
        try ops.saveAccount(Account(login: operatorLogin, role: .operator, units: []))
        for login in [admin, checker, operatorLogin] { _ = try ops.provisionLoginRole(login) }
        func store(_ login: String) throws -> PostgresStore {
            try PostgresStore(conninfo + " user=\(login)", context: TestClock.context(actor: login))
        }
        let superuser = try PGConnection(conninfo: conninfo)

        // The admin's batch: Budi and Citra 20 JP each, 22.5 points each, SUB's totals 45.
        let batch = try store(admin).addBatch(
            [SmallProvince.teknis(SmallProvince.nipB, jp: 20), SmallProvince.teknis(SmallProvince.nipC, jp: 20)], label: "Bimtek")
        #expect(batch.scores[SmallProvince.nipB]?.kompetensi == 22.5)
        #expect(try Int64.fetchOne(superuser, sql: "SELECT kompetensi FROM unit_score_totals WHERE year = 2024 AND kode_unit = 'SUB'") == 45_000_000)

        // The admin adds an employee (a score row per cached year) and undoes it: the
        // employee and their cached scores go (the undo deletes them through the store).
        let newcomer = "198807072015031002"
        let adminStore = try PostgresStore(conninfo + " user=\(admin)", context: TestClock.context(actor: admin, session: "s1"))
        try adminStore.savePegawai(Pegawai(nip: newcomer, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        let cachedYears = try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM score_year")
        #expect(cachedYears ?? 0 > 0)
        #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM employee_score WHERE nip = '\(newcomer)'") == cachedYears)
        #expect(try adminStore.undoLast(session: "s1")?.subject == .pegawai(newcomer))
        #expect(try ops.pegawai(nip: newcomer) == nil)
        #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM employee_score WHERE nip = '\(newcomer)'") == 0)

        // The verifikator rejects Budi's course: it no longer counts (0 points), his score as
        // entered keeps it (22.5), SUB's totals fall to Citra's 22.5.
        #expect(try store(checker).setVerification([batch.ids[0]], status: .tidak, reason: "Sertifikat tidak terbaca") == 1)
        #expect(try ops.score(nip: SmallProvince.nipB, year: 2024)?.kompetensi == 0)
        #expect(try Double.fetchOne(superuser, sql: "SELECT kompetensi FROM employee_score_entered WHERE year = 2024 AND nip = '\(SmallProvince.nipB)'") == 22.5)
        #expect(try Int64.fetchOne(superuser, sql: "SELECT kompetensi FROM unit_score_totals WHERE year = 2024 AND kode_unit = 'SUB'") == 22_500_000)

        // The operator counts rejected records again (a ruleset change recomputes every cached
        // year), then moves the measurement year (a new cached year, every employee scored).
        let operatorStore = try store(operatorLogin)
        var counting = Ruleset.bkn2019
        counting.verification.rejectedRecordsCount = true
        counting.id = "bkn-2019-ditolak-dihitung"
        try operatorStore.setRuleset(counting)
        #expect(try ops.score(nip: SmallProvince.nipB, year: 2024)?.kompetensi == 22.5)
        #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM employee_score_entered") == 0)
        try operatorStore.setMeasurementYear(2025)
        #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM employee_score WHERE year = 2025") == 3)
        #expect(try operatorStore.check() == [])
    }

    /// Every `SECURITY DEFINER` function of the schema runs with a fixed search path (a
    /// caller's own schema cannot put a table or operator of theirs in its way).
    @Test func everySecurityDefinerFunctionHasAFixedSearchPath() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let db = try PGConnection(conninfo: try databases.makeConninfo())
        let loose = try String.fetchAll(
            db,
            sql: """
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND p.prosecdef
                  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%')
                ORDER BY 1
                """)
        #expect(loose == [])
        let secured = try String.fetchAll(
            db, sql: "SELECT proname FROM pg_proc WHERE prosecdef AND proname IN ('ipasn_put_scores', 'ipasn_refresh_scores', 'ipasn_drop_scores', 'ipasn_cache_year', 'ipasn_writes_every_score') ORDER BY 1")
        #expect(secured == ["ipasn_cache_year", "ipasn_drop_scores", "ipasn_put_scores", "ipasn_refresh_scores", "ipasn_writes_every_score"])
    }

    /// An existing database (made before `2026-11-30-pgsecure`, its admins' roles granted
    /// writes on the derived tables through `ipasn_users` and directly) loses those grants
    /// when ipasn opens it; `ipasn users add` afterwards gives a new role only reading.
    @Test func anExistingDatabaseLosesTheHandWriteGrantsOnUpgrade() throws {
        guard let server = PostgresTestServer.conninfo else { return }
        let name = "ipasn_test_\(ProcessInfo.processInfo.processIdentifier)_pgsecure_upgrade"
        let superuser = try PGConnection(conninfo: server)
        try superuser.execute(sql: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try superuser.execute(sql: "CREATE DATABASE \(name)")
        let oldAdmin = "ipasn_sec_old_admin"
        let newAdmin = "ipasn_sec_new_admin"
        // The database first (the roles' grants are in it), then the roles (cluster-wide).
        defer {
            PostgresTestServer.drop(name)
            for role in [oldAdmin, newAdmin] { _ = try? superuser.execute(sql: "DROP ROLE IF EXISTS \(role)") }
        }
        let conninfo = PostgresStore.conninfo(server, database: name)
        // The schema as the previous version left it: every migration before pgsecure (and so before the ones after it).
        let old = try PGConnection(conninfo: conninfo)
        try old.execute(sql: "BEGIN")
        try old.execute(sql: "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        for migration in PostgresSchema.migrations.prefix(while: { $0.name != "2026-11-30-pgsecure" }) {
            try old.execute(sql: migration.sql)
            try old.execute(sql: "INSERT INTO schema_migrations(name) VALUES (?)", arguments: [migration.name])
        }
        try old.execute(sql: "COMMIT")
        #expect(PostgresSchema.migrations.contains { $0.name == "2026-11-30-pgsecure" })
        _ = try? old.execute(sql: "DROP ROLE IF EXISTS \(oldAdmin)")
        try old.execute(sql: "CREATE ROLE \(oldAdmin) LOGIN IN ROLE ipasn_users")
        try old.execute(sql: "GRANT UPDATE ON employee_score TO \(oldAdmin)")
        func may(_ role: String, _ privilege: String, _ table: String) throws -> Bool {
            try Bool.fetchOne(old, sql: "SELECT has_table_privilege(?, ?, ?)", arguments: [role, "public." + table, privilege]) ?? false
        }
        #expect(try may(oldAdmin, "UPDATE", "employee_score"))
        #expect(try may(oldAdmin, "INSERT", "employee_score_entered"))
        #expect(try may(oldAdmin, "UPDATE", "audit"))

        // Opening it with ipasn migrates it.
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        #expect(try String.fetchAll(old, sql: "SELECT name FROM schema_migrations WHERE name = '2026-11-30-pgsecure'").count == 1)
        try ops.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
        try ops.saveAccount(Account(login: newAdmin, role: .admin, units: ["ROOT"]))
        _ = try ops.provisionLoginRole(newAdmin)
        for role in [oldAdmin, newAdmin, "ipasn_users"] {
            for table in PostgresSchema.derivedTables {
                for privilege in ["INSERT", "UPDATE", "DELETE", "TRUNCATE"] {
                    #expect(try !may(role, privilege, table), "\(role) \(privilege) \(table)")
                }
                #expect(try may(role, "SELECT", table), "\(role) reads \(table)")
            }
            for privilege in ["UPDATE", "DELETE", "TRUNCATE"] {
                #expect(try !may(role, privilege, "audit"), "\(role) \(privilege) audit")
            }
            #expect(try may(role, "INSERT", "audit"), "\(role) still writes its own audit rows")
            // Records stay theirs to write (row-level security picks the rows).
            #expect(try may(role, "UPDATE", "diklat"))
        }
    }
}
