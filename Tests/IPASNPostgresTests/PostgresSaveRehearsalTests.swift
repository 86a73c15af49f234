import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The warm-up rehearses a real save and rolls it back (issue 12, branch pgsave9,
/// ``SaveRehearsal``), and a save's score write asks the permission once and writes nothing
/// when nothing changes (migration `2026-12-04-pgsave9`). The admin connects as its own
/// PostgreSQL role, as a workstation does; what its session ran is read from
/// `pg_stat_user_functions` (`track_functions = all` for that role alone).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSaveRehearsalTests {
    private typealias Setup = PostgresWarmCommitTests.Setup

    private func setUp(_ databases: TestDatabases, login: String) throws -> Setup {
        try PostgresWarmCommitTests.setUp(databases, login: login)
    }

    private func store(_ setup: Setup) throws -> PostgresStore {
        try PostgresStore(setup.conninfo + " user=\(setup.login)", context: TestClock.context(actor: setup.login))
    }

    private func calls(_ store: PostgresStore, _ setup: Setup) throws -> [String: Int] {
        try PostgresWarmCommitTests.calls(store, setup)
    }

    /// Everything another session could see: every table's row count, every sequence, the
    /// record touches, the entry marks, the drafts and the newest audit id.
    private func visible(_ setup: Setup) throws -> [String?] {
        [
            try String.fetchOne(setup.owner, sql: PostgresSaveWarmupTests.tableCounts),
            try String.fetchOne(setup.owner, sql: PostgresSaveWarmupTests.sequencePositions),
            try String.fetchOne(
                setup.owner, sql: "SELECT string_agg(kind || record_id || ':' || audit_id, ',' ORDER BY kind, record_id) FROM record_touch"),
            try String.fetchOne(setup.owner, sql: "SELECT string_agg(kind || upto_id, ',' ORDER BY kind, upto_id) FROM entry_marks"),
            try String.fetchOne(setup.owner, sql: "SELECT string_agg(owner || '/' || form_key, ',' ORDER BY owner, form_key) FROM drafts"),
            try String.fetchOne(setup.owner, sql: "SELECT max(id)::text FROM audit"),
            try String.fetchOne(
                setup.owner, sql: "SELECT string_agg(year || nip || kompetensi, ',' ORDER BY year, nip) FROM employee_score"),
        ]
    }

    /// The warm-up of an admin of SUB rehearses a diklat save for an employee of SUB (the
    /// record's per-row triggers, its deferred audit check and the score write on a real row
    /// ran in its session) and stores nothing: every table's rows, every sequence (the next
    /// ids are the ones they were), the touches, marks, drafts, audit and scores as they were,
    /// and a listener on the change channel is told nothing. The first save after it runs no
    /// function the warm-up did not run, trigger functions included, and is the save it is
    /// without a rehearsal: its record under the sequence's next id, 22.5 points, one
    /// notification.
    @Test func theRehearsalStoresNothingAndLeavesTheFirstSaveNothingNew() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let setup = try setUp(databases, login: "ipasn_rehearse_admin")
        // Drafts of the admin's diklat forms in its session for SUB's employees: the rehearsal
        // forgets the form's draft of the employee it rehearses on, then rolls back.
        let session = "rehearsal-test"
        for nip in [SmallProvince.nipB, SmallProvince.nipC] {
            var draft = Draft(form: "diklat", nip: nip, editing: nil, fields: ["nama": "Bimtek"], savedAt: TestClock.now)
            draft.session = session
            try setup.ops.saveDraft(draft, owner: setup.login)
        }
        let nextID = try String.fetchOne(setup.owner, sql: "SELECT last_value::text FROM pg_sequences WHERE sequencename = 'diklat_id_seq'")
        let before = try visible(setup)
        let listener = try PGConnection(conninfo: setup.conninfo)
        try listener.listen(PostgresSchema.changeChannel)

        let admin = try PostgresStore(
            setup.conninfo + " user=\(setup.login)", context: TestClock.context(actor: setup.login, session: session))
        let trips = admin.roundTrips
        try admin.warmSavePath()
        #expect(admin.roundTrips - trips == 3)
        #expect(try visible(setup) == before)
        _ = try listener.execute(sql: "SELECT 1")
        #expect(try listener.takeNotifications().isEmpty)
        let warmed = try calls(admin, setup)
        // Only a row runs these: the record's insert trigger, its deferred audit check, the
        // audit row's touch; and the score write on the employee's cached rows.
        for name in ["ipasn_restored", "ipasn_diklat_audited", "ipasn_audit_touch", "ipasn_audit_note_scored"] {
            #expect(warmed[name, default: 0] > 0, "\(name) not run by the rehearsal")
        }

        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 20))
        let after = try calls(admin, setup)
        let newInSave = Set(after.keys).subtracting(warmed.keys)
        #expect(newInSave == [], "first run by the first save: \(newInSave.sorted())")
        #expect(saved.score.kompetensi == 22.5)
        #expect(saved.id.id == (nextID.flatMap { Int64($0) } ?? 0) + 1 || nextID == nil)
        _ = try listener.execute(sql: "SELECT 1")
        #expect(try listener.takeNotifications().count == 1)
        #expect(try setup.ops.check() == [])
    }

    /// A rehearsal that is refused is silent and harmless: an account that writes nothing (a
    /// verifikator) and an admin whose units hold no employee rehearse nothing; an admin
    /// while another writer holds the database's write lock gets a warm-up that returns
    /// without an error and stores nothing, and saves afterwards as ever.
    @Test func aRefusedRehearsalIsSilent() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let setup = try setUp(databases, login: "ipasn_rehearse_lock")
        try setup.ops.saveAccount(Account(login: "ipasn_rehearse_verif", role: .verifikator, units: []))
        _ = try setup.ops.provisionLoginRole("ipasn_rehearse_verif")
        try setup.ops.saveUnit(OrgUnit(kode: "EMPTY", nama: "Kosong", induk: "ROOT"))
        try setup.ops.saveAccount(Account(login: "ipasn_rehearse_empty", role: .admin, units: ["EMPTY"]))
        _ = try setup.ops.provisionLoginRole("ipasn_rehearse_empty")
        let before = try visible(setup)
        for login in ["ipasn_rehearse_verif", "ipasn_rehearse_empty"] {
            let other = try PostgresStore(setup.conninfo + " user=\(login)", context: TestClock.context(actor: login))
            try other.warmSavePath()
            #expect(try visible(setup) == before)
        }

        // Another writer holds the write lock for the whole warm-up (the store opened before:
        // opening waits for the lock).
        let admin = try store(setup)
        let writer = try PGConnection(conninfo: setup.conninfo)
        let (key1, key2) = PostgresSchema.writeLockKey
        _ = try writer.execute(sql: "BEGIN")
        _ = try writer.execute(sql: "SELECT pg_advisory_xact_lock(\(key1), \(key2))")
        try admin.warmSavePath()
        #expect(try calls(admin, setup)["ipasn_restored"] == nil)
        _ = try writer.execute(sql: "ROLLBACK")
        #expect(try visible(setup) == before)
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sesudah", jp: 20))
        #expect(saved.score.kompetensi == 22.5)
        #expect(try setup.ops.check() == [])
    }

    /// A save's score write asks the permission once (one `ipasn_may_write_score` a call, no
    /// `ipasn_put_scores_unchecked`), and when the score does not change writes nothing (the
    /// per-unit totals' triggers do not fire); a save that changes the score writes it and
    /// keeps the totals. An admin's score write for another unit's employee is still refused
    /// with `42501` before anything is compared, a wrong figure with `23514`.
    @Test func theScoreWriteAsksOnceAndWritesNothingUnchanged() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let setup = try setUp(databases, login: "ipasn_rehearse_scores")
        let admin = try store(setup)
        try admin.warmSavePath()
        // 20 JP: kompetensi 22.5 (changed: written, the totals follow).
        let first = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 20))
        #expect(first.score.kompetensi == 22.5)
        let afterFirst = try calls(admin, setup)
        // A second course of the same year: 22.5 still (the maximum for 40 JP is not reached
        // by... the rules give 22.5 for one course of 20 JP or more; unchanged here).
        let second = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Kedua", jp: 5, end: "2024-03-04"))
        #expect(second.score.kompetensi == first.score.kompetensi)
        let afterSecond = try calls(admin, setup)
        func delta(_ name: String) -> Int { afterSecond[name, default: 0] - afterFirst[name, default: 0] }
        let puts = delta("ipasn_put_scores")
        #expect(puts >= 1)
        #expect(delta("ipasn_may_write_score") == puts)
        #expect(delta("ipasn_put_scores_unchecked") == 0)
        #expect(delta("ipasn_check_scores") == 0)
        #expect(delta("ipasn_totals_score_update") == 0)
        #expect(delta("ipasn_totals_score_insert") == 0)
        #expect(try setup.ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)?.kompetensi == 22.5)
        #expect(try setup.ops.check() == [])

        let raw = try PGConnection(conninfo: setup.conninfo + " user=\(setup.login)")
        func refusal(_ sql: String) -> String? {
            do {
                _ = try raw.execute(sql: sql)
                return nil
            } catch let error as PGError {
                return error.sqlState
            } catch {
                return "?"
            }
        }
        func put(_ nip: String, kompetensi: String) -> String {
            "SELECT ipasn_put_scores(false, ARRAY[2024], ARRAY['\(nip)'], ARRAY[0::float8], ARRAY[\(kompetensi)::float8], "
                + "ARRAY[0::float8], ARRAY[5::float8], ARRAY[0::int2], ARRAY[''])"
        }
        // Andi is ROOT's: refused for the permission, whatever the figures.
        #expect(refusal(put(SmallProvince.nipA, kompetensi: "99")) == "42501")
        #expect(refusal(put(SmallProvince.nipC, kompetensi: "99")) == "23514")
    }
}
