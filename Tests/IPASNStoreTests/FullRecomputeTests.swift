import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The full recompute rewrites only the scores that changed (``SQLiteStore/refreshScoreSQL``):
/// an unchanged score's row is left as it is, a changed one is updated, and the per-unit
/// totals stay those of the scores.
@Suite struct FullRecomputeTests {
    /// Counts the UPDATEs of `employee_score` rows in a temporary table.
    func countUpdates(_ store: SQLiteStore) throws {
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TABLE score_updates(n INTEGER NOT NULL);
                    INSERT INTO score_updates VALUES (0);
                    CREATE TEMP TRIGGER count_score_updates AFTER UPDATE ON main.employee_score
                    BEGIN UPDATE score_updates SET n = n + 1; END;
                    """)
        }
    }

    func updates(_ store: SQLiteStore) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT n FROM temp.score_updates") ?? -1 }
    }

    @Test func anUnchangedScoreIsNotRewrittenAndAChangedOneIs() throws {
        let store = try seededStore()
        try store.add(teknis(nipA, jp: 12, end: "2024-05-05"))
        try store.add(teknis(nipC))
        let year = try store.measurementYear()
        try store.recomputeAll(year: year)
        try countUpdates(store)

        // Nothing changed: no row is updated.
        try store.recomputeAll(year: year)
        #expect(try updates(store) == 0)

        // A record changed behind the store's back (12 + 10 JP reaches the teknis minimum of 20):
        // only that employee's row is updated, to the computed score.
        let before = try #require(try store.score(nip: nipA, year: year))
        let totalsBefore = try store.directUnitTotals(year: year)
        try store.writer.write { db in try db.execute(sql: "UPDATE diklat SET jp = jp + 10 WHERE nip = ?", arguments: [nipA]) }
        try store.recomputeAll(year: year)
        #expect(try updates(store) == 1)
        let after = try #require(try store.score(nip: nipA, year: year))
        #expect(after.kompetensi > before.kompetensi)
        let computed = try store.writer.read { db -> EmployeeScore? in
            var score: EmployeeScore?
            try store.forEachEmployee(db, plainDiklat: true) { records in
                if records.pegawai.nip == nipA { score = ScoringEngine(ruleset: .bkn2019).score(records, year: year) }
            }
            return score
        }
        #expect(after == computed)
        // The unit totals follow the changed score (and only its change).
        let unit = try #require(try store.pegawai(nip: nipA)).kodeUnit
        #expect(totalsBefore[unit]!.kompetensi + (after.kompetensi - before.kompetensi) == (try store.directUnitTotals(year: year))[unit]!.kompetensi)
        #expect(totalsBefore.count == (try store.directUnitTotals(year: year)).count)
    }
}
