import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// A full disk, simulated with SQLite's page limit on the writer connection: the save is
/// refused as ``StoreError/diskFull`` (not an SQLite error), nothing of it stays, and the
/// database is intact and usable again once there is room.
@Suite struct DiskFullTests {
    @Test func aFullDiskRefusesTheSaveAndLosesNothingCommitted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("full.sqlite"), context: testContext)
        try SmallProvince.seed(store)
        try store.add(teknis(nipA, "Pelatihan Pertama"))
        let pages = try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_count")! }
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages)") }

        // A long name fills pages fast; keep adding until the "disk" is full.
        var refused: Error?
        for index in 0..<500 where refused == nil {
            do {
                try store.add(teknis(nipB, String(repeating: "Pelatihan panjang \(index) ", count: 8)))
            } catch {
                refused = error
            }
        }
        #expect(refused as? StoreError == .diskFull)
        let saved = try #require(try store.records(nip: nipB)).diklat.count
        // Every save before the full disk is there, with its audit row; the refused one is not.
        let audited = try store.writer.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit WHERE action = 'insert' AND entity = 'diklat' AND nip = ?", arguments: [nipB])!
        }
        #expect(audited == saved)
        #expect(try store.records(nip: nipA)?.diklat.count == 1)

        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try store.check().isEmpty)
        try store.add(teknis(nipC, "Setelah disk lega"))
        #expect(try store.records(nip: nipC)?.diklat.count == 1)
    }
}
