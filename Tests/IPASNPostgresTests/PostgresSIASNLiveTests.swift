import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNPostgres
@testable import IPASNWorkstation

/// Open screens follow SIASN's marks (branch usertest12) on one PostgreSQL database: the
/// scenario the SQLite test runs (``SIASNLiveScenario``), the admin's workstation woken by the
/// NOTIFY of the verifikator's batch and of SIASN's answer.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSIASNLiveTests {
    static let size = Size(width: 80, height: 24)

    @Test func anOpenPageFollowsTheSIASNExportAndAnswerKeepingATypedForm() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        func store(_ login: String) throws -> PostgresStore {
            try PostgresStore(conninfo, context: TestClock.context(actor: login, session: login))
        }
        var stations: [Workstation] = []
        try SIASNLiveScenario.run(
            open: { login in
                let own = try store(login)
                let station = try Workstation(store: own, screen: VirtualScreen(size: Self.size), context: own.context)
                try station.start()
                _ = own.changeDescriptor()  // listening from now on, as the event loop's first wait does
                stations.append(station)
                let app = station.app
                return SIASNLiveScenario.Station(
                    screen: ScreenDriver(press: { _ = app.handle(.key($0)) }, text: { app.frame(size: Self.size).text }),
                    tick: {
                        SIASNLiveScenario.waitForNews(own)
                        _ = app.handle(.tick)
                    })
            }, store: { try store($0) })
    }
}
