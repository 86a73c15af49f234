import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNPostgres
@testable import IPASNWorkstation

/// A save refused because another admin saved the same course meanwhile, reloaded with the
/// admin's input kept (branch usertest11), on one PostgreSQL database: the scenario the
/// SQLite test runs (``ConflictReloadScenario``), two workstations on two connections.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresConflictReloadTests {
    static let size = Size(width: 80, height: 24)

    @Test func aRefusedRecordSaveReloadsTheOtherAdminsChangeKeepingTheInput() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        func store(_ login: String) throws -> PostgresStore {
            try PostgresStore(conninfo, context: TestClock.context(actor: login, session: login))
        }
        let keymap = Keymap.standard
        var stations: [Workstation] = []
        try ConflictReloadScenario.run(
            open: { login in
                let own = try store(login)
                let station = try Workstation(store: own, screen: VirtualScreen(size: Self.size), context: own.context)
                try station.start()
                stations.append(station)
                let app = station.app
                return ScreenDriver(press: { _ = app.handle(.key($0)) }, text: { app.frame(size: Self.size).text })
            }, store: { try store($0) },
            keys: ConflictReloadScenario.Keys(
                reload: keymap.keys(for: .reloadStored, in: .form)[0], save: keymap.keys(for: .save, in: .form)[0],
                reloadName: keymap.keyText(for: .reloadStored, in: .form)))
    }
}
