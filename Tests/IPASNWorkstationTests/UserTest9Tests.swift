import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Findings of the ninth user test (a province's BKPSDM on one PostgreSQL server: three unit
/// admins of three instansi, a verifikator, a pimpinan and the operator at 80x24).
@Suite struct UserTest9Tests {
    /// DINSOS's admin (`TERM=screen`) typed the sosialisasi's start date as she types dates in
    /// her spreadsheet, `26112026`, then Tab, Tab, the JP: the field refused the date and kept
    /// the cursor, the message row's "bukan tanggal yang benar" vanished with the next key, and
    /// the JP went into the date ("2611202644"); ten Backspaces and the date typed again. Eight
    /// digits, day first, are now a date: leaving the field writes it `26-11-2026` (the end date
    /// follows it), and a save reads such a field as that date too.
    @Test func aDateTypedAsEightDigitsIsTheDate() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.openAyu()
        ani.type("k")
        ani.type("sem\tSeminar Perlindungan Anak\tDinas Sosial\t03112024\t")
        let form = try #require(ani.app.top as? RecordFormView)
        #expect(form.form.texts["tanggal_mulai"] == "03-11-2024")
        #expect(form.form.focused.key == "tanggal_selesai", "the cursor moved on")
        #expect(form.form.texts["tanggal_selesai"] == "03-11-2024", "the end date follows the start")
        ani.type("\t8")
        // Back to the end date: eight digits typed over it, saved at once without leaving it.
        ani.send(.backTab)
        #expect(form.form.focused.key == "tanggal_selesai")
        ani.type("04112024")
        ani.send(.ctrl("s"))
        #expect(ani.text.contains("Tersimpan:"), "\(ani.text)")
        let saved = try #require(
            try shared.open("check", session: "c").records(nip: ayuNIP)?.diklat.first { $0.value.nama == "Seminar Perlindungan Anak" }?.value)
        #expect(saved.tanggalMulai.dayFirst == "03-11-2024" && saved.tanggalSelesai.dayFirst == "04-11-2024" && saved.jp == 8)
    }

    /// Eight digits that are no day (`31112024`: November has 30) stay as typed and keep the
    /// cursor with the usual message; other text is untouched.
    @Test func eightDigitsThatAreNoDayStayRefused() throws {
        var field = FormField("tanggal_mulai", kind: .date, maxLength: 10)
        field.text = "31112024"
        #expect(field.completedDate == nil)
        field.text = "01022024"
        #expect(field.completedDate == "01-02-2024")
        field.text = "2024-02-01"
        #expect(field.completedDate == nil)
        var jp = FormField("jp", kind: .number, maxLength: 4)
        jp.text = "01022024"
        #expect(jp.completedDate == nil)
    }
}
