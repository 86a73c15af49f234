import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNPostgres
@testable import IPASNWorkstation

/// A record form (a diklat on an employee's page) saved while the server is stopped: found by
/// the tmux test of issue 12, where the form showed libpq's raw "connection to server on socket
/// ... failed" as a disk fault ("gangguan disk atau sistem berkas") instead of saying the
/// server is gone and to save again. On a cluster of the test's own (``OwnCluster``).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresServerStopFormTests {
    static let size = Size(width: 80, height: 24)

    @Test func aDiklatSavedWhileTheServerIsStoppedSaysNotSavedKeepsTheFormAndSavesOnceItIsBack() throws {
        guard OwnCluster.canStart else { return }
        let cluster = try OwnCluster()
        let store = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(store)
        let station = try Workstation(store: store, screen: VirtualScreen(size: Self.size), context: store.context)
        try station.start()
        let app = station.app
        func text() -> String { app.frame(size: Self.size).text }
        func type(_ keys: String) { for c in keys { _ = app.handle(.key(c == "\t" ? .tab : .char(c))) } }
        type("/\(SmallProvince.nipA)")
        _ = app.handle(.key(.enter))
        #expect(text().contains("Andi"))
        type("kTeknis\tKursus Saat Server Mati\tBPSDM\t02-03-2024\t03-03-2024\t24")
        #expect(text().contains("Tambah Diklat/Kursus"))
        _ = app.link.wait(idle: 2000, feed: store)

        try cluster.stop()
        _ = app.handle(.key(.ctrl("s")))
        #expect(text().contains("Tidak tersimpan: server basis data terputus"), "\(text())")
        #expect(!text().contains("gangguan disk"), "not a disk fault")
        #expect(!text().contains(".s.PGSQL"), "not libpq's own message")
        #expect(text().contains("Kursus Saat Server Mati"), "the form keeps its input")
        #expect(app.link.isLost, "reconnection starts")

        try cluster.start()
        _ = app.handle(.tick)
        #expect(text().contains("Tersambung kembali ke server basis data"))
        #expect(text().contains("Kursus Saat Server Mati"))
        _ = app.handle(.key(.ctrl("s")))
        let saved = try #require(try store.records(nip: SmallProvince.nipA)?.diklat)
        #expect(saved.map(\.value.nama) == ["Kursus Saat Server Mati"], "saved exactly once")
        #expect(try store.check() == [])
    }
}
