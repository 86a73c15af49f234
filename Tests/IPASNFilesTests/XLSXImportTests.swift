import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import Testing

private let nipA = XLSXTest.nipA
private let nipB = XLSXTest.nipB

private func date(_ iso: String) -> LocalDate { LocalDate.parse(iso)! }

private func importXLSX(
    _ path: String, kind: ImportKind = .diklat, sheet: String? = nil, skipInvalid: Bool = false,
    store: SQLiteStore? = nil
) throws -> (ImportReport, SQLiteStore) {
    let store = try store ?? XLSXTest.seededStore()
    let report = try Importer(store: store).importFile(
        kind: kind, path: path, sheet: sheet, skipInvalid: skipInvalid, today: XLSXTest.today)
    return (report, store)
}

private func diklat(_ store: SQLiteStore, _ nip: String) throws -> [Diklat] {
    try store.records(nip: nip)?.diklat.map(\.value).sorted { $0.tanggalMulai < $1.tanggalMulai } ?? []
}

@Suite struct XLSXImportTests {
    /// The committed template filled in as an admin would (make-fixtures.sh): text NIPs,
    /// drop-down values, date cells, numbers, an empty row 4.
    @Test func theFilledTemplateFixtureImports() throws {
        let (report, store) = try importXLSX(XLSXTest.fixture("diklat-template-filled.xlsx"))
        #expect(report.issues.isEmpty, "\(report.messages())")
        #expect(report.imported == 3)
        #expect(
            try diklat(store, nipA) == [
                Diklat(
                    nip: nipA, jenis: .withID(3)!, nama: "Pengelolaan Arsip Dinamis", penyelenggara: "BKPSDM",
                    tanggalMulai: date("2024-02-03"), tanggalSelesai: date("2024-02-05"), jp: 24,
                    nomorSertifikat: "800/1/2024", sesuaiJabatan: true),
                Diklat(
                    nip: nipA, jenis: .struktural, tingkat: .pkp, nama: "Pelatihan Kepemimpinan Pengawas",
                    penyelenggara: "BPSDM Provinsi", tanggalMulai: date("2024-05-06"), tanggalSelesai: date("2024-08-30"),
                    jp: 200, nomorSertifikat: "PKP-2024-17", sesuaiJabatan: true),
            ])
        #expect(
            try diklat(store, nipB) == [
                Diklat(
                    nip: nipB, jenis: .withID(7)!, nama: "Sosialisasi Disiplin ASN", penyelenggara: "Inspektorat",
                    tanggalMulai: date("2024-03-01"), tanggalSelesai: date("2024-03-01"), jp: 4, sesuaiJabatan: false)
            ])
    }

    /// Saved by LibreOffice Calc from a CSV with the headers people write, `Diklat Teknis`,
    /// `Bimtek`, `16 JP` and a blank row.
    @Test func theLibreOfficeWorkbookImports() throws {
        let (report, store) = try importXLSX(XLSXTest.fixture("diklat-libreoffice.xlsx"))
        #expect(report.issues.isEmpty, "\(report.messages())")
        #expect(report.imported == 3)
        let a = try diklat(store, nipA)
        #expect(a.map(\.jenis.id) == [3, 7])
        #expect(a.map(\.tanggalMulai) == [date("2024-02-03"), date("2024-03-01")])
        #expect(a.map(\.sesuaiJabatan) == [true, true])
        #expect(
            try diklat(store, nipB) == [
                Diklat(
                    nip: nipB, jenis: .withID(8)!, nama: "Bimtek SIASN", penyelenggara: "BKN", tanggalMulai: date("2024-06-10"),
                    tanggalSelesai: date("2024-06-11"), jp: 16, sesuaiJabatan: false)
            ])
    }

    /// LibreOffice with the NIP column left "standard": the NIPs became numbers.
    @Test func nipsSavedAsNumbersAreRefusedWithTheirSpreadsheetRows() throws {
        let store = try XLSXTest.seededStore()
        let (report, _) = try importXLSX(XLSXTest.fixture("pegawai-nip-number.xlsx"), kind: .pegawai, store: store)
        #expect(report.imported == 0)
        #expect(report.issues.map(\.line) == [2, 3])
        #expect(report.issues.allSatisfy { $0.issue.field == "nip" })
        #expect(report.issues[0].issue.message(.id).hasPrefix("NIP \"1.98609E+17\" telah diubah Excel menjadi angka"))
    }

    /// Row numbers are the spreadsheet's, across gaps; one bad row means nothing is written.
    @Test func allOrNothingWithSpreadsheetRowNumbers() throws {
        let dir = try ScratchDirectory()
        let header = ["nip", "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "jp"]
        let sheet =
            RawWorkbook.row(1, header) + RawWorkbook.row(2, [nipA, "Teknis", "Arsip", "01-02-2024", "02-02-2024", "8"])
            + RawWorkbook.row(7, [nipB, "Teknis", "Arsip", "01-02-2024", "02-02-2024", "delapan"])
            + RawWorkbook.row(9, [nipB, "Teknis", "Keuangan", "31-02-2024", "02-03-2024", "8"])
        let path = try RawWorkbook.write(to: dir.path("gaps.xlsx"), sheets: [("diklat", sheet)])
        let (report, store) = try importXLSX(path)
        #expect(report.imported == 0)
        #expect(report.issues.map(\.line) == [7, 9])
        #expect(report.issues.map(\.issue.field) == ["jp", "tanggal_mulai"])
        #expect(try diklat(store, nipA).isEmpty)
    }

    @Test func skipInvalidWritesTheRefusedRowsAsCSV() throws {
        let dir = try ScratchDirectory()
        let sheet =
            RawWorkbook.row(1, ["NIP", "Jenis", "Nama Diklat", "Tanggal Mulai", "Tanggal Selesai", "Jumlah JP"])
            + RawWorkbook.row(2, [nipA, "Teknis", "Arsip", "01-02-2024", "02-02-2024", "8"])
            + RawWorkbook.row(3, [nipB, "Teknis", "Arsip", "01-02-24", "02-02-2024", "8"])
        let path = try RawWorkbook.write(to: dir.path("Data Diklat.xlsx"), sheets: [("Lembar1", sheet)])
        let (report, store) = try importXLSX(path, skipInvalid: true)
        #expect(report.imported == 1)
        #expect(report.rejectedPath == dir.path("Data Diklat.rejected.csv"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.path("Data Diklat.rejected.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])  // UTF-8 with BOM, for Excel
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == "NIP;Jenis;Nama Diklat;Tanggal Mulai;Tanggal Selesai;Jumlah JP;alasan")
        #expect(
            lines[1].hasPrefix(
                "\(nipB);Teknis;Arsip;01-02-24;02-02-2024;8;\"tanggal_mulai: Tanggal \"\"01-02-24\"\" memakai tahun dua angka"))
        #expect(try diklat(store, nipA).count == 1)
    }

    @Test func aNamedSheetIsRead() throws {
        let dir = try ScratchDirectory()
        let data =
            RawWorkbook.row(1, ["nip", "tahun", "predikat"]) + RawWorkbook.row(2, [nipA, "2024", "Baik"])
        let path = try RawWorkbook.write(
            to: dir.path("skp.xlsx"), sheets: [("Catatan", RawWorkbook.row(1, ["isi lembar lain"])), ("SKP 2024", data)])
        #expect(throws: ImportFileError.self) { _ = try importXLSX(path, kind: .skp) }
        let (report, store) = try importXLSX(path, kind: .skp, sheet: "SKP 2024")
        #expect(report.imported == 1)
        #expect(try store.records(nip: nipA)?.skp.map(\.value) == [SKP(nip: nipA, tahun: 2024, predikat: .baik)])
    }

    @Test func anEmptySheetIsAnEmptyFile() throws {
        let dir = try ScratchDirectory()
        let path = try RawWorkbook.write(to: dir.path("empty.xlsx"), sheets: [("S", "")])
        #expect(throws: ImportFileError.empty(path: path)) { _ = try importXLSX(path) }
    }

    /// `ipasn template diklat` filled with 1,000 rows by the project's own writer (date cells,
    /// text NIPs, numbers), then imported whole.
    @Test func aTemplateFilledWithAThousandRowsImports() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("diklat-1000.xlsx")
        let start = date("2024-01-01")
        let rows: [[XLSXValue]] = (0..<1000).map { index in
            let day = LocalDate.fromISODay(start, plus: index % 300)
            return [
                .text(index % 2 == 0 ? nipA : nipB), .text(index % 3 == 0 ? "Sosialisasi" : "Teknis"), .empty,
                .text("Kursus nomor \(index + 1)"), .text("BKPSDM"), .date(day), .date(day), .number(Double(index % 40 + 1)),
                .text("SRT/\(index + 1)"), .text(index % 5 == 0 ? "N" : "Y"),
            ]
        }
        try ImportTemplate.write(kind: .diklat, to: path, rows: rows)
        let (report, store) = try importXLSX(path)
        #expect(report.issues.isEmpty, "\(report.messages().prefix(3))")
        #expect(report.imported == 1000)
        let a = try store.records(nip: nipA)?.diklat.map(\.value) ?? []
        let b = try store.records(nip: nipB)?.diklat.map(\.value) ?? []
        #expect(a.count == 500 && b.count == 500)
        let last = try #require(b.first { $0.nama == "Kursus nomor 1000" })
        #expect(last.jp == 999 % 40 + 1)
        #expect(last.tanggalMulai == LocalDate.fromISODay(start, plus: 999 % 300))
        #expect(last.jenis.id == 7)  // 999 % 3 == 0
        #expect(last.sesuaiJabatan == true)
        #expect(last.nomorSertifikat == "SRT/1000")
    }
}

