import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Accounts enforced by the database itself: an admin connected as their own PostgreSQL role
/// (as peer authentication connects them) cannot change another unit's data, nor the audit
/// log, nor settings and accounts, even with raw SQL; through ipasn their own work goes on.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresRowSecurityTests {
    static let login = "ipasn_rls_admin"

    @Test func anAdminsOwnRoleCannotWriteAnotherUnitEvenWithRawSQL() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: Self.login)
        let (ops, own, raw) = (role.ops, role.own, role.raw)
        #expect(role.provision == .created || role.provision == .granted)
        #expect(try ops.provisionLoginRole(Self.login) == .granted)
        let auditRows = try ops.auditLog(limit: 1000).count

        // psql as the admin: the database itself refuses.
        #expect(try String.fetchOne(raw, sql: "SELECT session_user") == Self.login)
        let diklat = "INSERT INTO diklat (nip, jenis, nama, tanggal_mulai, tanggal_selesai, jp, dedup_key)"
        // Another unit's employee (Andi, ROOT): row-level security refuses the row.
        #expect(role.refused("\(diklat) VALUES ('\(SmallProvince.nipA)', 3, 'Lewat psql', '2024-03-01', '2024-03-03', 20, 1)") == "42501")
        // The admin's own unit's employee (Budi, SUB) may be written.
        #expect(role.refused("\(diklat) VALUES ('\(SmallProvince.nipB)', 3, 'Lewat psql', '2024-03-01', '2024-03-03', 20, 1)") == nil)
        // Another unit's rows are not there to change or delete.
        #expect(try raw.execute(sql: "UPDATE pegawai SET nama = 'Diubah' WHERE nip = '\(SmallProvince.nipA)'") == 0)
        #expect(try raw.execute(sql: "DELETE FROM units WHERE kode = 'ROOT'") == 0)
        // Moving an employee of theirs into another unit is refused.
        #expect(role.refused("UPDATE pegawai SET kode_unit = 'ROOT' WHERE nip = '\(SmallProvince.nipB)'") == "42501")
        // The audit log cannot be altered nor deleted, nor written under another login.
        #expect(role.refused("UPDATE audit SET actor = 'someone'") == "42501")
        #expect(role.refused("DELETE FROM audit") == "42501")
        #expect(
            role.refused("INSERT INTO audit (at, actor, action, entity) VALUES (now(), 'ops', 'insert', 'units')") == "42501")
        // Settings and accounts are the operators'.
        #expect(role.refused("INSERT INTO config (key, value) VALUES ('year', '2030')") == "42501")
        #expect(try raw.execute(sql: "UPDATE accounts SET role = 'operator' WHERE login = '\(Self.login)'") == 0)
        // The one write that went through is audited by the server at its commit (migration
        // `2026-12-01-pgaudit`): one row, the admin's insert; nothing else was written.
        let log = try ops.auditLog(limit: 1000)
        #expect(log.count == auditRows + 1)
        #expect(log.first?.action == .insert)
        #expect(log.first?.actor == Self.login)
        #expect(log.first?.nip == SmallProvince.nipB)
        #expect(try ops.account(login: Self.login)?.role == .admin)
        #expect(try ops.pegawai(nip: SmallProvince.nipA)?.nama == "Andi")

        // Through ipasn as that role: their own unit's work goes on under the policies, and
        // another unit's is refused by the store first, naming the rule.
        let admin = try PostgresStore(own, context: TestClock.context(actor: Self.login))
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipC, jp: 20))
        #expect(saved.score.kompetensi == 22.5)
        #expect(try admin.undoLast(session: Self.login)?.subject == .record(saved.id))
        #expect(throws: StoreError.notPermitted(.notYourUnit("ROOT"))) {
            try admin.add(SmallProvince.teknis(SmallProvince.nipA, jp: 20))
        }
        try admin.setProgress(unit: "SUB", dimension: .kompetensi, done: true)
        #expect(throws: StoreError.notPermitted(.operatorOnly(.settings))) { try admin.setMeasurementYear(2030) }
    }

    /// The score cache, the per-unit totals and unit moves: an admin's own role writes only
    /// their units' scores (through a save or their recompute), never the totals, never the
    /// cached years, and cannot move a unit of theirs under a unit that is not theirs.
    @Test func theScoreCacheAndUnitMovesAreTheAccountsOwnUnitsOnly() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let login = "ipasn_rls_scores"
        let role = try AdminRole(databases, login: login)
        let (ops, own, raw) = (role.ops, role.own, role.raw)
        let andi = SmallProvince.nipA  // ROOT: not theirs
        let budi = SmallProvince.nipB  // SUB: theirs
        let andiScore = try ops.score(nip: andi, year: 2024)

        // The score cache is nobody's to write by hand (migration `2026-11-30-pgsecure`; every
        // table and case: PostgresSecureCacheTests): another unit's cached score, and their own.
        #expect(role.refused("UPDATE employee_score SET kinerja = 99 WHERE nip = '\(andi)'") == "42501")
        #expect(role.refused("DELETE FROM employee_score WHERE nip = '\(andi)'") == "42501")
        #expect(
            role.refused("INSERT INTO employee_score (year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete) VALUES (2031, '\(andi)', 1, 1, 1, 1, 1)")
                == "42501")
        #expect(role.refused("UPDATE employee_score_entered SET kinerja = 99 WHERE nip = '\(andi)'") == "42501")
        #expect(role.refused("UPDATE employee_score SET kinerja = kinerja WHERE nip = '\(budi)' AND year = 2024") == "42501")
        // The cached years are the operators'; the per-unit totals nobody's but the triggers'.
        #expect(role.refused("INSERT INTO score_year (year) VALUES (2031)") == "42501")
        #expect(role.refused("DELETE FROM score_year") == "42501")
        #expect(role.refused("INSERT INTO unit_score_totals VALUES (2031, 'ROOT', 1, 1, 1, 1, 1, 1)") == "42501")
        #expect(role.refused("UPDATE unit_score_totals SET pegawai = 0") == "42501")
        #expect(try ops.score(nip: andi, year: 2024) == andiScore)

        // A unit of theirs (SUB2 under SUB) cannot be moved under ROOT, nor made top-level;
        // it may still be renamed in place, and moved within their units.
        let admin = try PostgresStore(own, context: TestClock.context(actor: login))
        try admin.saveUnit(OrgUnit(kode: "SUB2", nama: "Subbidang", induk: "SUB"))
        try admin.saveUnit(OrgUnit(kode: "SUB3", nama: "Subbidang Tiga", induk: "SUB"))
        #expect(role.refused("UPDATE units SET induk = 'ROOT' WHERE kode = 'SUB2'") == "42501")
        #expect(role.refused("UPDATE units SET induk = NULL WHERE kode = 'SUB2'") == "42501")
        #expect(role.refused("UPDATE units SET nama = 'Subbidang Dua' WHERE kode = 'SUB2'") == nil)
        #expect(role.refused("UPDATE units SET induk = 'SUB3' WHERE kode = 'SUB2'") == nil)
        #expect(try ops.units().first { $0.kode == "SUB2" }?.induk == "SUB3")

        // The legitimate paths still work as that role: a save refreshes their employee's
        // score and the unit totals; their recompute refreshes their units; an uncached year
        // is computed, not cached; the operator's recompute caches it for everyone.
        let saved = try admin.add(SmallProvince.teknis(budi, jp: 20))
        #expect(saved.score.kompetensi == 22.5)
        #expect(try admin.directUnitTotals(year: 2024)["SUB"]?.kompetensi == 22.5)
        try admin.recomputeAll(year: 2024)
        #expect(try admin.score(nip: budi, year: 2024)?.kompetensi == 22.5)
        #expect(try admin.scores(year: 2023, unit: nil).count == 3)
        #expect(try Int.fetchOne(raw, sql: "SELECT COUNT(*) FROM score_year WHERE year = 2023") == 0, "not cached by an admin")
        try admin.recomputeAll(year: 2023)
        #expect(try Int.fetchOne(raw, sql: "SELECT COUNT(*) FROM score_year WHERE year = 2023") == 0)
        try ops.recomputeAll(year: 2023)
        #expect(try Int.fetchOne(raw, sql: "SELECT COUNT(*) FROM employee_score WHERE year = 2023") == 3)
        #expect(try ops.check() == [])
    }
}
