import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNPostgres
@testable import IPASNWorkstation

/// What an admin types while the server is down survives their SSH session dropping.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresDraftOutageTests {
    static let size = Size(width: 80, height: 24)

    /// User test 5: KEC-UTARA's admin typed a pendidikan, the server stopped, the screen said
    /// "Isian Anda tetap" and the admin went on typing; then the terminal closed (a dropped
    /// SSH). The hang-up's draft could not be written to the stopped server, so the next start
    /// offered the draft of the last tick before the stop, without what was typed after it.
    /// The draft now goes to the admin's own file when the store refuses it, and the next
    /// start (the server back) puts it into the store, removes the file and offers it whole.
    @Test func aFormTypedWhileTheServerIsDownComesBackWholeAfterAHangUp() throws {
        guard OwnCluster.canStart else { return }
        let cluster = try OwnCluster()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ut5-drafts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = Workstation.draftFallbackPath(home: folder.path, database: cluster.conninfo)
        let window = DraftFallbackFile(path: file, session: "ani").windowPath
        let store = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(store)
        let station = try Workstation(store: store, screen: VirtualScreen(size: Self.size), context: store.context)
        station.draftFallbackPath = file
        try station.start()
        let app = station.app
        func type(_ keys: String) { for c in keys { _ = app.handle(.key(c == "\t" ? .tab : .char(c))) } }
        type("/\(SmallProvince.nipA)")
        _ = app.handle(.key(.enter))
        type("kTeknis\tKursus Saat")
        _ = app.handle(.tick)  // the idle tick's draft, in the store
        #expect(try store.loadDrafts(owner: "ops").first?.fields["nama"] == "Kursus Saat")
        #expect(!FileManager.default.fileExists(atPath: window), "no file while the store takes the drafts")

        try cluster.stop()
        type(" Server Mati\tBPSDM")
        _ = app.handle(.signal(.hangup))  // the terminal closed
        #expect(FileManager.default.fileExists(atPath: window), "kept in the admin's file")
        let mode = try FileManager.default.attributesOfItem(atPath: window)[.posixPermissions] as? Int
        #expect(mode == 0o600, "only its owner reads it")

        try cluster.start()
        let again = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "ani-2"))
        let next = try Workstation(store: again, screen: VirtualScreen(size: Self.size), context: again.context)
        next.draftFallbackPath = file
        try next.start()
        let text = next.app.frame(size: Self.size).text
        #expect(text.contains("belum tersimpan"), "the draft is offered: \(text)")
        #expect(!FileManager.default.fileExists(atPath: window), "moved into the store")
        _ = next.app.handle(.key(.char("y")))
        let form = next.app.frame(size: Self.size).text
        #expect(form.contains("Kursus Saat Server Mati"), "what was typed during the outage: \(form)")
        #expect(form.contains("BPSDM"), "\(form)")
    }

    /// The known leftover of user test 9, done in round 10: with the server down, drafts fell
    /// back to ONE file per login, so the second window of a login (an admin with two PuTTY
    /// windows) wrote over the first window's form. Each window now keeps its own file, and the
    /// next start puts both into the store, one draft per window, as the store keeps them.
    @Test func twoWindowsOfOneLoginKeepTheirOwnDraftsWhileTheServerIsDown() throws {
        guard OwnCluster.canStart else { return }
        let cluster = try OwnCluster()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ut10-drafts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = Workstation.draftFallbackPath(home: folder.path, database: cluster.conninfo)
        func window(_ session: String) throws -> Workstation {
            let store = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: session))
            let station = try Workstation(store: store, screen: VirtualScreen(size: Self.size), context: store.context)
            station.draftFallbackPath = file
            try station.start()
            return station
        }
        try SmallProvince.seed(try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "seed")))
        let first = try window("win-1")
        let second = try window("win-2")
        func type(_ keys: String, into station: Workstation) {
            for c in keys { _ = station.app.handle(.key(c == "\t" ? .tab : .char(c))) }
        }
        type("/\(SmallProvince.nipA)", into: first)
        _ = first.app.handle(.key(.enter))
        type("kTeknis\tKursus Jendela Satu", into: first)
        type("/\(SmallProvince.nipB)", into: second)
        _ = second.app.handle(.key(.enter))
        type("kTeknis\tKursus Jendela Dua", into: second)

        try cluster.stop()
        _ = first.app.handle(.signal(.hangup))
        _ = second.app.handle(.signal(.hangup))
        let files = DraftFallbackFile(path: file, session: "any").keptByEveryWindow()
        #expect(files.count == 2, "one file per window: \(files.map(\.path))")

        try cluster.start()
        _ = try window("win-3")
        let drafts = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "check")).loadDrafts(owner: "ops")
        #expect(Set(drafts.compactMap { $0.fields["nama"] }) == ["Kursus Jendela Satu", "Kursus Jendela Dua"])
        #expect(DraftFallbackFile(path: file, session: "any").keptByEveryWindow().isEmpty, "both moved into the store")
    }
}
