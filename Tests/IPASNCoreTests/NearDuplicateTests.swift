@testable import IPASNCore
import Testing

@Suite struct NearDuplicateTests {
    static let nip = "198609262015051001"
    static func course(_ nama: String, jenis: Int = 3, start: String = "2024-03-01", end: String = "2024-03-03", nip: String = nip) -> Diklat {
        Diklat(
            nip: nip, jenis: JenisDiklat.withID(jenis)!, nama: nama, tanggalMulai: LocalDate.parse(start)!,
            tanggalSelesai: LocalDate.parse(end)!, jp: 20)
    }

    @Test(arguments: [
        ("Bimtek Pengelolaan Arsip", "BIMTEK  pengelolaan arsip"),  // case and spacing
        ("Bimtek Pengelolaan Arsip", "Bimtek Pengelolaan Arsip."),  // punctuation
        ("Bimtek Pengelolaan Arsip", "Bimtek, Pengelolaan-Arsip"),
        ("Pelatihan E-Learning", "Pelatihan eLearning"),
        ("Bimtek Pengelolaan Arsip", "Bimtek Pengelolaan Arsip Dinamis"),  // one word more
        ("Bimtek Pengelolaan Arsip Dinamis", "Bimtek Arsip Dinamis"),  // one word less
        ("Bimtek Pengelolaan Arsip", "Bimtek Pengelolan Arsip"),  // one letter missing
        ("Bimtek Pengelolaan Arsip", "Bimtek Pengelolaan Asrip"),  // two letters swapped: distance 2 on a long name
        ("Sosialisasi SKP", "Sosialisasi SKP "),
    ])
    func similar(_ a: String, _ b: String) {
        #expect(NearDuplicate.similarNames(a, b), "\(a) ~ \(b)")
        #expect(NearDuplicate.similarNames(b, a), "symmetric")
    }

    @Test(arguments: [
        ("Bimtek Pengelolaan Arsip", "Bimtek Pengelolaan Keuangan"),
        ("Bimtek Arsip", "Bimtek"),  // one word left is too little to resemble
        ("Sosialisasi SKP", "Sosialisasi SPIP"),  // short names: distance 2 is another course
        ("Pelatihan Arsip Tingkat Dasar", "Pelatihan Arsip Tingkat Lanjut"),
        ("Diklat A", "Diklat B C"),
    ])
    func different(_ a: String, _ b: String) {
        #expect(!NearDuplicate.similarNames(a, b), "\(a) vs \(b)")
    }

    @Test func firstSimilarNeedsSameEmployeeJenisAndDatesAndSkipsExactRepeats() {
        let typed = Self.course("Bimtek Pengelolaan Arsip")
        let exact = Self.course("bimtek   pengelolaan arsip")  // same DuplicateKey: a duplicate, not "similar"
        let otherDates = Self.course("Bimtek Pengelolaan Arsip.", end: "2024-03-04")
        let otherJenis = Self.course("Bimtek Pengelolaan Arsip.", jenis: 8)
        let otherPerson = Self.course("Bimtek Pengelolaan Arsip.", nip: "199001012019032002")
        let near = Self.course("Bimtek Pengelolaan Arsip Dinamis")
        #expect(NearDuplicate.firstSimilar(to: typed, in: [exact, otherDates, otherJenis, otherPerson]) == nil)
        #expect(NearDuplicate.firstSimilar(to: typed, in: [exact, otherDates, near]) == near)
    }

    @Test func editDistanceGivesUpPastTheLimit() {
        #expect(NearDuplicate.editDistance(Array("arsip"), Array("asrip"), limit: 2) == 2)
        #expect(NearDuplicate.editDistance(Array("arsip"), Array("arsip"), limit: 1) == 0)
        #expect(NearDuplicate.editDistance(Array("abc"), Array("xyz"), limit: 1) == 2, "stops at limit + 1")
    }
}

@Suite struct NearDuplicateNumberTests {
    /// Names that differ in a number are different courses (a template's "Kursus nomor 10"
    /// and "Kursus nomor 110", the first and second angkatan), however small the edit.
    @Test func aDifferentNumberIsAnotherCourse() {
        #expect(!NearDuplicate.similarNames("Kursus nomor 10", "Kursus nomor 110"))
        #expect(!NearDuplicate.similarNames("Diklat PIM Angkatan 1", "Diklat PIM Angkatan 2"))
        #expect(!NearDuplicate.similarNames("Bimtek 2024", "Bimtek Arsip 2023"))
        #expect(NearDuplicate.similarNames("Diklat PIM Angkatan 1", "DIKLAT PIM ANGKATAN 1."))
        #expect(NearDuplicate.similarNames("Pelatihan Kearsipan 2024", "Pelatihan Kearsipn 2024"))
    }

    /// The ASCII fast path of the words gives exactly the Foundation path's words.
    @Test(arguments: [
        "Diklat PIM Angkatan 1", "DIKLAT PIM ANGKATAN 1.", "  e-Learning   SIASN\t2024 ", "Bimtek_Arsip/Kearsipan (II)",
        "", "...", "A1b2 C3", "Seminar dua 5", "x@y#z~`'\"", "Tab\there\nnewline", "ZZZ 0099 zz",
    ])
    func asciiWordsAreTheFoldedWords(_ name: String) {
        #expect(NearDuplicate.asciiWords(name) == NearDuplicate.wordsFolded(name))
        #expect(NearDuplicate.words(name) == NearDuplicate.wordsFolded(name))
    }

    @Test func nonASCIINamesTakeTheFoldedPath() {
        #expect(NearDuplicate.asciiWords("Pelatihan Café") == nil)
        #expect(NearDuplicate.words("Pelatihan CAFÉ") == ["pelatihan", "cafe"])
    }
}
