import Foundation
import GRDB
import IPASNCore
import Testing

@testable import IPASNStore

/// Several stores (as several admins' processes would) on one file: writes wait their turn
/// while the other transaction makes progress, reads never wait for a writer.
@Suite struct ConcurrentWritersTests {
    /// Diklat rows of one small import file.
    func rows(_ nip: String, file: Int, count: Int) -> ArrayRowSource {
        ArrayRowSource(
            kind: .diklat,
            rows: (0..<count).map { Line($0 + 2, ImportRow.record(teknis(nip, "Kursus \(file)-\($0)", jp: 2))) })
    }

    @Test func everyImportOfSixConcurrentWritersLands() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("crowd.sqlite").path
        try seed(try SQLiteStore(path: path, context: testContext))
        let writers = 6
        let filesEach = 8
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let store = try SQLiteStore(path: path, context: testContext, access: .write)
                for file in 0..<filesEach {
                    var source = rows([nipA, nipB, nipC][writer % 3], file: writer * 100 + file, count: 25)
                    let outcome = try store.importRows(&source, skipInvalid: false)
                    if outcome.imported != 25 { failures.add("writer \(writer) file \(file): \(outcome.issues)") }
                }
            } catch {
                failures.add("writer \(writer): \(error)")
            }
        }
        #expect(failures.list.isEmpty)
        let store = try SQLiteStore(path: path, context: testContext, access: .read)
        let total = try [nipA, nipB, nipC].map { try store.records(nip: $0)!.diklat.count }.reduce(0, +)
        #expect(total == writers * filesEach * 25)
        #expect(try store.check().isEmpty)
    }

    @Test func aWriteWaitsPastTheStallLimitWhileTheOtherTransactionMakesProgress() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("wait.sqlite").path
        let holder = try SQLiteStore(path: path, context: testContext)
        try seed(holder)
        try holder.writer.write { try $0.execute(sql: "CREATE TABLE filler(x BLOB)") }
        // The waiter gives up after 0.4 s without progress; the holder works for 4 times that.
        let waiter = try SQLiteStore(
            path: path, context: testContext, access: .write, patience: LockPatience(stallLimit: 0.4, reportAfter: 0.1))
        let waited = Waited()
        waiter.lockWaitObserver = { waited.record($0.waited) }
        let holding = DispatchSemaphore(value: 0)
        let holderDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.writer.writeWithoutTransaction { db in
                // A tiny page cache makes every insert spill to the WAL: visible progress.
                try db.execute(sql: "PRAGMA cache_size = 8")
                try db.inTransaction(.immediate) {
                    holding.signal()
                    while waited.longest < 1.6 {
                        try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(40000))")
                        Thread.sleep(forTimeInterval: 0.02)
                    }
                    return .commit
                }
            }
            holderDone.signal()
        }
        holding.wait()
        try waiter.add(teknis(nipA, "Menunggu giliran"))
        holderDone.wait()
        #expect(waited.longest >= 1.6)
        #expect(try waiter.records(nip: nipA)?.diklat.map(\.value.nama) == ["Menunggu giliran"])
        #expect(try holder.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filler") } ?? 0 > 0)
    }

    @Test func aStuckLockEndsInBusyAfterTheStallLimit() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("stuck.sqlite").path
        let holder = try SQLiteStore(path: path, context: testContext)
        try seed(holder)
        let waiter = try SQLiteStore(
            path: path, context: testContext, access: .write, patience: LockPatience(stallLimit: 0.3))
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    holding.signal()
                    release.wait()  // holds the lock and does nothing: stuck
                    return .rollback
                }
            }
            released.signal()
        }
        holding.wait()
        #expect(throws: StoreError.busy) { try waiter.add(teknis(nipA, "Tidak sabar")) }
        // A reader is not held up by the stuck writer.
        #expect(try waiter.records(nip: nipA)?.diklat.isEmpty == true)
        release.signal()
        released.wait()
        try waiter.add(teknis(nipA, "Setelah lepas"))
    }

    @Test func aDatabaseOpensForReadingAndReadsWhileAnotherProcessHoldsTheWriteLock() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("readers.sqlite").path
        let holder = try SQLiteStore(path: path, context: testContext)
        try seed(holder)
        try holder.add(teknis(nipB))
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "DELETE FROM diklat")
                    holding.signal()
                    release.wait()
                    return .rollback
                }
            }
            released.signal()
        }
        holding.wait()
        defer {
            release.signal()
            released.wait()
        }
        // Opening for reading takes no lock and writes nothing; it sees the last commit.
        let started = Date()
        let reader = try SQLiteStore(
            path: path, context: testContext, access: .read, patience: LockPatience(stallLimit: 0.2))
        #expect(try reader.records(nip: nipB)?.diklat.count == 1)
        #expect(try reader.scores(year: 2024, unit: nil).count == 3)
        #expect(try reader.unitFigures(year: 2024).count == 2)
        #expect(try reader.check().isEmpty)
        #expect(Date().timeIntervalSince(started) < 5, "a read waited for the writer")
    }
}

/// Failures collected across threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var list: [String] { lock.withLock { items } }
}

/// The longest wait a lock-wait observer reported.
final class Waited: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TimeInterval = 0
    func record(_ waited: TimeInterval) { lock.withLock { value = max(value, waited) } }
    var longest: TimeInterval { lock.withLock { value } }
}
