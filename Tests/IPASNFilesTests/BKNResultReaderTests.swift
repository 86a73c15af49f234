import Foundation
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNFiles

/// BKN's IP ASN result as PIP ASN gives it: the header found by content, NIPs as text, decimal
/// commas, and every bad row refused with its line.
@Suite struct BKNResultReaderTests {
    static let header = "No,Nama,NIP,Nama Jabatan,Satuan Kerja,Kualifikasi,Kompetensi,Kinerja,Disiplin,Total"

    private func write(_ text: String, _ name: String = "bkn.csv") throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory(prefix: "ipasn-bkn")
        return (dir, try dir.write(name, text))
    }

    @Test func theXLSXFixtureHasItsHeaderOnRow7UnderSixTitleLines() throws {
        let file = try BKNResultReader.read(path: ReconcileFixture.path("bkn-2024.xlsx"))
        #expect(file.headerLine == 7)
        #expect(file.titleLines == [
            "HASIL PENGUKURAN INDEKS PROFESIONALITAS ASN", "Instansi: Pemerintah Kota Contoh", "Periode Pengukuran: 2024",
            "Tanggal Unduh: 05-02-2025", "Sumber: SIASN BKN",
        ])
        #expect(file.rows == ReconcileFixture.bknRows)
        #expect(file.rows[3].total == 52.5)
    }

    @Test func theCSVIDFixtureReadsTheSameWithSemicolonsDecimalCommasAndAnApostrophe() throws {
        let file = try BKNResultReader.read(path: ReconcileFixture.path("bkn-2024-id.csv"))
        #expect(file.headerLine == 7)
        #expect(file.titleLines.first == "HASIL PENGUKURAN INDEKS PROFESIONALITAS ASN")
        #expect(file.rows == ReconcileFixture.bknRows)
    }

    @Test func aNIPExcelMadeANumberIsRefusedWithTheFixOnItsRow() throws {
        #expect {
            try BKNResultReader.read(path: ReconcileFixture.path("bkn-2024-nip-number.xlsx"))
        } throws: { error in
            guard case .invalidRows(let problems, let more) = error as? BKNResultError else { return false }
            return more == 0 && problems.map(\.line) == [10] && problems[0].column == "NIP"
                && problems[0].id.contains("Format kolom NIP sebagai Teks")
        }
    }

    @Test func theHeaderIsFoundByContentWhereverItIsAndOtherColumnsAreIgnored() throws {
        let (dir, path) = try write(
            "Laporan IP ASN\n\nNIP Baru,Nilai Kualifikasi,Nilai Kompetensi,Nilai Kinerja,Nilai Disiplin,Keterangan\n"
                + "'19860926 201505 1 001,15,\"17,5\",25,5,ok\n")
        defer { dir.remove() }
        let file = try BKNResultReader.read(path: path)
        #expect(file.headerLine == 3)
        #expect(file.titleLines == ["Laporan IP ASN"])
        #expect(file.rows == [BKNResultRow(line: 4, nip: "198609262015051001", nama: "", kualifikasi: 15, kompetensi: 17.5, kinerja: 25, disiplin: 5)])
    }

    @Test func theSeparatorIsTheHeaderLinesNotTheTitleLines() throws {
        // A title without any separator, then Indonesian Excel's `;` with decimal commas.
        let (dir, path) = try write("Hasil IP ASN, Periode 2024\nNIP;Kualifikasi;Kompetensi;Kinerja;Disiplin;Total\n198609262015051001;15;17,5;25;5;62,5\n")
        defer { dir.remove() }
        let file = try BKNResultReader.read(path: path)
        #expect(file.titleLines == ["Hasil IP ASN, Periode 2024"])
        #expect(file.rows.map(\.total) == [62.5])
        #expect(file.rows.first?.kompetensi == 17.5)
    }

    @Test func everyBadRowIsNamedWithItsLineColumnAndFix() throws {
        let (dir, path) = try write(
            "PIP ASN\n" + Self.header + "\n"
                + "1,Andi,1.98609E+17,x,y,15,0,30,5,50\n"
                + "2,Budi,199001012019032002,x,y,15,,0,5,20\n"
                + "3,Citra,197512312000121001,x,y,15,abc,0,5,20\n"
                + "4,Dewi,198807152014022003,x,y,15,0,25,5,50\n"
                + "5,Eko,199001012019032002,x,y,15,0,0,5,20\n"
                + "6,Fajar,12345,x,y,15,0,0,5,20\n"
                + "7,Gita,199912312020121001,x,y,150,0,0,5,155\n")
        defer { dir.remove() }
        #expect {
            try BKNResultReader.read(path: path)
        } throws: { error in
            guard case .invalidRows(let problems, _) = error as? BKNResultError else { return false }
            let text = problems.map { $0.message(.id) }
            #expect(text == [
                "baris 3, NIP: NIP \"1.98609E+17\" telah diubah Excel menjadi angka dan digit terakhirnya hilang. Format kolom NIP sebagai Teks, lalu ketik atau tempel ulang NIP-nya.",
                "baris 4, Kompetensi: kosong. Isi nilai Kompetensi dari unduhan BKN (0 bila memang nol).",
                "baris 5, Kompetensi: \"abc\" bukan angka. Tulis nilainya seperti 17,5.",
                "baris 6, Total: 50 bukan jumlah keempat dimensi (45). Berkas telah diubah; unduh ulang dari PIP ASN.",
                "baris 7, NIP: NIP 199001012019032002 sudah ada di baris 4. Hapus baris gandanya.",
                "baris 8, NIP: \"12345\" bukan NIP 18 angka. Salin NIP dari SIASN sebagai teks.",
                "baris 9, Kualifikasi: 150 di luar 0-100. Periksa nilai Kualifikasi di unduhan BKN.",
            ])
            return true
        }
        let message = BKNResultError.invalidRows([BKNResultProblem(line: 3, column: "NIP", id: "x", en: "y")], more: 2).message(.en)
        #expect(message == "3 rows of BKN's result cannot be read; nothing was compared:\n  line 3, NIP: y\n  ... and 2 more rows")
    }

    @Test func aFileWithoutTheHeaderOrWithoutRowsIsRefused() throws {
        let (dir, path) = try write("nip,nama,kode_unit\n198609262015051001,Andi,ROOT\n")
        defer { dir.remove() }
        #expect(throws: BKNResultError.noHeader(path: path, searched: 30)) { try BKNResultReader.read(path: path) }
        let empty = try dir.write("empty.csv", "Judul\n" + Self.header + "\n,Jumlah,,,,,,,,\n")
        #expect(throws: BKNResultError.noRows(path: empty)) { try BKNResultReader.read(path: empty) }
        let doubled = try dir.write("doubled.csv", "NIP,Kualifikasi,Kompetensi,Kinerja,Disiplin,Kinerja\n")
        #expect(throws: BKNResultError.duplicateColumn(column: "Kinerja", line: 1)) { try BKNResultReader.read(path: doubled) }
    }

    @Test func aFooterWithoutNIPAndFiguresIsPassedOverAndListed() throws {
        let (dir, path) = try write(Self.header + "\n1,Andi,198609262015051001,x,y,15,0,30,5,50\n,Mengetahui,,,,,,,,\n")
        defer { dir.remove() }
        let file = try BKNResultReader.read(path: path)
        #expect(file.rows.count == 1)
        #expect(file.skippedLines == [3])
    }
}

