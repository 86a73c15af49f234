import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNFiles

/// User test 10: a unit's own course sheet, as Excel writes it (libxlsxwriter): a merged title
/// and a two-row header (`NIP`, `JP` merged down both rows; `Diklat` over `Jenis Diklat | Nama
/// Diklat | Penyelenggara` and `Tanggal` over `Mulai | Selesai`). It was refused whole: "Kolom
/// wajib tidak ada: nip, jenis, nama, tanggal_mulai, tanggal_selesai, jp", the title named as
/// an unknown header ("maksudnya latihanStrukturalId?"). The two rows are now read as one
/// header; the rows' own problems are listed with their spreadsheet rows as before.
@Suite struct XLSXTwoRowHeaderTests {
    @Test func aMergedTwoRowHeaderIsReadAsOneHeader() throws {
        let store = try XLSXTest.seededStore()
        // A copy: the refused rows' file is written next to the workbook.
        let dir = try ScratchDirectory()
        let path = dir.path("Rekap Diklat Sekretariat 2024.xlsx")
        try FileManager.default.copyItem(atPath: XLSXTest.fixture("diklat-merged-header.xlsx"), toPath: path)
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: true, today: XLSXTest.today)
        // Row 6 is whole; row 7's NIP was pasted as a number, row 8's end date is no day
        // (31 November), row 9 has no JP; rows 10-11 hold only borders.
        #expect(report.imported == 1, "\(report.messages(.id))")
        #expect(report.issues.map(\.line) == [7, 8, 9], "\(report.messages(.id))")
        #expect(report.issues.map(\.issue.field) == ["nip", "tanggal_selesai", "jp"])
        let andi = try #require(try store.records(nip: XLSXTest.nipA)?.diklat.map(\.value))
        #expect(
            andi == [
                Diklat(
                    nip: XLSXTest.nipA, jenis: .withID(3)!, nama: "Pengelolaan Arsip Dinamis", penyelenggara: "BKPSDM",
                    tanggalMulai: TestClock.date("2024-02-03"), tanggalSelesai: TestClock.date("2024-02-05"), jp: 24)
            ])
        // The refused rows' file starts with the header as read.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try #require(report.rejectedPath)))
        let header = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").first
        #expect(header == "No;NIP;Nama Pegawai;Jenis Diklat;Nama Diklat;Penyelenggara;Mulai;Selesai;JP;alasan")
    }

    /// Each column is its lower cell, else its upper one; failing that, the group and the
    /// lower cell together (`Tanggal` over `Mulai`: `Tanggal Mulai`).
    @Test func theTwoRowsCombineLowerElseUpperThenGroupAndLower() {
        let upper = ["NIP", "Tanggal", "", "JP"]
        let lower = ["", "Mulai", "Selesai", ""]
        #expect(
            XLSXImportSource.twoRowHeaders(upper, lower) == [
                ["NIP", "Mulai", "Selesai", "JP"], ["NIP", "Tanggal Mulai", "Tanggal Selesai", "JP"],
            ])
    }

    /// A sheet with no usable header says what is wrong with the row nearest to one, not
    /// with the title above it: the title gave "Judul kolom tidak dikenal: "REKAP ..." (maksudnya
    /// latihanStrukturalId?)", where the header's one misspelt column was the problem.
    @Test func withoutAHeaderTheNearestRowsProblemIsSaid() throws {
        let dir = try ScratchDirectory()
        let sheet =
            RawWorkbook.row(1, ["REKAP DIKLAT/KURSUS PEGAWAI SEKRETARIAT"])
            + RawWorkbook.row(3, ["No", "NIP", "Jenis Diklat", "Nama Diklat", "Tanggal Mulaii", "Tanggal Selesai", "JP"])
            + RawWorkbook.row(4, ["1", XLSXTest.nipA, "Teknis", "Arsip", "01-02-2024", "02-02-2024", "8"])
        let path = try RawWorkbook.write(to: dir.path("rekap.xlsx"), sheets: [("Sheet1", sheet)])
        #expect(
            throws: ImportFileError.unknownColumns(
                kind: .diklat,
                // The row-number column "No" is not named (it was, as "maksudnya jp?", round 12).
                unknown: [UnknownHeader(header: "Tanggal Mulaii", column: "E", suggestion: "tanggal_mulai")],
                missing: ["tanggal_mulai"])
        ) {
            _ = try Importer(store: try XLSXTest.seededStore()).importFile(
                kind: .diklat, path: path, skipInvalid: false, today: XLSXTest.today)
        }
    }
}
