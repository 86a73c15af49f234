import Foundation
import IPASNCore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNStore
@testable import IPASNWorkstation

/// The team screens: history (H), who did what (w), accounts (A), confirmed marks.
@Suite struct TeamScreensTests {
    /// A workstation run as `actor` on `store`'s database.
    private func run(as actor: String, on store: SQLiteStore, script: (VirtualScreen) -> Void) throws -> VirtualScreen {
        let context = StoreContext(actor: actor, now: testContext.now, timeZone: testContext.timeZone)
        let mine = try store.reopened(as: context)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        script(screen)
        try Workstation(store: mine, screen: screen, language: .id, context: context).run()
        screen.expectEveryCheckpointReached()
        return screen
    }

    @Test func theEmployeeHistoryPagesNewestFirstWithOldAndNewValues() throws {
        let store = try makeStore()
        for year in 2015...2022 { try store.add(.skp(SKP(nip: ayuNIP, tahun: year, predikat: .baik))) }
        let seminar = try #require(try store.records(nip: ayuNIP)?.diklat.last)
        var longer = seminar.value
        longer.jp = 12
        try store.update(RecordID(kind: .diklat, id: seminar.id), to: .diklat(longer))
        // Ayu: her save, 4 records, 8 SKP, one change: 14 entries, 9 a page.
        try IPASNWorkstationTests.run(store) { s in
            s.openAyu()
            s.press(.history, in: .employee)
            s.checkpoint { frame in
                #expect(frame.text.contains("Riwayat perubahan — Ni Ketut Ayu Lestari"))
                #expect(frame.text.contains("Halaman 1"))
                #expect(frame.text.contains("ubah diklat 'Seminar Manajemen ASN' untuk Ni Ketut Ay…"))
                #expect(frame.text.contains("JP: 8 -> 12"))
                #expect(frame.text.contains("10-01-2025 09:00  test"))
                #expect(!frame.text.contains("tambah pegawai"))
            }
            s.press(.pageDown, in: .history)
            s.checkpoint { frame in
                #expect(frame.text.contains("Halaman 2"))
                #expect(frame.text.contains("tambah pegawai Ni Ketut Ayu Lestari"))
                #expect(frame.text.contains("Nama: Ni Ketut Ayu Lestari; Unit: BKPSDM.1"))
            }
            s.press(.pageDown, in: .history)
            s.checkpoint { frame in #expect(frame.text.contains("Tidak ada perubahan yang lebih lama.")) }
            s.press(.pageUp, in: .history)
            s.checkpoint { frame in #expect(frame.text.contains("Halaman 1")) }
        }
    }

    @Test func theUnitsListAndTheEmployeeListOpenHistoryToo() throws {
        let store = try makeStore()
        try IPASNWorkstationTests.run(store) { s in
            // The first unit is BKPSDM: every employee's entries and the units' saves.
            s.press(.history, in: .units)
            s.checkpoint { frame in
                #expect(frame.text.contains("Riwayat perubahan — Badan Kepegawaian"))
                #expect(frame.text.contains("tambah pendidikan 'SLTA' untuk Budi Santoso"))
            }
            s.press(.back)
            s.press(.open, in: .units)
            s.press(.history, in: .employees)
            s.checkpoint { frame in #expect(frame.text.contains("Riwayat perubahan — Budi Santoso")) }
        }
    }

    @Test func whoDidWhatPerAdminAndPerUnitNetOfUndo() throws {
        let store = try makeStore()
        // One more typed and undone: it counts nothing.
        try store.add(.skp(SKP(nip: budiNIP, tahun: 2024, predikat: .baik)))
        try store.undoLast(session: testContext.session)
        try IPASNWorkstationTests.run(store, size: Size(width: 100, height: 24)) { s in
            s.press(.dashboard, in: .units)
            s.checkpoint { frame in #expect(frame.text.contains("Input hari ini 5, minggu ini 5")) }
            s.press(.activity, in: .dashboard)
            s.checkpoint { frame in
                #expect(frame.text.contains("Siapa mengerjakan apa — per admin"))
                #expect(frame.text.contains("Hari ini"))
                #expect(frame.text.contains("Diketik 5, diubah 0, dihapus 0; impor 0, contoh 0"))
                let row = try #require(frame.lines.first { $0.contains(" test ") })
                #expect(row.split(separator: " ").prefix(6) == ["test", "5", "0", "0", "0", "0"], "\(row)")
            }
            s.press(.toggleGrouping, in: .activity)
            s.checkpoint { frame in
                #expect(frame.text.contains("per unit"))
                let row = try #require(frame.lines.first { $0.contains("Bidang Pengembangan") })
                #expect(Array(row.split(separator: " ").dropFirst(2).prefix(5)) == ["4", "0", "0", "0", "0"], "\(row)")
            }
            s.press(.nextPeriod, in: .activity)
            s.checkpoint { frame in #expect(frame.text.contains("Minggu ini")) }
        }
    }

    @Test func anOperatorAddsAnAccountAndAnAdminIsRefusedByTheStore() throws {
        let store = try makeStore()
        try IPASNWorkstationTests.run(store) { s in
            s.press(.accounts, in: .units)
            s.checkpoint { frame in
                #expect(frame.text.contains("Akun basis data ini"))
                #expect(frame.line(containing: "test").map { $0.contains("operator") } == true)
            }
            s.press(.addAccount, in: .accounts)
            s.enqueue(text: "sari")
            s.enqueue(.tab)
            s.enqueue(.tab)
            s.enqueue(text: "bkpsdm.1")
            s.checkpoint { frame in #expect(frame.text.contains("Bidang Pengembangan (BKPSDM.1)")) }
            s.press(.save, in: .form)
            s.checkpoint { frame in
                #expect(frame.text.contains("Akun sari disimpan."))
                #expect(frame.line(containing: "sari").map { $0.contains("admin unit") && $0.contains("BKPSDM.1") } == true)
            }
        }
        #expect(try store.account(login: "sari") == Account(login: "sari", role: .admin, units: ["BKPSDM.1"]))
        try store.saveAccount(Account(login: "dani", role: .admin, units: ["BKPSDM"]))
        let screen = try run(as: "sari", on: store) { s in
            s.press(.accounts, in: .units)
            s.checkpoint { frame in #expect(frame.text.contains("BKPSDM (+1 sub-unit)")) }
            s.press(.removeAccount, in: .accounts)  // the first: dani
            s.press(.confirmYes, in: .dialog)
        }
        #expect(screen.everShowed("Hanya operator yang dapat mengatur akun"))
        #expect(try store.account(login: "dani") != nil)
    }

    @Test func aVerifikatorConfirmsAMarkAndAnAdminCannot() throws {
        let store = try makeStore()
        try store.setProgress(unit: "BKPSDM.1", dimension: .pendidikan, done: true)
        try store.setProgress(unit: "BKPSDM", dimension: .pendidikan, done: true)
        try store.saveAccount(Account(login: "vera", role: .verifikator))
        try store.saveAccount(Account(login: "sari", role: .admin, units: ["BKPSDM"]))
        let admin = try run(as: "sari", on: store) { s in
            s.press(.markProgress, in: .units)
            s.press(.confirmMark, in: .dialog)
        }
        #expect(admin.everShowed("Hanya verifikator atau operator yang dapat mengonfirmasi"))
        #expect(try store.progressReviews().isEmpty)
        _ = try run(as: "vera", on: store) { s in
            s.press(.markProgress, in: .units)
            s.checkpoint { frame in #expect(frame.text.contains("ditandai test 10-01 09:00")) }
            s.press(.confirmMark, in: .dialog)
            s.checkpoint { frame in
                #expect(frame.text.contains("dikonfirmasi vera"))
                #expect(frame.text.contains("Tanda selesai Pendidikan"))
            }
            s.enqueue(.escape)
            s.press(.dashboard, in: .units)
            s.checkpoint { frame in #expect(frame.text.contains("Selesai: pendidikan test")) }
            s.press(.moveDown, in: .dashboard)  // Badan Kepegawaian, whose mark vera confirmed
            s.checkpoint { frame in #expect(frame.text.contains("Selesai: pendidikan test ✓vera")) }
        }
        #expect(try store.progressReviews().map(\.by) == ["vera"])
        // Reopening asks for a reason and clears the mark.
        _ = try run(as: "vera", on: store) { s in
            s.press(.markProgress, in: .units)
            s.enqueue(.down)
            s.enqueue(.up)
            s.press(.reopenMark, in: .dialog)
            s.enqueue(text: "Ijazah belum lengkap")
            s.enqueue(.enter)
            s.checkpoint { frame in #expect(frame.text.contains("dibuka kembali oleh vera: Ijazah belum lengkap")) }
        }
        #expect(try store.progressMarks().first { $0.unit == "BKPSDM" }?.done == false)
    }
}
