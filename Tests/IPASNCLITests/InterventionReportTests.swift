import Foundation
import Testing

@Suite struct InterventionReportTests {
    /// The worked examples (2024): Ayu has every kompetensi row already; Budi lacks a seminar
    /// (+17.5); Citra, an administrator, lacks the PIM III course (+15).
    @Test func ranksUnitsByTheRiseOfTheirMean() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let rows = try CLI.jsonArray(try cli.ok(["report", "interventions", "--year", "2024", "--by", "index", "--format", "json"]).stdout)
        let summary = rows.map { "\($0["kode"]!) \($0["intervention"]!) \($0["beneficiaries"]!)/\($0["pegawai"]!) +\($0["mean_gain"]!)" }
        #expect(
            summary == [
                "DINAS.01 seminar 1/2 +8.75",
                "DINAS seminar 1/3 +5.83",
                "PEMDA seminar 1/3 +5.83",
                "DINAS kepemimpinan 1/3 +5",
                "PEMDA kepemimpinan 1/3 +5",
            ])
        let first = try #require(rows.first)
        #expect(first["mean_before"] as? Double == 72.75)
        #expect(first["mean_after"] as? Double == 81.5)
        #expect(first["total_gain"] as? Double == 17.5)
    }

    @Test func unitOptionListsOnlyThatSubtree() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let csv = try cli.ok(["report", "interventions", "--year", "2024", "--by", "index", "--unit", "DINAS.01", "--format", "csv"]).stdout
        let lines = csv.split(separator: "\n")
        let header =
            "kode,nama,intervention,pegawai,beneficiaries,total_gain,mean_before,mean_gain,mean_after,"
            + "index_pegawai,index_before,index_gain,index_after,category_before,category_after,index_category_before,index_category_after,without_subunits"
        #expect(lines.first.map(String.init) == header)
        // Limited to DINAS.01 (2 employees): its mean is the index, Budi's seminar raises both 17.5 / 2.
        #expect(lines.dropFirst() == ["DINAS.01,Bidang Contoh,seminar,2,1,17.5,72.75,8.75,81.50,2,72.75,8.75,81.50,Sedang,Tinggi,Sedang,Tinggi,false"])
        let unknown = try cli.run(["report", "interventions", "--unit", "NOPE"])
        #expect(unknown.status == 1)
    }
}
