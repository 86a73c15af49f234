import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// `R` on the unit list and the dashboard: BKN's file path, the units ranked by the points BKN
/// does not count, a unit's employees with every difference and its cause, `x` for the xlsx.
@Suite struct ReconcileViewTests {
    private func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(context: testContext)
        try ReconcileFixture.seed(store)
        return store
    }

    @Test func fromTheUnitListToTheUnitsTheirEmployeesAndTheWorkbook() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-rekon")
        defer { dir.remove() }
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.reconcile, in: .units)
        screen.checkpoint { path in
            #expect(path.frame.line(0).contains("Rekonsiliasi dengan Nilai BKN"))
            #expect(path.shows("Berkas hasil IP ASN dari BKN (unduhan PIP ASN, .xlsx atau .csv):"))
            #expect(path.shows("Dibandingkan dengan nilai ipasn tahun 2024 (tahun pengukuran)."))
        }
        screen.enqueue(text: dir.path("tidak-ada.xlsx"))
        screen.enqueue(.enter)
        screen.checkpoint { missing in
            #expect(missing.shows("Berkas tidak ada:"))
        }
        for _ in 0..<dir.path("tidak-ada.xlsx").count { screen.enqueue(.backspace) }
        screen.enqueue(text: ReconcileFixture.path("bkn-2024.xlsx"))
        screen.enqueue(.enter)
        screen.checkpoint { units in
            #expect(units.frame.line(0).contains("Rekonsiliasi dengan Nilai BKN — bkn-2024.xlsx"))
            #expect(units.frame.line(0).contains("Tahun 2024"))
            #expect(units.shows("3 pegawai dibandingkan, 3 berbeda; 52,5 poin belum terhitung di BKN"))
            #expect(units.frame.line(3) == "  1 Pemerintah Kota                 1     1    50,00      77,50     27,5  27,50")
            #expect(units.frame.line(4) == "  2 Bidang                          2     2    32,50      31,50       25  12,50")
            #expect(units.shows("Di berkas BKN, tidak dikenal ipasn (1)"))
            #expect(units.shows("Pegawai aktif ipasn yang tidak ada di berkas BKN (1)"))
            #expect(units.selection?.contains("Pemerintah Kota") == true)
            for line in units.frame.lines() { #expect(DisplayWidth.width(of: line) <= 80) }
        }
        screen.press(.moveDown, in: .reconcile)
        screen.press(.open, in: .reconcile)
        screen.checkpoint { bidang in
            #expect(bidang.frame.line(0).contains("Rekonsiliasi dengan Nilai BKN — Bidang"))
            #expect(bidang.frame.line(2) == " 19900101 201903 2 002  Budi  BKN 20, ipasn 45, 25 poin belum terhitung")
            #expect(bidang.frame.line(3) == "   - kinerja: BKN 0, ipasn 25: SKP 2024 Baik belum ada di SIASN")
            #expect(bidang.frame.line(4) == " 19751231 200012 1 001  Citra  BKN 45, ipasn 18")
            #expect(bidang.shows("   - disiplin: BKN 5, ipasn 3: hukuman disiplin ringan 2024 ada di ipasn, tidak"))
            #expect(bidang.selectedRows.count == 2 && bidang.selection?.contains("Budi") == true)
        }
        screen.press(.moveDown, in: .reconcile)
        screen.checkpoint { citra in
            #expect(citra.selectedRows.count == 5 && citra.selection?.contains("Citra") == true)
        }
        screen.press(.open, in: .reconcile)
        screen.checkpoint { page in
            #expect(page.frame.line(0).contains("Citra"))
        }
        screen.press(.back, in: .employee)
        screen.press(.back, in: .reconcile)
        screen.press(.exportReport, in: .reconcile)
        screen.checkpoint { written in
            #expect(written.shows("Laporan disimpan:"))
            #expect(written.shows("/rekonsiliasi-bkn-ipasn-202"))  // the path wraps
        }
        let station = try Workstation(store: try store(), screen: screen, language: .id, context: testContext)
        station.app.reportFolder = dir.url.path
        try station.run()
        screen.expectEveryCheckpointReached()
        let data = try #require(FileManager.default.contents(atPath: dir.path("rekonsiliasi-bkn-ipasn-2024.xlsx")))
        #expect(Array(data.prefix(2)) == [0x50, 0x4B])
    }

    @Test func fromTheDashboardABadFileShowsItsLinesInEnglish() throws {
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.dashboard, in: .units)
        screen.press(.reconcile, in: .dashboard)
        screen.enqueue(text: ReconcileFixture.path("bkn-2024-nip-number.xlsx"))
        screen.enqueue(.enter)
        screen.checkpoint { refused in
            #expect(refused.frame.line(0).contains("Reconciliation with BKN's figures"))
            #expect(refused.shows("1 rows of BKN's result cannot be read; nothing was compared:"))
            #expect(refused.shows("line 10, NIP: NIP \"1.97512E+17\" was turned into a number by Excel"))
        }
        let station = try Workstation(store: try store(), screen: screen, language: .en, context: testContext)
        try station.run()
        screen.expectEveryCheckpointReached()
    }

    @Test func aFileForAnotherYearIsWarnedAboutOnTheUnitsScreen() throws {
        let store = try store()
        try store.setMeasurementYear(2025)  // the fixture's file says "Periode Pengukuran: 2024"
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.reconcile, in: .units)
        screen.enqueue(text: ReconcileFixture.path("bkn-2024.xlsx"))
        screen.enqueue(.enter)
        screen.checkpoint { units in
            #expect(units.frame.line(0).contains("Tahun 2025"))
            #expect(units.shows("Berkas BKN ini untuk tahun 2024, tetapi dibandingkan dengan nilai ipasn tahun"), "\(units)")
            #expect(units.shows("2025: selisihnya tidak berarti. Pakai hasil BKN tahun 2025"))
            #expect(units.shows("ipasn config year 2024"))
            for line in units.frame.lines() { #expect(DisplayWidth.width(of: line) <= 80) }
        }
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        try station.run()
        screen.expectEveryCheckpointReached()
    }

    @Test func theRightYearHasNoWarning() throws {
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.reconcile, in: .units)
        screen.enqueue(text: ReconcileFixture.path("bkn-2024.xlsx"))
        screen.enqueue(.enter)
        screen.checkpoint { units in
            #expect(units.shows("3 pegawai dibandingkan"))
            #expect(!units.shows("Berkas BKN ini untuk tahun"))
        }
        let station = try Workstation(store: try store(), screen: screen, language: .id, context: testContext)
        try station.run()
        screen.expectEveryCheckpointReached()
    }
}
