import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// A save that meets the database's write lock held waits for it in the SERVER's lock queue
/// (issue 12, branch pgcrowd: PG4's tail): it is woken when the holder commits, not after a
/// sleep of the poll interval between two tries.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresLockQueueTests {
    @Test func aSaveWaitsForTheWriteLockInTheServersQueueAndGoesOnWhenItsHolderCommits() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        // A poll interval of ten seconds: a save that slept between two tries could not be
        // done within the bound below.
        let store = try PostgresStore(
            conninfo, context: TestClock.context(actor: "ops"),
            patience: LockPatience(stallLimit: 60, pollInterval: 10, reportAfter: 60, reportInterval: 60))
        let pid = store.withConnection { (try? Int.fetchOne($0, sql: "SELECT pg_backend_pid()")) ?? nil } ?? -1
        // Another writer holds the write lock in an open transaction.
        let holder = try PGConnection(conninfo: conninfo)
        try holder.execute(sql: "BEGIN")
        try holder.execute(
            sql: "SELECT pg_advisory_xact_lock(?::int4, ?::int4)",
            arguments: [PostgresSchema.writeLockKey.0, PostgresSchema.writeLockKey.1])
        let saving = Background { try store.add(SmallProvince.teknis(SmallProvince.nipA, "Kursus antre", jp: 20)) }
        // The save is queued for the advisory lock on the server (not granted yet).
        let monitor = try PGConnection(conninfo: conninfo)
        try PostgresSaveRaceTests.eventually("the save waits in the server's queue for the write lock") {
            try Bool.fetchOne(
                monitor,
                sql: "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = ? AND locktype = 'advisory' AND NOT granted)",
                arguments: [pid]) == true
        }
        #expect(!saving.isFinished)
        let released = Date()
        try holder.execute(sql: "COMMIT")
        let saved = try #require(saving.finish())
        // Woken by the commit: done long before a ten-second poll would have tried again.
        #expect(Date().timeIntervalSince(released) < 5)
        let score = try saved.get().score
        #expect(score.kompetensi == 22.5)
        #expect(try ops.records(nip: SmallProvince.nipA)?.diklat.map(\.value.nama) == ["Kursus antre"])
        #expect(try ops.check() == [])
    }

    @Test func theWaitInTheQueueIsSlicedByThePatience() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        func slice(_ patience: LockPatience) throws -> TimeInterval {
            try PostgresStore(conninfo, context: TestClock.context(actor: "ops"), patience: patience).lockQueueSlice
        }
        #expect(try slice(.standard) == 0.25)
        #expect(try slice(LockPatience(stallLimit: 0.2, pollInterval: 0.01)) == 0.05)
        #expect(try slice(LockPatience(stallLimit: 0.05, pollInterval: 0.02)) == 0.02)
    }
}
