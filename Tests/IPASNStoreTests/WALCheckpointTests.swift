import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The write connection's durability setting and where its WAL is copied into the database
/// (``CheckpointStore``, ``WALCheckpoints``; issue 14, branch save4).
@Suite struct WALCheckpointTests {
    /// GRDB's pool turns WAL on with `synchronous = NORMAL` after the configuration's FULL:
    /// a save must still be synced to disk before it returns (docs/deployment.md).
    @Test func theWriteConnectionSyncsEveryCommit() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-sync")
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("ipasn.sqlite"), context: TestClock.context())
        // 2 = FULL (1 = NORMAL).
        #expect(try store.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
        let again = try SQLiteStore(path: dir.path("ipasn.sqlite"), context: TestClock.context(), access: .write)
        #expect(try again.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }

    /// The hook's bookkeeping: a commit checkpoints at the inline limit, a deferring one only
    /// at the larger limit; due after `duePages` since the last checkpoint; a WAL that started
    /// again resets the count; a checkpoint that left pages behind is retried only after as
    /// many again.
    @Test func theHookCountsPagesSinceTheLastCheckpoint() {
        let wal = WALCheckpoints(duePages: 100, inlineLimit: 100)
        #expect(!wal.committed(frames: 40))
        #expect(!wal.isDue)
        #expect(wal.committed(frames: 100))  // SQLite's own behaviour at its threshold
        wal.checkpointed()
        #expect(!wal.isDue)
        #expect(!wal.committed(frames: 12))  // the WAL started again after the checkpoint
        #expect(!wal.isDue)
        wal.deferUntil(limit: 1_000)
        #expect(!wal.committed(frames: 150))
        #expect(wal.isDue)  // 150 pages since the start of the WAL
        wal.checkpointed()  // a reader kept it from copying everything: the WAL goes on
        #expect(!wal.committed(frames: 200))
        #expect(!wal.isDue)  // 50 since the attempt
        #expect(!wal.committed(frames: 250))
        #expect(wal.isDue)  // 100 since the attempt
        #expect(!wal.committed(frames: 1_149))
        #expect(wal.committed(frames: 1_150))  // 1,000 since the attempt: the commit itself copies
        wal.checkpointed()
        #expect(!wal.committed(frames: 8))
        #expect(wal.pages == 8)
    }

    /// On a real file: without deferring, a commit that brings the WAL to the size copies it
    /// (the WAL then starts again); deferring, the WAL keeps growing past it until the
    /// client's `checkpointIfDue`, and every save is read back by another connection.
    @Test func aDeferringStoreCheckpointsOnlyWhenTheClientAsks() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-checkpoint")
        defer { dir.remove() }
        let path = dir.path("ipasn.sqlite")
        let store = try SQLiteStore(path: path, context: TestClock.context())
        try SmallProvince.seed(store)
        let wal = try #require(store.walCheckpoints)
        _ = try store.checkpointIfDue()  // whatever the seed gathered

        // Not deferring: SQLite's behaviour, with a size of 20 pages.
        wal.setSizes(due: 20, inlineLimit: 20)
        var pages: [Int32] = []
        for n in 1...12 {
            try store.add(SmallProvince.teknis(SmallProvince.nipB, "Inline \(n)", jp: 10))
            pages.append(wal.pages)
        }
        // The WAL started again at least once by itself (a later commit holds fewer pages).
        #expect(zip(pages, pages.dropFirst()).contains { $0 > $1 })

        // Deferring: the commits leave it to the client up to the larger limit.
        try store.deferCheckpoints()
        wal.setSizes(due: 20, inlineLimit: 100_000)
        _ = try store.checkpointIfDue()
        try store.add(SmallProvince.teknis(SmallProvince.nipC, "Awal", jp: 10))
        pages = [wal.pages]
        for n in 1...12 {
            try store.add(SmallProvince.teknis(SmallProvince.nipC, "Tunda \(n)", jp: 10))
            pages.append(wal.pages)
        }
        #expect(zip(pages, pages.dropFirst()).allSatisfy { $0 < $1 })  // never started again
        #expect(pages.last! >= 20)
        #expect(wal.isDue)
        // Another connection (another admin's process) reads every save from the WAL.
        let other = try SQLiteStore(path: path, context: TestClock.context(), access: .read)
        #expect(try other.records(nip: SmallProvince.nipC)?.diklat.count == 13)
        // The client's checkpoint copies it: the next commit starts the WAL again.
        #expect(try store.checkpointIfDue())
        #expect(try !store.checkpointIfDue())  // nothing more is due
        let before = wal.pages
        try store.add(SmallProvince.teknis(SmallProvince.nipC, "Sesudah", jp: 10))
        #expect(wal.pages < before)
        #expect(try other.records(nip: SmallProvince.nipC)?.diklat.count == 14)
        let reopened = try SQLiteStore(path: path, context: TestClock.context(), access: .write)
        #expect(try reopened.records(nip: SmallProvince.nipC)?.diklat.count == 14)
    }
}
