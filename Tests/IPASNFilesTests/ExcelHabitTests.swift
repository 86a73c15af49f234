import Foundation
import IPASNCore
@testable import IPASNFiles
import IPASNStore
import Testing

private let nipA = XLSXTest.nipA
private let nipB = XLSXTest.nipB
private let diklatHeader = "nip;jenis;nama;tanggal_mulai;tanggal_selesai;jp"

/// Imports CSV text as `kind` into the seeded store, all or nothing.
private func importCSV(_ text: String, kind: ImportKind = .diklat, name: String = "diklat.csv") throws -> (
    ImportReport, SQLiteStore
) {
    let dir = try ScratchDirectory()
    let store = try XLSXTest.seededStore()
    let report = try Importer(store: store).importFile(
        kind: kind, path: try dir.write(name, text), skipInvalid: false, today: XLSXTest.today)
    return (report, store)
}

private func diklat(_ store: SQLiteStore, _ nip: String = nipA) throws -> [Diklat] {
    try store.records(nip: nip)?.diklat.map(\.value) ?? []
}

private func date(_ iso: String) -> LocalDate { LocalDate.parse(iso)! }

@Suite struct ExcelHabitTests {
    @Test func blankRowsOfSeparatorsAreIgnoredAndLineNumbersKept() throws {
        let (report, store) = try importCSV(
            "\(diklatHeader)\r\n;;;;;\r\n\(nipA);3;Arsip;01-02-2024;02-02-2024;8\r\n;;;;;\r\n ; ;;;;\r\n\(nipA);3;Keuangan;01-03-2024;02-03-2024;x\r\n")
        #expect(report.imported == 0)
        #expect(report.issues.map(\.line) == [6])  // the blank rows still count as lines
        #expect(report.issues.first?.issue.field == "jp")
        #expect(try diklat(store).isEmpty)
    }

    @Test func trailingEmptyColumnsAreIgnored() throws {
        let (report, store) = try importCSV(
            "\(diklatHeader);;;\r\n\(nipA);3;Arsip;01-02-2024;02-02-2024;8;;;\r\n\(nipB);Teknis;Arsip;01-02-2024;02-02-2024;8;;;;;\r\n")
        #expect(report.issues.isEmpty)
        #expect(report.imported == 2)
        #expect(try diklat(store).map(\.nama) == ["Arsip"])
    }

    @Test func aValueBeyondTheHeaderIsStillAFieldCountError() throws {
        let (report, _) = try importCSV("\(diklatHeader)\r\n\(nipA);3;Arsip;01-02-2024;02-02-2024;8;;oops\r\n")
        #expect(report.imported == 0)
        #expect(report.issues.map(\.line) == [2])
        #expect(report.issues[0].issue.message(.en) == "The row has 8 fields but the header has 6. Check separators and quotes.")
    }

    @Test(arguments: ["1,98609E+17", "1.98609E+17", "1,98609262015051E+17", "1.98609e17"])
    func aNIPTurnedIntoANumberIsRefusedWithTheFix(nip: String) throws {
        let (report, _) = try importCSV("\(diklatHeader)\r\n\(nip);3;Arsip;01-02-2024;02-02-2024;8\r\n")
        #expect(report.imported == 0)
        #expect(report.issues.count == 1)
        let issue = try #require(report.issues.first)
        #expect(issue.line == 2 && issue.issue.field == "nip")
        #expect(issue.issue.message(.id).contains("Format kolom NIP sebagai Teks"))
        #expect(issue.issue.message(.en).contains("Format the NIP column as Text"))
    }

    @Test func anApostropheBeforeTheNIPIsExcelsTextMark() throws {
        let (report, store) = try importCSV("\(diklatHeader)\r\n'\(nipA);3;Arsip;01-02-2024;02-02-2024;8\r\n")
        #expect(report.imported == 1)
        #expect(try diklat(store).count == 1)
    }

    @Test(arguments: ["01-03-2024 00:00", "01-03-2024 00:00:00", "2024-03-01T00:00:00", "1/3/2024 0:00", "01-03-2024"])
    func aDateWithATimeIsReadAsItsDate(text: String) throws {
        let (report, store) = try importCSV("\(diklatHeader)\r\n\(nipA);3;Arsip;\(text);\(text);8\r\n")
        #expect(report.issues.isEmpty)
        #expect(try diklat(store).first?.tanggalMulai == date("2024-03-01"))
    }

    @Test(arguments: ["01-03-24", "1/3/24", "01.03.24"])
    func aTwoDigitYearIsRefusedWithTheFix(text: String) throws {
        let (report, _) = try importCSV("\(diklatHeader)\r\n\(nipA);3;Arsip;\(text);02-03-2024;8\r\n")
        #expect(report.imported == 0)
        let issue = try #require(report.issues.first)
        #expect(report.issues.count == 1)
        #expect(issue.issue.field == "tanggal_mulai")
        #expect(issue.issue.message(.id).contains("tahun dua angka"))
        #expect(issue.issue.message(.id).contains("-2024"))
        #expect(issue.issue.message(.en).contains("Write the year in full"))
    }

