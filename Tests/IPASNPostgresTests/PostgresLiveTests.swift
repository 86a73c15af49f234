import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNPostgres
@testable import IPASNWorkstation

/// Live refresh through LISTEN/NOTIFY, and a server restarted under open stores and an open
/// workstation (issue 12). The restarts run on a cluster of the test's own (``OwnCluster``).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresLiveTests {
    static let size = Size(width: 80, height: 24)

    private func course(_ nip: String, _ nama: String) -> Record {
        SmallProvince.teknis(nip, nama, jp: 20)
    }

    private func storeError(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch {
            return error as? StoreError
        }
    }

    /// Waits (at most 10 s) until `descriptor` is readable: the notification has arrived.
    private func waitReadable(_ descriptor: Int32?) {
        guard let descriptor else { return }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&entry, 1, 10_000)
    }

    @Test func aCommitNotifiesTheOtherConnectionsWithGenerationAndSessionButNotItsOwn() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "setup"))
        try SmallProvince.seed(ops)
        let budi = try ops.reopened(as: TestClock.context(actor: "ops", session: "budi-1"))
        // A bare listener sees the payload: the new data generation and the session.
        let listener = try PGConnection(conninfo: conninfo)
        try listener.listen(PostgresSchema.changeChannel)
        #expect(ops.changeDescriptor() != nil && budi.changeDescriptor() != nil, "both listening from now on")
        #expect(ops.pollChanges() == .quiet)

        try budi.add(course(SmallProvince.nipB, "Kursus Budi"))
        waitReadable(listener.socket)
        let notes = try listener.takeNotifications()
        #expect(notes.map(\.payload) == ["\(try budi.dataGeneration()) budi-1"])
        #expect(StoreConformance.nextNews(ops) == .changed)

        // Its own save: the other store hears it, the saving store does not tell itself.
        try ops.add(course(SmallProvince.nipC, "Kursus Ops"))
        #expect(ops.pollChanges() == .quiet, "the notification of its own commit is left out")
        #expect(StoreConformance.nextNews(budi) == .changed)
        waitReadable(listener.socket)
        #expect(try listener.takeNotifications().map(\.payload) == ["\(try ops.dataGeneration()) setup"])
        // A rolled-back change notifies nobody, nor does a draft.
        #expect(throws: (any Error).self) {
            try budi.inOneTransaction {
                try budi.add(course(SmallProvince.nipB, "Dibatalkan"))
                throw StoreError.busy
            }
        }
        try ops.saveDraft(Draft(form: "diklat", nip: SmallProvince.nipA, editing: nil, fields: [:], savedAt: TestClock.now), owner: "ops")
        try budi.add(course(SmallProvince.nipB, "Penanda"))
        waitReadable(listener.socket)
        #expect(try listener.takeNotifications().map(\.payload) == ["\(try budi.dataGeneration()) budi-1"], "only the committed change")
    }

    @Test func aServerRestartBetweenTwoCallsIsToldReconnectedAndListenedToAgain() throws {
        guard OwnCluster.canStart else { return }
        let cluster = try OwnCluster()
        let ani = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(ani)
        let budi = try ani.reopened(as: TestClock.context(actor: "ops", session: "budi"))
        _ = ani.changeDescriptor()
        #expect(ani.pollChanges() == .quiet)
        let before = try ani.auditLog(limit: 1000).count

        try cluster.restart()
        guard case .disconnected = ani.newsAfterRestart() else {
            Issue.record("the lost connection is told")
            return
        }
        #expect(ani.changeDescriptor() == nil, "nothing to wait on while disconnected")
        #expect(ani.reconnect())
        #expect(ani.pollChanges() == .changed, "a new connection may have missed changes: reload")
        #expect(ani.pollChanges() == .quiet)
        // Budi's connection was closed too: his next save reconnects before its BEGIN.
        try budi.add(course(SmallProvince.nipB, "Setelah restart"))
        #expect(StoreConformance.nextNews(ani) == .changed, "listening again on the new connection")
        _ = try ani.add(course(SmallProvince.nipC, "Juga setelah restart"))
        #expect(try ani.auditLog(limit: 1000).count == before + 2)
        #expect(try ani.check() == [])
    }

    @Test func aSaveWhileTheServerIsDownFailsWholeAndSucceedsOnceItIsBack() throws {
        guard OwnCluster.canStart else { return }
        let cluster = try OwnCluster()
        let ani = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(ani)
        _ = ani.changeDescriptor()
        let before = try ani.auditLog(limit: 1000).count

        try cluster.stop()
        guard case .io = storeError({ _ = try ani.add(course(SmallProvince.nipB, "Saat server mati")) }) else {
            Issue.record("a save with the server down is an I/O failure")
            return
        }
        guard case .disconnected = ani.pollChanges() else {
            Issue.record("the feed says disconnected")
            return
        }
        #expect(!ani.reconnect(), "the server is still down")
        try cluster.start()
        #expect(ani.reconnect())
        _ = try ani.add(course(SmallProvince.nipB, "Saat server mati"))
        let courses = try #require(try ani.records(nip: SmallProvince.nipB)).diklat.filter { $0.value.nama == "Saat server mati" }
        #expect(courses.count == 1, "saved once, nothing half-written before")
        #expect(try ani.auditLog(limit: 1000).count == before + 1)
        #expect(try ani.check() == [])
    }

    @Test func anotherAdminsSaveRedrawsTheOpenListWithoutAKey() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ani = try PostgresStore(conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(ani)
        try ani.saveAccount(Account(login: "budi", role: .operator))
        let budi = try ani.reopened(as: TestClock.context(actor: "budi", session: "budi"))
        let screen = VirtualScreen(size: Self.size)
        let station = try Workstation(store: ani, screen: screen, context: ani.context)
        screen.enqueue { _ in
            #expect(!screen.text.contains("Subbidang Baru"))
            try? budi.saveUnit(OrgUnit(kode: "SUB2", nama: "Subbidang Baru", induk: "ROOT"))
            // The socket the workstation waits on turns readable: the wait ends.
            self.waitReadable(ani.changeDescriptor())
        }
        screen.enqueue(event: .tick)
        try station.run()
        #expect(screen.requestedDescriptors.first.map { $0 != nil } == true, "the loop waits on the store's socket")
        #expect(screen.requestedTimeouts.first == 2000, "no polling: the idle tick stays 2 s")
        #expect(screen.text.contains("Subbidang Baru"), "the unit list redrawn")
        #expect(screen.text.contains("Data diubah oleh budi: layar dimuat ulang."))
    }

    @Test func theWorkstationSaysTheServerIsGoneKeepsTheFormAndSavesOnceItIsBack() throws {
        guard OwnCluster.canStart else { return }
        let cluster = try OwnCluster()
        let store = try PostgresStore(cluster.conninfo, context: TestClock.context(actor: "ops", session: "ani"))
        try SmallProvince.seed(store)
        let station = try Workstation(store: store, screen: VirtualScreen(size: Self.size), context: store.context)
        try station.start()
        let app = station.app
        func text() -> String { app.frame(size: Self.size).text }
        func type(_ keys: String) { for c in keys { _ = app.handle(.key(c == "\t" ? .tab : .char(c))) } }
        let nip = "199001012019032009"
        // A new employee's form, typed but not saved.
        type("t\(nip)\tSiti Rahma\tpelaksana")
        _ = app.link.wait(idle: 2000, feed: store)  // listening, as the loop does

        try cluster.stop()
        _ = app.handle(.tick)
        #expect(text().contains("Server basis data terputus; menyambung ulang…"))
        #expect(text().contains("Siti Rahma"), "the form keeps its input")
        #expect(app.link.wait(idle: 2000, feed: store) == (ServerLink.firstDelay, nil))
        _ = app.handle(.key(.ctrl("s")))
        #expect(text().contains("Tidak tersimpan: server basis data terputus"))
        #expect(text().contains("Siti Rahma"))
        _ = app.handle(.tick)  // a try while the server is down: the next waits longer
        #expect(app.link.attempts == 1 && app.link.delay == 2 * ServerLink.firstDelay)
        #expect(text().contains("Server basis data terputus"))

        try cluster.start()
        _ = app.handle(.tick)
        #expect(text().contains("Tersambung kembali ke server basis data"))
        #expect(!app.link.isLost)
        #expect(text().contains("Siti Rahma"), "still the form as typed")
        _ = app.handle(.key(.ctrl("s")))
        #expect(try store.pegawai(nip: nip)?.nama == "Siti Rahma")
        #expect(try store.auditLog(limit: 100).filter { $0.subject == .pegawai(nip) }.count == 1, "saved once")
        #expect(try store.check() == [])
    }
}

extension PostgresStore {
    /// What the feed says once the restarted server's goodbye has arrived: the socket may
    /// wake for its message before the connection's end is readable, so it is waited on
    /// again while the feed is quiet (a few rounds, each bounded by 10 s).
    func newsAfterRestart() -> ChangeFeedState {
        for _ in 0..<5 {
            let news = StoreConformance.nextNews(self)
            if news != .quiet { return news }
        }
        return .quiet
    }
}
