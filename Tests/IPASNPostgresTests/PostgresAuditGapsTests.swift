import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The gaps of "every write audited" closed by migration `2026-12-01-pgaudit2` (issue 12):
/// an admin's `psql` write of an employee, a unit or a progress mark is audited once with the
/// right actor, old and new value, and an employee's cached scores are the records' at commit;
/// the store's own writes of them get no second row; a truthful hand-written audit row of a
/// record no longer leaves a stale score; `ipasn_audit_warm()` writes nothing.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct PostgresAuditGapsTests {
    static let admin = PostgresAuditEveryWriteTests.admin

    /// The audit rows of `subject`, oldest first.
    static func entries(_ store: PostgresStore, _ subject: AuditSubject) throws -> [AuditEntry] {
        try store.auditLog(limit: 1000).filter { $0.subject == subject }.reversed()
    }

    static func pegawai(_ value: AuditValue?) -> Pegawai? {
        if case .pegawai(let p)? = value { return p }
        return nil
    }

    static func unit(_ value: AuditValue?) -> OrgUnit? {
        if case .unit(let u)? = value { return u }
        return nil
    }

    /// The rows the server wrote itself (session `sql:<pid>`).
    static func serverRows(_ server: PGConnection) throws -> Int {
        try Int.fetchOne(server, sql: "SELECT COUNT(*) FROM audit WHERE session LIKE 'sql:%'") ?? -1
    }

    @Test func anAdminsRawEmployeeWritesAreAuditedWithScoresRight() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let budi = SmallProvince.nipB
        _ = try own.add(SmallProvince.teknis(budi, jp: 20))
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 22.5)
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")

        // UPDATE: Budi becomes a struktural pengawas; a pelatihan teknis alone no longer
        // gives him kompetensi (a pengawas needs his leadership course): the cache follows.
        try raw.execute(sql: "UPDATE pegawai SET jenis_jabatan = 'struktural', jenjang = 'pengawas' WHERE nip = '\(budi)'")
        var log = try Self.entries(own, .pegawai(budi))
        #expect(log.count == 2)  // the seed's insert (by ops) and this one
        #expect(log.last?.action == .update)
        #expect(log.last?.actor == Self.admin)
        #expect(log.last?.nip == budi)
        #expect(log.last?.session?.hasPrefix("sql:") == true)
        #expect(Self.pegawai(log.last?.old)?.jenisJabatan == .pelaksana)
        #expect(Self.pegawai(log.last?.new)?.jenisJabatan == .struktural)
        #expect(Self.pegawai(log.last?.new) == (try own.pegawai(nip: budi)))
        #expect(try own.check() == [])
        #expect(try ops.check() == [])

        // aktif off: audited, and the unit's figures follow.
        try raw.execute(sql: "UPDATE pegawai SET aktif = 0 WHERE nip = '\(budi)'")
        log = try Self.entries(own, .pegawai(budi))
        #expect(log.count == 3)
        #expect(Self.pegawai(log.last?.old)?.aktif == true)
        #expect(Self.pegawai(log.last?.new)?.aktif == false)
        #expect(try ops.check() == [])

        // An UPDATE that changes only the name's search key is no change of the employee.
        try raw.execute(sql: "UPDATE pegawai SET search_key = '\(SearchText.key("Budi"))' WHERE nip = '\(budi)'")
        #expect(try Self.entries(own, .pegawai(budi)).count == 3)

        // INSERT of a new employee of SUB (a scored employee cannot be deleted by hand: the
        // cached scores refer to them).
        let dewi = "199202022020122001"
        try raw.execute(
            sql: "INSERT INTO pegawai (nip, nama, kode_unit, jenis_jabatan, status, search_key) "
                + "VALUES ('\(dewi)', 'Dewi', 'SUB', 'pelaksana', 'pns', '\(SearchText.key("Dewi"))')")
        log = try Self.entries(own, .pegawai(dewi))
        #expect(log.map(\.action) == [.insert])
        #expect(log.last?.actor == Self.admin)
        #expect(Self.pegawai(log.last?.new) == Pegawai(nip: dewi, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        // A pelaksana with no records scores 5 (SmallProvince): cached at commit.
        #expect(try own.score(nip: dewi, year: 2024)?.total == 5)
        #expect(try ops.check() == [])
    }

    @Test func anAdminsRawUnitAndProgressWritesAreAudited() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")

        try raw.execute(sql: "UPDATE units SET nama = 'Bidang Arsip' WHERE kode = 'SUB'")
        var log = try Self.entries(own, .unit("SUB"))
        #expect(log.count == 2)
        #expect(log.last?.action == .update)
        #expect(log.last?.actor == Self.admin)
        #expect(Self.unit(log.last?.old) == OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"))
        #expect(Self.unit(log.last?.new) == OrgUnit(kode: "SUB", nama: "Bidang Arsip", induk: "ROOT"))

        try raw.execute(sql: "INSERT INTO units (kode, nama, induk) VALUES ('SUB2', 'Seksi', 'SUB')")
        log = try Self.entries(own, .unit("SUB2"))
        #expect(log.map(\.action) == [.insert])
        #expect(Self.unit(log.last?.new) == OrgUnit(kode: "SUB2", nama: "Seksi", induk: "SUB"))

        // A mark written by hand: audited as a mark (the store's action), done and reopened.
        let subject = AuditSubject.progress(unit: "SUB2", dimension: .kompetensi)
        try raw.execute(
            sql: "INSERT INTO progress (unit, dimension, done, marked_by, at) VALUES ('SUB2', 'kompetensi', 1, '\(Self.admin)', now())")
        log = try Self.entries(own, subject)
        #expect(log.count == 1)
        #expect(log.last?.action == .progress)
        #expect(log.last?.actor == Self.admin)
        #expect(log.last?.old == nil)
        #expect(log.last?.new == .done(true))
        try raw.execute(sql: "UPDATE progress SET done = 0 WHERE unit = 'SUB2'")
        log = try Self.entries(own, subject)
        #expect(log.count == 2)
        #expect(log.last?.old == .done(true))
        #expect(log.last?.new == .done(false))
        #expect(try own.progressMarks().contains { $0.unit == "SUB2" && !$0.done })

        // DELETE of a unit with nothing in it.
        try raw.execute(sql: "INSERT INTO units (kode, nama, induk) VALUES ('SUB3', 'Seksi Lain', 'SUB')")
        try raw.execute(sql: "DELETE FROM units WHERE kode = 'SUB3'")
        log = try Self.entries(own, .unit("SUB3"))
        #expect(log.map(\.action) == [.insert, .delete])
        #expect(Self.unit(log.last?.old)?.nama == "Seksi Lain")
        #expect(log.last?.new == nil)
    }

    @Test func theStoresOwnEmployeeUnitAndMarkWritesGetNoSecondRow() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let server = try PGConnection(conninfo: conninfo)
        let budi = try #require(try own.pegawai(nip: SmallProvince.nipB))

        try own.saveUnit(OrgUnit(kode: "SUB2", nama: "Seksi", induk: "SUB"))
        try own.saveUnit(OrgUnit(kode: "SUB2", nama: "Seksi Arsip", induk: "SUB"))
        var moved = budi
        moved.kodeUnit = "SUB2"
        try own.savePegawai(moved)
        moved.jenisJabatan = .fungsional
        moved.jenjang = "Arsiparis Ahli Muda"
        _ = try own.changePegawai(moved, expecting: try own.pegawai(nip: budi.nip))
        try own.setProgress(unit: "SUB2", dimension: .kompetensi, done: true)
        try own.setProgress(unit: "SUB2", dimension: .kompetensi, done: false)
        // An employee import of one new and one changed employee, its undo and its redo.
        var citra = try #require(try own.pegawai(nip: SmallProvince.nipC))
        citra.nama = "Citra Lestari"
        let eka = Pegawai(nip: "199303032021032003", nama: "Eka", kodeUnit: "SUB", jenisJabatan: .pelaksana)
        var file = ArrayRowSource(kind: .pegawai, rows: [Line(2, .pegawai(citra)), Line(3, .pegawai(eka))])
        _ = try own.importRows(&file, skipInvalid: false)
        _ = try own.undoLast(session: "s1")
        _ = try own.redoLast(session: "s1")

        #expect(try Self.serverRows(server) == 0)
        #expect(try Self.entries(own, .unit("SUB2")).map(\.action) == [.insert, .update])
        #expect(try Self.entries(own, .pegawai(budi.nip)).map(\.action) == [.insert, .update, .update])
        #expect(try own.check() == [])
    }

    @Test func aTruthfulHandWrittenAuditRowLeavesNoStaleScore() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let budi = SmallProvince.nipB
        let id = try own.add(SmallProvince.teknis(budi, jp: 20)).id
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 22.5)
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        let server = try PGConnection(conninfo: conninfo)

        // 19 JP earns nothing (SmallProvince): the record and a row telling exactly that.
        var claimed = try #require(try PostgresAuditEveryWriteTests.stored(own, budi, id.id))
        claimed.jp = 19
        let truthful = try StoreCodec.recordJSON(.diklat(claimed), id: id.id)
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "UPDATE diklat SET jp = 19 WHERE id = \(id.id)")
        // A score token made without the server's secret marks nothing as scored.
        try raw.execute(
            sql: "SELECT set_config('ipasn.audit_scored', ' ' || md5(':' || pg_current_xact_id()::text || ':\(budi)'), true)")
        try raw.execute(
            sql: "INSERT INTO audit(at, actor, action, entity, entity_id, nip, new_value) "
                + "VALUES (now(), '\(Self.admin)', 'update', 'diklat', '\(id.id)', '\(budi)', '\(truthful)')")
        try raw.execute(sql: "COMMIT")
        // The hand row is the change's one row; the score is the records' at commit.
        #expect(try PostgresAuditEveryWriteTests.entries(own, id.id).count == 2)
        #expect(try Self.serverRows(server) == 0)
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 0)
        #expect(try own.check() == [])
    }

    @Test func theWarmUpWritesNothing() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        _ = try own.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20))
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        let server = try PGConnection(conninfo: conninfo)
        let state = """
            SELECT (SELECT COUNT(*) FROM audit) || '/' || (SELECT COUNT(*) FROM employee_score) || '/'
                || (SELECT COALESCE(SUM(kompetensi), 0) FROM employee_score) || '/' || (SELECT COUNT(*) FROM diklat)
            """
        let before = try String.fetchOne(server, sql: state)
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "SELECT ipasn_audit_warm()")
        // Not even a transaction id was taken: nothing was written.
        #expect(try String.fetchOne(raw, sql: "SELECT COALESCE(pg_current_xact_id_if_assigned()::text, 'none')") == "none")
        try raw.execute(sql: "COMMIT")
        #expect(try String.fetchOne(server, sql: state) == before)
        #expect(try own.check() == [])
    }
}
