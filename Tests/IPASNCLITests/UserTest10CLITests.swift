import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// Findings of the tenth user test (a city's team on one SQLite file) at the command line.
@Suite struct UserTest10CLITests {
    /// Rounds 9 and 10: an employee workbook whose units file was refused listed one line per
    /// employee of a missing unit (141 lines for one unit). The lines refused for one unknown
    /// unit are now one entry, where the first was, with their count and line numbers as runs;
    /// a unit missing on one line only keeps its own line, and other problems stay as they were.
    @Test func anEmployeeFileListsEachMissingUnitOnceWithItsLines() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        let pegawai = try cli.write(
            "pegawai.csv",
            """
            nip,nama,kode_unit,jenis_jabatan,jenjang,status
            198001012005011001,Satu,SETDA-PROV,pelaksana,,pns
            198001012005011002,Dua,SETDA-PROV,pelaksana,,pns
            198001012005011003,Tiga,SETDA-PROV,pelaksana,,pns
            198001012005011004,Empat,BKD-PROV,pelaksana,,pns
            198001012005011005,Lima,SETDA-PROV,pelaksana,,pns
            198001012005011006,Enam,DINAS,staf,,pns
            198001012005011007,Tujuh,SETDA-PROV,pelaksana,,pns

            """)
        let result = try cli.run(["import", "pegawai", pegawai])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.filter { $0.hasPrefix("baris") } == [
                "baris 2-4, 6, 8 (5 baris), kolom kode_unit: Kode unit \"SETDA-PROV\" bukan unit yang terdaftar. Impor atau tambahkan unitnya dulu.",
                "baris 5, kolom kode_unit: Kode unit \"BKD-PROV\" bukan unit yang terdaftar. Impor atau tambahkan unitnya dulu.",
                "baris 7, kolom jenis_jabatan: Jenis jabatan \"staf\" tidak dikenal. Isi struktural, fungsional atau pelaksana.",
            ], "\(result.stderr)")
        #expect(result.stderr.contains("7 masalah ditemukan; tidak ada yang diimpor."), "\(result.stderr)")

        let english = try cli.run(["import", "pegawai", pegawai, "--lang", "en"])
        #expect(
            english.stderr.contains(
                "lines 2-4, 6, 8 (5 lines), column kode_unit: Unit code \"SETDA-PROV\" is not a known unit. Import or add the unit first."),
            "\(english.stderr)")
    }
}
