import Foundation
import GRDB

extension SQLiteStore {
    /// Copies the whole database, as one consistent snapshot, to a new file at `path` with
    /// SQLite's online backup API (other admins may keep reading and saving meanwhile). The
    /// copy is written next to `path` as `path.partial` and renamed when complete, so `path`
    /// is either a whole backup or absent. Refuses to overwrite an existing file.
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
}
