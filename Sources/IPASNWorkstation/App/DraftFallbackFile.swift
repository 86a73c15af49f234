import Foundation
import IPASNStore

/// The open form's draft, kept in a file of the admin's own when the store cannot take it:
/// the database server is down (the screen says "Isian Anda tetap") and then the SSH session
/// drops. Without it, what was typed during the outage was lost with the process (user test
/// 5). One draft (the newest that failed), readable by its owner only (0600, in a 0700
/// folder); the next start puts it into the store (where it replaces that form's older
/// draft) and removes the file, then offers it as any draft.
struct DraftFallbackFile {
    let path: String

    /// The file for `database` (a path or a `postgresql://` URL) in `home`:
    /// `~/.local/state/ipasn/draft-<hash>.json`, one per database.
    static func path(home: String, database: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike hashValue
        for byte in database.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return home + "/.local/state/ipasn/draft-" + String(hash, radix: 16) + ".json"
    }

    func keep(_ draft: Draft) {
        guard let data = try? JSONEncoder().encode(draft) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        _ = rename(partial, path)
    }

    func load() -> Draft? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Draft.self, from: data)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
