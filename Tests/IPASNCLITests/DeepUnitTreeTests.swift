import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// A database that already holds a 20,000-level unit chain (written before the import refused
/// trees deeper than 32 levels): every report, the check, export and the workstation work on
/// it without recursion (this crashed with a stack overflow from about 16,000 levels).
@Suite struct DeepUnitTreeTests {
    static let sqlite3 = ["/usr/bin/sqlite3", "/bin/sqlite3", "/usr/local/bin/sqlite3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: sqlite3 != nil, "needs the sqlite3 shell (make test installs it)"))
    func everyFrontEndWorksOnATwentyThousandLevelTree() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", "kode,nama,induk\nPEMDA,Pemerintah Kabupaten,\n")])
        let chain = """
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000)
            INSERT INTO units(kode, nama, induk)
            SELECT printf('U%05d', i), 'Seksi ' || i, CASE WHEN i = 1 THEN 'PEMDA' ELSE printf('U%05d', i - 1) END FROM c;
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.sqlite3!)
        process.arguments = [cli.database.path, chain]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        try cli.ok([
            "import", "pegawai",
            try cli.write("pegawai.csv", "nip,nama,kode_unit,jenis_jabatan,jenjang,status\n\(Fixture.nipB),Budi,U20000,pelaksana,,pns\n"),
        ])

        let units = try cli.ok(["report", "units", "--year", "2024", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(units.count == 1 + 20_001)
        #expect(units[1].hasPrefix("PEMDA,Pemerintah Kabupaten,,1,"), "the root folds in the employee 20,000 levels down")
        #expect(units.last?.hasPrefix("U20000,Seksi 20000,U19999,1,") == true)
        let interventions = try CLI.jsonArray(try cli.ok(["report", "interventions", "--year", "2024", "--by", "index", "--format", "json"]).stdout)
        #expect(interventions.count == 2 * 20_001, "teknis and seminar for the one pelaksana, in every unit above him")
        #expect(try cli.ok(["report", "progress", "--year", "2024", "--format", "csv"]).stdout.split(separator: "\n").count == 1 + 20_001)
        #expect(try cli.ok(["report", "missing", "--unit", "U10000", "--year", "2024", "--format", "csv"]).stdout.contains("U20000"))
        #expect(try cli.ok(["export", "pegawai"]).stdout.contains(Fixture.nipB))
        let check = try cli.run(["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("The unit tree is 20001 levels deep (down to unit U20000); at most 32 are allowed."), "\(check.stderr)")

        // The workstation: the unit list (its last unit) and the dashboard. (The intervention
        // view's rows are the plan the CLI printed above.)
        let context = StoreContext(actor: "viewer", now: { Date(timeIntervalSince1970: 1_732_968_000) })
        let store = try SQLiteStore(path: cli.database.path, context: context)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.enqueue(.end)
        screen.enqueue(.function(5))
        let station = try Workstation(store: store, screen: screen, language: .en, context: context)
        try station.run()
        #expect(screen.frames.contains { $0.text.contains("Seksi 20000") })
        let dashboard = try #require(station.app.top as? DashboardView)
        #expect(dashboard.figures.count == 20_001)
        #expect(screen.lastFrame?.text.contains("20001 units, 20001 still entering data. Entered today 0, this week 0.") == true)
    }
}
