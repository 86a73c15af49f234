import Foundation
import GRDB
import IPASNCore
import Testing

@testable import IPASNDemo
@testable import IPASNStore

/// The demo sample on a full disk: all of it or nothing (never 2,000 employees without their
/// records under a message that says nothing was saved).
@Suite struct DemoDiskFullTests {
    @Test func aFullDiskLeavesNothingOfTheSample() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-demo-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let today = LocalDate(year: 2025, month: 6, day: 15)!
        let context = StoreContext(actor: "test", now: { Date(timeIntervalSince1970: 1_750_000_000) })
        let store = try SQLiteStore(path: dir.appendingPathComponent("demo.sqlite").path, context: context)
        let pages = try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_count")! }
        // Room for the units and employees (about 60 pages) but not for their records.
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 90)") }
        var written: [CSVFileKind] = []
        #expect(throws: StoreError.diskFull) {
            try DemoGenerator(seed: 1, pegawai: 300, today: today).write(to: store) { kind, _ in written.append(kind) }
        }
        // The units and pegawai were imported before the disk filled up, and are gone again.
        #expect(written.contains(.pegawai))
        #expect(try store.countPegawai() == 0)
        #expect(try store.units().isEmpty)
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try store.check().isEmpty)
        let counts = try DemoGenerator(seed: 1, pegawai: 300, today: today).write(to: store)
        #expect(try store.countPegawai() == 300)
        #expect(counts[.pegawai] == 300)
    }
}
