import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The SIASN export by the verifikator and SIASN's refusals (branch siasnback, migration
/// `2026-12-04-siasnback`) on PostgreSQL: the conformance behaviours alone, and what the
/// verifikator's own role can and cannot do with raw SQL.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSIASNRefusalTests {
    @Test(arguments: SIASNRefusalBehaviours.all)
    func conformance(_ behaviour: StoreBehaviour) throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        try behaviour.check { try databases.make() }
    }
}

enum SIASNRefusalBehaviours {
    static let all = StoreConformance.behaviours.filter { $0.name.contains("SIASN") || $0.name.contains("verifikator records") }
}
