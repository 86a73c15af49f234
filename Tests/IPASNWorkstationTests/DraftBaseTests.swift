import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// A crash draft of an edit remembers the record it was editing (its base): restored after
/// another admin changed that record, its save is refused naming who, and the input stays.
@Suite struct DraftBaseTests {
    /// Opens Ayu's stored fungsional course in its edit form and types a certificate number.
    private func editCourse(_ admin: AdminTerminal, number: String) {
        admin.openAyu()
        admin.send(.down)
        admin.send(.down)
        admin.send(.enter)
        admin.type("\t\t\t\t\t\t" + number)
    }

    @Test func aRestoredEditDraftIsRefusedWhenAnotherAdminChangedTheRecordMeanwhile() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        editCourse(ani, number: "NS/ANI/1")
        ani.tick()  // autosave
        ani.hangUp()
        let stored = try shared.open("ops", session: "check")
        let draft = try #require(try stored.loadDrafts(owner: "ani").first)
        guard case .diklat(let base) = try #require(draft.base) else {
            Issue.record("the draft's base is the course")
            return
        }
        #expect(base.nomorSertifikat == "" && base.nama == "Diklat Fungsional Analis", "the course as the form loaded it")
        #expect(try stored.loadDrafts(owner: "budi").isEmpty, "Ani's draft is hers only")

        // Meanwhile Budi changes the same course and saves.
        let budi = try AdminTerminal(shared, actor: "budi", session: "budi-1")
        #expect(!budi.text.contains("Ada isian"), "Budi is never offered Ani's draft")
        editCourse(budi, number: "NS/BUDI/2")
        budi.send(.ctrl("s"))
        #expect(budi.text.contains("Tersimpan"))

        // Ani comes back and restores her draft: the save is refused, her input kept.
        let again = try AdminTerminal(shared, actor: "ani", session: "ani-2")
        #expect(again.text.contains("Ada isian"))
        again.type("y")
        #expect(again.text.contains("NS/ANI/1"))
        again.send(.ctrl("s"))
        let screen = again.text
        #expect(screen.contains("Tidak disimpan: data ini sudah diubah atau dihapus oleh budi"), "who changed it")
        #expect(again.app.top is RecordFormView, "the form stays open")
        #expect(screen.contains("NS/ANI/1"), "with Ani's input")
        #expect(try stored.records(nip: ayuNIP)?.diklat.map(\.value.nomorSertifikat) == ["NS/BUDI/2"], "Budi's edit stays")
    }

    @Test func aRestoredEditDraftOfAnUnchangedRecordSaves() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        editCourse(ani, number: "NS/ANI/1")
        ani.tick()
        ani.hangUp()
        let again = try AdminTerminal(shared, actor: "ani", session: "ani-2")
        again.type("y")
        again.send(.ctrl("s"))
        #expect(again.text.contains("Tersimpan"))
        let stored = try shared.open("ops", session: "check")
        #expect(try stored.records(nip: ayuNIP)?.diklat.map(\.value.nomorSertifikat) == ["NS/ANI/1"])
        #expect(try stored.loadDrafts(owner: "ani").isEmpty, "saving forgets the draft")
    }

    @Test func aRestoredEditDraftOfARecordDeletedMeanwhileIsRefusedNotAddedAsNew() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        editCourse(ani, number: "NS/ANI/1")
        ani.tick()
        ani.hangUp()
        let budi = try shared.open("budi", session: "budi-1")
        let id = try #require(try budi.records(nip: ayuNIP)?.diklat.first?.id)
        try budi.delete(RecordID(kind: .diklat, id: id))
        let again = try AdminTerminal(shared, actor: "ani", session: "ani-2")
        again.type("y")
        #expect(again.text.contains("Ubah Diklat/Kursus"), "still the edit it was")
        again.send(.ctrl("s"))
        #expect(again.text.contains("Tidak disimpan: data ini sudah diubah atau dihapus oleh budi"))
        #expect(try budi.records(nip: ayuNIP)?.diklat.isEmpty == true, "nothing added back silently")
    }
}
