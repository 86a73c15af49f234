import IPASNTestSupport
import Testing

@testable import IPASNCore

@Suite struct ValidationTests {
    let today = TestClock.today  // 2025-01-10
    var parser: RecordParser { RecordParser(today: today) }

    func diklatFields(_ overrides: [String: String] = [:]) -> [String: String] {
        var fields = [
            "nip": "198609262015051001", "jenis": "3", "nama": "Pelatihan Arsip", "tanggal_mulai": "01-03-2024",
            "tanggal_selesai": "03/03/2024", "jp": "24",
        ]
        fields.merge(overrides) { $1 }
        return fields
    }

    func issues(_ fields: [String: String]) -> [ValidationIssue] {
        if case .failure(let failure) = parser.diklat(fields) { return failure.issues }
        return []
    }

    @Test func goodDiklatParses() throws {
        let diklat = try parser.diklat(diklatFields()).get()
        #expect(diklat.jenis.nama == "Teknis")
        #expect(diklat.tanggalSelesai == LocalDate(year: 2024, month: 3, day: 3))
        #expect(diklat.jp == 24)
        #expect(diklat.sesuaiJabatan)
    }

    @Test func jenisByNameOrID() throws {
        #expect(try parser.diklat(diklatFields(["jenis": "bimtek"])).get().jenis.id == 8)
        #expect(try parser.diklat(diklatFields(["jenis": "E-Learning"])).get().jenis.id == 16)
        #expect(issues(diklatFields(["jenis": "26"])).map(\.code) == [.unknownJenis("26")])
    }

    @Test func jpMustBeAPositiveWholeNumberAndPlausible() throws {
        #expect(issues(diklatFields(["jp": "0"])).map(\.code) == [.jpNotPositive])
        #expect(issues(diklatFields(["jp": "12,5"])).map(\.code) == [.jpNotNumber("12,5")])
        for written in ["24 JP", "24jp", "24 jam", "24,0", " 24 JPL"] {
            #expect(try parser.diklat(diklatFields(["jp": written])).get().jp == 24, "\(written) is 24 JP")
        }
        #expect(issues(diklatFields(["jp": "1001"])).map(\.code) == [.jpImplausible(1001, limit: 1000)])
        #expect(issues(diklatFields(["jp": "1000"])).isEmpty)
        #expect(issues(diklatFields(["jp": ""])).map(\.code) == [.required])
    }

