import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// `PGConnection` as an ``SQLDatabase`` and PostgreSQL's ``SQLDialect`` (``SQLAdaptorChecks``).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresAdaptorTests {
    @Test func bindsReadsAndSplicesAsPostgreSQLDoes() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let store = try PostgresStore(try databases.makeConninfo(), context: TestClock.context())
        try SQLAdaptorChecks.run(
            store,
            createTable: """
                CREATE TEMP TABLE sql_adaptor(
                    id BIGSERIAL PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, s TEXT, b BOOLEAN, d TIMESTAMPTZ, j TEXT)
                """)
        #expect(store.dialect.name == "PostgreSQL")
    }
}
