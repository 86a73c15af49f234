import Foundation
import GRDB
import IPASNCore
import Testing

@testable import IPASNStore

/// Drafts belong to their author (the acting login) and to one open form (the behaviour of
/// any store is in the conformance suite, `StoreConformance+Sessions`).
@Suite struct DraftOwnershipTests {
    func draft(_ form: String, _ nip: String, _ nama: String, at seconds: Double = 0, editing: RecordID? = nil) -> Draft {
        Draft(form: form, nip: nip, editing: editing, fields: ["nama": nama], savedAt: fixedNow.addingTimeInterval(seconds))
    }

    @Test func setupAndUnitFormsHaveTheirOwnKeys() {
        let setupNew = Draft(form: "setup", nip: "", editing: nil, fields: [:], savedAt: fixedNow)
        let setupOnUnit = Draft(form: "setup", nip: nipA, editing: nil, unit: "ROOT", fields: [:], savedAt: fixedNow)
        let unitEdit = Draft(form: "unit", nip: "", editing: nil, unit: "ROOT", fields: [:], savedAt: fixedNow)
        #expect(setupNew.formKey == "setup:")
        #expect(setupOnUnit.formKey == "setup:ROOT", "typing a NIP does not move the draft to another key")
        #expect(unitEdit.formKey == "unit:ROOT")
    }

    /// A database of schema v2 (one shared draft row, plain rowid record tables) opened by
    /// this version: the draft is kept (offered once, to whoever starts next) and a deleted
    /// record's id is never handed out again, even though it was the highest.
    @Test func migrationKeepsTheOldDraftAndNeverReusesADeletedId() throws {
        let queue = try DatabaseQueue()
        var old = DatabaseMigrator()
        old.registerMigration("v1") { try $0.execute(sql: SQLiteSchema.v1) }
        old.registerMigration("v2") { try $0.execute(sql: SQLiteSchema.v2) }
        try old.migrate(queue)
        let oldDraft = draft("diklat", nipA, "typed before the upgrade")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO units(kode, nama) VALUES ('ROOT', 'Pemerintah Kota')")
            try db.execute(
                sql: """
                    INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, status) VALUES (?, 'Andi', 'ROOT', 'pelaksana', 'pns')
                    """, arguments: [nipA])
            for id in 1...3 {
                try db.execute(
                    sql: RecordRows.insertSQL(.diklat, withID: true),
                    arguments: [id] + RecordRows.arguments(teknis(nipA, "Kursus \(id)")))
            }
            // Diklat 3 was deleted (audited); 1 and 2 remain.
            try db.execute(sql: "DELETE FROM diklat WHERE id = 3")
            try db.execute(
                sql: "INSERT INTO audit(at, actor, action, entity, entity_id) VALUES (?, 'x', 'delete', 'diklat', '3')",
                arguments: [fixedNow])
            try db.execute(sql: "INSERT INTO draft(id, json) VALUES (1, ?)", arguments: [try RecordRows.json(oldDraft)])
        }
        let store = try SQLiteStore(
            writer: queue, context: testContext, waiter: LockWaiter(patience: .standard, probe: { LockProgress() }))
        #expect(try store.loadDrafts(owner: "anyone") == [oldDraft])
        let id = try store.add(teknis(nipA, "Kursus baru")).id
        #expect(id.id == 4, "id 3 belonged to a deleted record")
        try store.clearDraft(owner: "anyone", formKey: oldDraft.formKey)
        #expect(try store.loadDrafts(owner: "someone-else").isEmpty)
    }
}
