import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

/// The text-field limits (``TextLimits``: no control characters, at most 200 characters, 50
/// for unit codes) hold for every way a row comes in: an .xlsx sheet and SIASN's shapes go
/// through ``RecordParser`` like a plain CSV file.
@Suite struct ImportTextLimitsTests {
    private let nipA = XLSXTest.nipA

    private func problems(_ report: ImportReport) -> [String] {
        report.issues.map { "\($0.line) \($0.issue.field): \($0.issue.message(.en))" }
    }

    @Test func anXLSXRowWithATooLongNameATabOrALineBreakIsRefused() throws {
        let dir = try ScratchDirectory()
        let long = String(repeating: "a", count: 201)
        let sheet =
            RawWorkbook.row(1, ["nip", "jenis", "nama", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jp"])
            + RawWorkbook.row(2, [nipA, "teknis", long, "BKPSDM", "2024-02-01", "2024-02-02", "8"])
            + RawWorkbook.row(3, [nipA, "teknis", "Arsip", "BKP\tSDM", "2024-03-01", "2024-03-02", "8"])
            + RawWorkbook.row(4, [nipA, "teknis", String(repeating: "b", count: 200), "BKPSDM", "2024-04-01", "2024-04-02", "8"])
            // Alt+Enter in Excel: a line break inside the cell.
            + RawWorkbook.row(5, [nipA, "teknis", "Arsip\nDinamis", "BKPSDM", "2024-05-01", "2024-05-02", "8"])
        let path = try RawWorkbook.write(to: dir.path("diklat.xlsx"), sheets: [("diklat", sheet)])
        let store = try XLSXTest.seededStore()
        let report = try Importer(store: store).importFile(
            kind: .diklat, path: path, skipInvalid: true, today: XLSXTest.today)
        // Row 2: 201 characters, one over; row 3: a tab; row 4: exactly 200, accepted; row 5: a line break.
        #expect(report.issues.map(\.line) == [2, 3, 5])
        #expect(report.issues.map(\.issue.field) == ["nama", "penyelenggara", "nama"])
        #expect(report.issues[0].issue.code == .tooLong(limit: 200))
        #expect(report.issues[1].issue.code == .controlCharacter("TAB (U+0009)"))
        #expect(report.issues[2].issue.code == .controlCharacter("LF (U+000A)"))
        #expect(report.imported == 1)
        #expect(try store.records(nip: nipA)?.diklat.map(\.value.nama.count) == [200])
    }

    @Test func aSIASNShapeRowWithATooLongCourseNameIsRefused() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn-limits")
        defer { dir.remove() }
        let a = SmallProvince.nipA
        let text = """
            nip,latihanStrukturalId,tanggal,tanggalSelesai,jumlahJam,namaDiklat
            \(a),2,01-02-2024,30-05-2024,300,\(String(repeating: "x", count: 201))
            \(a),2,01-02-2023,30-05-2023,300,Pelatihan Kepemimpinan\u{1B}[6n Pengawas
            \(a),2,01-02-2022,30-05-2022,300,Pelatihan Kepemimpinan Pengawas

            """
        var source = try CSVImportSource(kind: .diklat, path: try dir.write("siasn-diklat.csv", text), today: TestClock.today)
        var issues: [[IssueCode]] = []
        var records = 0
        while let row = try source.next() {
            switch row.value {
            case .invalid(let failure): issues.append(failure.issues.map(\.code))
            case .record: records += 1
            default: Issue.record("line \(row.number): \(row.value)")
            }
        }
        #expect(issues == [[.tooLong(limit: 200)], [.controlCharacter("ESC (U+001B)")]])
        #expect(records == 1)
    }
}
