import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The employee search's trigram indexes (migration `2026-12-01-pgnewest`): `pg_trgm` is
/// created by the migration, and the search's `LIKE '%...%'` and NIP suffix can be answered
/// from the indexes instead of a scan of every employee.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresEmployeeSearchIndexTests {
    @Test func theSearchCanReadItsMatchesFromTheTrigramIndexes() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(store)
        let db = try PGConnection(conninfo: conninfo)
        #expect(try String.fetchAll(db, sql: "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'") == ["pg_trgm"])
        #expect(
            try String.fetchAll(db, sql: "SELECT indexname FROM pg_indexes WHERE tablename = 'pegawai' AND indexname LIKE '%trgm' ORDER BY 1")
                == ["pegawai_nip_trgm", "pegawai_search_trgm"])
        // Three employees are read faster by a scan or the name-ordered walk: the planner is told
        // not to, to show that the search's conditions can use the indexes at all (it chooses
        // them itself at scale).
        try db.execute(sql: "SET enable_seqscan = off; SET enable_indexscan = off")
        let plan = try String.fetchAll(
            db,
            sql: """
                EXPLAIN SELECT nip FROM pegawai WHERE (search_key LIKE '%itr%') OR nip LIKE '%121001'
                ORDER BY nama, nip LIMIT 10
                """
        ).joined(separator: "\n")
        #expect(plan.contains("Bitmap Index Scan on pegawai_search_trgm"), "\(plan)")
        #expect(plan.contains("Bitmap Index Scan on pegawai_nip_trgm"), "\(plan)")
        #expect(try store.searchPegawai("itr", limit: 10).map(\.nama) == ["Citra"])
    }
}
