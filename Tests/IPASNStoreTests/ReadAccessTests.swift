import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Opening for reading: nothing is created or written, a read-only file or directory can be
/// read, and files that are not (or not yet) this version's databases are refused untouched.
@Suite(.serialized) struct ReadAccessTests {
    func fileBytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A closed, checkpointed database with the sample (no -wal left).
    func makeDatabase(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("ipasn.sqlite").path
        do {
            let store = try SQLiteStore(path: path, context: testContext)
            try seed(store)
            try store.add(teknis(nipA, jp: 24))
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        return path
    }

    @Test func readingAMissingFileCreatesNothing() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("no/such/dir/x.sqlite").path
        #expect(throws: StoreError.notFound(path: path)) { try SQLiteStore(path: path, context: testContext, access: .read) }
        #expect(throws: StoreError.notFound(path: path)) { try SQLiteStore(path: path, context: testContext, access: .write) }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("no").path))
        let created = try SQLiteStore(path: path, context: testContext, access: .create)
        #expect(created.wasCreated)
        #expect(try !SQLiteStore(path: path, context: testContext, access: .create).wasCreated)
    }

    @Test func openingForReadingWritesNothingAndRefusesChanges() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeDatabase(dir)
        let before = try fileBytes(path)
        do {
            let store = try SQLiteStore(path: path, context: testContext, access: .read)
            #expect(store.isReadOnly)
            #expect(try store.score(nip: nipA, year: 2024)?.kompetensi ?? 0 > 0)
            #expect(throws: StoreError.readOnly) { try store.add(teknis(nipB)) }
            #expect(throws: StoreError.readOnly) { try store.saveDraft(Draft(form: "diklat", nip: nipA, editing: nil, fields: [:], savedAt: fixedNow), owner: "test") }
        }
        #expect(try fileBytes(path) == before)
        // SQLite's WAL protocol may leave an empty -wal beside it; nothing is in it.
        #expect((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 == 0)
    }

    @Test func aReadOnlyFileInAReadOnlyDirectoryCanBeRead() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard ReadOnlyFiles.isSupported(in: dir) else { return }
        let path = try makeDatabase(dir)
        let before = try fileBytes(path)
        try ReadOnlyFiles.protect([path, dir.path])
        defer { ReadOnlyFiles.restore([path, dir.path]) }
        // A write open is refused as read-only (never an SQLite message).
        #expect(throws: StoreError.readOnly) { try SQLiteStore(path: path, context: testContext, access: .create) }
        let store = try SQLiteStore(path: path, context: testContext, access: .read)
        #expect(try store.scores(year: 2024, unit: nil).map(\.pegawai.nip) == [nipA, nipB, nipC])
        #expect(try store.unitFigures(year: 2024).map(\.unit.kode) == ["ROOT", "SUB"])
        #expect(try store.check().isEmpty)
        #expect(try store.records(nip: nipA)?.diklat.count == 1)
        #expect(throws: StoreError.readOnly) { try store.add(teknis(nipB)) }
        #expect(try fileBytes(path) == before)
    }

    @Test func aYearThatIsNotCachedIsComputedWithoutWriting() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeDatabase(dir)
        let before = try fileBytes(path)
        let reader = try SQLiteStore(path: path, context: testContext, access: .read)
        let computed = try reader.scores(year: 2023, unit: "SUB")
        let totals = try reader.directUnitTotals(year: 2023)
        #expect(try fileBytes(path) == before)
        // The same figures a writable store caches.
        let writer = try SQLiteStore(path: path, context: testContext)
        #expect(try writer.scores(year: 2023, unit: "SUB") == computed)
        #expect(computed.map(\.pegawai.nip) == [nipB, nipC])
        #expect(try writer.directUnitTotals(year: 2023) == totals)
        #expect(totals["SUB"]?.pegawai == 2)
    }

    @Test func aDatabaseFromANewerVersionIsRefusedAndLeftAlone() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeDatabase(dir)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')") }
        }
        let before = try fileBytes(path)
        for access in [SQLiteStore.Access.read, .write, .create] {
            #expect(throws: StoreError.newerVersion(path: path)) { try SQLiteStore(path: path, context: testContext, access: access) }
        }
        #expect(try fileBytes(path) == before)
        #expect(StoreError.newerVersion(path: path).message(.id).contains("versi lebih baru"))
    }

    @Test func aFileThatIsNotAnIpasnDatabaseIsRefusedUntouched() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.sqlite").path
        try Data("nip,nama\n1,Andi\n".utf8).write(to: URL(fileURLWithPath: text))
        let other = dir.appendingPathComponent("other.sqlite").path
        do {
            let queue = try DatabaseQueue(path: other)
            try queue.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        }
        for path in [text, other] {
            let before = try fileBytes(path)
            for access in [SQLiteStore.Access.read, .create] {
                #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteStore(path: path, context: testContext, access: access) }
            }
            #expect(try fileBytes(path) == before)
        }
    }

    @Test func anOlderDatabaseIsUpgradedByWritingNotByReading() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeDatabase(dir)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write {
                try $0.execute(sql: "DROP INDEX pegawai_nip_unit; DELETE FROM grdb_migrations WHERE identifier = 'v2'")
            }
        }
        let before = try fileBytes(path)
        #expect(throws: StoreError.needsUpgrade(path: path)) { try SQLiteStore(path: path, context: testContext, access: .read) }
        #expect(try fileBytes(path) == before)
        _ = try SQLiteStore(path: path, context: testContext, access: .write)
        let reader = try SQLiteStore(path: path, context: testContext, access: .read)
        #expect(try reader.countPegawai() == 3)
    }

    @Test func aReadThatMeetsALockIsNotToldNothingWasSaved() throws {
        let store = try seededStore()
        #expect(throws: StoreError.busyReading) {
            try store.read { _ -> Int in throw DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked") }
        }
        for language in [Language.id, .en] {
            let message = StoreError.busyReading.message(language)
            #expect(!message.contains("BELUM tersimpan") && !message.contains("nothing was saved"))
        }
        // A write that meets a stuck lock does say the change was not saved.
        #expect(StoreError.busy.message(.id).contains("BELUM tersimpan"))
    }

    @Test func noSQLiteTextReachesTheAdmin() throws {
        let store = try seededStore()
        let failures: [DatabaseError] = [
            DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error"),
            DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed"),
            DatabaseError(resultCode: .SQLITE_ERROR, message: "no such table: diklat"),
            DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "unable to open database file"),
        ]
        for failure in failures {
            do {
                _ = try store.read { _ -> Int in throw failure }
                Issue.record("no error")
            } catch let error as StoreError {
                for language in [Language.id, .en] {
                    let message = error.message(language).lowercased()
                    #expect(!message.contains("sqlite") && !message.contains(failure.message!), "\(message)")
                }
            }
        }
    }
}
