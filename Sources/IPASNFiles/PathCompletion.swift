import Foundation

/// Tab completion of a path in the workstation's import dialog, as a shell completes: the
/// longest prefix the candidates share, a folder ending in `/`, `~` for the home folder. Only
/// folders and the files an import reads (`.csv`, `.xlsx`) are offered; hidden names only when
/// the typed part starts with a dot.
public struct PathCompletion: Hashable, Sendable {
    /// The home folder `~` stands for.
    public var home: String
    /// The folder a relative path starts from.
    public var currentDirectory: String

    public init(home: String, currentDirectory: String) {
        self.home = home
        self.currentDirectory = currentDirectory
    }

    /// The process's home and working folder.
    public static var process: PathCompletion {
        PathCompletion(
            home: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory(),
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// What one Tab gives: the text completed as far as the candidates agree, and the
    /// candidates (names, a folder's with its `/`), sorted.
    public struct Outcome: Hashable, Sendable {
        public var text: String
        public var candidates: [String]
    }

    /// `~` or `~/...` with the home folder in its place (what the import opens).
    public func expanded(_ text: String) -> String {
        if text == "~" { return home }
        if text.hasPrefix("~/") { return (home.hasSuffix("/") ? String(home.dropLast()) : home) + String(text.dropFirst()) }
        return text
    }

    /// Completes `text` (the whole field). A lone `~` becomes `~/`.
    public func complete(_ text: String) -> Outcome {
        if text == "~" { return Outcome(text: "~/", candidates: []) }
        let slash = text.lastIndex(of: "/")
        let folderPart = slash.map { String(text[...$0]) } ?? ""
        let prefix = slash.map { String(text[text.index(after: $0)...]) } ?? text
        var folder = expanded(folderPart)
        if folder.isEmpty { folder = currentDirectory } else if !folder.hasPrefix("/") { folder = currentDirectory + "/" + folder }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var candidates: [String] = []
        for name in names where name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !name.hasPrefix(".")) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isFolder) else {
                continue
            }
            if isFolder.boolValue {
                candidates.append(name + "/")
            } else if ["csv", "xlsx"].contains((name as NSString).pathExtension.lowercased()) {
                candidates.append(name)
            }
        }
        candidates.sort()
        guard let first = candidates.first else { return Outcome(text: text, candidates: []) }
        let shared = candidates.dropFirst().reduce(first) { Self.commonPrefix($0, $1) }
        return Outcome(text: folderPart + (shared.count > prefix.count ? shared : prefix), candidates: candidates)
    }

    /// The longest start two names share (by characters).
    static func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }
}
