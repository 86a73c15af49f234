import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn report interventions` by default counts each employee's gain in one row only: each
/// unit stands for its own employees (user test 5: the root and the big parents always topped
/// the list). ``RankingProvince``, worked by hand in `InterventionOwnOrderTests`: PROV has no
/// employees of its own and PROV.B's Citra gains nothing, so the rows are PROV.A's and
/// PROV.B.1's, and no PROV row repeats their gains.
@Suite struct UXFixCLITests {
    @Test func theDefaultRanksEachUnitByItsOwnEmployees() throws {
        let cli = try InterventionRankingCLITests.loaded()
        defer { cli.cleanUp() }
        let lines = try cli.ok(["report", "interventions", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines[1] == "PROV.A Dinas Pendi… Diklat teknis          2    6   +5,63  +7,50  74,17 Sedang", "\(lines[1])")
        #expect(lines[2].hasPrefix("PROV.A Dinas Pendi… Seminar"), "\(lines[2])")
        #expect(lines[3] == "PROV.B.1 Seksi Kol… Diklat teknis          1    1   +2,81 +22,50  42,50", "\(lines[3])")
        #expect(!lines.contains { $0.hasPrefix("PROV ") || $0.hasPrefix("PROV.B ") })
        #expect(lines.last?.hasPrefix("4 dari 4 baris, tahun 2024, pegawai unit sendiri, urut kenaikan indeks; indeks 63,75") == true)
        #expect(lines.last?.contains("dari = pegawai di unit (sendiri, tanpa sub-unit)") == true)
        let json = try CLI.jsonArray(try cli.ok(["report", "interventions", "--year", "2024", "--format", "json"]).stdout)
        #expect(json.map { $0["kode"] as? String } == ["PROV.A", "PROV.A", "PROV.B.1", "PROV.B.1"])
        #expect(json.allSatisfy { $0["without_subunits"] as? Bool == false })
    }
}