extension LocalDate {
    /// `date` plus `days` (tests only; through Excel's serials, which count days).
    static func fromISODay(_ date: LocalDate, plus days: Int) -> LocalDate {
        ExcelDate.date(serial: Double(ExcelDate.serial(of: date) + days))!
    }
}

@Suite struct XLSXTitleRowTests {
    /// Title rows above the header (as admins make for printing) are skipped; the rejected
    /// rows file starts at the header.
    @Test func titleRowsAboveTheHeaderAreSkipped() throws {
        let dir = try ScratchDirectory()
        let sheet =
            RawWorkbook.row(1, ["DAFTAR PESERTA SOSIALISASI DISIPLIN"]) + RawWorkbook.row(2, ["Tanggal: 01-03-2024"])
            + RawWorkbook.row(4, ["No", "NIP", "Jenis", "Nama Diklat", "Tanggal Mulai", "Tanggal Selesai", "JP"])
            + RawWorkbook.row(5, ["1", XLSXTest.nipA, "Sosialisasi", "Disiplin", "01-03-2024", "01-03-2024", "3"])
            + RawWorkbook.row(6, ["2", XLSXTest.nipB, "Sosialisasi", "Disiplin", "01-03-2024", "01-03-2024", "tiga"])
        let path = try RawWorkbook.write(to: dir.path("peserta.xlsx"), sheets: [("Peserta", sheet)])
        let store = try XLSXTest.seededStore()
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: true, today: XLSXTest.today)
        #expect(report.imported == 1)
        #expect(report.issues.map(\.line) == [6])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try #require(report.rejectedPath)))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map(String.init)
        #expect(lines.first == "No;NIP;Jenis;Nama Diklat;Tanggal Mulai;Tanggal Selesai;JP;alasan")
        #expect(lines.count == 2)
        #expect(lines.last == "2;\(XLSXTest.nipB);Sosialisasi;Disiplin;01-03-2024;01-03-2024;tiga;\"jp: JP \"\"tiga\"\" harus bilangan bulat positif, misalnya 24.\"")
    }

    @Test func withoutAHeaderTheFirstRowsProblemIsReported() throws {
        let dir = try ScratchDirectory()
        let path = try RawWorkbook.write(
            to: dir.path("x.xlsx"), sheets: [("S", RawWorkbook.row(1, ["Judul"]) + RawWorkbook.row(2, ["a", "b"]))])
        #expect(
            throws: ImportFileError.unknownColumns(
                kind: .skp, unknown: [UnknownHeader(header: "Judul", column: "A", suggestion: "tahun")], missing: ["nip", "tahun"])
        ) {
            _ = try Importer(store: try XLSXTest.seededStore()).importFile(
                kind: .skp, path: path, skipInvalid: false, today: XLSXTest.today)
        }
    }
}
