import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The discipline form's jenis hukuman list follows the chosen tingkat (PP 94/2021), and a
/// stored record whose jenis is of another tingkat opens as it is, with the message.
struct JenisHukumanFilterTests {
    func disiplinForm(editing: HukumanDisiplin? = nil) -> RecordForm {
        RecordForm.make(
            kind: .disiplin, nip: ayuNIP, ruleset: .bkn2019, year: 2024,
            editing: editing.map { StoredRecordValue(id: RecordID(kind: .disiplin, id: 7), record: .disiplin($0)) })
    }

    func chosen(_ outcome: PickerOutcome) -> Bool {
        if case .chosen = outcome { return true }
        return false
    }

    func jenisValues(_ form: RecordForm) -> [String] {
        form.fields.first { $0.key == "jenis" }!.options.map(\.value)
    }

    @Test func choosingTheTingkatLeavesOnlyItsKinds() {
        var form = disiplinForm()
        #expect(jenisValues(form).count == 10)
        form.focus = 0
        form.fields[0].text = "sedang"
        #expect(chosen(form.choose()))
        #expect(form.fields[0].text == "Sedang")
        #expect(
            jenisValues(form) == [
                "Pemotongan tunjangan kinerja 25% selama 6 bulan", "Pemotongan tunjangan kinerja 25% selama 9 bulan",
                "Pemotongan tunjangan kinerja 25% selama 12 bulan",
            ])
        // "lisan" (a ringan kind) is not offered any more.
        form.focus = 2
        form.fields[2].text = "lisan"
        #expect(form.choose() == .noMatch)
        form.fields[2].text = "9 bulan"
        #expect(chosen(form.choose()))
        #expect(form.fields[0].text == "Sedang")
        // Changing the level changes the list.
        form.focus = 0
        form.fields[0].text = "berat"
        #expect(chosen(form.choose()))
        // The four berat kinds, then the sedang kind the field still holds.
        #expect(jenisValues(form).count == 5)
        #expect(jenisValues(form).prefix(4).allSatisfy { JenisHukuman.named($0)?.tingkat == .berat })
        // The sedang kind already chosen stays in the field (not silently cleared) and is refused with the reason.
        #expect(form.fields[2].text == "Pemotongan tunjangan kinerja 25% selama 9 bulan")
        form.fields[1].text = "01-06-2024"
        let issue = form.check(2, parser: RecordParser(today: TestClock.today))
        #expect(issue?.message(.id).contains("adalah hukuman disiplin sedang, bukan berat") == true)
    }

    @Test func choosingTheJenisFirstSetsTheTingkat() {
        var form = disiplinForm()
        form.focus = 2
        form.fields[2].text = "penurunan jabatan"
        #expect(chosen(form.choose()))
        #expect(form.fields[0].text == "Berat")
        #expect(jenisValues(form).count == 4)
    }

    @Test func aStoredMismatchOpensAsItIsWithTheMessage() {
        let stored = HukumanDisiplin(nip: ayuNIP, tingkat: .sedang, tmt: TestClock.date("2024-02-01"), jenis: "Teguran lisan")
        let form = disiplinForm(editing: stored)
        #expect(form.fields[0].text == "Sedang")
        #expect(form.fields[2].text == "Teguran lisan")
        #expect(form.unchosen["jenis"] == nil, "the stored jenis is kept as a choice, not marked unknown")
        let message = form.issues["jenis"]?.message(.id)
        #expect(
            message
                == "Jenis hukuman \"Teguran lisan\" adalah hukuman disiplin ringan, bukan sedang (PP 94/2021); "
                + "ubah tingkatnya ke Ringan atau pilih jenis hukuman sedang.")
        #expect(form.issues["jenis"]?.message(.en).hasPrefix("Jenis hukuman \"Teguran lisan\" is a ringan punishment, not sedang") == true)
        // A free-text jenis of an older record is no mismatch.
        let old = HukumanDisiplin(nip: ayuNIP, tingkat: .sedang, tmt: TestClock.date("2024-02-01"), jenis: "penundaan kenaikan gaji")
        #expect(disiplinForm(editing: old).issues["jenis"] == nil)
    }
}
