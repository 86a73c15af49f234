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

    /// As the verifikator's own role in `psql`: a SIASN batch of its own, but no record written,
    /// no refusal kept by hand, no other batch's records marked sent.
    @Test func theVerifikatorsOwnRoleSendsButWritesNoRecord() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let vera = "ipasn_siasn_vera"
        let role = try AdminRole(databases, login: "ipasn_siasn_admin", others: [Account(login: vera, role: .verifikator)])
        try role.ops.add(SmallProvince.teknis(SmallProvince.nipA))
        let store = try PostgresStore(role.conninfo + " user=\(vera)", context: TestClock.context(actor: vera))
        let pending = try store.recordVersions(kind: .diklat, unit: nil, pendingOnly: true)
            .map { RecordVersion(id: RecordID(kind: .diklat, id: $0.key), version: $0.value) }
        let batch = try store.saveExportBatch(
            NewExportBatch(kind: "siasn-kursus", format: "csv", file: "/tmp/k.csv", marksSent: true, records: pending))
        #expect(try store.recordVersions(kind: .diklat, unit: nil, pendingOnly: true).isEmpty, "marked sent through the owner's function")
        let id = pending[0].id.id
        let raw = try PGConnection(conninfo: role.conninfo + " user=\(vera)")
        #expect((PostgresRawSQLSweepTests.attempt("UPDATE diklat SET sent_no = NULL, nama = 'x' WHERE id = \(id)", raw).rows ?? 0) == 0, "refused or no row")
        #expect((PostgresRawSQLSweepTests.attempt("DELETE FROM diklat", raw).rows ?? 0) == 0)
        #expect(PostgresRawSQLSweepTests.attempt(
            "INSERT INTO siasn_refusals (batch, kind, record_id, version, nip, line, reason, actor, at) VALUES (\(batch.number), 'diklat', \(id), 0, '', 1, 'x', session_user, now())",
            raw).refusal?.message == "permission denied for table siasn_refusals")
        // An earlier batch replayed (a record refused since would be marked sent again): refused.
        #expect(PostgresRawSQLSweepTests.attempt("SELECT ipasn_mark_batch_sent(\(batch.number))", raw).refusal?.sqlState == "42501")
        let refused = try store.markSIASNRefusals(batch: batch.number, [NewSIASNRefusal(id: pending[0].id, reason: "NIP tidak dikenal", line: 2)])
        #expect(refused.pendingAgain == 1)
        #expect(try store.siasnRefusals(unit: nil).map(\.actor) == [vera])
        #expect(try store.check().isEmpty)
    }
}

enum SIASNRefusalBehaviours {
    static let all = StoreConformance.behaviours.filter { $0.name.contains("SIASN") || $0.name.contains("verifikator records") }
}
