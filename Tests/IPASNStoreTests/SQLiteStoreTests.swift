import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// What only SQLite shows: the cache table itself, the unique index, the stored audit format,
/// files and WAL. Everything the `Store` protocol promises is in the conformance suite.
@Suite struct SQLiteStoreTests {
    @Test func addWritesTheCachedScoreRow() throws {
        let store = try seededStore()
        try store.add(teknis(nipC))
        // The cache, not a recompute: read the raw row.
        let cached = try store.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT kompetensi FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [nipC])
        }
        #expect(cached == 22.5)
    }

    @Test func theDatabaseRefusesDuplicatesToo() throws {
        let store = try seededStore()
        try store.add(teknis(nipC))
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: RecordRows.insertSQL(.diklat), arguments: RecordRows.arguments(teknis(nipC, " BIMTEK arsip")))
            }
        }
    }

    @Test func checkFindsATamperedScore() throws {
        let store = try seededStore()
        try store.add(.skp(SKP(nip: nipA, tahun: 2024, predikat: .baik)))
        #expect(try store.check() == [])
        try store.writer.write { db in
            try db.execute(sql: "UPDATE employee_score SET kinerja = 30 WHERE nip = ? AND year = 2024", arguments: [nipA])
        }
        let problems = try store.check()
        #expect(problems.count == 1)
        #expect(problems.first?.contains(nipA) == true)
    }

    /// The audit table keeps the text it always had (older databases read back typed): a
    /// record as its full JSON row with `id` and `kind`, settings as plain text.
    @Test func theAuditTableKeepsItsStoredFormat() throws {
        let store = try seededStore()
        let id = try store.add(teknis(nipC, jp: 19)).id
        try store.delete(id)
        try store.setProgress(unit: "ROOT", dimension: .kinerja, done: true)
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT action, entity, entity_id, old_value, new_value FROM audit ORDER BY id DESC LIMIT 2")
        }
        #expect(rows[0]["action"] == "progress")
        #expect(rows[0]["entity_id"] == "ROOT/kinerja")
        #expect(rows[0]["new_value"] == "true")
        #expect(rows[1]["action"] == "delete")
        #expect(rows[1]["entity"] == "diklat")
        #expect(rows[1]["entity_id"] == String(id.id))
        let old: String = try #require(rows[1]["old_value"])
        for fragment in [
            "\"id\":\(id.id)", "\"kind\":\"diklat\"", "\"nama\":\"Bimtek Arsip\"", "\"penyelenggara\":\"BPSDM\"",
            "\"tanggalMulai\":\"2024-03-01\"", "\"jp\":19", "\"nip\":\"\(nipC)\"",
        ] {
            #expect(old.contains(fragment), "\(fragment) in \(old)")
        }
    }

    /// A value this version cannot read (hand-edited, or from another version) comes back as
    /// `.unreadable` with its text; the log still reads.
    @Test func anUnreadableAuditValueIsKeptAsText() throws {
        let store = try seededStore()
        try store.add(teknis(nipC))
        try store.writer.write { db in
            try db.execute(sql: "UPDATE audit SET new_value = '{\"nip\": 1' WHERE id = (SELECT MAX(id) FROM audit)")
        }
        let entry = try #require(try store.auditLog(limit: 1).first)
        #expect(entry.action == .insert)
        #expect(entry.new == .unreadable("{\"nip\": 1"))
        #expect(entry.record == nil)
    }
}

@Suite struct SQLiteStoreFileTests {
    @Test func aFileDatabaseIsCreatedWithItsDirectoriesInWALMode() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("a/b/ipasn.sqlite")
        do {
            let store = try SQLiteStore(path: path, context: testContext)
            try SmallProvince.seed(store)
            let mode = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
            let fk = try store.writer.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
            #expect(fk == true)
        }
        let reopened = try SQLiteStore(path: path, context: testContext)
        #expect(try reopened.countPegawai() == 3)
    }

    @Test func twoStoresOnOneFileBothWriteWithoutLockErrors() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("shared.sqlite")
        let first = try SQLiteStore(path: path, context: TestClock.context(actor: "admin1"))
        try SmallProvince.seed(first)
        let second = try SQLiteStore(path: path, context: TestClock.context(actor: "admin2"))
        let n = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, nip) in [(first, nipA), (second, nipB)] {
                group.addTask {
                    for i in 0..<n {
                        try store.add(teknis(nip, "Kursus \(i)", jp: 1))
                        _ = try store.unitFigures(year: 2024)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.records(nip: nipA)?.diklat.count == n)
        #expect(try first.records(nip: nipB)?.diklat.count == n)
        #expect(try second.score(nip: nipA, year: 2024)?.kompetensi == 22.5)
        #expect(try first.check() == [])
    }
}
