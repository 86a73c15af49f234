import Foundation
import IPASNTestSupport
import Testing

@testable import IPASNCore

@Suite struct NIPTests {
    let today = TestClock.today  // 2025-01-10

    @Test func referenceVectors() {
        #expect(NIP.validate("200012312024121001", status: .pns, today: today).isEmpty)
        #expect(NIP.validate("20001231202412100", status: .pns, today: today).map(\.code) == [.nipLength(actual: 17)])
        #expect(NIP.validate("200013312024121001", status: .pns, today: today).map(\.code) == [.nipBirthDate])
        #expect(NIP.validate("200012312024123001", status: .pns, today: today).map(\.code) == [.nipSex("3")])
    }

    @Test func pppkHasItsOwnRule() {
        #expect(NIP.validate("200012312024211001", status: .pppk, today: today).isEmpty)
        // The same digits are not a valid PNS NIP (TMT month 21) ...
        #expect(NIP.validate("200012312024211001", status: .pns, today: today).map(\.code) == [.nipTMT])
        // ... and a PNS NIP is not a PPPK one (no marker 2 at position 13).
        #expect(NIP.validate("200012312024121001", status: .pppk, today: today).map(\.code) == [.nipPPPKMarker("1")])
        #expect(NIP.validate("200012312024201001", status: .pppk, today: today).map(\.code) == [.nipPPPKPeriod("0")])
    }

    @Test func groupedInputAndDisplay() {
        #expect(NIP.validate("19860926 201505 1 001", status: .pns, today: today).isEmpty)
        #expect(NIP.formatted("198609262015051001") == "19860926 201505 1 001")
        #expect(NIP.validate("19860926-201505", status: .pns, today: today).map(\.code) == [.nipNotDigits])
        #expect(NIP.validate("198609262015051000", status: .pns, today: today).map(\.code) == [.nipSequence])
    }

    @Test func sanityWarningsDoNotRefuse() {
        // TMT 2010-01 for someone born 2000-12-31: before the 18th birthday.
        let young = NIP.validate("200012312010011001", status: .pns, today: today)
        #expect(young.map(\.code) == [.nipTMTBeforeAdult])
        #expect(young.allSatisfy { $0.severity == .warning })
        let unborn = NIP.validate("202712312024121001", status: .pns, today: today)
        #expect(unborn.map(\.code) == [.nipBirthInFuture])
        #expect(unborn.allSatisfy { $0.severity == .warning })
    }

    @Test func messagesNameTheFieldAndTheFix() {
        let issue = NIP.validate("200013312024121001", status: .pns, today: today)[0]
        #expect(issue.message(.id) == "NIP: 8 angka pertama harus tanggal lahir yang ada (TTTTBBHH).")
        #expect(issue.message(.en).hasPrefix("NIP: the first 8 digits must be a real birth date"))
    }
}

@Suite struct LocalDateTests {
    @Test func acceptedForms() {
        let expected = LocalDate(year: 2024, month: 12, day: 31)
        #expect(LocalDate.parse("2024-12-31") == expected)
        #expect(LocalDate.parse("31-12-2024") == expected)
        #expect(LocalDate.parse("31/12/2024") == expected)
        #expect(LocalDate.parse(" 1-2-2024 ") == LocalDate(year: 2024, month: 2, day: 1))
    }

    @Test func refusedForms() {
        for text in ["2024-13-01", "31-04-2024", "29-02-2023", "2024/12", "12-31-2024x", "", "31122024", "24-12-31"] {
            #expect(LocalDate.parse(text) == nil, "\(text)")
        }
        #expect(LocalDate.parse("29-02-2024") != nil)
    }

    @Test func ordering() {
        #expect(LocalDate.parse("2024-12-31")! < LocalDate.parse("2025-01-01")!)
        #expect(LocalDate.parse("2024-12-31")!.dayFirst == "31-12-2024")
    }
}

