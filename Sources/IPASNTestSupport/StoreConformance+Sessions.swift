import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static func draft(_ form: String, _ nip: String, _ nama: String, at seconds: Double = 0, editing: RecordID? = nil) -> Draft {
        Draft(form: form, nip: nip, editing: editing, fields: ["nama": nama], savedAt: TestClock.now.addingTimeInterval(seconds))
    }

    static let sessions: [StoreBehaviour] = [
        StoreBehaviour("drafts belong to their owner: another admin's autosave never replaces mine") { make in
            let store = try seeded(make)
            let auditCount = try store.auditLog(limit: 1000).count
            #expect(try store.loadDrafts(owner: "ani").isEmpty)
            try store.clearDraft(owner: "ani", formKey: "diklat:\(nipA):new")  // nothing to clear: no error
            try store.saveDraft(draft("diklat", nipA, "A's unsaved course"), owner: "ani")
            // Budi autosaves his own SKP form a minute later.
            try store.saveDraft(draft("skp", nipB, "B's SKP", at: 60), owner: "budi")
            let ani = try store.loadDrafts(owner: "ani")
            #expect(ani == [draft("diklat", nipA, "A's unsaved course")], "Ani is offered her form, not Budi's SKP")
            #expect(try store.loadDrafts(owner: "budi").map(\.form) == ["skp"])
            // Ani declines hers: Budi's stays.
            try store.clearDraft(owner: "ani", formKey: ani[0].formKey)
            #expect(try store.loadDrafts(owner: "ani").isEmpty)
            // Clearing "the same form" as another owner touches nothing of Budi's.
            try store.clearDraft(owner: "ani", formKey: "skp:\(nipB):new")
            #expect(try store.loadDrafts(owner: "budi").count == 1)
            #expect(try store.auditLog(limit: 1000).count == auditCount, "a draft is not data: not audited")
        },
        StoreBehaviour("one draft per owner and open form, newest first") { make in
            let store = try seeded(make)
            try store.saveDraft(draft("diklat", nipA, "first"), owner: "ani")
            try store.saveDraft(draft("diklat", nipB, "other employee", at: 10), owner: "ani")
            try store.saveDraft(draft("diklat", nipA, "edit of #7", at: 20, editing: RecordID(kind: .diklat, id: 7)), owner: "ani")
            try store.saveDraft(draft("diklat", nipA, "first, typed on", at: 30), owner: "ani")  // same form: replaced
            let drafts = try store.loadDrafts(owner: "ani")
            #expect(drafts.map { $0.fields["nama"]! } == ["first, typed on", "edit of #7", "other employee"])
            #expect(drafts.map(\.formKey) == ["diklat:\(nipA):new", "diklat:\(nipA):diklat#7", "diklat:\(nipB):new"])
            #expect(drafts.first?.savedAt == TestClock.now.addingTimeInterval(30))
            try store.clearDraft(owner: "ani", formKey: "diklat:\(nipA):diklat#7")
            #expect(try store.loadDrafts(owner: "ani").map(\.formKey) == ["diklat:\(nipA):new", "diklat:\(nipB):new"])
        },
        StoreBehaviour(shared: "the data generation grows with every change, of any session, and only then") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let before = try ani.dataGeneration()
            #expect(try ani.dataGeneration() == before, "unchanged data, same generation")
            try ani.saveDraft(draft("diklat", nipA, "x"), owner: "ani")
            _ = try ani.score(nip: nipA, year: 2024)
            #expect(try ani.dataGeneration() == before, "a draft or a read changes no data")
            try budi.add(teknis(nipB))
            let afterAdd = try ani.dataGeneration()
            #expect(afterAdd > before, "another session's change is seen")
            #expect(try lastAudit(ani).session == "b")
            try budi.undoLast(session: "b")
            #expect(try ani.dataGeneration() > afterAdd, "an undo is a change too")
        },
        StoreBehaviour(shared: "records entered are counted per unit and actor; undone work still counts") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            try ani.add(teknis(nipA))  // ROOT
            try ani.add(teknis(nipB))  // SUB
            try budi.add(teknis(nipC))  // SUB
            var rows = ArrayRowSource(
                kind: .diklat, rows: [Line(2, .record(teknis(nipB, "Impor"))), Line(3, .record(teknis(nipC, "Impor")))])
            #expect(try budi.importRows(&rows, skipInvalid: false).imported == 2)
            try budi.undoLast(session: "b")  // the import
            try budi.redoLast(session: "b")  // and back: counted once
            try ani.undoLast(session: "a")  // the SUB add: the work was done
            let since = TestClock.now.addingTimeInterval(-60)
            #expect(try ani.recordEntries(since: since) == [
                EntryCount(unit: "ROOT", actor: "ani", count: 1), EntryCount(unit: "SUB", actor: "ani", count: 1),
                EntryCount(unit: "SUB", actor: "budi", count: 3),
            ])
            #expect(try ani.recordsEntered(since: since) == ["ROOT": 1, "SUB": 4])
            #expect(try ani.recordEntries(since: TestClock.now.addingTimeInterval(1)).isEmpty)
        },
        StoreBehaviour("a draft keeps where the admin was typing; an old draft without it reads as none") { make in
            let store = try seeded(make)
            var typing = draft("pendidikan", nipA, "Universitas Terbuka")
            typing.cursor = DraftCursor(field: "jurusan", position: 4)
            try store.saveDraft(typing, owner: "ani")
            #expect(try store.loadDrafts(owner: "ani").first?.cursor == DraftCursor(field: "jurusan", position: 4))
            try store.saveDraft(draft("pendidikan", nipA, "Universitas Terbuka"), owner: "ani")  // the same form, saved without one
            #expect(try store.loadDrafts(owner: "ani").map(\.cursor) == [nil])
        },
    ]
}
