import Foundation
import IPASNTestSupport
import Testing

/// `ipasn reconcile FILE --year Y`: the fixture's BKN download against the same data imported
/// from the CSV files beside it (see ReconcileFixture).
@Suite struct ReconcileCommandTests {
    private func loaded() throws -> CLI {
        let cli = try CLI()
        for kind in ["units", "pegawai", "pendidikan", "diklat", "skp", "disiplin"] {
            try cli.ok(["import", kind, ReconcileFixture.path("\(kind).csv")])
        }
        return cli
    }

    @Test func textRanksUnitsAndEmployeesWithEveryCause() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        let out = try cli.ok(["reconcile", ReconcileFixture.path("bkn-2024.xlsx"), "--year", "2024"]).stdout
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Rekonsiliasi IP ASN dengan BKN, tahun 2024")
        #expect(lines[1].hasSuffix("bkn-2024.xlsx (4 pegawai, judul kolom di baris 7)"))
        let units = lines.filter { $0.hasPrefix("  1 ") || $0.hasPrefix("  2 ") }
        #expect(units == [
            "  1 Pemerintah Kota                1     1    50,00      77,50    27,5  27,50",
            "  2 Bidang                         2     2    32,50      31,50      25  12,50",
        ])
        let start = try #require(lines.firstIndex(of: "Per pegawai, urut poin yang belum terhitung di BKN:"))
        #expect(Array(lines[(start + 1)...(start + 8)]) == [
            "1. 198609262015051001 Andi (ROOT): BKN 50, ipasn 77,5, 27,5 poin belum terhitung",
            "   kualifikasi: BKN 15, ipasn 20: S-2 2019 belum ada di SIASN (BKN menghitung setara D-IV/S-1/Profesi)",
            "   kompetensi: BKN 0, ipasn 22,5: diklat teknis 24 JP 2024 belum terhitung di SIASN",
            "2. 199001012019032002 Budi (SUB): BKN 20, ipasn 45, 25 poin belum terhitung",
            "   kinerja: BKN 0, ipasn 25: SKP 2024 Baik belum ada di SIASN",
            "3. 197512312000121001 Citra (SUB): BKN 45, ipasn 18",
            "   kinerja: BKN 25, ipasn 0: BKN lebih tinggi: SIASN memuat data yang belum ada di ipasn (BKN menghitung SKP 2024 Baik)",
            "   disiplin: BKN 5, ipasn 3: hukuman disiplin ringan 2024 ada di ipasn, tidak ada di SIASN",
        ])
        #expect(out.contains("Di berkas BKN, tidak dikenal ipasn (1):\n  baris 11: 199912312020121001 Eko (Bidang)"))
        #expect(out.contains("Pegawai aktif ipasn yang tidak ada di berkas BKN (1):\n  198807152014022003 Dewi (SUB)"))
        #expect(out.hasSuffix("3 pegawai dibandingkan: 3 berbeda, 0 sama; 52,5 poin belum terhitung di BKN.\n"))
    }

    @Test func aFileForAnotherYearIsWarnedAboutWithWhatToDo() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        // The fixture says "Periode Pengukuran: 2024"; compared with 2025 it means nothing.
        let other = try cli.ok(["reconcile", ReconcileFixture.path("bkn-2024.xlsx"), "--year", "2025", "--format", "csv"])
        #expect(other.stderr == "peringatan: berkas BKN ini untuk tahun pengukuran 2024, tetapi dibandingkan dengan nilai ipasn tahun 2025 "
            + "(--year 2025); selisih di bawah tidak berarti. Jalankan lagi dengan --year 2024, atau unduh hasil BKN tahun 2025 dari PIP ASN.\n")
        #expect(other.stdout.hasPrefix("status,nip,"), "the CSV itself stays clean")
        let english = try cli.ok(["reconcile", ReconcileFixture.path("bkn-2024.xlsx"), "--year", "2023", "--lang", "en"])
        #expect(english.stderr.hasPrefix("warning: this BKN file is for measurement year 2024, but it is compared with ipasn's scores for 2023"))
        #expect(english.stderr.contains("Run again with --year 2024, or download BKN's result for 2023 from PIP ASN."))
        // The right year: no warning.
        #expect(try cli.ok(["reconcile", ReconcileFixture.path("bkn-2024.xlsx"), "--year", "2024"]).stderr == "")
    }

    @Test func csvIDJSONAndAUnitFromTheCSVDownload() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        let file = ReconcileFixture.path("bkn-2024-id.csv")
        let out = cli.path("rekonsiliasi.csv")
        #expect(try cli.ok(["reconcile", file, "--year", "2024", "--format", "csv-id", "--out", out]).stdout == "ditulis: \(out)\n")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("status;nip;nama;kode_unit;baris_bkn;bkn_kualifikasi;"))
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 6)
        #expect(Array(rows[1].prefix(16)) == [
            "berbeda", "198609262015051001", "Andi", "ROOT", "8", "15", "0", "30", "5", "50", "20", "22,5", "30", "5", "77,5", "27,5",
        ])
        #expect(rows[4].prefix(3) == ["tidak_ada_di_ipasn", "199912312020121001", "Eko"])
        #expect(rows[5].prefix(4) == ["tidak_ada_di_berkas_bkn", "198807152014022003", "Dewi", "SUB"])
        let json = try CLI.jsonArray(try cli.ok(["reconcile", file, "--year", "2024", "--unit", "SUB", "--format", "json", "--lang", "en"]).stdout)
        #expect(json.map { $0["nama"] as? String } == ["Budi", "Citra", "Eko", "Dewi"])
        #expect(json[0]["poin_belum_terhitung"] as? Double == 25)
        #expect(json[0]["penyebab"] as? String == "performance: BKN 0, ipasn 25: SKP 2024 Baik not in SIASN yet")
    }

    @Test func xlsxIsLaidOutForPrintAndReadBackByOpenpyxl() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        let path = cli.path("rekonsiliasi.xlsx")
        let out = try cli.ok(["reconcile", ReconcileFixture.path("bkn-2024.xlsx"), "--year", "2024", "--format", "xlsx", "--out", path])
        #expect(out.stdout == "ditulis: \(path)\n")
        let book = try Workbook.read(path)
        #expect(book.sheets.map(\.title) == ["Per Unit", "Per Pegawai", "Tidak Cocok"])
        let units = book.sheets[0]
        #expect(units.text(1, 0) == "Rekonsiliasi IP ASN dengan BKN per Unit Kerja — Pemerintah Kota")
        #expect(units.text(2, 0) == "Tahun pengukuran 2024; urut poin yang belum terhitung di BKN")
        #expect(units.rows[3].compactMap { $0 as? String } == [
            "#", "Kode", "Unit kerja", "Pegawai", "Berbeda", "Rata-rata BKN", "Rata-rata ipasn", "Poin belum terhitung", "Kenaikan rata-rata",
        ])
        #expect(units.text(5, 1) == "ROOT" && units.number(5, 7) == 27.5 && units.number(5, 8) == 27.5)
        #expect(units.text(6, 1) == "SUB" && units.number(6, 5) == 32.5 && units.number(6, 6) == 31.5 && units.number(6, 7) == 25)
        #expect(units.formats[4][7] == "#,##0.00")
        let employees = book.sheets[1]
        #expect(employees.firstColumn == ["198609262015051001", "199001012019032002", "197512312000121001"])
        // BKN 15, 0, 30, 5, 50 then ipasn 20, 22.5, 30, 5, 77.5, then the points and the causes.
        #expect((3...12).map { employees.number(5, $0) } == [15, 0, 30, 5, 50, 20, 22.5, 30, 5, 77.5])
        #expect(employees.number(5, 13) == 27.5)
        #expect(employees.text(6, 14) == "kinerja: BKN 0, ipasn 25: SKP 2024 Baik belum ada di SIASN")
        let apart = book.sheets[2]
        #expect(apart.firstColumn == ["199912312020121001", "198807152014022003"])
        for sheet in book.sheets {
            #expect(sheet.orientation == "landscape" && sheet.paperSize == 9 && sheet.printTitleRows == "$1:$4")
            #expect(sheet.freezePanes == "A5" && sheet.fitWidth == 1)
        }
    }

    @Test func aBadFileIsRefusedWithItsLinesAndNothingCompared() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        let bad = try cli.run(["reconcile", ReconcileFixture.path("bkn-2024-nip-number.xlsx"), "--year", "2024"])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("kesalahan: 1 baris hasil BKN tidak dapat dibaca; tidak ada yang dibandingkan:"))
        #expect(bad.stderr.contains("baris 10, NIP: NIP \"1.97512E+17\" telah diubah Excel menjadi angka"))
        let none = try cli.run(["reconcile", try cli.write("x.csv", "nip,nama\n1,2\n"), "--year", "2024", "--lang", "en"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("the header of BKN's IP ASN result was not found in the first 30 rows"))
        let usage = try cli.run(["reconcile", ReconcileFixture.path("bkn-2024.xlsx"), "--year", "2024", "--format", "xlsx"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--format xlsx perlu --out BERKAS.xlsx."))
    }
}
