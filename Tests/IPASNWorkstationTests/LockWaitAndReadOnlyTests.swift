import Foundation
import GRDB
import IPASNCore
import IPASNTerminal
import Testing

@testable import IPASNStore
@testable import IPASNWorkstation

/// The workstation while another admin's import holds the database, and on a database it
/// may only read.
@Suite struct LockWaitAndReadOnlyTests {
    func typeTeknis(_ s: VirtualScreen) {
        s.openAyu()
        s.enqueue(text: "k")
        s.enqueue(text: "Teknis\tPelatihan Analisis Jabatan\tBPSDM Bali\t01-03-2024\t2024-03-05\t20")
        s.enqueue(.ctrl("s"))
    }

    func temporaryPath() throws -> (URL, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, dir.appendingPathComponent("ipasn.sqlite").path)
    }

    @Test func theWaitIsShownOverTheScreenAndThenGivesTheScreenBack() throws {
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        let station = try Workstation(store: try makeStore(), screen: screen, language: .id, context: testContext)
        try station.start()
        station.showLockWait(LockWaitStatus(waited: 3.4, holderPID: 4242))
        #expect(screen.lastFrame?.text.contains("Menunggu impor lain selesai ... (3 dtk)") == true)
        #expect(station.app.message == nil, "the wait message does not stay after the wait")
        let english = try Workstation(store: try makeStore(), screen: screen, language: .en, context: testContext)
        try english.start()
        english.showLockWait(LockWaitStatus(waited: 12, holderPID: nil))
        #expect(screen.lastFrame?.text.contains("Waiting for another import to finish ... (12 s)") == true)
    }

    @Test func aSaveWaitsForAnotherImportShowingItAndThenSaves() throws {
        let (dir, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try makeStore(path: path)
        // The other admin's import: its own connection, a large transaction spilling to the WAL.
        let other = try SQLiteStore(path: path, context: testContext)
        try other.writer.write { try $0.execute(sql: "CREATE TABLE filler(x BLOB)") }
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        typeTeknis(screen)
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        let waited = LongestWait()
        nonisolated(unsafe) let shown = station
        store.lockWaitObserver = { status in
            waited.record(status.waited)
            shown.showLockWait(status)
        }
        let holding = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = 8")
                try db.inTransaction(.immediate) {
                    holding.signal()
                    while waited.longest < 1.0 {
                        try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(40000))")
                        Thread.sleep(forTimeInterval: 0.02)
                    }
                    return .commit
                }
            }
            done.signal()
        }
        holding.wait()
        try station.run()
        done.wait()
        #expect(screen.everShowed("Menunggu impor lain selesai"))
        #expect(screen.text.contains("Tersimpan"))
        #expect(try store.records(nip: ayuNIP)?.diklat.contains { $0.value.nama == "Pelatihan Analisis Jabatan" } == true)
    }

    @Test func aReadOnlyDatabaseCanBeBrowsedAndASaveIsRefusedWithAMessage() throws {
        let (dir, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try makeStore(path: path)
        let store = try SQLiteStore(path: path, context: testContext, access: .read)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        typeTeknis(screen)
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        station.announceReadOnly()
        try station.run()
        #expect(screen.frame(0).contains("Badan Kepegawaian dan Pengembangan"))
        #expect(screen.frame(0).contains("hanya bisa dibaca"))
        #expect(screen.everShowed("Ni Ketut Ayu Lestari"))
        #expect(screen.everShowed("tidak bisa ditulis"))
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2)
    }
}

/// The longest wait reported (written by the waiting thread, read by the holder's).
final class LongestWait: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TimeInterval = 0
    func record(_ waited: TimeInterval) { lock.withLock { value = max(value, waited) } }
    var longest: TimeInterval { lock.withLock { value } }
}
