import Foundation
import IPASNCore
@testable import IPASNFiles
import Testing

@Suite struct CellReferenceTests {
    @Test(arguments: [("A1", 0), ("Z9", 25), ("AA1", 26), ("AB12", 27), ("AZ3", 51), ("BA3", 52), ("XFD1048576", 16383)])
    func columnOfAReference(reference: String, column: Int) {
        #expect(CellReference.column(reference) == column)
        #expect(CellReference.letters(column) == String(reference.prefix { $0.isLetter }))
    }

    @Test func rowOfAReference() {
        #expect(CellReference.row("AB12") == 12)
        #expect(CellReference.row("A1048576") == 1_048_576)
        #expect(CellReference.row("AB") == nil)
        #expect(CellReference.column("12") == nil)
    }
}

@Suite struct ExcelDateTests {
    /// Hand-checked against Excel: serial 1 is 1900-01-01, 59 is 1900-02-28, 60 is Excel's
    /// 29 February 1900 that never was, 61 is 1900-03-01; 45325 is 2024-02-03.
    @Test(arguments: [
        (1.0, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (36526, "2000-01-01"),
        (45325, "2024-02-03"), (45325.75, "2024-02-03"), (46082, "2026-03-01"), (2_958_465, "9999-12-31"),
    ])
    func serialsOfThe1900System(serial: Double, iso: String) {
        #expect(ExcelDate.date(serial: serial)?.iso == iso)
    }

    @Test func theLeapYearBugDayAndBareTimesAreNoDate() {
        #expect(ExcelDate.date(serial: 60) == nil)
        #expect(ExcelDate.date(serial: 0.5) == nil)
        #expect(ExcelDate.date(serial: 3_000_000) == nil)
    }

    @Test func the1904System() {
        #expect(ExcelDate.date(serial: 0, date1904: true)?.iso == "1904-01-01")
        #expect(ExcelDate.date(serial: 44000, date1904: true)?.iso == "2024-06-19")
    }

    @Test func serialOfADateIsTheInverse() {
        for iso in ["1900-01-01", "1900-02-28", "1900-03-01", "2024-02-29", "2026-03-01"] {
            let date = LocalDate.parse(iso)!
            #expect(ExcelDate.date(serial: Double(ExcelDate.serial(of: date))) == date)
        }
        #expect(ExcelDate.serial(of: LocalDate(year: 2024, month: 2, day: 3)!) == 45325)
    }
}

@Suite struct XLSXReaderTests {
    /// Every cell type, cells without a reference, a skipped column, gaps between rows,
    /// rich text with a phonetic hint, and a date style only in cellXfs counts.
    @Test func everyCellTypeIsReadAsText() throws {
        let dir = try ScratchDirectory()
        let sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c><c r="B3"><v>24</v></c>\
            <c r="C3" s="1"><v>45325</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="b"><v>0</v></c>\
            <c r="F3" t="e"><v>#N/A</v></c><c r="G3" t="str"><f>A1</f><v>formula text</v></c>\
            <c r="H3"><v>3.5</v></c><c r="I3" s="2"><v>45325.5</v></c><c r="J3" s="3"><v>0.75</v></c></row>
            <row><c><v>7</v></c><c t="s"><v>2</v></c></row>
            <row r="9"></row>
            <row r="10"><c r="AB10" t="d"><v>2024-02-03T00:00:00</v></c></row>
            """
        let path = try RawWorkbook.write(
            to: dir.path("types.xlsx"), sheets: [("Data", sheet)],
            sharedStrings: ["nip", "nama", "<r><t>rich </t></r><r><t>text</t></r><rPh><t>HINT</t></rPh>"],
            customFormats: [164: "dd/mm/yyyy hh:mm", 165: "h:mm"], cellFormats: [0, 14, 164, 165])
        let rows = try XLSXReader(path: path).allRows()
        #expect(rows.map(\.number) == [1, 3, 4, 10])
        #expect(rows[0].cells == ["nip", "", "nama"])
        #expect(rows[1].cells == ["inline", "24", "2024-02-03", "TRUE", "FALSE", "#N/A", "formula text", "3.5", "2024-02-03", "0.75"])
        #expect(rows[2].cells == ["7", "rich text"])
        #expect(rows[3].cells.count == 28)
        #expect(rows[3].cells[27] == "2024-02-03")
    }

    @Test func aSixteenDigitNumberShowsAsExcelDoes() throws {
        let dir = try ScratchDirectory()
        let path = try RawWorkbook.write(
            to: dir.path("nip.xlsx"),
            sheets: [("S", "<row r=\"1\"><c r=\"A1\"><v>1.98609262015051E+17</v></c><c r=\"B1\"><v>198609262015051000</v></c></row>")])
        #expect(try XLSXReader(path: path).allRows()[0].cells == ["1.98609E+17", "1.98609E+17"])
    }

    @Test func sheetsByNameAnd1904AndAbsoluteTargets() throws {
        let dir = try ScratchDirectory()
        let path = try RawWorkbook.write(
            to: dir.path("two.xlsx"),
            sheets: [("Rekap", RawWorkbook.row(1, ["judul"])), ("Data Diklat", "<row r=\"2\"><c r=\"B2\" s=\"1\"><v>44000</v></c></row>")],
            cellFormats: [0, 14], date1904: true, absoluteTargets: true)
        let first = try XLSXReader(path: path)
        #expect(first.sheetNames == ["Rekap", "Data Diklat"])
        #expect(first.sheetName == "Rekap")
        #expect(try first.allRows() == [XLSXRow(number: 1, cells: ["judul"])])
        let second = try XLSXReader(path: path, sheet: "data diklat")
        #expect(try second.allRows() == [XLSXRow(number: 2, cells: ["", "2024-06-19"])])
        #expect(throws: XLSXError.noSuchSheet(name: "Nope", sheets: ["Rekap", "Data Diklat"])) {
            _ = try XLSXReader(path: path, sheet: "Nope")
        }
    }

    @Test func aFileThatIsNoWorkbookIsRefused() throws {
        let dir = try ScratchDirectory()
        let csv = try dir.write("renamed.xlsx", "nip;nama\n1;2\n")
        #expect(throws: XLSXError.notAWorkbook(path: csv)) { _ = try XLSXReader(path: csv) }
        #expect(XLSXError.notAWorkbook(path: "x.xlsx").message(.id).contains("bukan buku kerja Excel"))
    }

    @Test func brokenSheetXMLIsAnErrorAfterTheGoodRows() throws {
        let dir = try ScratchDirectory()
        let path = try RawWorkbook.write(
            to: dir.path("broken.xlsx"), sheets: [("S", RawWorkbook.row(1, ["a"]) + "<row r=\"2\"><c r=\"A2\"><v>1</c></row>")])
        let reader = try XLSXReader(path: path)
        #expect(throws: XLSXError.self) { _ = try reader.allRows() }
    }

    /// Rows stream through a bounded queue: thousands arrive complete and in order, and a
    /// reader dropped after one row stops its parsing thread (the test would hang otherwise).
    @Test func manyRowsStreamInOrderAndAnAbandonedReaderStops() throws {
        let dir = try ScratchDirectory()
        let body = (1...5000).map { (n: Int) -> String in "<row r=\"\(n)\"><c r=\"A\(n)\"><v>\(n)</v></c><c r=\"C\(n)\" t=\"inlineStr\"><is><t>r\(n)</t></is></c></row>" }
            .joined()
        let path = try RawWorkbook.write(to: dir.path("many.xlsx"), sheets: [("S", body)])
        let rows = try XLSXReader(path: path).allRows()
        #expect(rows.count == 5000)
        #expect(rows.map(\.number) == Array(1...5000))
        #expect(rows[4999].cells == ["5000", "", "r5000"])
        for _ in 0..<3 {
            let reader = try XLSXReader(path: path)
            #expect(try reader.next()?.number == 1)
        }
    }

    /// A workbook saved by LibreOffice Calc (Tests/Fixtures/xlsx/make-fixtures.sh): its shared
    /// strings, text-formatted NIPs, `mm/dd/yy` date cells and numbers, its blank row skipped.
    @Test func aWorkbookWrittenByLibreOffice() throws {
        let rows = try XLSXReader(path: XLSXTest.fixture("diklat-libreoffice.xlsx")).allRows()
        #expect(rows.map(\.number) == [1, 2, 3, 5])
        #expect(rows[0].cells.first == "NIP Baru")
        #expect(
            rows[1].cells == [
                "198609262015051001", "Diklat Teknis", "Pengelolaan Arsip", "BKPSDM", "2024-02-03", "2024-02-05", "24", "Y",
            ])
        #expect(rows[2].cells[6] == "16 JP")
        #expect(rows[3].cells.count == 7)  // the empty sesuai_jabatan cell is not written
    }

    @Test func dateFormatCodes() {
        for code in ["dd-mm-yyyy", "mm/dd/yy", "[$-421]d mmmm yyyy", "mmm-yy", "dd/mm/yyyy hh:mm", "yyyy"] {
            #expect(XLSXStyles.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "h:mm", "[h]:mm:ss", "mm:ss", "@", "\"day\" 0", "#,##0"] {
            #expect(!XLSXStyles.isDateFormat(code), "\(code)")
        }
    }
}
