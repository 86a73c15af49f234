import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Every write of a record row by an account's own role is audited (migration
/// `2026-12-01-pgaudit`, issue 12, user test 5): an admin's `psql` INSERT, UPDATE and DELETE of
/// their own unit's diklat each leave exactly one audit row naming the role with the old and new
/// record, the cached scores are the records' at commit (`check()` clean) and the live refresh
/// is notified; the store's own saves, edits, deletes, undo and imports still leave exactly their
/// own audit rows; a hand-written audit row that does not tell the truth covers nothing; the
/// bulk import's setting set by hand is refused at commit; the audit log stays unalterable.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct PostgresAuditEveryWriteTests {
    static let admin = "ipasn_audit_admin"

    /// The small province, the admin of SUB (Budi and Citra) with their login role; returns
    /// the connection string, the operator's store and the admin's store (as their own role).
    static func seeded(_ databases: TestDatabases) throws -> (String, PostgresStore, PostgresStore) {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "s0"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: admin, role: .admin, units: ["SUB"]))
        _ = try ops.provisionLoginRole(admin)
        let own = try PostgresStore(conninfo + " user=\(admin)", context: TestClock.context(actor: admin, session: "s1"))
        return (conninfo, ops, own)
    }

    /// The audit rows of one diklat, oldest first.
    static func entries(_ store: PostgresStore, _ id: Int64) throws -> [AuditEntry] {
        try store.auditLog(limit: 1000).filter { $0.subject == .record(RecordID(kind: .diklat, id: id)) }.reversed()
    }

    /// The stored diklat `id` of `nip`, as the store reads it.
    static func stored(_ store: PostgresStore, _ nip: String, _ id: Int64) throws -> Diklat? {
        try store.records(nip: nip)?.diklat.first { $0.id == id }?.value
    }

    /// Whether `listener` is told of audit row `id` within two seconds.
    static func notified(_ listener: PGConnection, _ id: Int64) throws -> Bool {
        for _ in 0..<40 {
            if try listener.takeNotifications().contains(where: { $0.payload.hasPrefix("\(id) ") }) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    static func diklat(_ entry: AuditValue?) -> Diklat? {
        if case .record(.diklat(let d))? = entry { return d }
        return nil
    }

    @Test func anAdminsRawInsertUpdateAndDeleteAreEachAuditedOnceWithScoresRight() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops, own) = try Self.seeded(databases)
        let budi = SmallProvince.nipB
        let listener = try PGConnection(conninfo: conninfo)
        try listener.listen(PostgresSchema.changeChannel)
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")

        // INSERT: 20 JP of pelatihan teknis earns Budi 22.5 kompetensi points in 2024.
        let before = try #require(try own.score(nip: budi, year: 2024))
        #expect(before.kompetensi == 0)
        let key = DuplicateKey.hash(SmallProvince.teknis(budi, "Lewat psql"))
        try raw.execute(
            sql: "INSERT INTO diklat (nip, jenis, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, dedup_key) "
                + "VALUES ('\(budi)', 3, 'Lewat psql', 'BPSDM', '2024-03-01', '2024-03-03', 20, \(key))")
        let id = try #require(try Int64.fetchOne(raw, sql: "SELECT id FROM diklat WHERE nama = 'Lewat psql'"))
        var log = try Self.entries(own, id)
        #expect(log.count == 1)
        #expect(log.last?.action == .insert)
        #expect(log.last?.actor == Self.admin)
        #expect(log.last?.nip == budi)
        #expect(log.last?.old == nil)
        #expect(Self.diklat(log.last?.new)?.jp == 20)
        #expect(Self.diklat(log.last?.new)?.nama == "Lewat psql")
        #expect(Self.diklat(log.last?.new) == (try Self.stored(own, budi, id)))
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 22.5)
        #expect(try own.check() == [])
        #expect(try Self.notified(listener, log.last!.id))

        // UPDATE (user test 5's statement): 99 JP, audited with before and after.
        try raw.execute(sql: "UPDATE diklat SET jp = 99 WHERE id = \(id)")
        log = try Self.entries(own, id)
        #expect(log.count == 2)
        #expect(log.last?.action == .update)
        #expect(log.last?.actor == Self.admin)
        #expect(Self.diklat(log.last?.old)?.jp == 20)
        #expect(Self.diklat(log.last?.new)?.jp == 99)
        #expect(try own.check() == [])
        #expect(try Self.notified(listener, log.last!.id))

        // An update that changes nothing but the export versions is no change of the record.
        try raw.execute(sql: "UPDATE diklat SET sent_no = change_no WHERE id = \(id)")
        #expect(try Self.entries(own, id).count == 2)

        // DELETE: the old row kept; Budi's kompetensi back to 0.
        try raw.execute(sql: "DELETE FROM diklat WHERE id = \(id)")
        log = try Self.entries(own, id)
        #expect(log.count == 3)
        #expect(log.last?.action == .delete)
        #expect(Self.diklat(log.last?.old)?.jp == 99)
        #expect(log.last?.new == nil)
        #expect(try own.score(nip: budi, year: 2024)?.kompetensi == 0)
        #expect(try own.check() == [])
        #expect(try ops.check() == [])

        // Another unit's record is still out of reach (row security), and nothing is audited.
        let andi = try ops.add(SmallProvince.teknis(SmallProvince.nipA)).id
        try raw.execute(sql: "UPDATE diklat SET jp = 99 WHERE id = \(andi.id)")
        #expect(try Self.entries(own, andi.id).count == 1)

        // The audit rows cannot be altered nor deleted by the admin.
        for sql in ["UPDATE audit SET actor = 'someone' WHERE entity_id = '\(id)'",
            "DELETE FROM audit WHERE entity_id = '\(id)'", "TRUNCATE audit", "DELETE FROM audit_bulk_pending", "SELECT * FROM audit_bulk_pending"]
        {
            #expect(throws: PGError.self, "\(sql)") { try raw.execute(sql: sql) }
        }
        #expect(try Self.entries(own, id).count == 3)
    }

    @Test func theStoresOwnWritesAreAuditedOnceAsBefore() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try Self.seeded(databases)
        let server = try PGConnection(conninfo: conninfo)
        func serverRows() throws -> Int { try Int.fetchOne(server, sql: "SELECT COUNT(*) FROM audit WHERE session LIKE 'sql:%'") ?? -1 }

        let id = try own.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20)).id
        #expect(try Self.entries(own, id.id).map(\.action) == [.insert])
        try own.update(id, to: SmallProvince.teknis(SmallProvince.nipB, jp: 24))
        try own.update(id, to: SmallProvince.teknis(SmallProvince.nipC, jp: 24))
        #expect(try Self.entries(own, id.id).map(\.action) == [.insert, .update, .update])
        _ = try own.undoLast(session: "s1")
        _ = try own.redoLast(session: "s1")
        try own.delete(id)
        _ = try own.undoLast(session: "s1")
        #expect(try Self.entries(own, id.id).map(\.action) == [.insert, .update, .update, .undo, .redo, .delete, .undo])
        #expect(try Self.entries(own, id.id).allSatisfy { $0.actor == Self.admin && $0.session == "s1" })

        // A batch, a participant added to it and one removed: one row per record each.
        let batch = try own.addBatch([SmallProvince.teknis(SmallProvince.nipB, "Sosialisasi", jp: 2)], label: "Sosialisasi")
        let added = try own.addToBatch(batch.batch, nips: [SmallProvince.nipC])
        _ = try own.removeFromBatch(batch.batch, record: try #require(added.ids.first))
        #expect(try serverRows() == 0)

        // An import (the bulk path), its undo and its redo: their own rows only.
        let rows = [SmallProvince.nipB, SmallProvince.nipC].enumerated().map { index, nip in
            Line(index + 2, ImportRow.record(SmallProvince.teknis(nip, "Impor \(index)", jp: 30)))
        }
        var file = ArrayRowSource(kind: .diklat, rows: rows)
        #expect(try own.importRows(&file, skipInvalid: false).imported == 2)
        _ = try own.undoLast(session: "s1")
        _ = try own.redoLast(session: "s1")
        // The plain path too (multi-row INSERTs, each row checked at commit).
        var plain = ArrayRowSource(
            kind: .diklat, rows: [Line(2, ImportRow.record(SmallProvince.teknis(SmallProvince.nipC, "Impor biasa", jp: 19)))])
        #expect(try own.importRows(&plain, skipInvalid: false, dryRun: false, bulk: false).imported == 1)
        #expect(try serverRows() == 0)
        #expect(try own.check() == [])
    }

    @Test func anAuditRowThatDoesNotTellTheTruthCoversNothing() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try Self.seeded(databases)
        let id = try own.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20)).id
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        // A hand-written audit row claiming 50 JP, then the row set to 99 in the same transaction.
        var claimed = try #require(try Self.stored(own, SmallProvince.nipB, id.id))
        claimed.jp = 50
        let text = try StoreCodec.recordJSON(.diklat(claimed), id: id.id).replacingOccurrences(of: "'", with: "''")
        try raw.execute(sql: "BEGIN")
        try raw.execute(
            sql: "INSERT INTO audit(at, actor, action, entity, entity_id, nip, new_value) "
                + "VALUES (now(), '\(Self.admin)', 'update', 'diklat', '\(id.id)', '\(SmallProvince.nipB)', '\(text)')")
        try raw.execute(sql: "UPDATE diklat SET jp = 99 WHERE id = \(id.id)")
        try raw.execute(sql: "COMMIT")
        let log = try Self.entries(own, id.id)
        #expect(log.count == 3)
        #expect(Self.diklat(log.last?.new)?.jp == 99)
        #expect(log.last?.session?.hasPrefix("sql:") == true)
        #expect(try own.check() == [])

        // A hand-written audit row that tells the truth is the change's one row.
        claimed.jp = 12
        let truthful = try StoreCodec.recordJSON(.diklat(claimed), id: id.id)
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "UPDATE diklat SET jp = 12 WHERE id = \(id.id)")
        try raw.execute(
            sql: "INSERT INTO audit(at, actor, action, entity, entity_id, nip, new_value) "
                + "VALUES (now(), '\(Self.admin)', 'update', 'diklat', '\(id.id)', '\(SmallProvince.nipB)', '\(truthful)')")
        try raw.execute(sql: "COMMIT")
        #expect(try Self.entries(own, id.id).count == 4)
        // The log is right, and the cached score too: a covered write's scores are verified
        // at commit (migration 2026-12-01-pgaudit2; 12 JP earns nothing).
        #expect(try own.score(nip: SmallProvince.nipB, year: 2024)?.kompetensi == 0)
        #expect(try own.check() == [])
    }

    @Test func theBulkSettingSetByHandIsRefusedAtCommit() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, own) = try Self.seeded(databases)
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        try raw.execute(sql: "BEGIN")
        try raw.execute(sql: "SELECT set_config('\(PostgresSchema.bulkImportSetting)', 'on', true)")
        try raw.execute(
            sql: "INSERT INTO diklat (nip, jenis, nama, tanggal_mulai, tanggal_selesai, jp, dedup_key) "
                + "VALUES ('\(SmallProvince.nipB)', 3, 'Lewat psql', '2024-03-01', '2024-03-03', 20, 1)")
        do {
            try raw.execute(sql: "COMMIT")
            Issue.record("the commit went through")
        } catch let error as PGError {
            #expect(error.sqlState == "42501")
            #expect(error.message.contains("ipasn.bulk_import"))
        }
        let server = try PGConnection(conninfo: conninfo)
        #expect(try Int.fetchOne(server, sql: "SELECT COUNT(*) FROM diklat WHERE nama = 'Lewat psql'") == 0)
        #expect(try own.check() == [])
    }
}
