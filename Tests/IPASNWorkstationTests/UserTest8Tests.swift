import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Findings of the eighth user test (a city's BKPSDM on one SQLite file: three unit admins, a
/// verifikator, a pimpinan and the operator, each at their own 80x24 workstation).
@Suite struct UserTest8Tests {
    /// Opens Ayu's course named `name` in its edit form: n rows down her page, Enter, until it is the one.
    private func openAyusCourse(_ admin: AdminTerminal, _ name: String) -> RecordFormView? {
        for rows in 1...6 {
            admin.openAyu()
            for _ in 0..<rows { admin.send(.down) }
            admin.send(.enter)
            if let open = admin.app.top as? RecordFormView {
                if open.form.texts["nama"] == name { return open }
                admin.send(.escape)
            }
        }
        return nil
    }

    private func seminar(_ store: Store, _ name: String) throws -> Diklat? {
        try store.records(nip: ayuNIP)?.diklat.first { $0.value.nama == name }?.value
    }

    /// BPKAD's admin typed a seminar for one employee as she had typed the sosialisasi for 15 in
    /// the bulk form a minute before: start date, Tab, Tab over the end date the form puts
    /// there, JP, Ctrl-S. The one-employee form had left the end date empty: "Belum bisa
    /// disimpan: Tanggal selesai wajib diisi", the date typed again (11 keys). Both forms now
    /// suggest the end date from the start date (``RecordForm/suggestEndDate``).
    @Test func theOneEmployeeFormSuggestsTheEndDateAsTheBulkFormDoes() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.openAyu()
        ani.type("k")
        ani.type("sem\tSeminar Nasional Kepegawaian\tBKN\t03-11-2024\t")
        let form = try #require(ani.app.top as? RecordFormView)
        #expect(form.form.focused.key == "tanggal_selesai")
        #expect(form.form.texts["tanggal_selesai"] == "03-11-2024")
        #expect(ani.text.contains("Kompetensi"), "the preview counts it at once: \(ani.text)")
        ani.type("\t8")
        ani.send(.ctrl("s"))
        #expect(ani.text.contains("Tersimpan: 03-11-2024 Seminar Seminar Nasional Kepegawaian 8 JP."), "\(ani.text)")
        let saved = try #require(try seminar(shared.open("check", session: "c"), "Seminar Nasional Kepegawaian"))
        #expect(saved.tanggalMulai.dayFirst == "03-11-2024" && saved.tanggalSelesai.dayFirst == "03-11-2024")
    }

    /// The verifikator rejected one participant's record of a one-day sosialisasi ("cek
    /// tanggal"); the admin opened it and changed the start date from 24-11 to 25-11: the end
    /// date stayed 24-11, before the start. Moved a day earlier instead, the record would have
    /// become a two-day event without a word. In an edit form a one-day event's end date now
    /// follows its start; a typed end date is kept.
    @Test func anEditedOneDayEventsEndDateFollowsItsStart() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        try shared.open("ops", session: "setup-2").add(
            .diklat(
                Diklat(
                    nip: ayuNIP, jenis: JenisDiklat.withID(7)!, nama: "Sosialisasi Aplikasi SIPD", tanggalMulai: day("2024-11-24"),
                    tanggalSelesai: day("2024-11-24"), jp: 4)))
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let edit = try #require(openAyusCourse(ani, "Sosialisasi Aplikasi SIPD"))
        ani.type("\t\t\t")  // nama, penyelenggara, tanggal mulai (tingkat passed over)
        #expect(edit.form.focused.key == "tanggal_mulai")
        ani.type("25-11-2024\t")
        #expect(edit.form.texts["tanggal_selesai"] == "25-11-2024", "moved later: the end follows")
        ani.send(.backTab)
        ani.type("23-11-2024\t")
        #expect(edit.form.texts["tanggal_selesai"] == "23-11-2024", "moved earlier: the end follows too")
        ani.send(.ctrl("s"))
        let saved = try #require(try seminar(shared.open("check", session: "c"), "Sosialisasi Aplikasi SIPD"))
        #expect(saved.tanggalMulai.dayFirst == "23-11-2024" && saved.tanggalSelesai.dayFirst == "23-11-2024")

        // A two-day event's end date stays when its start moves.
        let twoDays = Diklat(
            nip: ayuNIP, jenis: .fungsional, nama: "Diklat Fungsional Analis", tanggalMulai: day("2019-03-01"),
            tanggalSelesai: day("2019-03-20"), jp: 60)
        var form = RecordForm.make(
            kind: .diklat, nip: ayuNIP, ruleset: .bkn2019, year: 2024,
            editing: StoredRecordValue(id: RecordID(kind: .diklat, id: 1), record: .diklat(twoDays)))
        form.focus = try #require(form.fields.firstIndex { $0.key == "tanggal_mulai" })
        form.fields[form.focus].text = "02-03-2019"
        form.suggestEndDate()
        #expect(form.texts["tanggal_selesai"] == "20-03-2019")
    }

    /// The operator's "Belum Dikirim ke SIASN" screen ended with "2973 SKP berpredikat PP 46/2011
    /// belum terkirim: pilih predikat PermenPANRB 6/2" (cut at 80 columns). The note fits an 80-column
    /// screen's footer (78 columns) with a count of up to five digits, in both languages.
    @Test func thePendingScreensPredikatNoteFitsEightyColumns() {
        for language in [Language.id, .en] {
            let note = language.t(L.skpNeedingPredikatCount(99_999))
            #expect(note.count <= 78, "\(note.count): \(note)")
            #expect(note.hasSuffix("6/2022") || note.hasSuffix("6/2022 one"), "\(note)")
        }
    }
}
