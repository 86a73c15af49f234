import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// An SKP SIASN already has (sent as 2024) edited to 2020: the form says what that means
/// while typing and asks at save time; the page and the pending screen say SIASN keeps the
/// old version instead of "all sent".
@Suite struct SKPLeavingSIASNTests {
    func sentSKP(_ store: SQLiteStore) throws -> RecordID {
        let id = try store.add(.skp(SKP(nip: budiNIP, tahun: 2024, predikat: .baik))).id
        let versions = try store.recordVersions(kind: .skp, unit: nil, pendingOnly: true)
        try store.saveExportBatch(
            NewExportBatch(
                kind: "siasn-skp", format: "csv", file: "/tmp/skp.csv", pendingOnly: true, marksSent: true,
                records: versions.map { RecordVersion(id: RecordID(kind: .skp, id: $0.key), version: $0.value) }))
        return id
    }

    func editYear(_ s: VirtualScreen, to year: String) {
        s.press(.search, in: .units)
        s.enqueue(text: "Budi")
        s.press(.open, in: .search)
        s.press(.last, in: .employee)
        s.press(.open, in: .employee)
        s.enqueue(.ctrl("u"))
        s.enqueue(text: year)
    }

    @Test func theFormSaysItAndAsksAndThePageAndPendingScreenTellTheTruth() throws {
        let store = try makeStore()
        let id = try sentSKP(store)
        try run(store) { s in
            editYear(s, to: "2020")
            s.checkpoint { form in
                #expect(form.shows("SIASN punya SKP ini (2024, #1); tahun sebelum 2022 tak dikirim: ubah di SIASN"))
            }
            s.press(.save, in: .form)
            s.checkpoint { dialog in
                #expect(dialog.shows("SKP ini sudah dikirim ke SIASN"))
                #expect(dialog.shows("Simpan?"))
            }
            s.press(.confirmYes, in: .dialog)
            s.press(.last, in: .employee)
            s.checkpoint { page in
                #expect(page.shows("=#1") && page.shows("= SIASN versi lama"), "\(page)")
                #expect(page.shows("SIASN menyimpan versi #1; sebelum 2022 tak dikirim: perbaiki di SIASN"))
            }
        }
        try run(store) { s in
            s.press(.pendingSIASN, in: .units)
            s.checkpoint { pending in
                #expect(pending.shows("1 SKP terkirim lalu diubah ke sebelum 2022 (Enter pada unit: daftarnya)"))
            }
        }
        #expect(try store.records(nip: budiNIP)?.skp.first { $0.id == id.id }?.value.tahun == 2020)
    }

    @Test func sayingNoKeepsTheFormAndSavesNothing() throws {
        let store = try makeStore()
        let id = try sentSKP(store)
        try run(store) { s in
            editYear(s, to: "2021")
            s.press(.save, in: .form)
            s.checkpoint { dialog in #expect(dialog.shows("SKP ini sudah dikirim ke SIASN")) }
            s.press(.confirmNo, in: .dialog)
            s.checkpoint { form in #expect(form.shows("SIASN punya SKP ini")) }
        }
        #expect(try store.records(nip: budiNIP)?.skp.first { $0.id == id.id }?.value.tahun == 2024)
    }

    @Test func anSKPNeverSentAsksNothing() throws {
        let store = try makeStore()
        try store.add(.skp(SKP(nip: budiNIP, tahun: 2024, predikat: .baik)))
        try run(store) { s in
            editYear(s, to: "2020")
            s.checkpoint { form in #expect(form.shows("Tidak dikirim ke SIASN: SIASN hanya menerima SKP tahun 2022 ke atas")) }
            s.press(.save, in: .form)
            s.checkpoint { page in #expect(page.shows("tidak ke SIASN")) }
        }
        #expect(try store.records(nip: budiNIP)?.skp.first?.value.tahun == 2020)
    }
}
