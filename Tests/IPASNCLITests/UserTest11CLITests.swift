import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// The eleventh user test at the command line (branch usertest11): `ipasn report pending`
/// counts SIASN's refusals per unit in every format, not only in the table's list.
@Suite struct UserTest11CLITests {
    @Test func thePendingReportCountsSIASNsRefusalsPerUnitInJsonCsvAndXlsx() throws {
        let cli = try ExportTrackingCLITests.loaded()
        defer { cli.cleanUp() }
        let now = ExportTrackingCLITests.now
        #expect(try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k1.csv")], environment: now).status == 0)
        let lines = try ExportTrackingCLITests.lines(cli, "k1.csv")
        // SIASN refused Budi's archive course (DINAS.01) and Citra's SKP bimtek (DINAS).
        let budi = try #require(lines.firstIndex { $0.contains("Pelatihan Arsip") }) + 1
        let citra = try #require(lines.firstIndex { $0.contains("Bimtek Penyusunan SKP") }) + 1
        let answer = try cli.write(
            "hasil.csv",
            SIASNAnswerCLITests.answered(lines, [budi: ("ditolak", "Jenis diklat tidak sesuai"), citra: ("ditolak", "NIP tidak aktif")]))
        let marked = try cli.run(["import", "siasn-hasil", answer, "--batch", "1"], environment: now)
        #expect(marked.status == 0, "\(marked.stderr)")

        let rows = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(rows.map { $0["kode_unit"] as? String } == ["PEMDA", "DINAS", "DINAS.01"])
        // PEMDA and DINAS fold in their sub-units: both refusals; DINAS.01 Budi's alone.
        #expect(rows.map { $0["ditolak_siasn"] as? Int } == [2, 2, 1])
        let csv = try cli.ok(["report", "pending", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("kode_unit,nama_unit,tingkat,pendidikan,diklat,skp,disiplin,jumlah,dihapus,tertua_diinput,skp_perlu_predikat,skp_di_siasn,ditolak_siasn\n"), "\(csv)")
        #expect(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) } == ["2", "2", "1"])
        let path = cli.path("pending.xlsx")
        try cli.ok(["report", "pending", "--format", "xlsx", "--out", path])
        let sheet = try #require(try Workbook.read(path).sheets.first)
        #expect(sheet.rows[3].compactMap { $0 as? String }.last == "Ditolak SIASN")
        #expect((5...7).map { sheet.number($0, 11) } == [2, 2, 1])
        // Only the DINAS.01 unit: Budi's.
        let unit = try CLI.jsonArray(try cli.ok(["report", "pending", "--unit", "DINAS.01", "--format", "json"]).stdout)
        #expect(unit.map { $0["ditolak_siasn"] as? Int } == [1])
    }
}
