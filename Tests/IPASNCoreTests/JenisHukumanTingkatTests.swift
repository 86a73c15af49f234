import Foundation
import IPASNCore
import Testing

/// A jenis hukuman that names a PP 94/2021 kind of another tingkat is refused, naming the
/// field and both levels; free text of older records is kept.
struct JenisHukumanTingkatTests {
    let validator = RecordValidator(today: LocalDate(year: 2024, month: 12, day: 31)!)

    func issues(_ tingkat: TingkatHukuman, _ jenis: String) -> [ValidationIssue] {
        validator.validate(.disiplin(HukumanDisiplin(nip: "198609262015051001", tingkat: tingkat, tmt: LocalDate(year: 2024, month: 2, day: 1)!, jenis: jenis)))
    }

    @Test func aKindOfAnotherLevelIsRefused() {
        let found = issues(.berat, "  teguran TERTULIS ")
        #expect(found.map(\.field) == ["jenis"])
        #expect(
            found.first?.message(.id)
                == "Jenis hukuman \"Teguran tertulis\" adalah hukuman disiplin ringan, bukan berat (PP 94/2021); "
                + "ubah tingkatnya ke Ringan atau pilih jenis hukuman berat.")
    }

    @Test func theKindsOfTheirOwnLevelAndFreeTextPass() {
        for kind in JenisHukuman.pp94 { #expect(issues(kind.tingkat, kind.nama).isEmpty, "\(kind.nama)") }
        #expect(issues(.sedang, "penundaan kenaikan gaji berkala").isEmpty)
        #expect(issues(.ringan, "").isEmpty)
        #expect(JenisHukuman.pp94.filter { $0.tingkat == .ringan }.count == 3)
        #expect(JenisHukuman.pp94.filter { $0.tingkat == .sedang }.count == 3)
        #expect(JenisHukuman.pp94.filter { $0.tingkat == .berat }.count == 4)
    }

    @Test func theParserRefusesTheRecord() {
        let parser = RecordParser(today: LocalDate(year: 2024, month: 12, day: 31)!)
        let result = parser.record(.disiplin, ["nip": "198609262015051001", "tingkat": "sedang", "tmt": "01-02-2024", "jenis": "Teguran lisan"])
        guard case .failure(let failure) = result else {
            Issue.record("a sedang Teguran lisan was accepted")
            return
        }
        #expect(failure.issues.map(\.field) == ["jenis"])
    }
}
