import Foundation
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// A new database file is writable by the group under the deployment's `umask 002`
/// (SQLite alone would make it 0644, and its -wal and -shm files follow the database's mode).
@Suite struct ShareableFileTests {
    @Test func aNewDatabaseFileGetsTheModeTheUmaskAllows() throws {
        let dir = try TemporaryDirectory(prefix: "ipasn-mode")
        defer { dir.remove() }
        let mask = umask(0o022)
        umask(mask)
        let path = dir.path("kota/ipasn.sqlite")
        let store = try SQLiteStore(path: path, context: TestClock.context())
        try store.setMeasurementYear(2024)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o666 & ~Int(mask))
        #expect(store.wasCreated)
        #expect(store.becameFirstOperator)
        // An existing file keeps its mode.
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        _ = try SQLiteStore(path: path, context: TestClock.context(), access: .write)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
    }
}
