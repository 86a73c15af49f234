import Foundation
import GRDB
import IPASNCore
import Testing

@testable import IPASNStore

/// Drafts belong to their author (the acting login) and to one open form.
@Suite struct DraftOwnershipTests {
    func draft(_ form: String, _ nip: String, _ nama: String, at seconds: Double = 0, editing: RecordID? = nil) -> Draft {
        Draft(form: form, nip: nip, editing: editing, fields: ["nama": nama], savedAt: fixedNow.addingTimeInterval(seconds))
    }

    @Test func anotherAdminsAutosaveNeverReplacesMine() throws {
        let store = try seededStore()
        try store.saveDraft(draft("diklat", nipA, "A's unsaved course"), owner: "ani")
        // Budi autosaves his own SKP form a minute later.
        try store.saveDraft(draft("skp", nipB, "B's SKP", at: 60), owner: "budi")
        let ani = try store.loadDrafts(owner: "ani")
        #expect(ani.map { $0.fields["nama"] } == ["A's unsaved course"], "Ani is offered her form, not Budi's SKP")
        #expect(try store.loadDrafts(owner: "budi").map(\.form) == ["skp"])
        // Ani declines hers: Budi's stays.
        try store.clearDraft(owner: "ani", formKey: ani[0].formKey)
        #expect(try store.loadDrafts(owner: "ani").isEmpty)
        #expect(try store.loadDrafts(owner: "budi").count == 1)
        // Clearing "the same form" as another owner touches nothing of Budi's.
        try store.clearDraft(owner: "ani", formKey: "skp:\(nipB):new")
        #expect(try store.loadDrafts(owner: "budi").count == 1)
    }

    @Test func oneDraftPerOpenFormNewestFirst() throws {
        let store = try seededStore()
        try store.saveDraft(draft("diklat", nipA, "first"), owner: "ani")
        try store.saveDraft(draft("diklat", nipB, "other employee", at: 10), owner: "ani")
        try store.saveDraft(draft("diklat", nipA, "edit of #7", at: 20, editing: RecordID(kind: .diklat, id: 7)), owner: "ani")
        try store.saveDraft(draft("diklat", nipA, "first, typed on", at: 30), owner: "ani")  // same form: replaced
        let drafts = try store.loadDrafts(owner: "ani")
        #expect(drafts.map { $0.fields["nama"]! } == ["first, typed on", "edit of #7", "other employee"])
        #expect(drafts.map(\.formKey) == ["diklat:\(nipA):new", "diklat:\(nipA):diklat#7", "diklat:\(nipB):new"])
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
        let store = try SQLiteStore(writer: queue, context: testContext)
        #expect(try store.loadDrafts(owner: "anyone") == [oldDraft])
        let id = try store.add(teknis(nipA, "Kursus baru")).id
        #expect(id.id == 4, "id 3 belonged to a deleted record")
        try store.clearDraft(owner: "anyone", formKey: oldDraft.formKey)
        #expect(try store.loadDrafts(owner: "someone-else").isEmpty)
    }
}
