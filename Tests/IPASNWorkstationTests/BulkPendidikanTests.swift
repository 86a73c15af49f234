import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Issue 9: one pendidikan for a group (`p` with a selection), with the bulk review.
@Suite struct BulkPendidikanTests {
    let sitiNIP = "199001012019032003"

    @Test func oneDiplomaForTheChosenIsReviewedAndSavedAsOneBatch() throws {
        let store = try makeStore()
        let before = try store.auditLog(limit: 100).count
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkPendidikan)
            s.checkpoint { list in #expect(list.shows("Pilih dulu pegawainya")) }
            s.press(.toggleSelect, in: .employees)  // Budi
            s.press(.moveDown, in: .employees)  // past Ayu to Siti
            s.press(.toggleSelect, in: .employees)
            s.press(.bulkPendidikan)
            s.checkpoint { form in #expect(form.shows("2 peserta")) }
            s.enqueue(text: "s1")
            s.press(.nextField)
            s.enqueue(text: "20-08-2010")
            s.press(.nextField)
            s.enqueue(text: "Universitas Terbuka")
            s.press(.nextField)
            s.enqueue(text: "Administrasi Negara")
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Pendidikan S-1"))
                #expect(review.line(containing: "Budi Santoso")?.hasPrefix("+") == true)
                #expect(review.line(containing: "Siti Rahma")?.hasPrefix("+") == true)
                #expect(review.shows("Kual"), "the column is the kualifikasi")
            }
            s.press(.save)
            s.checkpoint { list in #expect(list.shows("Tersimpan: Pendidikan S-1 untuk 2 peserta.")) }
        }
        for nip in [budiNIP, sitiNIP] {
            let degree = try #require(try store.records(nip: nip)?.pendidikan.first { $0.value.tingkat == .s1 })
            #expect(degree.value.namaSekolah == "Universitas Terbuka" && degree.value.jurusan == "Administrasi Negara")
            #expect(degree.value.tanggalLulus == day("2010-08-20"))
        }
        let log = try store.auditLog(limit: 100)
        #expect(log.count == before + 2)
        #expect(log[0].batch != nil && log[0].batch == log[1].batch)
        #expect(try store.records(nip: ayuNIP)?.pendidikan.count == 1, "Ayu was not chosen")
    }
}
