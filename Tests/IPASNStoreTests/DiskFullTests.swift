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

    @Test func aFailedImportGivesTheWALsSpaceBack() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("full.sqlite").path
        let store = try SQLiteStore(path: path, context: testContext)
        try seed(store)
        try store.add(teknis(nipA, "Pelatihan Pertama"))
        let pages = try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_count")! }
        // Room for about 1.5 MB more; a small page cache spills the import to the WAL as it goes.
        try store.writer.writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA max_page_count = \(pages + 400)")
        }
        var rows = ArrayRowSource(
            kind: .diklat,
            rows: (0..<3000).map { Line($0 + 2, ImportRow.record(teknis(nipB, "Kursus panjang \($0) " + String(repeating: "x", count: 900), jp: 2))) })
        #expect(throws: StoreError.diskFull) { try store.importRows(&rows, skipInvalid: false) }
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(wal == 0)
        #expect(try store.records(nip: nipB)?.diklat.isEmpty == true)
        #expect(try store.records(nip: nipA)?.diklat.count == 1)
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try store.check().isEmpty)
    }

    @Test func severalChangesInOneTransactionAreAllOrNothing() throws {
        let store = try seededStore()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.inOneTransaction {
                try store.add(teknis(nipA, "Satu"))
                var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipB, "Dua")))])
                #expect(try store.importRows(&rows, skipInvalid: false).imported == 1)
                throw Stop()
            }
        }
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
        #expect(try store.records(nip: nipB)?.diklat.isEmpty == true)
        // No audit entry of the import nor of a record survives the rollback.
        #expect(
            try store.auditLog(limit: 10).allSatisfy { entry in
                if case .record = entry.subject { return false }
                return entry.action != .import
            })
        // A refused import inside rolls back only itself.
        try store.inOneTransaction {
            try store.add(teknis(nipA, "Tiga"))
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis("199912312020121099", "Empat")))])
            #expect(try store.importRows(&rows, skipInvalid: false).imported == 0)
        }
        #expect(try store.records(nip: nipA)?.diklat.map(\.value.nama) == ["Tiga"])
    }
}
