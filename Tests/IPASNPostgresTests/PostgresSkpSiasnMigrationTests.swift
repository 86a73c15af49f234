import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// PostgreSQL's `2026-11-30-skp2022` on a database of the previous schema: its SKP before 2022
/// stop being pending (counts, index), and the replaced trigger functions keep it so. The
/// behaviours are the conformance suite's (`skpSiasn`, both engines).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSkpSiasnMigrationTests {
    @Test func anOldDatabaseStopsCountingItsSKPBefore2022() throws {
        guard let server = PostgresTestServer.conninfo else { return }
        let name = "ipasn_test_\(ProcessInfo.processInfo.processIdentifier)_skp2022_upgrade"
        let superuser = try PGConnection(conninfo: server)
        try superuser.execute(sql: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try superuser.execute(sql: "CREATE DATABASE \(name)")
        defer { PostgresTestServer.drop(name) }
        let conninfo = PostgresStore.conninfo(server, database: name)
        let a = SmallProvince.nipA
        let b = SmallProvince.nipB
        // The schema as the previous version left it, with records in it.
        let old = try PGConnection(conninfo: conninfo)
        try old.execute(sql: "BEGIN")
        try old.execute(sql: "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        for migration in PostgresSchema.migrations.prefix(while: { $0.name != "2026-11-30-skp2022" }) {
            try old.execute(sql: migration.sql)
            try old.execute(sql: "INSERT INTO schema_migrations(name) VALUES (?)", arguments: [migration.name])
        }
        try old.execute(sql: "INSERT INTO units(kode, nama) VALUES ('U', 'Unit'), ('V', 'Unit V')")
        try old.execute(
            sql: "INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, status) VALUES (?, 'A', 'U', 'pelaksana', 'pns'), (?, 'B', 'V', 'pelaksana', 'pns')",
            arguments: [a, b])
        try old.execute(
            sql: """
                INSERT INTO skp(nip, tahun, predikat, nilai, dedup_key) VALUES
                    (?, 2020, 'baik', NULL, 1), (?, 2021, NULL, 80, 2), (?, 2023, 'baik', NULL, 3), (?, 2024, 'cukup', NULL, 4),
                    (?, 2019, 'kurang', NULL, 5)
                """, arguments: [a, a, a, a, b])
        try old.execute(sql: "COMMIT")
        #expect(try Int.fetchOne(old, sql: "SELECT SUM(pending)::int FROM unit_pending_counts WHERE kind = 'skp'") == 5)

        // Opening it with ipasn migrates it.
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2]])
        #expect(try store.pendingCounts().map { [$0.unit, "\($0.count)"] } == [["U", "2"]])
        #expect(try store.skpNeedingPredikat(unit: nil).map(\.skp.tahun) == [2024])
        let index = try String.fetchOne(old, sql: "SELECT indexdef FROM pg_indexes WHERE indexname = 'skp_pending'")
        #expect(index?.contains("tahun >= 2022") == true, "\(index ?? "no index")")
        // The replaced functions: B's 2019 made 2022 counts at V; moved back, not; B moves to U.
        let id = try #require(try store.records(nip: b)?.skp.first?.id)
        try store.update(RecordID(kind: .skp, id: id), to: .skp(SKP(nip: b, tahun: 2022, predikat: .kurang)))
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2], "V": [.skp: 1]])
        try store.update(RecordID(kind: .skp, id: id), to: .skp(SKP(nip: b, tahun: 2018, predikat: .kurang)))
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2]])
        try store.savePegawai(Pegawai(nip: b, nama: "B", kodeUnit: "U", jenisJabatan: .pelaksana))
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2]])
    }
}
