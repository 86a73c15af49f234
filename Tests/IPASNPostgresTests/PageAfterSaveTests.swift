import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNPostgres
@testable import IPASNWorkstation

/// The employee page after saves from the record form (issue 12, branch pgpage: the client's
/// part of a save made lighter), on both engines with one script: a course saved with Ctrl-N,
/// the same course refused by the store as a repeat, the form left; the page shows the saved
/// course and the score as stored, not the refused one; then a second course saved with Ctrl-S
/// shows both courses and the new score (12 + 8 JP of teknis in 2024 reach the 20 JP that earn
/// a pelaksana the teknis row's 22,5 kompetensi points; 12 alone earn nothing).
@Suite struct PageAfterSaveTests {
    static let size = Size(width: 80, height: 24)

    @Test func sqliteShowsTheSavedCourseAndScoreNeverTheRefusedOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let context = TestClock.context(actor: "ops", session: "ani")
        try Self.savesThenPage(try SQLiteStore(path: directory.path("page.sqlite"), context: context), context: context)
    }

    @Test(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
    func postgresShowsTheSavedCourseAndScoreNeverTheRefusedOne() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let context = TestClock.context(actor: "ops", session: "ani")
        try Self.savesThenPage(try PostgresStore(try databases.makeConninfo(), context: context), context: context)
    }

    static func savesThenPage(_ store: any Store, context: StoreContext) throws {
        try SmallProvince.seed(store)
        let station = try Workstation(store: store, screen: VirtualScreen(size: size), context: context)
        try station.start()
        let app = station.app
        func lines() -> [String] { app.frame(size: size).lines() }
        func shows(_ text: String) -> Bool { lines().contains { $0.contains(text) } }
        func type(_ keys: String) { for c in keys { _ = app.handle(InputEvent.key(c == "\t" ? Key.tab : Key.char(c))) } }
        func key(_ key: Key) { _ = app.handle(InputEvent.key(key)) }
        type("/\(SmallProvince.nipA)")
        key(.enter)
        #expect(shows("Kompetensi  0 / 40"), "\(lines())")

        type("kTeknis\tBimtek Arsip\tBPSDM\t01-03-2024\t03-03-2024\t12")
        key(.ctrl("n"))
        #expect(shows("Tambah Diklat/Kursus"), "still on the form: \(lines())")
        // The same course again: the store refuses the repeat and the form keeps it.
        type("Bimtek Arsip\t\t01-03-2024\t03-03-2024\t12")
        key(.ctrl("s"))
        #expect(shows("(duplikat)"), "\(lines())")
        #expect(try store.records(nip: SmallProvince.nipA)?.diklat.count == 1)
        key(.escape)
        key(.char("y"))  // leave the form, its input dropped
        #expect(!shows("Tambah Diklat/Kursus"), "\(lines())")
        #expect(lines().filter { $0.contains("Bimtek Arsip") }.count == 1, "the saved course once: \(lines())")
        #expect(shows("Kompetensi  0 / 40"), "12 JP earn nothing yet: \(lines())")

        type("kTeknis\tBimtek Kearsipan Lanjut\tBPSDM\t04-03-2024\t05-03-2024\t8")
        key(.ctrl("s"))
        #expect(!shows("Tambah Diklat/Kursus"), "back on the page: \(lines())")
        #expect(shows("Bimtek Arsip") && shows("Bimtek Kearsipan Lanjut"), "\(lines())")
        #expect(shows("Kompetensi  22,5 / 40"), "20 JP of teknis: \(lines())")
        #expect(shows("Kompetensi 0 -> 22,5"), "the message says the change: \(lines())")
        #expect(try store.records(nip: SmallProvince.nipA)?.diklat.count == 2)
    }
}