@Suite struct FastTextTests {
    @Test func trimmingMatchesFoundationOnEveryEdgeCase() {
        for text in ["abc", " abc", "abc ", "\tabc\r\n", "\u{00A0}abc\u{00A0}", "", " ", "é", " é ", "a b"] {
            #expect(FastText.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    @Test func digitsAndLengths() {
        #expect(FastText.isDigits("0123"))
        #expect(!FastText.isDigits(""))
        #expect(!FastText.isDigits("12a"))
        #expect(!FastText.isDigits("１２"))  // full-width digits are not ASCII digits
        #expect(!FastText.exceeds("abc", 3))
        #expect(FastText.exceeds("abcd", 3))
        #expect(!FastText.exceeds("ééé", 3))  // 6 bytes, 3 characters
    }

    @Test func datesWithSpacesAndMixedSeparators() {
        #expect(LocalDate.parse(" 2024-01-02 ") == LocalDate(year: 2024, month: 1, day: 2))
        #expect(LocalDate.parse("2024-01/02") == nil)
        #expect(LocalDate.parse("20 24-01-02") == nil)
        #expect(LocalDate.parse("-2024-01-02") == nil)
        #expect(LocalDate.parse("02.01.2024") == LocalDate(year: 2024, month: 1, day: 2))
        #expect(LocalDate.parse("00002-01-2024") == nil)
    }
}

@Suite struct DuplicateKeyTests {
    @Test func asciiFastPathMatchesTheUnicodeRule() {
        for text in ["  Pelatihan   ARSIP ", "a\tb\nc", "", "   ", "Bimtek SIASN 2024", "Ñame  Ünicode", "x\u{00A0}y"] {
            #expect(DuplicateKey.normalizedName(text) == DuplicateKey.unicodeNormalizedName(text), "\(text.debugDescription)")
        }
    }

    @Test func hashIsStableAndSeparatesRecords() {
        let a = Record.skp(SKP(nip: F.nip, tahun: 2024, predikat: .baik))
        let b = Record.skp(SKP(nip: F.nip, tahun: 2023, predikat: .baik))
        #expect(DuplicateKey.hash(a) == DuplicateKey.hash(a))
        #expect(DuplicateKey.hash(a) != DuplicateKey.hash(b))
        // FNV-1a of "skp|198609262015051001|2024", fixed so stored databases stay valid.
        #expect(DuplicateKey.hash(a) == -8_458_651_416_588_469_245)
    }
}

@Suite struct DuplicateHashEquivalenceTests {
    static func fnv(_ text: String) -> Int64 {
        var h: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Int64(bitPattern: h)
    }

    /// The streamed hash must equal FNV-1a of the key string for every kind and odd input.
    @Test func streamedHashEqualsHashOfTheKeyString() {
        let d = LocalDate(year: 2024, month: 3, day: 9)!
        let records: [Record] = [
            .pendidikan(Pendidikan(nip: F.nip, tingkat: .s1, tanggalLulus: d)),
            .pendidikan(Pendidikan(nip: F.nip, tingkat: .sd, tanggalLulus: nil)),
            .pendidikan(Pendidikan(nip: F.nip, tingkat: .s1, namaSekolah: "  Universitas  HASANUDDIN ", jurusan: "Hukum")),
            .pendidikan(Pendidikan(nip: F.nip, tingkat: .s2, namaSekolah: "Universitas Gadjah Mada", jurusan: "Ékonomi  Pembangunan")),
            .diklat(Diklat(nip: F.nip, jenis: JenisDiklat.withID(17)!, nama: "  Pelatihan  ARSIP\tDinamis ",
                tanggalMulai: LocalDate(year: 999, month: 1, day: 1)!, tanggalSelesai: d, jp: 1)),
            .diklat(Diklat(nip: F.nip, jenis: JenisDiklat.withID(3)!, nama: "Ñandú Çelik  Éclair", tanggalMulai: d,
                tanggalSelesai: d, jp: 1)),
            .diklat(Diklat(nip: F.nip, jenis: JenisDiklat.withID(3)!, nama: "   ", tanggalMulai: d, tanggalSelesai: d, jp: 1)),
            .skp(SKP(nip: F.nip, tahun: 2024, predikat: .baik)),
            .disiplin(HukumanDisiplin(nip: F.nip, tingkat: .berat, tmt: d, jenis: "Penurunan  Jabatan")),
            .disiplin(HukumanDisiplin(nip: F.nip, tingkat: .ringan, tmt: d, jenis: "")),
        ]
        for record in records {
            #expect(DuplicateKey.hash(record) == Self.fnv(DuplicateKey.of(record)), "\(DuplicateKey.of(record))")
        }
        #expect(LocalDate(year: 999, month: 1, day: 1)!.iso == "0999-01-01")
        #expect(d.iso == "2024-03-09")
    }
}

@Suite struct SearchTextTests {
    @Test func keysFoldCaseAccentsAndPunctuation() {
        #expect(SearchText.key("Muhammad Ruslï  PRATAMA") == "muhammad rusli pratama")
        #expect(SearchText.key("Ratna Ma'ruf, S.E.") == "ratna maruf s e")
        #expect(SearchText.key("  Ñandú Çelik ") == "nandu celik")
        #expect(SearchText.words("pratama   ruslï") == ["pratama", "rusli"])
        #expect(SearchText.words("%_") == [])
    }

