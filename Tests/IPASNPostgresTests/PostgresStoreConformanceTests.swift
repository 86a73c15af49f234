import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The Store conformance suite, unchanged, against `PostgresStore`: every behaviour gets
/// fresh databases (copies of a migrated template) on the server of `IPASN_TEST_PG`, and
/// every store a behaviour opens has its own connection, as separate admins' processes have.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresStoreConformanceTests {
    @Test(arguments: StoreConformance.behaviours)
    func conformance(_ behaviour: StoreBehaviour) throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        try behaviour.check { try databases.make() }
    }
}
