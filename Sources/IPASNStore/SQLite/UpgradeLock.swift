import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One ipasn process at a time upgrades a database (branch fixes, issue 10's follow-up).
///
/// GRDB's migrator reads which migrations are applied, then runs each missing one in its own
/// transaction. Two processes opening an old database at the same moment both read "missing",
/// and the second one, once the first has committed a step, runs that step again: it fails on
/// `grdb_migrations`' key (SQLite error 19) and rolls back, and the workstation stopped with
/// "data tersimpan tidak terbaca" before its screen came up (seen with five workstations
/// started together after an update). Now the upgrade runs holding an exclusive `flock` on the
/// database's directory; whoever waited for it reads the applied migrations again and finds
/// nothing left to do, then opens as usual.
///
/// The directory, not the database file: an advisory `flock` is separate from SQLite's own
/// POSIX locks on Linux, but closing any descriptor of the database file would drop those
/// (POSIX semantics), and a lock file would be one more file beside the database. The lock
/// goes with the descriptor, so a process killed mid-upgrade leaves nothing held (its
/// migration step rolls back as any transaction).
enum UpgradeLock {
    /// How long a process waits for another one's upgrade before it says why it does not open.
    static let patience: TimeInterval = 600

    /// Runs `body` holding the upgrade lock of the database at `path` (its directory). When
    /// the directory cannot be opened (it is not ours to lock), `body` runs without it.
    /// Throws ``StoreError/busy`` when another process holds the lock longer than `patience`.
    static func holding<T>(databaseAt path: String, patience: TimeInterval = patience, _ body: () throws -> T) throws -> T {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(patience)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { return try body() }
            guard Date() < deadline else { throw StoreError.busy }
            usleep(50_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
