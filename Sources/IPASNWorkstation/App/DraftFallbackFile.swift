import Foundation
import IPASNStore

/// The open form's draft, kept in a file of the admin's own when the store cannot take it:
/// the database server is down (the screen says "Isian Anda tetap") and then the SSH session
/// drops. Without it, what was typed during the outage was lost with the process (user test
/// 5). One file per window (its ``session``), as the store keeps one draft per window: two
/// windows of one login during an outage wrote over each other's one file per login (user
/// test 9). Each holds its window's newest draft that failed, readable by its owner only
/// (0600, in a 0700 folder); the next start puts every one of them into the store (where each
/// replaces that window's older draft of its form) and removes them, then offers them as any
/// draft.
struct DraftFallbackFile {
    /// The database's name for the files: `~/.local/state/ipasn/draft-<hash>.json`
    /// (``path(home:database:)``), the one file per login that earlier versions wrote.
    let path: String
    /// This window's session (``StoreContext/session``).
    let session: String

    /// The file for `database` (a path or a `postgresql://` URL) in `home`:
    /// `~/.local/state/ipasn/draft-<hash>.json`, one name per database; each window's file is
    /// ``windowPath``.
    static func path(home: String, database: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike hashValue
        for byte in database.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return home + "/.local/state/ipasn/draft-" + String(hash, radix: 16) + ".json"
    }

    /// This window's file: `draft-<hash>.<session>.json`.
    var windowPath: String {
        let safe = String(session.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" ? Character($0) : "_" })
        return Self.stem(path) + "." + safe + ".json"
    }

    private static func stem(_ path: String) -> String {
        path.hasSuffix(".json") ? String(path.dropLast(5)) : path
    }

    func keep(_ draft: Draft) {
        guard let data = try? JSONEncoder().encode(draft) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let partial = windowPath + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        _ = rename(partial, windowPath)
    }

    /// Every window's kept draft of this database (and the one file of earlier versions),
    /// with its file.
    func keptByEveryWindow() -> [(path: String, draft: Draft)] {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (Self.stem(path) as NSString).lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = [path] + names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
        return files.compactMap { file in
            guard let data = FileManager.default.contents(atPath: file), let draft = try? JSONDecoder().decode(Draft.self, from: data)
            else { return nil }
            return (file, draft)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: windowPath)
    }
}
