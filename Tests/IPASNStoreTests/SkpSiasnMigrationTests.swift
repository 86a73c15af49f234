import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Migration `2026-11-30-skp2022` on a database of the previous schema: the SKP before 2022
/// already stored stop being pending (counts, index), and the new triggers keep it so. The
/// behaviours themselves are the conformance suite's (`skpSiasn`).
@Suite struct SkpSiasnMigrationTests {
    @Test func anOldDatabaseStopsCountingItsSKPBefore2022() throws {
        let a = SmallProvince.nipA
        let b = SmallProvince.nipB
        let directory = try TemporaryDirectory(prefix: "ipasn-skp2022")
        let path = directory.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "2026-11-30-queue")
            try queue.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO units(kode, nama) VALUES ('U', 'Unit'), ('V', 'Unit V');
                        INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, status, aktif, search_key)
                            VALUES (\(a), 'A', 'U', 'pelaksana', 'pns', 1, 'a'), (\(b), 'B', 'V', 'pelaksana', 'pns', 1, 'b');
                        INSERT INTO skp(nip, tahun, predikat, nilai, dedup_key) VALUES
                            (\(a), 2020, 'baik', NULL, 1), (\(a), 2021, NULL, 80, 2), (\(a), 2023, 'baik', NULL, 3),
                            (\(a), 2024, 'cukup', NULL, 4), (\(b), 2019, 'kurang', NULL, 5);
                        """)
                // The old rule counted all five.
                #expect(try Int.fetchOne(db, sql: "SELECT SUM(pending) FROM unit_pending_counts WHERE kind = 'skp'") == 5)
            }
        }
        // Opening it migrates it.
        let store = try SQLiteStore(path: path, context: TestClock.context())
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2]])
        #expect(try store.pendingCounts().map { [$0.unit, "\($0.count)"] } == [["U", "2"]])
        try store.writer.read { db in
            let index = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'skp_pending'")
            #expect(index == "CREATE INDEX skp_pending ON skp(nip) WHERE sent_no IS NOT change_no AND tahun >= 2022")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM skp INDEXED BY skp_pending WHERE sent_no IS NOT change_no AND tahun >= 2022") == 2)
            // The pending queries read the partial index.
            let plan = try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT r.nip FROM skp r WHERE \(SQLiteStore.pendingCondition("r", .skp))"
            ).map { $0["detail"] as String }.joined(separator: " ")
            #expect(plan.contains("skp_pending"), "\(plan)")
        }
        // The new triggers: B's 2019 made 2022 counts at V; moved back, not; B moves to U.
        let old = try #require(try store.records(nip: b)?.skp.first)
        try store.update(RecordID(kind: .skp, id: old.id), to: .skp(SKP(nip: b, tahun: 2022, predikat: .kurang)))
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2], "V": [.skp: 1]])
        try store.update(RecordID(kind: .skp, id: old.id), to: .skp(SKP(nip: b, tahun: 2018, predikat: .kurang)))
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2]])
        try store.savePegawai(Pegawai(nip: b, nama: "B", kodeUnit: "U", jenisJabatan: .pelaksana))
        #expect(try store.unitPendingCounts() == ["U": [.skp: 2]])
        #expect(try store.check() == [])
    }
}
