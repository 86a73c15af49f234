import Foundation
import IPASNTestSupport
import Testing

/// `report pending` names the SKP that wait for a PermenPANRB 6/2022 predikat in every format
/// (the fixture: Citra, DINAS, SKP 2024 Cukup; Ayu's SKP 2020 is not pending at all).
@Suite struct PendingPredikatCLITests {
    @Test func jsonCountsThemPerUnitAndListsThemWithTheFlag() throws {
        let cli = try SkpSiasnCLITests.loaded()
        defer { cli.cleanUp() }
        let rows = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(rows.map { $0["kode_unit"] as? String } == ["PEMDA", "DINAS", "DINAS.01"])
        #expect(rows.map { $0["skp_perlu_predikat"] as? Int } == [1, 1, 0])
        let list = try CLI.jsonArray(try cli.ok(["report", "pending", "--skp-predikat", "--format", "json"]).stdout)
        #expect(list.count == 1)
        #expect(list.first?["nip"] as? String == Fixture.nipC)
        #expect(list.first?["kode_unit"] as? String == "DINAS")
        #expect(list.first?["tahun"] as? Int == 2024)
        #expect(list.first?["predikat"] as? String == "Cukup")
        #expect(list.first?["nilai"] is NSNull)
        #expect(list.first?["ubah_ke"] as? String == "Butuh Perbaikan")
        #expect(list.first?["saran"] as? String == "ubah ke Butuh Perbaikan")
        // A unit without any: an empty list.
        #expect(try CLI.jsonArray(try cli.ok(["report", "pending", "--skp-predikat", "--unit", "DINAS.01", "--format", "json"]).stdout).isEmpty)
    }

    @Test func csvListsThemInBothStyles() throws {
        let cli = try SkpSiasnCLITests.loaded()
        defer { cli.cleanUp() }
        let csv = try cli.ok(["report", "pending", "--skp-predikat", "--format", "csv"]).stdout
        #expect(csv == "nip,kode_unit,tahun,predikat,nilai,ubah_ke,saran\n\(Fixture.nipC),DINAS,2024,Cukup,,Butuh Perbaikan,ubah ke Butuh Perbaikan\n")
        let english = try cli.run(
            ["report", "pending", "--skp-predikat", "--format", "csv-id"],
            environment: ExportTrackingCLITests.now.merging(["IPASN_LANG": "en"]) { $1 })
        #expect(english.stdout.hasSuffix("\(Fixture.nipC);DINAS;2024;Cukup;;Butuh Perbaikan;change to Butuh Perbaikan\r\n"), "\(english.stdout)")
    }

    @Test func theWorkbookHasASheetOfThem() throws {
        let cli = try SkpSiasnCLITests.loaded()
        defer { cli.cleanUp() }
        let path = cli.path("pending.xlsx")
        try cli.ok(["report", "pending", "--format", "xlsx", "--out", path])
        let book = try Workbook.read(path)
        #expect(book.sheets.map(\.title) == ["Belum Dikirim", "SKP Perlu Predikat"])
        let units = try #require(book.sheets.first)
        #expect(units.text(4, 9) == "SKP perlu predikat")
        #expect((5...7).map { units.number($0, 9) } == [1, 1, 0])
        let sheet = try #require(book.sheets.last)
        #expect(sheet.text(1, 0) == "SKP 2022 ke atas yang belum bisa dikirim — Pemerintah Kabupaten Contoh")
        #expect(sheet.rows[3].compactMap { $0 as? String } == ["NIP", "Unit", "Tahun", "Predikat tersimpan", "Ubah ke"])
        #expect(sheet.text(5, 0) == Fixture.nipC)
        #expect(sheet.text(5, 1) == "DINAS")
        #expect(sheet.number(5, 2) == 2024)
        #expect(sheet.text(5, 3) == "Cukup")
        #expect(sheet.text(5, 4) == "Butuh Perbaikan")
    }
}
