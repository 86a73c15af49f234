import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Found in the PostgreSQL team test: admin A and the operator saved a course for one employee
/// at the same moment; A's "Tersimpan: ..." was replaced a second later by "Data diubah oleh
/// uid 42005: layar dimuat ulang.", so A could not tell whether the own save had landed.
@Suite struct RefreshNoticeTests {
    static func budisCourse(_ name: String) -> Record {
        .diklat(
            Diklat(
                nip: ayuNIP, jenis: JenisDiklat.withID(3)!, nama: name, tanggalMulai: day("2024-03-01"),
                tanggalSelesai: day("2024-03-02"), jp: 20))
    }

    @Test func anotherAdminsSaveRightAfterOwnSaveKeepsTheOwnConfirmation() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "a")
        ani.openAyu()
        ani.type("hringan\t01-06-2024\tteguran lisan")
        ani.send(.ctrl("s"))
        #expect(ani.text.contains("Tersimpan"))
        let budi = try shared.open("budi", session: "b")
        try budi.add(Self.budisCourse("Kursus dari Budi"))
        ani.tick()
        #expect(ani.text.contains("Kursus dari Budi"), "the page reloaded")
        let line = try #require(ani.app.message)
        #expect(line.text.hasPrefix("Tersimpan"), "Ani's own confirmation first: \(line.text)")
        #expect(line.text.hasSuffix("Data diubah oleh budi: layar dimuat ulang."))
        #expect(line.style == .ok)
        // A second change by Budi before Ani's next key: the notice is replaced, not repeated,
        // and Ani's confirmation stays.
        try budi.add(Self.budisCourse("Kursus kedua Budi"))
        ani.tick()
        let again = try #require(ani.app.message)
        #expect(again.text == line.text, "one notice after the confirmation, not two")
        #expect(ani.text.contains("Kursus kedua Budi"))
    }

    @Test func afterAKeyTheNoticeStandsAlone() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "a")
        ani.openAyu()
        ani.type("hringan\t01-06-2024\tteguran lisan")
        ani.send(.ctrl("s"))
        ani.send(.down)  // any key clears the message line
        let budi = try shared.open("budi", session: "b")
        try budi.add(Self.budisCourse("Kursus dari Budi"))
        ani.tick()
        #expect(ani.app.message?.text == "Data diubah oleh budi: layar dimuat ulang.")
    }

    @Test func theNoticeStartsOnALineOfItsOwn() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "a")
        ani.app.message = ("Tersimpan: 02-03-2024 Teknis Kursus 20 JP. Kompetensi 17,5 -> 40", .ok)
        ani.app.announceRefresh("Data diubah oleh budi: layar dimuat ulang.", style: .ok)
        #expect(
            ani.app.message?.text
                == "Tersimpan: 02-03-2024 Teknis Kursus 20 JP. Kompetensi 17,5 -> 40\nData diubah oleh budi: layar dimuat ulang.")
        #expect(ani.text.contains("\nData diubah oleh budi: layar dimuat ulang."), "the screen's message rows: \(ani.text)")
        ani.app.message = ("Tidak tersimpan: JP harus bilangan bulat positif.", .error)
        ani.app.announceRefresh("Data diubah oleh budi: layar dimuat ulang.", style: .ok)
        #expect(ani.app.message?.text == "Tidak tersimpan: JP harus bilangan bulat positif.\nData diubah oleh budi: layar dimuat ulang.")
        #expect(ani.app.message?.style == .error, "a refusal stays red")
    }

    @Test func aRefusalStaysRedWithTheNoticeAfterIt() {
        #expect(App.stronger(.error, .ok) == .error)
        #expect(App.stronger(.ok, .warning) == .warning)
        #expect(App.stronger(nil, .ok) == .ok)
        #expect(App.stronger(.warning, .error) == .error)
    }
}
