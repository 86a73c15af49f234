import Foundation
import GRDB

extension SQLiteStore {
    /// Copies the whole database, as one consistent snapshot, to a new file at `path` with
    /// SQLite's online backup API (other admins may keep reading and saving meanwhile). The
    /// copy is written next to `path` as `path.partial` and renamed when complete, so `path`
    /// is either a whole backup or absent. Refuses to overwrite an existing file. The copy gets
    /// the database file's own permission bits (0664 under docs/deployment.md's `umask 002`),
    /// whatever the umask of the login that runs the backup: a backup put back in place of the
    /// database by `cp` stays writable by the team and no more readable than the database was
    /// (SQLite alone would make it 0644). An in-memory database's copy takes 0666 less the umask.
    ///
    /// - Throws: ``StoreError/diskFull``, ``StoreError/readOnly``, ``StoreError/io(_:)``, or a
    ///   file-system error when `path` exists.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
        }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try Self.translating(path: partial) {
                try Self.createEmpty(partial, mode: databaseFileMode())
                let destination = try DatabaseQueue(path: partial)
                try writer.backup(to: destination)
                // One self-contained file: no WAL beside it.
                try destination.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
                try destination.close()
            }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            throw error
        }
    }

    /// The permission bits (rwx of owner, group, others) of the database file; nil in memory.
    func databaseFileMode() -> mode_t? {
        guard let path else { return nil }
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o666
    }

    /// Creates the empty file at `path` with exactly `mode` (the umask does not apply), or with
    /// 0666 less the umask when `mode` is nil, before SQLite opens it.
    static func createEmpty(_ path: String, mode: mode_t?) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o666)
        guard fd >= 0 else { throw StoreError.io(String(cString: strerror(errno))) }
        defer { close(fd) }
        if let mode, fchmod(fd, mode) != 0 { throw StoreError.io(String(cString: strerror(errno))) }
    }
}
