import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

/// GRDB's `Database` as an ``SQLDatabase`` and SQLite's ``SQLDialect`` (``SQLAdaptorChecks``).
struct SQLiteAdaptorTests {
    @Test func bindsReadsAndSplicesAsSQLiteDoes() throws {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try SQLAdaptorChecks.run(
            store,
            createTable: "CREATE TEMP TABLE sql_adaptor(id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b INTEGER, d DATETIME, j TEXT)")
        #expect(store.dialect.name == "SQLite")
    }
}
