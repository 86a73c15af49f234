import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How patiently a write waits for another process's transaction to finish.
///
/// A write never gives up while the transaction holding the lock is moving (its WAL or the
/// database file changes, another transaction takes its turn, or the holding process is using
/// the CPU). Only a lock that shows no sign of progress for ``stallLimit`` ends the wait with
/// ``StoreError/busy``: a stuck process, not a long import.
public struct LockPatience: Sendable, Hashable {
    /// How long the holder may show no progress before the write gives up.
    public var stallLimit: TimeInterval
    /// The pause between two attempts to take the lock.
    public var pollInterval: TimeInterval
    /// The wait is reported (``SQLiteStore/lockWaitObserver``) once it is longer than this,
    /// and then about every `reportInterval`.
    public var reportAfter: TimeInterval
    public var reportInterval: TimeInterval

    public init(stallLimit: TimeInterval, pollInterval: TimeInterval = 0.02, reportAfter: TimeInterval = 0.5,
        reportInterval: TimeInterval = 0.25)
    {
        self.stallLimit = stallLimit
        self.pollInterval = pollInterval
        self.reportAfter = reportAfter
        self.reportInterval = reportInterval
    }

    /// 20 s without any progress: far longer than any fsync or page spill of a live import.
    public static let standard = LockPatience(stallLimit: 20)
}

/// A write that is waiting for another transaction, as reported to the front end.
public struct LockWaitStatus: Sendable, Hashable {
    /// Seconds waited so far.
    public var waited: TimeInterval
    /// The process holding the lock, when the system tells (Linux).
    public var holderPID: Int32?

    public init(waited: TimeInterval, holderPID: Int32?) {
        self.waited = waited
        self.holderPID = holderPID
    }
}

/// What shows that the transaction holding the lock is moving: any change between two looks
/// is progress.
struct LockProgress: Hashable, Sendable {
    var walSize: Int64 = -1
    var walModified: Double = 0
    var databaseSize: Int64 = -1
    var databaseModified: Double = 0
    /// The process holding the write lock (Linux `/proc/locks`), nil when unknown or when it
    /// is this process.
    var holder: Int32?
    /// The holder's CPU time in clock ticks (Linux `/proc/PID/stat`).
    var holderCPU: UInt64?
}

/// Decides, each time SQLite finds the database locked, whether to keep waiting: the busy
/// handler of every ``SQLiteStore`` write connection.
///
/// The decision is separate from sleeping and from the file system (``probe`` and ``clock``
/// are injected), so the policy is tested without timing.
final class LockWaiter: @unchecked Sendable {
    let patience: LockPatience
    let probe: @Sendable () -> LockProgress
    let clock: @Sendable () -> TimeInterval
    private let lock = NSLock()
    private var last: LockProgress?
    private var started: TimeInterval = 0
    private var lastChange: TimeInterval = 0
    private var lastReport: TimeInterval?
    private var waitingAllowed = true
    private var observer: (@Sendable (LockWaitStatus) -> Void)?

    init(
        patience: LockPatience, probe: @escaping @Sendable () -> LockProgress,
        clock: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.patience = patience
        self.probe = probe
        self.clock = clock
    }

    /// The front end's view of a wait (called on the thread that waits, about every
    /// ``LockPatience/reportInterval`` once the wait is longer than ``LockPatience/reportAfter``).
    var onWait: (@Sendable (LockWaitStatus) -> Void)? {
        get { lock.withLock { observer } }
        set { lock.withLock { observer = newValue } }
    }

    /// Runs `body` with waiting turned off: a lock then fails at once (a clean-up that may
    /// be skipped, such as the checkpoint after a rollback).
    func withoutWaiting<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock { waitingAllowed = false }
        defer { lock.withLock { waitingAllowed = true } }
        return try body()
    }

    /// Whether to try again. `tries` is SQLite's count of calls for this wait (0 first).
    /// Returns the status to report, when one is due.
    func decide(tries: Int) -> (keepWaiting: Bool, report: LockWaitStatus?) {
        let now = clock()
        let seen = probe()
        return lock.withLock {
            guard waitingAllowed else { return (false, nil) }
            if tries == 0 || last == nil {
                started = now
                lastChange = now
                lastReport = nil
                last = seen
            } else if seen != last {
                last = seen
                lastChange = now
            }
            if now - lastChange > patience.stallLimit { return (false, nil) }
            let waited = now - started
            var report: LockWaitStatus?
            if waited >= patience.reportAfter, lastReport.map({ now - $0 >= patience.reportInterval }) ?? true {
                lastReport = now
                report = LockWaitStatus(waited: waited, holderPID: seen.holder)
            }
            return (true, report)
        }
    }

    /// The GRDB busy callback: decide, report, pause, retry.
    func busyCallback(tries: Int) -> Bool {
        let (keepWaiting, report) = decide(tries: tries)
        if let report, let observer = onWait { observer(report) }
        if keepWaiting { Thread.sleep(forTimeInterval: patience.pollInterval) }
        return keepWaiting
    }
}

/// Looks at an SQLite database's files (and, on Linux, at the process holding its write lock).
enum LockProbe {
    static func progress(databasePath path: String) -> LockProgress {
        var result = LockProgress()
        var info = stat()
        if stat(path + "-wal", &info) == 0 {
            result.walSize = Int64(info.st_size)
            result.walModified = modified(info)
        }
        if stat(path, &info) == 0 {
            result.databaseSize = Int64(info.st_size)
            result.databaseModified = modified(info)
        }
        #if os(Linux)
            var shm = stat()
            if stat(path + "-shm", &shm) == 0,
                let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8),
                let holder = writeLockHolder(procLocks: locks, inode: UInt64(shm.st_ino)),
                holder != getpid()
            {
                result.holder = holder
                result.holderCPU = cpuTicks(pid: holder)
            }
        #endif
        return result
    }

    private static func modified(_ info: stat) -> Double {
        #if os(Linux)
            return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #else
            return Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #endif
    }

    /// The process holding a write lock on the WAL's write/checkpoint/recovery bytes (120 to
    /// 122 of the `-shm` file, as SQLite's unix VFS lays them out), from `/proc/locks` lines
    /// such as `1: POSIX  ADVISORY  WRITE 3568 fd:01:1311357 120 120`.
    static func writeLockHolder(procLocks: String, inode: UInt64) -> Int32? {
        for line in procLocks.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // A line "N: -> POSIX ..." is a process blocked waiting for that lock, not a holder.
            if fields.count > 1 && fields[1] == "->" { continue }
            let f = Array(fields.dropFirst())
            guard f.count >= 7, f[0] == "POSIX", f[2] == "WRITE", let pid = Int32(f[3]) else { continue }
            guard let lockInode = f[4].split(separator: ":").last.flatMap({ UInt64($0) }), lockInode == inode else {
                continue
            }
            guard let start = UInt64(f[5]) else { continue }
            let end = f[6] == "EOF" ? UInt64.max : UInt64(f[6]) ?? 0
            if start <= 122 && end >= 120 { return pid }
        }
        return nil
    }

    /// User plus system CPU time of a process, in clock ticks (`/proc/PID/stat` fields 14, 15).
    static func cpuTicks(pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        return cpuTicks(procStat: stat)
    }

    static func cpuTicks(procStat: String) -> UInt64? {
        // The command name may contain spaces and parentheses: fields start after the last ')'.
        guard let close = procStat.lastIndex(of: ")") else { return nil }
        let fields = procStat[procStat.index(after: close)...].split(separator: " ")
        // fields[0] is the state (field 3), so utime (14) and stime (15) are at 11 and 12.
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        return user + system
    }
}
