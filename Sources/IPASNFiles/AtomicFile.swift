import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that a reader sees either the old content or the new, never half of
/// it, and nothing is left behind elsewhere: the bytes go to a hidden temporary file in the
/// target's own folder (`.<name>.<pid>-<random>.tmp`, created exclusively), are synced to disk,
/// and the file is renamed over the target; the folder is then synced so the rename survives a
/// crash. On any failure the temporary file is removed and the target is left as it was.
///
/// Foundation's `.atomic` writes may stage in a replacement directory under the system's
/// temporary folder (`/tmp/TemporaryDirectory.XXXXXX`) that is never removed; the product uses
/// this instead.
public enum AtomicFile {
    /// Why a write failed: the path and the system's error number (a POSIX-domain error, so
    /// callers' sentences for "no permission", "disk full"... apply).
    public struct Failure: Error, Equatable, CustomNSError, CustomStringConvertible {
        public var path: String
        public var code: Int32
        public init(path: String, code: Int32) {
            self.path = path
            self.code = code
        }
        public static var errorDomain: String { NSPOSIXErrorDomain }
        public var errorCode: Int { Int(code) }
        public var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Replaces (or creates) `path` with `bytes`; `mode` is the new file's permission bits.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o644) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        let temporary = folder + "/." + target.lastPathComponent
            + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path) }
        var closed = false
        do {
            defer { if !closed { close(fd) } }
            let data = Array(bytes)
            var offset = 0
            while offset < data.count {
                let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, data.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += n
            }
            guard fsync(fd) == 0 else { throw failure(path) }
            closed = true
            guard close(fd) == 0 else { throw failure(path) }
            guard rename(temporary, path) == 0 else { throw failure(path) }
        } catch {
            unlink(temporary)
            throw error
        }
        // The rename is durable once the folder is synced (a folder that cannot be synced,
        // e.g. on some network file systems, still holds the complete file).
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// Replaces (or creates) `path` with `text` as UTF-8.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, code: errno)
    }
}