    @Test func twoDigitYearsInOtherDateColumns() throws {
        let (pendidikan, _) = try importCSV(
            "nip;tingkat;tanggal_lulus\r\n\(nipA);S1;15-08-10\r\n", kind: .pendidikan, name: "p.csv")
        #expect(pendidikan.issues.map(\.issue.field) == ["tanggal_lulus"])
        #expect(pendidikan.issues[0].issue.message(.en).contains("15-08-2010"))
        let (disiplin, _) = try importCSV("nip;tingkat;tmt\r\n\(nipA);ringan;01/06/24\r\n", kind: .disiplin, name: "d.csv")
        #expect(disiplin.issues.map(\.issue.field) == ["tmt"])
    }

    @Test(arguments: [("24 JP", 24), ("24JP", 24), ("24 jp", 24), ("24 jam", 24), ("24,0", 24), ("24.00", 24), (" 8 JPL", 8)])
    func jpWithItsUnitReadsAsTheNumber(text: String, jp: Int) throws {
        let (report, store) = try importCSV("\(diklatHeader)\r\n\(nipA);3;Arsip;01-02-2024;02-02-2024;\(text)\r\n")
        #expect(report.issues.isEmpty)
        #expect(try diklat(store).first?.jp == jp)
    }

    @Test func jpThatIsNoNumberIsStillRefused() throws {
        let (report, _) = try importCSV("\(diklatHeader)\r\n\(nipA);3;Arsip;01-02-2024;02-02-2024;24,5 JP\r\n")
        #expect(report.issues.map(\.issue.code) == [.jpNotNumber("24,5 JP")])
    }

    /// The names admins write, to the SIASN jenis (ids from JenisDiklat.all and ipasn-rules.md).
    @Test(arguments: [
        ("Diklat Teknis", 3), ("Pelatihan Teknis", 3), ("Bimtek", 8), ("BIMTEK", 8), ("Bimbingan Teknis (Bimtek)", 8),
        ("Sosialisasi", 7), ("Diklat Fungsional", 2), ("Diklatpim IV", 1), ("Diklat Kepemimpinan", 1), ("Webinar", 9),
        ("Seminar", 9), ("Workshop (Lokakarya)", 4), ("Kursus", 11), ("E-Learning", 16), ("3", 3),
    ])
    func jenisAsWrittenMapsToSIASN(text: String, id: Int) throws {
        let tingkat = id == 1 ? "PIM IV" : ""
        let (report, store) = try importCSV(
            "nip;jenis;tingkat;nama;tanggal_mulai;tanggal_selesai;jp\r\n\(nipA);\(text);\(tingkat);Arsip;01-02-2024;02-02-2024;8\r\n")
        #expect(report.issues.isEmpty, "\(report.messages())")
        #expect(try diklat(store).first?.jenis.id == id)
    }

    @Test func anUnknownJenisIsStillRefusedAsWritten() throws {
        let (report, _) = try importCSV("\(diklatHeader)\r\n\(nipA);Diklat Rahasia;Arsip;01-02-2024;02-02-2024;8\r\n")
        #expect(report.issues.map(\.issue.code) == [.unknownJenis("Diklat Rahasia")])
    }

    @Test func habitsAndParserIssuesOfOneRowAreAllListed() throws {
        let (report, _) = try importCSV("\(diklatHeader)\r\n1,98609E+17;3;;01-02-24;02-02-2024;8\r\n")
        #expect(Set(report.issues.map(\.issue.field)) == ["nip", "tanggal_mulai", "nama"])
    }

    @Test func isScientificRecognisesOnlyExcelsDisplay() {
        #expect(ExcelHabits.isScientific("1,98502E+17"))
        #expect(ExcelHabits.isScientific("1.98502E+17"))
        #expect(!ExcelHabits.isScientific(nipA))
        #expect(!ExcelHabits.isScientific("E+17"))
        #expect(!ExcelHabits.isScientific("1.9E"))
    }
}

@Suite struct BlankRowsBeforeTheHeaderTests {
    /// Excel often leaves empty rows above the header: they are skipped, in the import and in
    /// the rejected-rows file, and line numbers still count them.
    @Test func blankRowsAboveTheHeader() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write(
            "diklat.csv", ";;;;;\r\n\(diklatHeader)\r\n\(nipA);3;Arsip;01-02-2024;02-02-2024;8\r\n\(nipB);3;Arsip;01-02-2024;02-02-2024;x\r\n")
        let store = try XLSXTest.seededStore()
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: true, today: XLSXTest.today)
        #expect(report.imported == 1)
        #expect(report.issues.map(\.line) == [4])
        let rejected = try String(contentsOfFile: try #require(report.rejectedPath), encoding: .utf8)
        #expect(rejected.split(separator: "\r\n").first.map(String.init)?.hasSuffix("\(diklatHeader);alasan") == true)
        #expect(rejected.split(separator: "\r\n").count == 2)
    }
}
