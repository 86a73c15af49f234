import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// SQLite's kept waiting counts (migration `2026-11-30-pgqueue2`): filled from the records
/// already stored when an older database is opened, and `check` finds a count changed by hand.
struct QueueWaitingTests {
    @Test func checkNamesACountChangedByHandAndTheMigrationFillsAnOldDatabase() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-waiting")
        defer { directory.remove() }
        let path = directory.path("w.sqlite")
        let store = try SQLiteStore(path: path, context: TestClock.context())
        try SmallProvince.seed(store)
        try store.add(SmallProvince.teknis(SmallProvince.nipA, "Arsip"))
        let b = try store.add(SmallProvince.teknis(SmallProvince.nipB, "Anggaran")).id
        try store.add(.skp(SKP(nip: SmallProvince.nipB, tahun: 2024, predikat: .baik)))
        #expect(try store.setVerification([b], status: .memenuhi, reason: "") == 1)
        #expect(try store.check() == [])
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "UPDATE queue_waiting SET waiting = 7 WHERE kode_unit = 'SUB' AND kind = 'skp'") }
        #expect(try store.check() == ["Records waiting for verification in unit SUB (skp): kept 7, counted 1."])
        try queue.write { db in try db.execute(sql: "DELETE FROM queue_waiting WHERE kode_unit = 'ROOT'") }
        #expect(try store.check() == [
            "Records waiting for verification in unit SUB (skp): kept 7, counted 1.",
            "Records waiting for verification in unit ROOT (diklat): kept 0, counted 1.",
        ])
        // As a database from before the migration: the table, its triggers and the mark gone; opened again, filled afresh.
        try queue.write { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%queue_waiting%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "DROP TABLE queue_waiting")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '2026-11-30-pgqueue2'")
        }
        try queue.close()
        let reopened = try SQLiteStore(path: path, context: TestClock.context())
        #expect(try reopened.check() == [])
        #expect(try reopened.verificationQueue(QueueFilter(), limit: 0).total == 2)
        #expect(try reopened.verificationQueue(QueueFilter(unit: "SUB"), limit: 0).total == 1)
    }
}
