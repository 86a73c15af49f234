import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Employee imports audited before migration `2026-11-30-pegawai` kept their changes inside
/// the summary (`pegawaiChanges`); they are still read, undone and redone from it.
@Suite struct EmployeeImportUpgradeTests {
    @Test func anImportWithItsChangesInsideTheSummaryIsStillUndoneAndRedone() throws {
        let store = try seededStore()
        let budiBefore = try #require(try store.pegawai(nip: nipB))
        let budi = Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana)
        let dewi = Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana)
        var rows = ArrayRowSource(kind: .pegawai, rows: [Line(2, .pegawai(budi)), Line(3, .pegawai(dewi))])
        #expect(try store.importRows(&rows, skipInvalid: false).imported == 2)
        let entry = try #require(try store.auditLog(limit: 1).first)
        // The row as an older version wrote it: the list inside the summary, nothing beside it.
        let list = [ImportChange(old: budiBefore, new: budi), ImportChange(old: nil, new: dewi)]
        let older = ImportSummary(kind: .pegawai, imported: 2, issues: 0, skipInvalid: false, byUnit: [:], pegawaiChanges: list)
        let text = try RecordRows.json(older)
        #expect(text.contains("\"pegawaiChanges\"") && !text.contains("pegawaiAdded"))
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM import_pegawai_changes WHERE import_id = ?", arguments: [entry.id])
            try db.execute(sql: "UPDATE audit SET new_value = ? WHERE id = ?", arguments: [text, entry.id])
        }
        let old = try #require(try store.auditLog(limit: 1).first)
        #expect(old.id == entry.id && old.new == .importSummary(older))
        #expect(try store.employeeImportChanges(of: old) == list)
        #expect(try store.employeeImportChanges(of: old, offset: 1, limit: 5) == [list[1]])
        if case .importSummary(let summary)? = old.new {
            #expect(summary.employeeCounts?.added == 1 && summary.employeeCounts?.changed == 1)
        }
        #expect(try store.undoLast(session: "test")?.id == entry.id)
        #expect(try store.pegawai(nip: nipB) == budiBefore)
        #expect(try store.pegawai(nip: dewi.nip) == nil)
        #expect(try store.redoLast(session: "test")?.id == entry.id)
        #expect(try store.pegawai(nip: nipB) == budi)
        #expect(try store.pegawai(nip: dewi.nip) == dewi)
        #expect(try store.check() == [])
    }

    /// A database of the previous schema gets the table when opened; its import rows need the
    /// audit row they name (the foreign key, checked at commit).
    @Test func theMigrationAddsTheTableWithItsForeignKey() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-pegawai")
        let path = directory.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "2026-11-30-skp2022")
            #expect(try !queue.read { db in try db.tableExists("import_pegawai_changes") })
        }
        let store = try SQLiteStore(path: path, context: TestClock.context())
        try SmallProvince.seed(store)
        #expect(try store.writer.read { db in try db.tableExists("import_pegawai_changes") })
        // A row for an audit id no import wrote is refused at commit.
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO import_pegawai_changes(\(EmployeeImportChangeLog.columns)) VALUES (999, 0, 2, 'x', NULL, 'SUB', NULL, '{}')")
            }
        }
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import_pegawai_changes") } == 0)
    }
}
