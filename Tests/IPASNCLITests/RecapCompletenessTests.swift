import Foundation
import IPASNTestSupport
import Testing

/// The unit recap workbook's completeness is the whole percent the screens and `report units`
/// show (rounded down), so the printed recap and the screen never disagree.
@Suite struct RecapCompletenessTests {
    @Test func twoOfThreeCompleteIs66PercentEverywhere() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        // A third employee of DINAS.01 with nothing on record: 2 of 3 complete, 66.67 %.
        let dewi = "nip,nama,kode_unit,jenis_jabatan,jenjang,status\n199505052020122001,Dewi Anggraini,DINAS.01,pelaksana,Pengadministrasi Umum,pns\n"
        try cli.ok(["import", "pegawai", try cli.write("dewi.csv", dewi)])
        let csv = try cli.ok(["report", "units", "--year", "2024", "--unit", "DINAS.01", "--format", "csv"]).stdout
        #expect(csv.contains("DINAS.01,Bidang Contoh,DINAS,3,2,"), "\(csv)")
        let table = try cli.ok(["report", "units", "--year", "2024", "--unit", "DINAS.01"]).stdout
        #expect(table.split(separator: "\n").contains { $0.contains("DINAS.01") && $0.contains("   3   66 ") }, "\(table)")
        let path = cli.path("rekap.xlsx")
        try cli.ok(["report", "units", "--year", "2024", "--format", "xlsx", "--out", path])
        let sheet = try #require(try Workbook.read(path).sheets.first)
        #expect(sheet.text(7, 0) == "DINAS.01")
        #expect(sheet.number(7, 2) == 3)
        #expect(sheet.number(7, 9) == 0.66, "66 %, as the screens show, not 67 %")
        #expect(sheet.formats[4][9] == "0%")
    }
}