/// The measurement year a BKN file states (its title, else its name): reconciliation warns
/// when it is not the year compared.
@Suite struct BKNResultYearTests {
    private func file(_ titles: [String], path: String = "/data/hasil.xlsx") -> BKNResultFile {
        BKNResultFile(path: path, titleLines: titles, headerLine: 7, rows: [], skippedLines: [])
    }

    @Test func theFixturesPeriodLineGivesTheYearAndTheDownloadDateDoesNot() throws {
        let real = try BKNResultReader.read(path: ReconcileFixture.path("bkn-2024.xlsx"))
        #expect(real.statedYear == 2024, "Periode Pengukuran: 2024, not Tanggal Unduh: 05-02-2025")
        #expect(real.statedYear(otherThan: 2024) == nil)
        #expect(real.statedYear(otherThan: 2025) == 2024)
        #expect(file(["Hasil IP ASN, Periode 2023"]).statedYear == 2023)
        #expect(file(["HASIL PENGUKURAN", "Tahun 2022", "Tanggal Unduh: 05-02-2025"]).statedYear == 2022)
    }

    @Test func withoutATitleYearTheFileNameCountsAndTwoYearsMeanUnknown() {
        #expect(file(["Laporan IP ASN"], path: "/data/pip-asn-2023.xlsx").statedYear == 2023)
        #expect(file([], path: "/data/hasil.csv").statedYear == nil)
        #expect(file(["Periode 2023 s.d. 2024"]).statedYear == nil, "two years: the file does not say one")
        // A NIP or a longer number is not a year.
        #expect(file(["Laporan"], path: "/data/198609262015051001.csv").statedYear == nil)
        #expect(BKNResultFile.years(in: "2019-2024, 12345, 1999") == [2019, 2024])
    }
}
