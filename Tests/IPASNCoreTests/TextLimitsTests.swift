import Testing

@testable import IPASNCore

/// Issue 13 and 8: control characters are refused in every text field, and every text field
/// has a limit, refused with the limit and never cut.
@Suite struct TextLimitsTests {
    let parser = RecordParser(today: LocalDate(year: 2026, month: 11, day: 24)!)

    func failure<T>(_ result: Result<T, ValidationFailure>) -> [ValidationIssue] {
        if case .failure(let failure) = result { return failure.issues }
        return []
    }

    let diklat = [
        "nip": "198609262015051001", "jenis": "3", "nama": "Kursus", "tanggal_mulai": "01-03-2024",
        "tanggal_selesai": "03/03/2024", "jp": "24",
    ]

    @Test func aNulInsideANameIsRefusedNotCut() {
        var fields = diklat
        fields["nama"] = "Kursus\u{0}Arsip"
        let issues = failure(parser.diklat(fields))
        #expect(issues == [ValidationIssue(field: "nama", code: .controlCharacter("NUL (U+0000)"))])
        #expect(
            issues[0].message(.id)
                == "Nama berisi karakter kendali NUL (U+0000) (tidak terlihat, biasanya ikut tersalin). Hapus karakter itu.")
    }

    @Test func escBelDelAndC1AreRefusedInEveryKind() {
        for bad in ["\u{1B}]0;judul\u{07}", "a\u{7F}", "a\u{85}b", "a\u{9B}6n", "x\ty"] {
            #expect(failure(parser.unit(["kode": "U1", "nama": "Dinas " + bad])).map(\.field) == ["nama"])
            #expect(
                failure(
                    parser.pegawai([
                        "nip": "198609262015051001", "nama": bad, "kode_unit": "U1", "jenis_jabatan": "pelaksana",
                    ])
                ).map(\.field) == ["nama"])
            #expect(failure(parser.disiplin(["nip": "198609262015051001", "tingkat": "ringan", "tmt": "01-01-2024", "jenis": bad])).map(\.field) == ["jenis"])
            #expect(failure(parser.pendidikan(["nip": "198609262015051001", "tingkat": "S1", "nama_sekolah": bad])).map(\.field) == ["nama_sekolah"])
        }
        #expect(TextLimits.firstControlCharacter("Café Ruslï 😀") == nil)
    }

    @Test func aFieldWithAControlCharacterIsReportedOnceWithTheOthers() {
        var fields = diklat
        fields["jenis"] = "\u{1B}[6n"
        fields["jp"] = "0"
        #expect(
            failure(parser.diklat(fields)).map(\.code) == [.controlCharacter("ESC (U+001B)"), .jpNotPositive])
    }

    @Test func everyTextFieldHasALimitUnitsAndEmployeesIncluded() {
        let huge = String(repeating: "x", count: 5_000_000)
        #expect(failure(parser.unit(["kode": "U1", "nama": huge])) == [ValidationIssue(field: "nama", code: .tooLong(limit: 200))])
        #expect(
            failure(parser.unit(["kode": String(repeating: "K", count: 51), "nama": "Dinas"]))
                == [ValidationIssue(field: "kode", code: .tooLong(limit: 50))])
        #expect(
            failure(
                parser.pegawai([
                    "nip": "198609262015051001", "nama": huge, "kode_unit": "U1", "jenis_jabatan": "pelaksana",
                ])) == [ValidationIssue(field: "nama", code: .tooLong(limit: 200))])
        #expect(
            failure(
                parser.pegawai([
                    "nip": "198609262015051001", "nama": "Andi", "kode_unit": String(repeating: "K", count: 51),
                    "jenis_jabatan": "pelaksana",
                ])) == [ValidationIssue(field: "kode_unit", code: .tooLong(limit: 50))])
        // At the limit is fine: never cut, never refused.
        let unit = try? parser.unit(["kode": String(repeating: "K", count: 50), "nama": String(repeating: "é", count: 200)]).get()
        #expect(unit?.nama.count == 200)
    }

    @Test func echoedValuesAreShortenedAndEscaped() {
        var fields = diklat
        fields["jp"] = String(repeating: "9x", count: 60)
        let message = failure(parser.diklat(fields)).first?.message(.en) ?? ""
        #expect(message == "JP \"\(String(repeating: "9x", count: 20))…\" must be a positive whole number, e.g. 24.")
        #expect(TextLimits.echo("a\u{1B}[6n") == "a\\u{1B}[6n")
    }
}
