import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Two admins open one saved course and both save: the second is told who changed it and
/// keeps what they typed.
@Suite struct LostUpdateTests {
    @Test func theSecondSaveOfOneRecordIsRefusedAndKeepsTheInput() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let budi = try AdminTerminal(shared, actor: "budi", session: "budi-1")
        for admin in [ani, budi] {
            admin.openAyu()
            admin.send(.down)
            admin.send(.down)
            admin.send(.enter)  // the fungsional course, in its edit form
        }
        // Both type a different certificate number (six Tabs: Tingkat is skipped for a fungsional course).
        ani.type("\t\t\t\t\t\tNS/ANI/1")
        budi.type("\t\t\t\t\t\tNS/BUDI/2")
        ani.send(.ctrl("s"))
        #expect(ani.text.contains("Tersimpan"), "the first save is saved as before")
        #expect(!ani.text.contains("Ubah Diklat/Kursus"), "and its form closes")
        budi.tick()  // the live refresh: Budi is told now, before he saves
        #expect(budi.text.contains("Data yang sedang Anda ubah baru saja diubah oleh ani: Ctrl-S akan ditolak"))
        #expect(budi.text.contains("NS/BUDI/2"), "the refresh keeps the input")
        budi.send(.ctrl("s"))
        let screen = budi.text
        #expect(screen.contains("Tidak disimpan: data ini sudah diubah atau dihapus oleh ani"), "who changed it")
        #expect(screen.contains("Ubah Diklat/Kursus"), "the form stays open")
        #expect(budi.app.top is RecordFormView)
        #expect(screen.contains("NS/BUDI/2"), "with Budi's input")
        #expect(!screen.contains("Tersimpan"))
        let stored = try shared.open("ops", session: "check")
        #expect(try stored.records(nip: ayuNIP)?.diklat.map(\.value.nomorSertifikat) == ["NS/ANI/1"], "Ani's edit stays")
        budi.tick()  // autosave: Budi's input is in his draft too
        #expect(try stored.loadDrafts(owner: "budi").first?.fields["nomor_sertifikat"] == "NS/BUDI/2")
        // Budi closes the form (saying he leaves his input), reopens the course: Ani's number; his edit now saves.
        budi.send(.escape)
        if budi.app.modal != nil { budi.type("y") }
        #expect(!(budi.app.top is RecordFormView))
        budi.send(.enter)
        #expect(budi.text.contains("NS/ANI/1"))
        budi.type("\t\t\t\t\t\t")
        for _ in 0..<8 { budi.send(.backspace) }
        budi.type("NS/BUDI/2")
        budi.send(.ctrl("s"))
        #expect(budi.text.contains("Tersimpan"))
        #expect(try stored.records(nip: ayuNIP)?.diklat.map(\.value.nomorSertifikat) == ["NS/BUDI/2"])
    }
}
