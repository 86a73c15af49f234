import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// `import_pegawai_changes` on PostgreSQL (migration `2026-11-30-pegawai`): an admin connected
/// as their own role inserts rows only for their units and only within an import's
/// transaction, changes or deletes none; an import audited before the table (its list inside
/// the summary) is still undone and redone.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresEmployeeImportChangesTests {
    @Test func anAdminsOwnRoleWritesChangeRowsOnlyInAnImportOfTheirUnits() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        let admin = "ipasn_chg_admin"
        try ops.saveAccount(Account(login: admin, role: .admin, units: ["SUB"]))
        _ = try ops.provisionLoginRole(admin)
        let superuser = try PGConnection(conninfo: conninfo)

        // Through ipasn as that role: the import writes its rows (RLS lets them through).
        let store = try PostgresStore(conninfo + " user=\(admin)", context: TestClock.context(actor: admin))
        let eka = Pegawai(nip: SmallProvince.stranger, nama: "Eka", kodeUnit: "SUB", jenisJabatan: .pelaksana)
        var rows = ArrayRowSource(kind: .pegawai, rows: [Line(2, .pegawai(eka))])
        #expect(try store.importRows(&rows, skipInvalid: false).added == 1)
        let entry = try #require(try store.auditLog(limit: 1).first)
        #expect(try store.employeeImportChanges(of: entry) == [ImportChange(old: nil, new: eka)])
        #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM import_pegawai_changes") == 1)

        // psql as the admin.
        let raw = try PGConnection(conninfo: conninfo + " user=\(admin)")
        func refusal(_ sql: String) -> String? {
            do {
                try raw.execute(sql: "BEGIN")
                defer { _ = try? raw.execute(sql: "ROLLBACK") }
                try raw.execute(sql: sql)
                try raw.execute(sql: "COMMIT")
                return nil
            } catch let error as PGError {
                return error.sqlState
            } catch {
                return "?"
            }
        }
        let columns = EmployeeImportChangeLog.columns
        // Another row under the committed import (its own unit): refused by the policy.
        #expect(refusal("INSERT INTO import_pegawai_changes(\(columns)) VALUES (\(entry.id), 1, 3, 'x', NULL, 'SUB', NULL, '{}')") == "42501")
        // A row for another unit under a fresh id: refused by the policy.
        #expect(refusal("INSERT INTO import_pegawai_changes(\(columns)) VALUES (nextval(pg_get_serial_sequence('audit', 'id')), 0, 2, 'x', NULL, 'ROOT', NULL, '{}')") == "42501")
        // Taking an employee out of another unit: refused.
        #expect(refusal("INSERT INTO import_pegawai_changes(\(columns)) VALUES (nextval(pg_get_serial_sequence('audit', 'id')), 0, 2, 'x', 'ROOT', 'SUB', '{}', '{}')") == "42501")
        // Its own unit under a fresh id but no import's audit row by commit: the foreign key refuses the commit.
        #expect(refusal("INSERT INTO import_pegawai_changes(\(columns)) VALUES (nextval(pg_get_serial_sequence('audit', 'id')) + 1000, 0, 2, 'x', NULL, 'SUB', NULL, '{}')") == "23503")
        // Never changed nor deleted, not even its own import's rows.
        for sql in ["UPDATE import_pegawai_changes SET new_unit = 'SUB'", "DELETE FROM import_pegawai_changes", "TRUNCATE import_pegawai_changes"] {
            #expect(refusal(sql) == "42501", "\(sql)")
        }
        #expect(try Int.fetchOne(superuser, sql: "SELECT COUNT(*) FROM import_pegawai_changes") == 1)
        #expect(try store.undoLast(session: admin)?.id == entry.id)
        #expect(try store.pegawai(nip: eka.nip) == nil)
        #expect(try store.check() == [])
    }

    @Test func anImportWithItsChangesInsideTheSummaryIsStillUndoneAndRedone() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context())
        try SmallProvince.seed(store)
        let budiBefore = try #require(try store.pegawai(nip: SmallProvince.nipB))
        let budi = Pegawai(nip: SmallProvince.nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana)
        let dewi = Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana)
        var rows = ArrayRowSource(kind: .pegawai, rows: [Line(2, .pegawai(budi)), Line(3, .pegawai(dewi))])
        #expect(try store.importRows(&rows, skipInvalid: false).imported == 2)
        let entry = try #require(try store.auditLog(limit: 1).first)
        // The row as an older version wrote it (the schema's owner rewrites it).
        let list = [ImportChange(old: budiBefore, new: budi), ImportChange(old: nil, new: dewi)]
        let older = ImportSummary(kind: .pegawai, imported: 2, issues: 0, skipInvalid: false, byUnit: [:], pegawaiChanges: list)
        let owner = try PGConnection(conninfo: conninfo)
        try owner.execute(sql: "DELETE FROM import_pegawai_changes WHERE import_id = ?", arguments: [entry.id])
        try owner.execute(
            sql: "UPDATE audit SET new_value = ? WHERE id = ?",
            arguments: [try StoreCodec.auditText(.importSummary(older), .importFile(.pegawai)), entry.id])
        let old = try #require(try store.auditLog(limit: 1).first)
        #expect(old.new == .importSummary(older))
        #expect(try store.employeeImportChanges(of: old) == list)
        #expect(try store.undoLast(session: "test")?.id == entry.id)
        #expect(try store.pegawai(nip: SmallProvince.nipB) == budiBefore)
        #expect(try store.pegawai(nip: dewi.nip) == nil)
        #expect(try store.redoLast(session: "test")?.id == entry.id)
        #expect(try store.pegawai(nip: SmallProvince.nipB) == budi)
        #expect(try store.pegawai(nip: dewi.nip) == dewi)
        #expect(try store.check() == [])
    }
}
