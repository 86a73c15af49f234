import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// `x` on the unit list, the dashboard and the intervention screen writes the report the CLI
/// writes (`--format xlsx`) into a file it names on the message line.
@Suite struct ReportExportTests {
    private func isWorkbook(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.count > 1000 && Array(data.prefix(2)) == [0x50, 0x4B]  // a zip: PK
    }

    @Test func xWritesTheReportOfEachScreenAndNamesTheFile() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-laporan")
        defer { dir.remove() }
        let recap = dir.path("rekap-unit-ipasn-2024.xlsx")
        let screen = VirtualScreen(size: Size(width: 100, height: 24))
        screen.press(.exportReport, in: .units)
        screen.checkpoint { units in
            #expect(units.shows("Laporan disimpan:"))
            #expect(units.shows((recap as NSString).lastPathComponent))
        }
        screen.press(.dashboard, in: .units)
        screen.press(.exportReport, in: .dashboard)
        screen.checkpoint { dashboard in
            // An earlier report is never overwritten.
            #expect(dashboard.shows("Laporan disimpan:"))
            #expect(dashboard.shows("rekap-unit-ipasn-2024-2.xlsx"))
        }
        screen.press(.interventions, in: .dashboard)
        screen.press(.exportReport, in: .interventions)
        screen.checkpoint { plan in
            #expect(plan.shows("Laporan disimpan:"))
            #expect(plan.shows("rencana-intervensi-ipasn-2024.xlsx"))
        }
        let station = try Workstation(store: try makeStore(), screen: screen, language: .id, context: testContext)
        station.app.reportFolder = dir.url.path
        try station.run()
        screen.expectEveryCheckpointReached()
        for name in ["rekap-unit-ipasn-2024.xlsx", "rekap-unit-ipasn-2024-2.xlsx", "rencana-intervensi-ipasn-2024.xlsx"] {
            #expect(isWorkbook(dir.path(name)), "\(name)")
        }
    }

    @Test func anUnwritableFolderFallsBackToIpasnLaporanInHome() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-home")
        defer { dir.remove() }
        let folder = try ReportExport.folder(current: dir.path("no-such-folder"), home: dir.url.path)
        #expect(folder == dir.path("ipasn-laporan"))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try ReportExport.folder(current: dir.url.path, home: "/nowhere") == dir.url.path)
        #expect(ReportExport.freePath(in: folder, base: "a") == dir.path("ipasn-laporan/a.xlsx"))
    }
}
