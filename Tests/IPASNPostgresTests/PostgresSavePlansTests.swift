import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// A save's statements are planned once a session (issue 12, branch pgsave8): a save's own
/// transaction uses the generic plans (`SET LOCAL plan_cache_mode = force_generic_plan`,
/// ``PostgresStore/savePlans``) and the warm-up makes them, so the session's first saves do
/// not plan each statement again for its parameters (the server's default does so for a
/// statement's first five runs). The setting is the transaction's alone: the session's other
/// statements keep the server's choice. What a connection has planned is read from
/// `pg_prepared_statements` (`generic_plans`, `custom_plans`) on that connection.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSavePlansTests {
    /// The admin's connection's prepared statements whose text starts with one of `heads`:
    /// the text's head, its generic plans and its custom plans.
    private func plans(_ store: PostgresStore, _ heads: [String]) throws -> [String: (generic: Int, custom: Int)] {
        let rows = try store.read {
            try $0.fetchAll(sql: "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")
        }
        var out: [String: (generic: Int, custom: Int)] = [:]
        for row in rows {
            guard let text = row.text(0), let head = heads.first(where: { text.hasPrefix($0) }) else { continue }
            let generic = row.text(1).flatMap { Int($0) } ?? 0
            let custom = row.text(2).flatMap { Int($0) } ?? 0
            let sum = out[head] ?? (0, 0)
            out[head] = (sum.generic + generic, sum.custom + custom)
        }
        return out
    }

    private func mode(_ store: PostgresStore) throws -> String? {
        try store.read { try String.fetchOne($0, sql: "SHOW plan_cache_mode") }
    }

    /// After the warm-up, three saves of the admin's (the first in two exchanges, the next two
    /// in one: ``PostgresStore/addInOneTrip(_:)``) planned none of their statements for their
    /// parameters: the record's insert, its audit row, the score write, the one-trip lock and
    /// guard and the draft's deletion ran on generic plans only; the session's own plan choice is the server's default
    /// after the warm-up and after each save; the saves are the saves (three records, three
    /// audit rows, a consistent database).
    @Test func theSessionsFirstSavesRunOnGenericPlansOnly() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try PostgresSaveWarmupTests.seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        let auditBefore = try ops.auditLog(limit: 1000).count
        let diklatBefore = try ops.records(nip: SmallProvince.nipB)?.diklat.count ?? 0
        try admin.warmSavePath()
        #expect(try mode(admin) == "auto")
        let saveHeads = [
            "INSERT INTO diklat", "INSERT INTO audit", "SELECT ipasn_put_scores", "SELECT ipasn_one_trip_lock",
            "SELECT after, id FROM ipasn_one_trip_guard", "DELETE FROM drafts",
        ]
        // (The warm-up itself ran some of them under the server's choice: its reads, five times.)
        let warmed = try plans(admin, saveHeads)
        let draft = DraftKey(owner: "sub-admin", formKey: "diklat:\(SmallProvince.nipB)")
        for n in 1...3 {
            _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pelatihan \(n)", jp: 10), clearingDraft: draft)
            #expect(try mode(admin) == "auto")
        }
        let planned = try plans(admin, saveHeads)
        for head in saveHeads {
            let before = warmed[head] ?? (0, 0)
            #expect(planned[head]?.custom == before.custom, "\(head): planned for its parameters by a save")
            #expect((planned[head]?.generic ?? 0) > before.generic, "\(head): no generic plan used by the saves")
        }
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.count == diklatBefore + 3)
        #expect(try ops.auditLog(limit: 1000).count == auditBefore + 3)
        #expect(try ops.check() == [])
    }

    /// The session's other statements keep the server's plan choice: a statement prepared
    /// outside a save is planned for its parameters (its first runs) after saves as before.
    @Test func statementsOutsideASaveKeepTheServersPlanChoice() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _) = try PostgresSaveWarmupTests.seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        try admin.warmSavePath()
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sebelum", jp: 10))
        let sql = "SELECT nama FROM pegawai WHERE nip = ? LIMIT 1"
        for _ in 0..<2 {
            #expect(try admin.read { try String.fetchOne($0, sql: sql, arguments: [SmallProvince.nipB]) } == "Budi")
        }
        let planned = try plans(admin, ["SELECT nama FROM pegawai WHERE nip = $1 LIMIT 1"])
        #expect(planned.values.first?.custom == 2)
        #expect(planned.values.first?.generic == 0)
    }
}
