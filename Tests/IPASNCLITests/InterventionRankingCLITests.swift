import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn report interventions` on ``RankingProvince`` (the figures worked by hand there):
/// ranked by the rise of the whole index by default, by the unit mean with `--by unit-mean`,
/// both rises and both categories in every format.
@Suite struct InterventionRankingCLITests {
    static func loaded() throws -> CLI {
        let cli = try CLI()
        let store = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser()))
        try RankingProvince.seed(store)
        return cli
    }

    @Test func jsonRanksByTheIndexAndCarriesBothRises() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let rows = try CLI.jsonArray(try cli.ok(["report", "interventions", "--year", "2024", "--by", "index", "--format", "json"]).stdout)
        #expect(
            rows.map { "\($0["kode"]!) \($0["intervention"]!) +\($0["index_gain"]!) +\($0["mean_gain"]!)" } == [
                "PROV teknis +8.44 +8.44", "PROV seminar +6.56 +6.56", "PROV.A teknis +5.63 +7.5", "PROV.A seminar +4.38 +5.83",
                "PROV.B.1 teknis +2.81 +22.5", "PROV.B teknis +2.81 +11.25", "PROV.B.1 seminar +2.19 +17.5", "PROV.B seminar +2.19 +8.75",
            ])
        let a = rows[2]
        #expect(a["beneficiaries"] as? Int == 2 && a["pegawai"] as? Int == 6)
        #expect(a["index_pegawai"] as? Int == 8)
        #expect(a["index_before"] as? Double == 63.75)
        #expect(a["index_after"] as? Double == 69.38)
        #expect(a["mean_before"] as? Double == 66.67 && a["mean_after"] as? Double == 74.17)
        #expect(a["category_before"] as? String == "Rendah" && a["category_after"] as? String == "Sedang")
        #expect(a["index_category_before"] as? String == "Rendah" && a["index_category_after"] as? String == "Rendah")
        #expect(rows[0]["index_category_after"] as? String == "Sedang", "63.75 + 8.4375 = 72.19")

        let unitMean = try CLI.jsonArray(
            try cli.ok(["report", "interventions", "--year", "2024", "--by", "unit-mean", "--format", "json"]).stdout)
        #expect(
            unitMean.map { "\($0["kode"]!) \($0["intervention"]!)" } == [
                "PROV.B.1 teknis", "PROV.B.1 seminar", "PROV.B teknis", "PROV.B seminar", "PROV teknis", "PROV.A teknis",
                "PROV seminar", "PROV.A seminar",
            ])
        #expect(try cli.run(["report", "interventions", "--by", "biggest"]).status == 2)
    }

    @Test func csvOfAUnitScopeUsesThatUnitsIndex() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        // PROV.B: 2 employees, index 55; Dodi's teknis course raises it 22.5 / 2 = 11.25 (Sangat Rendah -> Rendah).
        let csv = try cli.ok(["report", "interventions", "--year", "2024", "--by", "index", "--unit", "PROV.B", "--format", "csv"]).stdout
        let lines = csv.split(separator: "\n").dropFirst()
        #expect(
            Array(lines) == [
                "PROV.B.1,Seksi Koleksi,teknis,1,1,22.5,20.00,22.50,42.50,2,55.00,11.25,66.25,Sangat Rendah,Sangat Rendah,Sangat Rendah,Rendah,false",
                "PROV.B,UPT Museum,teknis,2,1,22.5,55.00,11.25,66.25,2,55.00,11.25,66.25,Sangat Rendah,Rendah,Sangat Rendah,Rendah,false",
                "PROV.B.1,Seksi Koleksi,seminar,1,1,17.5,20.00,17.50,37.50,2,55.00,8.75,63.75,Sangat Rendah,Sangat Rendah,Sangat Rendah,Rendah,false",
                "PROV.B,UPT Museum,seminar,2,1,17.5,55.00,8.75,63.75,2,55.00,8.75,63.75,Sangat Rendah,Rendah,Sangat Rendah,Rendah,false",
            ])
    }

    @Test func theTableShowsBothRisesInEightyColumns() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let lines = try cli.ok(["report", "interventions", "--year", "2024", "--by", "index"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Unit                Intervensi          Naik dari Indeks+  Unit+   Jadi Kat.baru", "\(lines[0])")
        #expect(lines[1] == "PROV Pemerintah Pr… Diklat teknis          3    8  +8,44*  +8,44  72,19 Sedang", "\(lines[1])")
        #expect(lines[3] == "PROV.A Dinas Pendi… Diklat teknis          2    6   +5,63  +7,50  74,17 Sedang", "\(lines[3])")
        #expect(lines[5] == "PROV.B.1 Seksi Kol… Diklat teknis          1    1   +2,81 +22,50  42,50", "\(lines[5])")
        for line in lines.dropLast() { #expect(line.count <= 80, "\(line)") }
        #expect(lines.last?.hasPrefix("8 dari 8 baris, tahun 2024, unit dengan sub-unit, urut kenaikan indeks; indeks 63,75 (8 pegawai, Rendah);") == true)
        let unitMean = try cli.ok(["--lang", "en", "report", "interventions", "--year", "2024", "--by", "unit-mean"]).stdout
            .split(separator: "\n").map(String.init)
        #expect(unitMean[1].hasPrefix("PROV.B.1 Seksi Kol… Technical course"), "\(unitMean[1])")
        #expect(unitMean.last?.hasPrefix("8 of 8 rows, year 2024, ranked by the rise of the unit mean; index 63.75 (8 employees, Low);") == true)
    }

    @Test func theWorkbookHasTheIndexRiseAndBothCategories() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let path = cli.path("rencana.xlsx")
        try cli.ok(["report", "interventions", "--year", "2024", "--by", "index", "--format", "xlsx", "--out", path])
        let sheet = try #require(try Workbook.read(path).sheets.first)
        #expect(sheet.text(2, 0)?.contains("tiap unit dengan sub-unitnya, diurutkan menurut kenaikan indeks; indeks kini 63,75 (8 pegawai)") == true, "\(sheet.text(2, 0) ?? "")")
        #expect(sheet.text(4, 6) == "Kenaikan indeks")
        #expect(sheet.text(4, 11) == "Kategori indeks sesudah")
        #expect(sheet.text(5, 1) == "PROV")
        #expect(sheet.number(5, 6) == 8.44)
        #expect(sheet.text(5, 10) == "Sedang")
        #expect(sheet.text(5, 11) == "Sedang")
        #expect(sheet.text(7, 1) == "PROV.A")
        #expect(sheet.number(7, 6) == 5.63)
        #expect(sheet.number(7, 8) == 7.5)
        #expect(sheet.text(7, 10) == "Sedang")
        #expect(sheet.text(7, 11) == "Rendah")
    }
}
