import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The SQLite side of the per-unit totals kept current (``UnitScoreTotals``): the raw rows,
/// the migration's first fill of an existing database, and `check()` on a tampered row.
/// The exactness through every change is the conformance suite's (`unitTotals`).
@Suite struct UnitScoreTotalsTests {
    /// (pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin) in millionths.
    func row(_ store: SQLiteStore, _ year: Int, _ unit: String) throws -> [Int64]? {
        try store.writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin FROM unit_score_totals
                    WHERE year = ? AND kode_unit = ?
                    """, arguments: [year, unit]
            ).map { row in (0..<6).map { row[$0] as Int64 } }
        }
    }

    @Test func savesMovesAndInactivityChangeTheRowsInMillionths() throws {
        let store = try seededStore()
        // Seeded: three pelaksana with no records, 5 points of disiplin each.
        #expect(try row(store, 2024, "ROOT") == [1, 0, 0, 0, 0, 5_000_000])
        #expect(try row(store, 2024, "SUB") == [2, 0, 0, 0, 0, 10_000_000])
        try store.add(teknis(nipC))  // C: 20 JP teknis, 22.5 kompetensi
        try store.add(.skp(SKP(nip: nipC, tahun: 2024, predikat: .baik)))  // C: kinerja 25
        #expect(try row(store, 2024, "SUB") == [2, 0, 0, 22_500_000, 25_000_000, 10_000_000])
        // Mutasi of C to ROOT: the whole score moves.
        try store.savePegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
        #expect(try row(store, 2024, "SUB") == [1, 0, 0, 0, 0, 5_000_000])
        #expect(try row(store, 2024, "ROOT") == [2, 0, 0, 22_500_000, 25_000_000, 10_000_000])
        // Inactive: left out; the emptied row stays with zeros and is not read as a unit.
        try store.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana, aktif: false))
        #expect(try row(store, 2024, "SUB") == [0, 0, 0, 0, 0, 0])
        #expect(try store.directUnitTotals(year: 2024)["SUB"] == nil)
        #expect(try store.check() == [])
    }

    @Test func theMigrationFillsTheTotalsOfAnExistingDatabase() throws {
        let queue = try DatabaseQueue()
        let migrator = SQLiteSchema.migrator
        try migrator.migrate(queue, upTo: "accounts-and-roles")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO units(kode, nama) VALUES ('U', 'Unit');
                    INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, status, aktif, search_key)
                        VALUES ('1', 'A', 'U', 'pelaksana', 'pns', 1, 'a'), ('2', 'B', 'U', 'pelaksana', 'pns', 1, 'b'),
                               ('3', 'C', 'U', 'pelaksana', 'pns', 0, 'c');
                    INSERT INTO employee_score(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete)
                        VALUES (2024, '1', 15, 22.5, 25, 5, 1), (2024, '2', 0, 17.25, 0, 3, 0), (2024, '3', 25, 40, 30, 5, 1);
                    """)
        }
        try migrator.migrate(queue)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin FROM unit_score_totals")
                .map { row in (0..<8).map { $0 == 1 ? 0 : row[$0] as Int64 } }
        }
        // The inactive C is left out: A + B.
        #expect(rows == [[2024, 0, 2, 1, 15_000_000, 39_750_000, 25_000_000, 8_000_000]])
    }

    @Test func checkFindsATamperedTotalsRow() throws {
        let store = try seededStore()
        try store.add(teknis(nipC))
        try store.writer.write { db in
            try db.execute(sql: "UPDATE unit_score_totals SET kompetensi = kompetensi + 1 WHERE year = 2024 AND kode_unit = 'SUB'")
            try db.execute(sql: "DELETE FROM unit_score_totals WHERE year = 2024 AND kode_unit = 'ROOT'")
        }
        #expect(
            try store.check() == [
                "Unit totals 2024 SUB are 2 pegawai, 0 complete, 0.0/22.500001/0.0/10.0 but the cached scores sum to 2 pegawai, 0 complete, 0.0/22.5/0.0/10.0.",
                "Unit totals 2024 ROOT are missing; the cached scores sum to 1 pegawai, 0 complete, 0.0/0.0/0.0/5.0.",
            ])
    }
}
