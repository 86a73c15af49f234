import Foundation

/// Makes files and directories truly read-only for a test, even when the tests run as root
/// (who ignores permission bits): `chattr +i` (immutable) as root, `chmod a-w` otherwise.
public enum ReadOnlyFiles {
    /// Makes `paths` read-only; undo with ``restore(_:)`` (always, or the files cannot be removed).
    public static func protect(_ paths: [String]) throws {
        for path in paths {
            if geteuid() == 0 {
                try run("/usr/bin/chattr", ["+i", path])
            } else {
                let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o644
                try FileManager.default.setAttributes([.posixPermissions: mode & ~0o222], ofItemAtPath: path)
            }
        }
    }

    public static func restore(_ paths: [String]) {
        for path in paths {
            if geteuid() == 0 {
                try? run("/usr/bin/chattr", ["-i", path])
            } else {
                let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o444
                try? FileManager.default.setAttributes([.posixPermissions: mode | 0o200], ofItemAtPath: path)
            }
        }
    }

    /// Whether a write to a protected file really fails here (false on a file system without
    /// `chattr` support, where a read-only test cannot be staged).
    public static func isSupported(in directory: URL) -> Bool {
        let probe = directory.appendingPathComponent(".ro-probe-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data("x".utf8)) else { return false }
        defer {
            restore([probe.path])
            try? FileManager.default.removeItem(at: probe)
        }
        guard (try? protect([probe.path])) != nil else { return false }
        return FileHandle(forWritingAtPath: probe.path) == nil
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: arguments.last ?? ""])
        }
    }
}
