import Foundation
import Testing
import IPASNStore

/// `--unit` on report units and progress, `--since` on report activity.
@Suite struct ReportScopeTests {
    private static let imported = ["IPASN_NOW": "2024-11-30T12:00:00Z", "TZ": "UTC"]

    /// The worked examples imported on Saturday 30 November 2024 (14 records: 10 in DINAS.01).
    private func load(_ cli: CLI) throws {
        for (kind, text) in [
            ("units", Fixture.units), ("pegawai", Fixture.pegawai), ("pendidikan", Fixture.pendidikan),
            ("diklat", Fixture.diklat), ("skp", Fixture.skp), ("disiplin", Fixture.disiplin),
        ] {
            let result = try cli.run(["import", kind, try cli.write("\(kind).csv", text)], environment: Self.imported)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test func unitReportsTakeAUnitWithItsSubUnits() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try load(cli)
        let units = try CLI.jsonArray(try cli.ok(["report", "units", "--year", "2024", "--unit", "DINAS", "--format", "json"]).stdout)
        #expect(units.map { $0["kode"] as? String } == ["DINAS", "DINAS.01"])
        let progress = try CLI.jsonArray(
            try cli.ok(["report", "progress", "--year", "2024", "--unit", "DINAS.01", "--format", "json"]).stdout)
        #expect(progress.map { $0["kode"] as? String } == ["DINAS.01"])
        #expect(progress.first?["total"] as? Double == 72.75)
        #expect(try cli.run(["report", "units", "--unit", "NOPE", "--lang", "en"]).stderr.contains("unknown unit NOPE"))
        #expect(try cli.run(["report", "progress", "--unit", "NOPE"]).status == 1)
    }

    @Test func activitySinceADayCountsWhatWasEnteredSince() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try load(cli)
        // Three weeks later: nothing today or this week, the 14 imported records since 1 November.
        let later = ["IPASN_NOW": "2024-12-20T08:00:00Z", "TZ": "UTC"]
        let rows = try cli.run(["report", "activity", "--since", "01-11-2024", "--format", "json"], environment: later)
        #expect(rows.status == 0, "\(rows.stderr)")
        let list = try CLI.jsonArray(rows.stdout)
        #expect(
            list.map { "\($0["kode"]!) \($0["today"]!)/\($0["week"]!)/\($0["imported"]!)" } == [
                "PEMDA 0/0/14", "DINAS 0/0/14", "DINAS.01 0/0/10",
            ])
        // Since the day after the import: nothing.
        let after = try CLI.jsonArray(
            try cli.run(["report", "activity", "--since", "2024-12-01", "--format", "json"], environment: later).stdout)
        #expect(after.allSatisfy { $0["imported"] as? Int == 0 && $0["entered"] as? Int == 0 })
        // Until the day before the import: nothing either.
        let before = try CLI.jsonArray(
            try cli.run(["report", "activity", "--since", "2024-11-01", "--until", "2024-11-29", "--format", "json"], environment: later).stdout)
        #expect(before.allSatisfy { $0["imported"] as? Int == 0 })
        let actors = try CLI.jsonArray(
            try cli.run(["report", "activity", "--by", "admin", "--since", "2024-11-30", "--format", "json"], environment: Self.imported).stdout)
        #expect(actors.map { "\($0["actor"]!) \($0["imported"]!)" } == ["\(StoreContext.currentUser()) 14"])
        let table = try cli.run(["report", "activity", "--since", "01-11-2024", "--unit", "DINAS.01"], environment: later).stdout
        #expect(table.contains("01-11-2024..20-12-2024: diketik 0, diubah 0, dihapus 0, diimpor 10, demo 0"), "\(table)")
        #expect(table.hasPrefix("Unit      Nama         Hari  Mgg Ketik Ubah Hapus  Impor Verif Tolak Terakhir"), "\(table)")
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 }, "the table fits 80 columns: \(table)")
        let english = try cli.run(["--lang", "en", "report", "activity", "--since", "01-11-2024", "--unit", "DINAS.01"], environment: later).stdout
        #expect(english.contains("01-11-2024..20-12-2024: typed 0, changed 0, deleted 0, imported 10, demo 0"), "\(english)")
        #expect(try cli.run(["report", "activity", "--since", "kemarin"], environment: later).status == 1)
    }
}
