import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

@Suite struct EmployeePageTests {
    /// Ayu with twelve more seminars: her page is longer than an 80x24 screen.
    func longPageStore() throws -> SQLiteStore {
        let store = try makeStore()
        for month in 1...12 {
            let date = day(String(format: "2022-%02d-15", month))
            try store.add(.diklat(Diklat(nip: ayuNIP, jenis: JenisDiklat.withID(9)!, nama: "Seminar \(month)", tanggalMulai: date, tanggalSelesai: date, jp: 4)))
        }
        return store
    }

    @Test func endShowsTheDisiplinSectionAndTheTotal() throws {
        let store = try longPageStore()
        try run(store) { s in
            s.openAyu()
            s.checkpoint { page in
                #expect(page.shows("Kualifikasi"))
                #expect(!page.shows("Total"))
            }
            s.press(.last)
            s.checkpoint { page in
                #expect(page.shows("Disiplin"))
                #expect(page.shows("(belum ada data)"))
                #expect(page.line(containing: "Total")?.contains("Total  ") == true)
                #expect(page.selection?.contains("2024") == true)  // the SKP row stays selected
            }
            s.press(.first)
            s.checkpoint { page in
                #expect(page.shows("Kualifikasi"))
                #expect(!page.shows("Total"))
            }
        }
    }

    @Test func downAndPageDownReachTheTotalToo() throws {
        let store = try longPageStore()
        try run(store) { s in
            s.openAyu()
            for _ in 0..<20 { s.press(.moveDown) }
            s.checkpoint { page in #expect(page.shows("Total  ")) }
            s.press(.first)
            s.press(.pageDown)
            s.press(.pageDown)
            s.checkpoint { page in #expect(page.shows("Total  ")) }
        }
    }

    @Test func aPageWithoutRecordsScrollsWithTheKeys() throws {
        let store = try makeStore()
        let screen = VirtualScreen(size: Size(width: 60, height: 16))
        screen.press(.search, in: .units)
        screen.enqueue(text: "Siti")
        screen.press(.open, in: .search)
        screen.checkpoint { page in #expect(!page.shows("Total  ")) }
        screen.press(.last)
        screen.checkpoint { page in #expect(page.shows("Total  ")) }
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        try station.run()
        screen.expectEveryCheckpointReached()
    }

    @Test func undoingTheEmployeesAdditionClosesTheirPage() throws {
        let store = try makeStore()
        let nip = "198502142010012004"
        try store.savePegawai(Pegawai(nip: nip, nama: "Dormaida Sitompul, S.Pd.", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "Dormaida")
            s.press(.open, in: .search)
            s.checkpoint { page in #expect(page.shows("Data Pegawai — Dormaida Sitompul")) }
            s.press(.undo, in: .employee)
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { after in
                #expect(!after.shows("Data Pegawai"), "the page of nobody is closed")
                #expect(after.shows("halamannya ditutup."))
                #expect(after.text.contains("Dibatalkan: penyimpanan pegawai Dormaida"), "the undo message stays")
            }
            // Adding a record now is not offered for the vanished employee: k is no form.
            s.press(.addDiklat, in: .employee)
            s.checkpoint { after in #expect(!after.shows("Jenis diklat")) }
        }
        #expect(try store.pegawai(nip: nip) == nil)
    }
}
