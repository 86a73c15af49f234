import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

@Suite struct FormMessageTests {
    @Test func aNameEndingInAPeriodEndsTheSentenceOnce() throws {
        let store = try makeStore()
        let nip = "198502142010012004"
        try store.savePegawai(Pegawai(nip: nip, nama: "Dormaida Sitompul, S.Pd.", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        try store.add(.skp(SKP(nip: nip, tahun: 2024, predikat: .baik)))
        try run(store) { s in
            s.press(.undo, in: .units)
            s.checkpoint { dialog in #expect(dialog.text.contains("S.Pd.?")) }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { after in
                let message = after.lines.suffix(4).joined(separator: " ")
                #expect(message.contains("untuk Dormaida Sitompul, S.Pd. Tekan U"))
                #expect(!after.text.contains(".."))
            }
        }
        #expect(Txt.sentence("Budi Santoso") == "Budi Santoso.")
        #expect(Txt.sentence("Dormaida Sitompul, S.Pd.") == "Dormaida Sitompul, S.Pd.")
    }

    @Test func skpNilaiLabelIsNotCutAt80Columns() throws {
        let store = try makeStore()
        try run(store) { s in
            s.enqueue(text: "/budi\n")
            s.enqueue(text: "n")
            s.checkpoint { form in
                #expect(form.line(containing: "Nilai (0-100)") != nil)
                #expect(!form.text.contains("kos…"))
            }
        }
    }

    @Test func hukumanLevelTypedInLowerCaseShowsItsCanonicalName() throws {
        let store = try makeStore()
        try run(store) { s in
            s.enqueue(text: "/budi\n")
            s.press(.addDisiplin, in: .employee)
            s.enqueue(text: "ringan\t")
            s.checkpoint { form in
                #expect(form.line(containing: "Tingkat hukuman")?.contains("Ringan") == true)
                #expect(form.line(containing: "Tingkat hukuman")?.contains("ringan") == false)
            }
        }
    }

    /// The message row (two lines above the key bar at 80x24) of a checkpoint.
    func messageRow(_ page: ScreenCheckpoint) -> String { page.lines[21] + " " + page.lines[22] }

    @Test func formDatesSayWhatIsWrong() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k")
            s.enqueue(text: "Seminar\tSeminar Kepegawaian\t\t12-11-26\t")
            s.checkpoint { form in
                #expect(self.messageRow(form).contains("memakai tahun dua angka. Tulis tahun lengkap (misalnya 12-11-2026)."))
            }
            // The cursor stayed in the date it cannot read (no Shift-Tab back needed).
            for _ in 0..<8 { s.enqueue(.backspace) }
            s.enqueue(text: "32-13-2024\t")
            s.checkpoint { form in
                #expect(self.messageRow(form).contains("bukan tanggal yang benar"), "still the format message for a wrong format")
            }
        }
    }

    @Test func jpWithItsUnitIsTakenInTheForm() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k")
            s.enqueue(text: "Teknis\tPelatihan Arsip\tBPSDM Bali\t01-03-2024\t05-03-2024\t24 JP\t")
            s.enqueue(.ctrl("s"))
            s.checkpoint { page in #expect(page.shows("Tersimpan")) }
        }
        let saved = try #require(try store.records(nip: ayuNIP)?.diklat.first { $0.value.nama == "Pelatihan Arsip" })
        #expect(saved.value.jp == 24)
    }

    @Test func tingkatIsVisitedOnlyForAStrukturalDiklat() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k")
            s.enqueue(text: "Seminar\tSeminar Arsip")
            s.checkpoint { form in
                #expect(form.line(containing: "Nama kegiatan")?.contains("Seminar Arsip") == true, "from jenis straight to nama")
            }
            s.enqueue(.backTab)
            s.enqueue(text: "x")
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("Seminarx") == true, "back over tingkat to jenis")
            }
            s.enqueue(.escape)  // clears the picker's unmatched text
            s.enqueue(.escape)  // leaves the form
            s.press(.confirmYes, in: .dialog)
            s.enqueue(text: "k")
            s.enqueue(text: "pim\tpim iv\tDiklat PIM IV")
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("Struktural") == true)
                #expect(form.line(containing: "Tingkat (Struktural)")?.contains("PIM IV") == true, "struktural visits tingkat")
                #expect(form.line(containing: "Nama kegiatan")?.contains("Diklat PIM IV") == true)
            }
        }
    }
}
