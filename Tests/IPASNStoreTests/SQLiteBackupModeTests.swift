import Foundation
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// `ipasn backup`'s copy carries the database file's own permission bits, whatever the umask of
/// the login running it (usertest round 10: the copy of a 0664 database was 0644, so a backup
/// put back by `cp` would have locked the team out of saving). The runner's umask is left
/// alone (tests run in parallel); the three modes differ from what SQLite alone would give
/// under any common umask.
@Suite struct SQLiteBackupModeTests {
    @Test(arguments: [mode_t(0o664), 0o660, 0o600])
    func theCopyHasTheDatabasesMode(_ mode: mode_t) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent("ipasn.sqlite").path
        let store = try SQLiteStore(path: path, context: testContext)
        try SmallProvince.seed(store)
        try store.add(teknis(nipC))
        #expect(chmod(path, mode) == 0)
        let copy = dir.url.appendingPathComponent("cadangan.sqlite").path
        try store.backup(to: copy)
        #expect(Self.mode(of: copy) == mode)
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial"))
        let reopened = try SQLiteStore(path: copy, context: testContext, access: .read)
        #expect(try reopened.records(nip: nipC)?.diklat.count == 1)
    }

    @Test func aBackupNeverReplacesAnExistingFileNorChangesItsMode() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent("ipasn.sqlite").path
        let store = try SQLiteStore(path: path, context: testContext)
        let copy = dir.url.appendingPathComponent("cadangan.sqlite").path
        #expect(FileManager.default.createFile(atPath: copy, contents: Data("keep".utf8), attributes: [.posixPermissions: 0o640]))
        #expect(throws: (any Error).self) { try store.backup(to: copy) }
        #expect(Self.mode(of: copy) == 0o640)
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == "keep")
    }

    static func mode(of path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o777 : 0
    }
}
