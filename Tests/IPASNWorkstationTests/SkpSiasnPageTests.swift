import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Why an SKP is not sent to SIASN, where the admin looks (branch skp2022): the employee page
/// at 80x24 and the pending screens.
@Suite struct SkpSiasnPageTests {
    /// Ayu (fixture: SKP Baik 2024) with SKP 2021 Baik and 2023 Cukup.
    func store() throws -> SQLiteStore {
        let store = try makeStore()
        try store.add(.skp(SKP(nip: ayuNIP, tahun: 2021, predikat: .baik)))
        try store.add(.skp(SKP(nip: ayuNIP, tahun: 2023, predikat: .cukup)))
        return store
    }

    @Test func theEmployeePageSaysWhyAnSKPIsNotSent() throws {
        try run(try store()) { s in
            s.openAyu()
            s.checkpoint { page in
                #expect(page.line(containing: "2021")?.hasSuffix("x") == true, "\(page)")
                #expect(page.shows("Tidak dikirim ke SIASN: SIASN hanya menerima SKP tahun 2022 ke atas"), "\(page)")
                #expect(page.line(containing: "2023  Cukup")?.hasSuffix("!") == true, "\(page)")
                #expect(page.shows("SIASN tak menerima Cukup (PP 46/2011): ubah ke Butuh Perbaikan"), "\(page)")
                #expect(page.line(containing: "2024  Baik")?.hasSuffix("-") == true, "\(page)")
                #expect(page.shows("SIASN: belum dikirim"), "the selected record's state in words: \(page)")
            }
        }
    }

    @Test func inEnglishToo() throws {
        try run(try store(), language: .en) { s in
            s.openAyu()
            s.checkpoint { page in
                #expect(page.shows("Not sent to SIASN: SIASN only takes SKP from 2022 on"), "\(page)")
                #expect(page.shows("SIASN does not take Cukup (PP 46/2011): change to Butuh Perbaikan"), "\(page)")
            }
        }
    }

    @Test func theRecordFormSaysItToo() throws {
        try run(try store()) { s in
            s.openAyu()
            s.press(.last)  // the oldest SKP, 2021
            s.press(.open, in: .employee)
            s.checkpoint { page in
                #expect(page.shows("Ubah SKP"), "\(page)")
                #expect(page.shows("Tidak dikirim ke SIASN: SIASN hanya menerima SKP tahun 2022 ke atas"), "\(page)")
            }
        }
    }

    @Test func thePendingScreensCountOnlyWhatSIASNTakesAndSayWhatBlocks() throws {
        let store = try store()
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.pendingSIASN, in: .units)
        screen.checkpoint { page in
            #expect(page.shows("1 SKP berpredikat PP 46/2011 tertahan: pilih predikat PermenPANRB 6/2022"), "\(page)")
        }
        // Bidang Pengembangan (the last unit): Ayu's SKP 2023 and 2024 are listed, not 2021.
        screen.press(.last, in: .pending)
        screen.press(.open, in: .pending)
        screen.checkpoint { page in
            #expect(page.shows("2023"), "\(page)")
            #expect(page.shows("2024"), "\(page)")
            #expect(!page.shows("2021"), "\(page)")
        }
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        try station.run()
        screen.expectEveryCheckpointReached()
    }
}
