import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The benchmark's own throw-away PostgreSQL cluster (`scripts/pg-test-cluster`): in a
/// temporary directory, on a Unix socket in it and on TCP 127.0.0.1 at a free port (trust
/// authentication on both), with a production server's durability (fsync and synchronous
/// commit on: `IPASN_PG_DURABLE=1`, with docs/deployment.md's checkpoint settings for a server:
/// `checkpoint_timeout` 15 min, `max_wal_size` 4 GB). ``stop()`` stops it and removes its directory.
final class PostgresCluster {
    /// The cluster's directory (its socket is there).
    let directory: String
    let port: Int

    /// Why a cluster could not be had, for the report's rows.
    struct Unavailable: Error {
        var reason: String
    }

    private init(directory: String, port: Int) {
        self.directory = directory
        self.port = port
    }

    /// Starts a cluster with the repository's script; throws ``Unavailable`` (the reason) when
    /// the script, psql or the server binaries are missing or the server does not start.
    /// `parent`: the folder the cluster's directory is made in (default: the temporary folder).
    static func start(repository: String, parent: String? = nil) throws -> PostgresCluster {
        let script = "\(repository)/scripts/pg-test-cluster"
        guard FileManager.default.isExecutableFile(atPath: script) else {
            throw Unavailable(reason: "scripts/pg-test-cluster not found (run the bench from the repository)")
        }
        guard ChildProcess.available("psql") else {
            throw Unavailable(reason: "psql is not installed (apt-get install postgresql-client)")
        }
        let port = try freePort()
        var environment = ProcessInfo.processInfo.environment
        environment["IPASN_PG_PORT"] = String(port)
        environment["IPASN_PG_DURABLE"] = "1"
        if let parent { environment["TMPDIR"] = parent }
        let started = try ChildProcess.run(script, ["start"], environment: environment)
        let directory = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard started.status == 0, !directory.isEmpty else {
            let why = started.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Unavailable(reason: "the PostgreSQL cluster did not start: \(why.prefix(300))")
        }
        return PostgresCluster(directory: directory, port: port)
    }

    /// A cluster started earlier (by ``start(repository:parent:)``) and still running.
    static func running(directory: String, port: Int) throws -> PostgresCluster {
        let cluster = PostgresCluster(directory: directory, port: port)
        guard (try? cluster.scalar("postgres", "SELECT 1")) == "1" else {
            throw Unavailable(reason: "no PostgreSQL server answers in \(directory)")
        }
        return cluster
    }

    /// Stops the server and removes its directory.
    func stop(repository: String) {
        _ = try? ChildProcess.run("\(repository)/scripts/pg-test-cluster", ["stop", directory])
    }

    /// A libpq connection string to `database` as `user` over the Unix socket.
    func socket(_ database: String, user: String = "postgres") -> String {
        "host=\(directory) port=\(port) user=\(Self.quoted(user)) dbname=\(Self.quoted(database))"
    }

    /// The same over TCP loopback (127.0.0.1).
    func loopback(_ database: String, user: String) -> String {
        "host=127.0.0.1 port=\(port) user=\(Self.quoted(user)) dbname=\(Self.quoted(database))"
    }

    /// A conninfo value in single quotes.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// Runs `sql` with psql on `database` (stops at the first error); returns the child
    /// (unaligned, tuples only, so its stdout is the rows, fields separated by `,`).
    @discardableResult
    func psql(_ database: String, _ sql: String) throws -> ChildResult {
        try Self.psql(socket(database), ["-c", sql])
    }

    /// psql on `conninfo` with `arguments` after the common ones; throws with its stderr on failure.
    @discardableResult
    static func psql(_ conninfo: String, _ arguments: [String], stdinPath: String? = nil) throws -> ChildResult {
        let result = try ChildProcess.run(
            "psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-F", ",", "-d", conninfo] + arguments,
            stdinPath: stdinPath)
        guard result.status == 0 else {
            throw BenchError("psql failed (status \(result.status)): \(result.stderr.prefix(2000))")
        }
        return result
    }

    /// The first field of the first row of `sql` on `database`.
    func scalar(_ database: String, _ sql: String) throws -> String {
        let out = try psql(database, sql).stdout
        return out.split(separator: "\n").first.map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }?
            .trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// Waits until the writes made before now are on disk (`sync()`: every file's dirty pages).
    /// Done before PG3's saves (issue 12, branch pgsave4): the kernel writes the earlier pieces'
    /// pages back (three imports of a million rows, the recomputes, a database copied from a
    /// template: 255-657 MB in the hand harness, 0.2-0.3 s of writing) in the 30 s after they were
    /// written, or at once past `vm.dirty_background_ratio`, and a durable COMMIT of a save, a
    /// flush of the disk's cache, can then wait behind those writes. No `CHECKPOINT`: it would
    /// make the saves write full-page images that a server's saves write only after its own
    /// checkpoints (0.30 a save in the harness with one). Says what was dirty and how long
    /// writing it out took.
    func settleWrites() -> String {
        let before = Self.dirtyKB()
        let (_, seconds) = Clock.time { sync() }
        return String(
            format: "%.0f MB of the page cache dirty or under write-back, written out first (sync) in %.1f s",
            Double(before) / 1024, seconds)
    }

    /// The kernel's page cache waiting to be written or being written (`/proc/meminfo`'s
    /// `Dirty` + `Writeback`), kB; 0 where there is no `/proc`.
    static func dirtyKB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return 0 }
        var total = 0
        for line in text.split(separator: "\n") where line.hasPrefix("Dirty:") || line.hasPrefix("Writeback:") {
            total += line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        }
        return total
    }

    /// Bytes the database takes on disk (`pg_database_size`: tables, indexes, TOAST).
    func size(_ database: String) throws -> Int {
        Int(try scalar("postgres", "SELECT pg_database_size('\(database)')")) ?? 0
    }

    /// A TCP port on 127.0.0.1 nobody listens on now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Unavailable(reason: "no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw Unavailable(reason: "cannot bind 127.0.0.1 for a free port") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Unavailable(reason: "getsockname failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
