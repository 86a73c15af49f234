import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The audit check of many rows at once and the verification table's direct writes
/// (migration `2026-12-02-pgaudit3`, issue 12): an admin's raw `INSERT ... SELECT`, multi-row
/// `UPDATE` and `DELETE` of their own unit's diklat leave one audit row per row with the
/// right old and new record, and the cached scores are right at commit; truthful audit rows
/// written by hand cover exactly their rows; a raw write of a record's verification (a
/// document mark, a verdict set back to belum, a row deleted) is audited as a `verify` entry,
/// while the store's own verification writes and the record triggers' resets get no second row.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct PostgresAuditSetWiseTests {
    static let admin = PostgresAuditEveryWriteTests.admin

    static func entries(_ store: PostgresStore, _ id: Int64) throws -> [AuditEntry] {
        try PostgresAuditEveryWriteTests.entries(store, id)
    }

    static func jp(_ value: AuditValue?) -> Int? { PostgresAuditEveryWriteTests.diklat(value)?.jp }

    static func ids(_ raw: PGConnection, _ names: [String]) throws -> [Int64] {
        try Int64.fetchAll(raw, sql: "SELECT id FROM diklat WHERE nama IN (\(names.map { "'\($0)'" }.joined(separator: ", "))) ORDER BY id")
    }

    static func verification(_ value: AuditValue?) -> RecordVerification? {
        if case .verification(let v)? = value { return v }
        return nil
    }

    @Test func anAdminsMultiRowStatementsAreEachAuditedWithScoresRight() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let budi = SmallProvince.nipB, citra = SmallProvince.nipC
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        let server = try PGConnection(conninfo: conninfo)

        // INSERT ... SELECT of three courses: 20 JP for Budi and Citra (22.5 kompetensi each), 8 JP for Citra.
        try raw.execute(
            sql: """
                INSERT INTO diklat (nip, jenis, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, dedup_key)
                SELECT v.nip, 3, v.nama, 'BPSDM', '2024-03-01', '2024-03-03', v.jp, v.k
                FROM (VALUES ('\(budi)', 'Massal A', 20, 101), ('\(citra)', 'Massal B', 20, 102), ('\(citra)', 'Massal C', 8, 103))
                    AS v(nip, nama, jp, k)
                """)
        let ids = try Self.ids(raw, ["Massal A", "Massal B", "Massal C"])
        #expect(ids.count == 3)
        for (id, jp) in zip(ids, [20, 20, 8]) {
            let log = try Self.entries(own, id)
            #expect(log.map(\.action) == [.insert])
            #expect(log.last?.actor == Self.admin)
            #expect(log.last?.session?.hasPrefix("sql:") == true)
            #expect(Self.jp(log.last?.new) == jp)
        }
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 22.5)
        #expect(try own.score(nip: citra, year: 2024)?.kompetensi == 22.5)
        #expect(try own.check() == [])

        // A multi-row UPDATE: each row audited with its old and new JP; 19 JP earns nothing.
        try raw.execute(sql: "UPDATE diklat SET jp = 19 WHERE nama LIKE 'Massal %'")
        for (id, old) in zip(ids, [20, 20, 8]) {
            let log = try Self.entries(own, id)
            #expect(log.map(\.action) == [.insert, .update])
            #expect(Self.jp(log.last?.old) == old)
            #expect(Self.jp(log.last?.new) == 19)
            #expect(PostgresAuditEveryWriteTests.diklat(log.last?.new) == (try PostgresAuditEveryWriteTests.stored(own, log.last!.nip!, id)))
        }
        // Budi's one course of 19 JP earns nothing; Citra's two make 38 JP in the year: 22.5.
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 0)
        #expect(try own.score(nip: citra, year: 2024)?.kompetensi == 22.5)
        #expect(try own.check() == [])

        // Export versions only: no change of a record, nothing audited.
        try raw.execute(sql: "UPDATE diklat SET sent_no = change_no WHERE nama LIKE 'Massal %'")
        #expect(try ids.map { try Self.entries(own, $0).count } == [2, 2, 2])

        // Two statements on the same row in one transaction: two rows, in order (19 -> 30 -> 31).
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "UPDATE diklat SET jp = 30 WHERE id = \(ids[0])")
        try raw.execute(sql: "UPDATE diklat SET jp = 31 WHERE id = \(ids[0])")
        try raw.execute(sql: "COMMIT")
        let twice = try Self.entries(own, ids[0])
        #expect(twice.map { [Self.jp($0.old), Self.jp($0.new)] }.suffix(2) == [[19, 30], [30, 31]])
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 22.5)  // 20 JP or more

        // A multi-row DELETE: each row audited with its last value, none after.
        try raw.execute(sql: "DELETE FROM diklat WHERE nama LIKE 'Massal %'")
        for (id, last) in zip(ids, [31, 19, 19]) {
            let log = try Self.entries(own, id)
            #expect(log.last?.action == .delete)
            #expect(Self.jp(log.last?.old) == last)
            #expect(log.last?.new == nil)
        }
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 0)
        #expect(try own.check() == [])
        #expect(try ops.check() == [])

        // Another unit's rows stay out of reach, and nothing is audited for them.
        let andi = try ops.add(SmallProvince.teknis(SmallProvince.nipA)).id
        try raw.execute(sql: "DELETE FROM diklat WHERE id = \(andi.id)")
        #expect(try Self.entries(own, andi.id).map(\.action) == [.insert])
        // Nothing is left pending, and an admin cannot see or touch what is.
        #expect(try Int.fetchOne(server, sql: "SELECT COUNT(*) FROM audit_pending") == 0)
        for sql in ["SELECT * FROM audit_pending", "DELETE FROM audit_pending", "INSERT INTO audit_pending(entity, o, n) VALUES ('diklat', '[]', '[]')"] {
            #expect(throws: PGError.self, "\(sql)") { try raw.execute(sql: sql) }
        }
    }

    @Test func handWrittenRowsCoverExactlyTheRowsTheyTellTheTruthAbout() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let budi = SmallProvince.nipB, citra = SmallProvince.nipC
        let first = try own.add(SmallProvince.teknis(budi, "Satu", jp: 20)).id
        let second = try own.add(SmallProvince.teknis(citra, "Dua", jp: 20)).id
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        let server = try PGConnection(conninfo: conninfo)

        // One UPDATE of both rows to 19 JP; a truthful row for the first, a lying one (12 JP) for the second.
        func row(_ id: RecordID, _ nip: String, jp: Int) throws -> String {
            var claimed = try #require(try PostgresAuditEveryWriteTests.stored(own, nip, id.id))
            claimed.jp = jp
            let text = try StoreCodec.recordJSON(.diklat(claimed), id: id.id)
            return "INSERT INTO audit(at, actor, action, entity, entity_id, nip, new_value) "
                + "VALUES (now(), '\(Self.admin)', 'update', 'diklat', '\(id.id)', '\(nip)', '\(text)')"
        }
        let truthful = try row(first, budi, jp: 19)
        let lying = try row(second, citra, jp: 12)
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "UPDATE diklat SET jp = 19 WHERE id IN (\(first.id), \(second.id))")
        try raw.execute(sql: truthful)
        try raw.execute(sql: lying)
        try raw.execute(sql: "COMMIT")
        #expect(try Self.entries(own, first.id).count == 2)  // the add, the hand row
        let log = try Self.entries(own, second.id)
        #expect(log.count == 3)  // the add, the lying row, the server's
        #expect(Self.jp(log.last?.new) == 19)
        #expect(log.last?.session?.hasPrefix("sql:") == true)
        #expect(try PostgresAuditGapsTests.serverRows(server) == 1)
        // Both scores are right: the covered write's employee verified, the other refreshed.
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 0)
        #expect(try own.score(nip: citra, year: 2024)?.kompetensi == 0)
        #expect(try own.check() == [])

        // SET CONSTRAINTS ALL IMMEDIATE checks what is pending at once; later statements are still checked at commit.
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "UPDATE diklat SET jp = 20 WHERE id = \(first.id)")
        try raw.execute(sql: "SET CONSTRAINTS ALL IMMEDIATE")
        try raw.execute(sql: "SET CONSTRAINTS ALL DEFERRED")
        try raw.execute(sql: "UPDATE diklat SET jp = 21 WHERE id = \(second.id)")
        try raw.execute(sql: "COMMIT")
        #expect(try Self.jp(Self.entries(own, first.id).last?.new) == 20)
        #expect(try Self.jp(Self.entries(own, second.id).last?.new) == 21)
        #expect(try PostgresAuditGapsTests.serverRows(server) == 3)
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 22.5)  // back to 20 JP
        #expect(try own.check() == [])
    }

    @Test func theSessionsDateAndNumberSettingsDoNotChangeWhatIsAudited() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let id = try own.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20)).id
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        // The rows are noted under one date order and checked at commit under another.
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "SET LOCAL datestyle = 'SQL, DMY'")
        try raw.execute(sql: "SET LOCAL extra_float_digits = -15")
        try raw.execute(sql: "DELETE FROM diklat WHERE id = \(id.id)")
        try raw.execute(sql: "SET LOCAL datestyle = 'SQL, MDY'")
        try raw.execute(sql: "COMMIT")
        let gone = try #require(PostgresAuditEveryWriteTests.diklat(try Self.entries(own, id.id).last?.old))
        #expect(gone.tanggalMulai == TestClock.date("2024-03-01"))
        #expect(gone.tanggalSelesai == TestClock.date("2024-03-03"))
        #expect(gone.jp == 20)
        #expect(try own.check() == [])
    }

    @Test func anAdminsRawEmployeeUpdateOfManyRowsIsAuditedPerEmployee() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        try raw.execute(sql: "UPDATE pegawai SET nama = upper(nama) WHERE kode_unit = 'SUB'")
        for (nip, name) in [(SmallProvince.nipB, "BUDI"), (SmallProvince.nipC, "CITRA")] {
            let log = try PostgresAuditGapsTests.entries(own, .pegawai(nip))
            #expect(log.count == 2)
            #expect(log.last?.action == .update)
            #expect(PostgresAuditGapsTests.pegawai(log.last?.new)?.nama == name)
        }
        #expect(try own.check() == [])
    }

    @Test func anAdminsRawVerificationWritesAreAudited() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops, own) = try PostgresAuditEveryWriteTests.seeded(databases)
        let budi = SmallProvince.nipB
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        let server = try PGConnection(conninfo: conninfo)
        let id = try own.add(SmallProvince.teknis(budi, jp: 20)).id
        // The operator rejects it (bkn-2019 leaves it out of the scores: 0 kompetensi).
        #expect(try ops.setVerification([id], status: .tidak, reason: "Sertifikat tidak terbaca") == 1)
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 0)
        func verifies() throws -> [AuditEntry] { try Self.entries(own, id.id).filter { $0.action == .verify } }
        #expect(try verifies().count == 1)

        // The document mark set by hand: one `verify` row by the admin, the verdict kept.
        try raw.execute(
            sql: "UPDATE verification SET document = 1, document_path = 'lemari 3' WHERE kind = 'diklat' AND record_id = \(id.id)")
        var log = try verifies()
        #expect(log.count == 2)
        #expect(log.last?.actor == Self.admin)
        #expect(log.last?.session?.hasPrefix("sql:") == true)
        #expect(log.last?.nip == budi)
        #expect(Self.verification(log.last?.old)?.documentInHand == false)
        #expect(Self.verification(log.last?.new)?.documentInHand == true)
        #expect(Self.verification(log.last?.new)?.documentPath == "lemari 3")
        #expect(Self.verification(log.last?.new)?.status == .tidak)
        #expect(Self.verification(log.last?.new) == (try own.verification(of: id)))

        // The verdict set back to belum by hand, or its row deleted: a verifier's to do
        // (migration `2026-12-03-pgrls`; PostgresRawSQLSweepTests): refused, nothing written.
        #expect(throws: PGError.self) {
            try raw.execute(
                sql: "UPDATE verification SET status = 'belum', reason = '', verified_by = NULL, at = NULL "
                    + "WHERE kind = 'diklat' AND record_id = \(id.id)")
        }
        #expect(try raw.execute(sql: "DELETE FROM verification WHERE kind = 'diklat' AND record_id = \(id.id)") == 0)
        #expect(try verifies().count == 2)
        #expect(try own.verification(of: id).status == .tidak)
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 0)

        // A row inserted by hand (a document mark of a record with none): audited from belum.
        let second = try own.add(SmallProvince.teknis(budi, "Bimtek Dua", jp: 20, end: "2024-03-04")).id
        try raw.execute(sql: "INSERT INTO verification(kind, record_id, document) VALUES ('diklat', \(second.id), 1)")
        log = try Self.entries(own, second.id).filter { $0.action == .verify }
        #expect(log.count == 1)
        #expect(log.last?.actor == Self.admin)
        #expect(Self.verification(log.last?.old) == .unverified)
        #expect(Self.verification(log.last?.new)?.documentInHand == true)
        let serverWritten = try PostgresAuditGapsTests.serverRows(server)
        #expect(serverWritten == 2)

        // The store's own writes: a document mark, a verdict, the record's change resetting
        // it (the owner's trigger): no row of the server's.
        try own.setDocument(id, inHand: false, path: "")
        #expect(try ops.setVerification([id], status: .memenuhi, reason: "") == 1)
        try own.update(id, to: SmallProvince.teknis(budi, jp: 24))
        #expect(try own.verification(of: id).status == .belum)
        #expect(try PostgresAuditGapsTests.serverRows(server) == serverWritten)
        #expect(try own.check() == [])
    }
}
