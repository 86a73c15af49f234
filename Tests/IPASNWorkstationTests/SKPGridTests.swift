import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Issue 9: this year's SKP for a unit in one grid, reviewed, saved as one batch.
@Suite struct SKPGridTests {
    let sitiNIP = "199001012019032003"

    @Test func predikatIsPickedFromItsFirstLettersOrInitials() {
        #expect(SKPGrid.predikat("b") == .baik)
        #expect(SKPGrid.predikat("sb") == .sangatBaik)
        #expect(SKPGrid.predikat("bp") == .butuhPerbaikan)
        #expect(SKPGrid.predikat("bur") == .buruk)
        #expect(SKPGrid.predikat("sk") == .sangatKurang)
        #expect(SKPGrid.predikat("Sangat Baik") == .sangatBaik)
        #expect(SKPGrid.predikat("c") == .cukup)
        #expect(SKPGrid.predikat("x") == nil)
        #expect(SKPGrid.predikat("") == nil)
    }

    /// BKPSDM: Budi (no SKP), Ayu (SKP Baik 2024 already), Siti (nothing). The grid gets
    /// Budi Sangat Baik and Ayu Cukup; Siti's row stays empty. Ayu's is not saved (she has
    /// one, and the admin chose neither ganti nor biarkan: the review says so); Budi (SLTA 5, no punishment 5) kinerja 0 -> 30 (Sangat Baik, bkn-2019), total
    /// 10 -> 40; unit mean (10 + 70 + 5) / 3 = 28.33 -> (40 + 70 + 5) / 3 = 38.33.
    @Test func aGridOfTheUnitIsReviewedAndSavedInOneStep() throws {
        let store = try makeStore()
        let before = try store.auditLog(limit: 100).count
        let budiBefore = try #require(try store.score(nip: budiNIP, year: 2024))
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.checkpoint { grid in
                #expect(grid.shows("SKP 2024 — 3 pegawai"))
                let ayu = try #require(grid.line(containing: "Ni Ketut Ayu"))
                #expect(ayu.contains("Baik"), "Ayu's stored SKP is shown")
            }
            s.enqueue(text: "sb")
            s.press(.nextRow)
            s.checkpoint { grid in #expect(grid.line(containing: "Budi Santoso")?.contains("Sangat Baik") == true, "completed on leaving") }
            s.enqueue(text: "c")
            s.press(.nextRow)
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Tinjau: SKP 2024 — 2 pegawai"))
                #expect(review.shows("Baru 1, ganti 0, biarkan 0, belum dipilih 1 (tidak disimpan)."))
                #expect(review.shows("Ctrl-S: 1 SKP disimpan dalam satu transaksi. Rata-rata unit 28,33 -> 38,33"))
                let budi = try #require(review.line(containing: "Budi Santoso"))
                #expect(budi.hasPrefix("+") && budi.contains("0→30") && budi.contains("10→40"))
                let ayu = try #require(review.line(containing: "Ni Ketut Ayu"))
                #expect(ayu.hasPrefix("?") && ayu.contains("belum dipilih (ada Baik)"))
            }
            s.press(.save, in: .review)
            s.checkpoint { list in
                #expect(list.shows("Tersimpan: SKP 2024 untuk 1 pegawai. Rata-rata unit 28,33 -> 38,33."))
            }
            s.press(.undo, in: .employees)
            s.checkpoint { dialog in #expect(dialog.shows("Batalkan penyimpanan SKP 2024 untuk Budi Santoso?")) }
            s.press(.confirmYes)
        }
        #expect(try store.records(nip: budiNIP)?.skp.isEmpty == true, "undone in one step")
        #expect(try store.score(nip: budiNIP, year: 2024) == budiBefore)
        #expect(try store.records(nip: ayuNIP)?.skp.map(\.value.predikat) == [.baik], "Ayu's SKP untouched")
        #expect(try store.records(nip: sitiNIP)?.skp.isEmpty == true, "an empty row is not saved")
        let log = try store.auditLog(limit: 100)
        #expect(log.count == before + 2, "the insert and its undo")
        #expect(log[1].batch != nil)
    }

    @Test func anUnknownPredikatKeepsTheCursorAndSaysWhatToType() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.enqueue(text: "zz")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.shows("Predikat \"zz\" tidak dikenal"))
                #expect(grid.line(containing: "Budi Santoso")?.contains("zz") == true)
            }
        }
        #expect(try store.records(nip: budiNIP)?.skp.isEmpty == true)
    }
}
