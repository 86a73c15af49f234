import Foundation

/// A hand-measuring aid (issue 14, branch mem2): with `IPASN_MEMORY_TRACE` set in the
/// environment, each ``mark(_:)`` writes one line to stderr with the process's peak resident
/// memory DURING the phase that just ended and its resident memory now, then resets the
/// kernel's peak (`/proc/self/clear_refs`, "5"), so every phase's peak is its own. `ipasn
/// import` marks the store opened and the end (commit and report); a measurement adds marks
/// between where it needs them (docs/performance.md, "Import and workstation memory at
/// 500,000", lists the ones used to find the import's growth).
///
/// Off (the default) it costs one `Bool` test per mark. On, the process's own high-water mark
/// (`getrusage`, `/usr/bin/time`'s "Maximum resident set size") only covers the last phase,
/// so ``mark(_:)`` keeps the whole run's largest peak and writes it with every line.
public enum MemoryTrace {
    /// Whether `IPASN_MEMORY_TRACE` is set.
    public static let enabled = ProcessInfo.processInfo.environment["IPASN_MEMORY_TRACE"] != nil

    nonisolated(unsafe) private static var overall = 0
    nonisolated(unsafe) private static var started = Date()
    private static let lock = NSLock()

    /// Ends a phase named `phase`: writes `memory: <phase>: peak P MB, now R MB (run peak M MB, T s)`.
    public static func mark(_ phase: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return }
        let peak = kibibytes(of: "VmHWM", in: status) ?? 0
        let now = kibibytes(of: "VmRSS", in: status) ?? 0
        overall = max(overall, peak)
        let seconds = Date().timeIntervalSince(started)
        let line = "memory: \(phase): peak \(megabytes(peak)) MB, now \(megabytes(now)) MB (run peak \(megabytes(overall)) MB, "
            + String(format: "%.1f", seconds) + " s)\n"
        FileHandle.standardError.write(Data(line.utf8))
        // The next phase's peak starts from what is resident now.
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            handle.write(Data("5".utf8))
            try? handle.close()
        }
    }

    /// The value in KiB of a `/proc/PID/status` field such as `VmHWM:    73984 kB`, or nil.
    static func kibibytes(of field: String, in status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Int(digits)
        }
        return nil
    }

    /// KiB as MB of 2^20 bytes with one decimal (as the benchmark's RSS rows).
    static func megabytes(_ kib: Int) -> String { String(format: "%.1f", Double(kib) / 1024) }
}