    @Test func theAsciiFastPathEqualsTheFolding() {
        for name in ["Ratna Ma'ruf, S.E.", "  DRS. H. Abdul   Rahman_Jr ", "O`Neil-Smith", "a1 B2", "", "'''", "x\ty"] {
            #expect(SearchText.key(name) == SearchText.unicodeKey(name), "\(name)")
        }
    }

    @Test func nipDigitsAcceptWhatSpreadsheetsPaste() {
        #expect(SearchText.nipDigits("'198609262015051001") == "198609262015051001")
        #expect(SearchText.nipDigits(" 19860926 201505 1 001 ") == "198609262015051001")
        #expect(SearchText.nipDigits("1986.0926-2015") == "198609262015")
        #expect(SearchText.nipDigits("rusli 1986") == nil)
        #expect(SearchText.nipDigits("' ") == nil)
    }
}

/// Finding 5: Excel's leading apostrophe and spaces are taken off in one place.
@Suite struct NIPNormalizeTests {
    @Test func apostropheAndSpacesAreDropped() {
        #expect(NIP.normalize("'197502151999052005") == "197502151999052005")
        #expect(NIP.normalize(" '19750215 199905 2 005 ") == "197502151999052005")
        #expect(NIP.normalize("\u{2019}197502151999052005") == "197502151999052005")
        #expect(NIP.normalize("19750215\u{00A0}199905 2 005") == "197502151999052005")
        #expect(NIP.normalize("197502151999052005") == "197502151999052005")
        // An apostrophe inside is not Excel's marker: the NIP stays refused.
        #expect(NIP.normalize("1975'02151999052005") == "1975'02151999052005")
        #expect(NIP.validate("'197502151999052005", status: .pns, today: TestClock.today).isEmpty)
    }

    @Test func theEmployeeFormTakesAnApostrophedNIP() throws {
        let fields = [
            "nip": "'197502151999052005", "nama": "Sri Wahyuni", "kode_unit": "U1", "jenis_jabatan": "pelaksana",
        ]
        let parsed = RecordParser(today: TestClock.today).pegawai(fields)
        #expect((try? parsed.get().0.nip) == "197502151999052005")
    }
}

/// Completeness is one whole percent everywhere, rounded down: 100 only when all are complete.
@Suite struct WholePercentTests {
    @Test func roundsDownSoThatHundredMeansAll() {
        #expect(NumberText.wholePercent(58, of: 60) == 96)  // 96.67: the tester saw 97 on screen, 96 in the CLI
        #expect(NumberText.wholePercent(299, of: 300) == 99)
        #expect(NumberText.wholePercent(60, of: 60) == 100)
        #expect(NumberText.wholePercent(0, of: 7) == 0)
        #expect(NumberText.wholePercent(3, of: 0) == nil)
    }
}
