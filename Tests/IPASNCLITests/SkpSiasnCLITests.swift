import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// SKP SIASN does not take, through the real binary (branch skp2022): the export's notice and
/// `report pending`. The fixture's SKP are 2024 (Baik, Sangat Baik, and Citra's Cukup); Ayu
/// gets an SKP 2020 too.
@Suite struct SkpSiasnCLITests {
    static func loaded() throws -> CLI {
        let cli = try ExportTrackingCLITests.loaded()
        let old = "nip,tahun,predikat,nilai\n\(Fixture.nipA),2020,baik,\n"
        let result = try cli.run(["import", "skp", try cli.write("old.csv", old)], environment: ExportTrackingCLITests.now)
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    @Test func theExportSaysWhichSKPStayAndWhichAreNotNeeded() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let now = ExportTrackingCLITests.now
        // Pending: the three 2024 SKP (the 2020 one is not); two go out, Citra's Cukup stays.
        let pending = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(pending.first?["skp"] as? Int == 3)
        let first = try cli.run(["export", "siasn-skp", "--pending", "--out", cli.path("s1.csv")], environment: now)
        #expect(first.status == 0)
        #expect(try ExportTrackingCLITests.lines(cli, "s1.csv").count == 3, "header and two SKP")
        #expect(first.stderr.contains("batch ekspor #1: 2 data ditandai terkirim ke SIASN"))
        #expect(first.stderr.contains("1 data SKP 2022 ke atas belum bisa dikirim dan tetap belum dikirim: predikatnya PP 46/2011"))
        #expect(first.stderr.contains("  19750315 200003 1 003  SKP 2024  Cukup (PP 46/2011): ubah ke Butuh Perbaikan"))
        #expect(!first.stderr.contains("sebelum 2022"), "\(first.stderr)")
        // Again: nothing to send, but it does not claim everything was sent.
        let second = try cli.run(["export", "siasn-skp", "--pending", "--out", cli.path("s2.csv")], environment: now)
        #expect(!second.stderr.contains("semua sudah terkirim"), "\(second.stderr)")
        #expect(second.stderr.contains("1 data SKP 2022 ke atas belum bisa dikirim"))
        let after = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(after.first?["skp"] as? Int == 1)
        // The report's table lists it with the predikat to choose.
        let table = try cli.ok(["report", "pending"]).stdout
        #expect(table.contains("SKP 2024  Cukup (PP 46/2011): ubah ke Butuh Perbaikan"), "\(table)")
        // An export of every SKP meets the 2020 one: not needed in SIASN, said so (in English too).
        let all = try cli.run(["export", "siasn-skp", "--out", cli.path("s3.csv")], environment: now.merging(["IPASN_LANG": "en"]) { $1 })
        #expect(all.stderr.contains("1 SKP record before 2022 left out: SIASN only takes SKP from 2022 on (not needed there)"), "\(all.stderr)")
        #expect(all.stderr.contains("1 SKP record from 2022 on cannot be sent and stays unsent: PP 46/2011 predikat"))
        #expect(all.stderr.contains("Cukup (PP 46/2011): change to Butuh Perbaikan"))
    }
}
