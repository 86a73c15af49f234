import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn report pending` lists the SKP sent to SIASN and then moved before 2022 in every
/// format (``PendingHeldScenario``: Budi's SKP 2023, sent in batch #1, now 2020; Andi's S-1
/// not yet sent). The batch is the real `export siasn-skp --pending`.
@Suite struct PendingHeldCLITests {
    static let environment = ["IPASN_NOW": "2025-01-10T02:00:00Z", "TZ": "Asia/Jakarta"]
    static let budi = SmallProvince.nipB

    static func loaded() throws -> CLI {
        let cli = try CLI()
        let store = try SQLiteStore(
            path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser(), now: { TestClock.now }))
        try PendingHeldScenario.seedRecords(store)
        let export = try cli.run(["export", "siasn-skp", "--pending", "--out", cli.path("skp.csv")], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("batch ekspor #1: 3 data ditandai terkirim ke SIASN"), "\(export.stderr)")
        try PendingHeldScenario.moveAndAdd(store)
        return cli
    }

    @Test func jsonCountsThemPerUnitListsTheirUnitsAndListsThemWithTheFlag() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let rows = try CLI.jsonArray(try cli.run(["report", "pending", "--format", "json"], environment: Self.environment).stdout)
        // SUB has nothing to send, only Budi's SKP: listed all the same (jumlah 0).
        #expect(rows.map { $0["kode_unit"] as? String } == ["ROOT", "SUB"])
        #expect(rows.map { $0["tingkat"] as? Int } == [0, 1])
        #expect(rows.map { $0["pendidikan"] as? Int } == [1, 0])
        #expect(rows.map { $0["jumlah"] as? Int } == [1, 0])
        #expect(rows.map { $0["skp_di_siasn"] as? Int } == [1, 1])
        #expect(rows.first?["tertua_diinput"] as? String == "2025-01-10")
        #expect(rows.last?["tertua_diinput"] is NSNull)
        let held = try CLI.jsonArray(
            try cli.run(["report", "pending", "--skp-di-siasn", "--format", "json"], environment: Self.environment).stdout)
        #expect(held.count == 1)
        #expect(held.first?["nip"] as? String == Self.budi)
        #expect(held.first?["kode_unit"] as? String == "SUB")
        #expect(held.first?["tahun"] as? Int == 2020)
        #expect(held.first?["predikat"] as? String == "Baik")
        #expect(held.first?["nilai"] is NSNull)
        #expect(held.first?["batch"] as? Int == 1)
        #expect(held.first?["saran"] as? String == "perbaiki di SIASN: masih versi batch #1")
        // Another unit's: none.
        let store = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser()))
        try store.saveUnit(OrgUnit(kode: "LAIN", nama: "Dinas Lain", induk: "ROOT"))
        #expect(
            try CLI.jsonArray(try cli.ok(["report", "pending", "--skp-di-siasn", "--unit", "LAIN", "--format", "json"]).stdout).isEmpty)
    }

    @Test func csvInBothStylesAndTheFlagsExcludeEachOther() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let units = try cli.run(["report", "pending", "--format", "csv"], environment: Self.environment).stdout
        #expect(
            units == """
                kode_unit,nama_unit,tingkat,pendidikan,diklat,skp,disiplin,jumlah,dihapus,tertua_diinput,skp_perlu_predikat,skp_di_siasn,ditolak_siasn
                ROOT,Pemerintah Kota,0,1,0,0,0,1,0,2025-01-10,0,1,0
                SUB,Bidang,1,0,0,0,0,0,0,,0,1,0

                """, "\(units)")
        let held = try cli.run(["report", "pending", "--skp-di-siasn", "--format", "csv"], environment: Self.environment).stdout
        #expect(held == "nip,kode_unit,tahun,predikat,nilai,batch,saran\n\(Self.budi),SUB,2020,Baik,,1,perbaiki di SIASN: masih versi batch #1\n")
        let english = try cli.run(
            ["report", "pending", "--skp-di-siasn", "--format", "csv-id"], environment: Self.environment.merging(["IPASN_LANG": "en"]) { $1 })
        #expect(english.stdout.hasSuffix("\(Self.budi);SUB;2020;Baik;;1;correct in SIASN: it still has the version of batch #1\r\n"), "\(english.stdout)")
        let both = try cli.run(["report", "pending", "--skp-di-siasn", "--skp-predikat", "--format", "csv"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--skp-predikat dan --skp-di-siasn tidak bisa bersamaan."), "\(both.stderr)")
    }

    @Test func theTableListsThemAfterTheUnitsAndTheWorkbookHasASheet() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let lines = try cli.run(["report", "pending"], environment: Self.environment).stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "Unit kerja                       Pend   Dikl    SKP   Disp     Jml  Hapus Tertua",
                "Pemerintah Kota                     1      0      0      0       1      0 10-01-2025",
                "1 data belum dikirim ke SIASN; 0 data terkirim lalu dihapus.",
                "1 data SKP sudah dikirim ke SIASN lalu diubah ke tahun sebelum 2022: SIASN tetap menyimpan versi yang dikirim "
                    + "dan ipasn tidak mengirim perubahannya (SKP sebelum 2022 tidak dikirim); perbaiki di SIASN:",
                "  19900101 201903 2 002  SKP 2020  di SIASN: versi batch #1",
            ], "\(lines)")
        let path = cli.path("pending.xlsx")
        let written = try cli.run(["report", "pending", "--format", "xlsx", "--out", path], environment: Self.environment)
        #expect(written.status == 0, "\(written.stderr)")
        let book = try Workbook.read(path)
        #expect(book.sheets.map(\.title) == ["Belum Dikirim", "SKP di SIASN"])
        let units = try #require(book.sheets.first)
        #expect(units.text(4, 10) == "SKP di SIASN versi lama")
        #expect(units.firstColumn == ["Pemerintah Kota", "Bidang"])
        #expect((5...6).map { units.number($0, 10) } == [1, 1])
        let sheet = try #require(book.sheets.last)
        #expect(sheet.text(5, 0) == Self.budi)
        #expect(sheet.text(5, 1) == "SUB")
        #expect(sheet.number(5, 2) == 2020)
        #expect(sheet.text(5, 3) == "Baik")
        #expect(sheet.number(5, 4) == 1)
    }
}