    @Test func endNotBeforeStartAndNotAfterToday() {
        let backwards = issues(diklatFields(["tanggal_mulai": "2024-03-05", "tanggal_selesai": "2024-03-01"]))
        #expect(backwards.map(\.field) == ["tanggal_selesai"])
        #expect(
            backwards[0].message(.id)
                == "Tanggal selesai 01-03-2024 sebelum tanggal mulai 05-03-2024. Tanggal selesai harus sama atau sesudahnya.")
        let future = issues(diklatFields(["tanggal_mulai": "2025-01-06", "tanggal_selesai": "2025-01-11"]))
        #expect(future.map(\.code) == [.dateInFuture(LocalDate(year: 2025, month: 1, day: 11)!, today: today)])
        #expect(issues(diklatFields(["tanggal_mulai": "2025-01-10", "tanggal_selesai": "2025-01-10"])).isEmpty)
    }

    @Test func badDateSaysHowToWriteIt() {
        let found = issues(diklatFields(["tanggal_mulai": "2024-13-03"]))
        #expect(found.map(\.code) == [.dateFormat("2024-13-03")])
        #expect(found[0].message(.id).contains("HH-BB-TTTT"))
    }

    @Test func aDayTheMonthDoesNotHaveIsNamed() {
        let found = issues(diklatFields(["tanggal_mulai": "2024-02-30"]))
        #expect(found.map(\.code) == [.dateNoSuchDay("2024-02-30", days: 29)], "February 2024 has 29 days")
        let dayFirst = issues(diklatFields(["tanggal_mulai": "31-02-2026"]))
        #expect(dayFirst.map(\.code) == [.dateNoSuchDay("31-02-2026", days: 28)])
        #expect(dayFirst[0].message(.id) == "Tanggal mulai \"31-02-2026\": tanggal itu tidak ada (bulannya hanya 28 hari).")
        #expect(issues(diklatFields(["tanggal_mulai": "31-04-2024"])).map(\.code) == [.dateNoSuchDay("31-04-2024", days: 30)])
    }

    @Test func aTwoDigitYearAsksForTheFullYear() {
        let found = issues(diklatFields(["tanggal_mulai": "12-11-26"]))
        #expect(found.map(\.code) == [.dateTwoDigitYear("12-11-26", full: "12-11-2026")])
        #expect(found[0].message(.id) == "Tanggal mulai \"12-11-26\" memakai tahun dua angka. Tulis tahun lengkap (misalnya 12-11-2026).")
        #expect(DateText.fullYear("1/3/24") == "1-3-2024")
        #expect(DateText.fullYear("01-03-2024") == nil)
    }

    @Test func leadershipLevelOnlyAndAlwaysForStruktural() {
        #expect(issues(diklatFields(["jenis": "1"])).map(\.code) == [.leadershipLevelRequired])
        #expect(issues(diklatFields(["jenis": "1", "tingkat": "pim iii"])).isEmpty)
        #expect(issues(diklatFields(["tingkat": "PKA"])).map(\.code) == [.leadershipLevelOnlyForStruktural])
    }

    @Test func duplicateIgnoresCaseAndSpacing() throws {
        let first = try parser.diklat(diklatFields()).get()
        let again = try parser.diklat(diklatFields(["nama": "  pelatihan   ARSIP "])).get()
        let existing = EmployeeRecords(pegawai: F.pegawai(.pelaksana), diklat: [first])
        let validator = RecordValidator(today: today)
        #expect(validator.validate(.diklat(again), existing: existing).map(\.code) == [.duplicate(.diklat)])
        let otherDates = try parser.diklat(diklatFields(["tanggal_selesai": "04-03-2024"])).get()
        #expect(validator.validate(.diklat(otherDates), existing: existing).isEmpty)
    }

    /// Two S-1 degrees without a graduation date are two degrees when the school or the jurusan
    /// differs; the same degree typed again (other case and spacing) is still a duplicate.
    @Test func pendidikanIdentityIncludesSchoolAndJurusan() {
        let unhas = Pendidikan(nip: F.nip, tingkat: .s1, namaSekolah: "Universitas Hasanuddin", jurusan: "Hukum")
        let existing = EmployeeRecords(pegawai: F.pegawai(.pelaksana), pendidikan: [unhas])
        let validator = RecordValidator(today: today)
        let ugm = Pendidikan(nip: F.nip, tingkat: .s1, namaSekolah: "Universitas Gadjah Mada", jurusan: "Hukum")
        #expect(validator.validate(.pendidikan(ugm), existing: existing).isEmpty)
        let otherJurusan = Pendidikan(nip: F.nip, tingkat: .s1, namaSekolah: "Universitas Hasanuddin", jurusan: "Ekonomi")
        #expect(validator.validate(.pendidikan(otherJurusan), existing: existing).isEmpty)
        let again = Pendidikan(nip: F.nip, tingkat: .s1, namaSekolah: " universitas  HASANUDDIN", jurusan: "hukum ")
        #expect(validator.validate(.pendidikan(again), existing: existing).map(\.code) == [.duplicate(.pendidikan)])
        #expect(DuplicateKey.hash(.pendidikan(again)) == DuplicateKey.hash(.pendidikan(unhas)))
        #expect(DuplicateKey.hash(.pendidikan(ugm)) != DuplicateKey.hash(.pendidikan(unhas)))
    }

    @Test func skpNeedsPredikatOrNilai() throws {
        #expect(try parser.skp(["nip": F.nip, "tahun": "2024", "nilai": "90,9"]).get().nilai == 90.9)
        guard case .failure(let failure) = parser.skp(["nip": F.nip, "tahun": "2024"]) else {
            Issue.record("an SKP without predikat or nilai must be refused")
            return
        }
        #expect(failure.issues.map(\.code) == [.skpNeedsPredikatOrNilai])
        guard case .failure(let future) = parser.skp(["nip": F.nip, "tahun": "2026", "predikat": "baik"]) else {
            Issue.record("an SKP for a future year must be refused")
            return
        }
        #expect(future.issues.map(\.code) == [.yearOutOfRange(2026, min: 1950, max: 2025)])
    }

    @Test func pegawaiRowChecksStrukturalJenjangAndNIPRule() throws {
        let good = try parser.pegawai([
            "nip": "200012312024211001", "nama": "Budi", "kode_unit": "U1", "jenis_jabatan": "Pelaksana",
            "status": "PPPK",
        ]).get()
        #expect(good.0.status == .pppk)
        guard
            case .failure(let failure) = parser.pegawai([
                "nip": "200012312024211001", "nama": "Budi", "kode_unit": "U1", "jenis_jabatan": "struktural",
                "jenjang": "eselon 3",
            ])
        else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.issues.map(\.field).sorted() == ["jenjang", "nip"])
    }

    @Test func educationLevelsByNameOrCode() {
        #expect(EducationLevel.parse("S-1") == .s1)
        #expect(EducationLevel.parse("40") == .s1)
        #expect(EducationLevel.parse("05") == .sd)
        #expect(EducationLevel.parse("D IV") == .d4)
        #expect(EducationLevel.parse("SLTA_KEJURUAN") == .sltaKejuruan)
        #expect(EducationLevel.parse("S9") == nil)
    }
}
