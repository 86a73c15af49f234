import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// A save that forgets its form's draft in its own transaction (``DraftSaveStore``).
    static let draftSave: [StoreBehaviour] = [
        StoreBehaviour(shared: "a save forgets its form's draft in the same transaction; a refused save keeps it") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let newForm = draft("diklat", nipB, "Bimtek Arsip")
            let newKey = DraftKey(owner: "ani", formKey: newForm.formKey)
            try ani.saveDraft(newForm, owner: "ani")
            try ani.saveDraft(draft("skp", nipB, "SKP 2023", at: 10), owner: "ani")
            try budi.saveDraft(newForm, owner: "budi")  // Budi's own draft of the same form
            let audited = try budi.auditLog(limit: 1000).count

            // 20 JP in 2024: a pelaksana's 22.5 kompetensi points, as the save alone gives them.
            let saved = try ani.add(teknis(nipB, jp: 20), clearingDraft: newKey)
            #expect(saved.score.kompetensi == 22.5)
            #expect(try budi.records(nip: nipB)?.diklat.last?.id == saved.id.id)
            #expect(try budi.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            #expect(try budi.auditLog(limit: 1000).count == audited + 1)
            #expect(try lastAudit(budi).subject == .record(saved.id))
            #expect(try lastAudit(budi).actor == "ani")
            #expect(try ani.loadDrafts(owner: "ani").map(\.form) == ["skp"], "the saved form's draft is gone, the other form's stays")
            #expect(try budi.loadDrafts(owner: "budi").map(\.formKey) == [newForm.formKey], "another admin's draft stays")

            // Refused (the same course again): nothing written, the draft kept.
            try ani.saveDraft(newForm, owner: "ani")
            #expect(refusal { _ = try ani.add(teknis(nipB, jp: 20), clearingDraft: newKey) } == [.duplicate(.diklat)])
            #expect(try ani.loadDrafts(owner: "ani").map(\.formKey).contains(newForm.formKey))
            #expect(try budi.auditLog(limit: 1000).count == audited + 1)
            #expect(try budi.records(nip: nipB)?.diklat.count == 1)

            // An edit: refused while another admin changed the record (the draft stays), saved
            // (and the draft gone) once it expects the record as stored.
            let editForm = draft("diklat", nipB, "Bimtek Arsip Lanjut", editing: saved.id)
            let editKey = DraftKey(owner: "ani", formKey: editForm.formKey)
            try ani.saveDraft(editForm, owner: "ani")
            _ = try budi.update(saved.id, to: teknis(nipB, "Bimtek Arsip Budi"))
            #expect(
                storeError { _ = try ani.update(saved.id, to: teknis(nipB, "Bimtek Arsip Lanjut"), expecting: teknis(nipB), clearingDraft: editKey) }
                    == .editedMeanwhile(by: "budi"))
            #expect(try ani.loadDrafts(owner: "ani").map(\.formKey).contains(editForm.formKey))
            let edited = try ani.update(
                saved.id, to: teknis(nipB, "Bimtek Arsip Lanjut", jp: 30), expecting: teknis(nipB, "Bimtek Arsip Budi"),
                clearingDraft: editKey)
            #expect(edited.id == saved.id)
            #expect(edited.score == (try budi.score(nip: nipB, year: 2024)))
            #expect(try budi.records(nip: nipB)?.diklat.map(\.value.nama) == ["Bimtek Arsip Lanjut"])
            #expect(try lastAudit(budi).action == .update)
            #expect(!(try ani.loadDrafts(owner: "ani").map(\.formKey).contains(editForm.formKey)))

            // Without an expected record: the plain update, and its draft goes with it.
            try ani.saveDraft(editForm, owner: "ani")
            _ = try ani.update(saved.id, to: teknis(nipB, "Bimtek Arsip Akhir", jp: 30), expecting: nil, clearingDraft: editKey)
            #expect(try budi.records(nip: nipB)?.diklat.map(\.value.nama) == ["Bimtek Arsip Akhir"])
            #expect(try ani.loadDrafts(owner: "ani").map(\.formKey) == ["skp:\(nipB):new", newForm.formKey], "newest first")
            #expect(try budi.loadDrafts(owner: "budi").map(\.formKey) == [newForm.formKey])
        }
    ]
}
