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
}
