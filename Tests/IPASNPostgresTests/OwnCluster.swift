import Foundation

/// A throw-away PostgreSQL cluster of one test's own (`scripts/pg-test-cluster`), which the
/// test may stop, start and restart: the shared server of the other tests (which run at the
/// same time) is never restarted under them.
final class OwnCluster {
    let dir: String
    let conninfo: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/pg-test-cluster").path

    /// The server binaries (as the script finds them), nil when PostgreSQL is not installed.
    static let bin: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.map { "\(root)/\($0)/bin" }
            .last { FileManager.default.isExecutableFile(atPath: "\($0)/pg_ctl") }
    }()

    static var canStart: Bool { bin != nil && FileManager.default.isExecutableFile(atPath: script) }

    init() throws {
        dir = try Self.output(["start"])
        conninfo = try Self.output(["conninfo", dir])
    }

    /// The script's output, through a file: a pipe would be inherited by the server the
    /// script starts (the child keeps the parent's descriptors), and never reach its end.
    private static func output(_ arguments: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("own-cluster-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        try run(["/bin/bash", "-c", "'\(script)' \(quoted) > '\(file)' 2>/dev/null"])
        return try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        try? Self.run(["/bin/bash", Self.script, "stop", dir])
    }

    /// `pg_ctl restart -m fast`: every connection is closed, the server is back when it returns.
    func restart() throws { try pgctl(["-m", "fast", "-w", "restart"]) }

    /// `pg_ctl stop -m fast`: the server is down when it returns.
    func stop() throws { try pgctl(["-m", "fast", "-w", "stop"]) }

    /// Starts the stopped server again with the script's options.
    func start() throws {
        try pgctl([
            "-w", "-l", "\(dir)/server.log", "-o",
            "-c listen_addresses='' -c unix_socket_directories='\(dir)' -c fsync=off -c synchronous_commit=off", "start",
        ])
    }

    private func pgctl(_ arguments: [String]) throws {
        let command = ["\(Self.bin!)/pg_ctl", "-D", "\(dir)/data"] + arguments
        try Self.run(getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + command : command)
    }

    /// Runs a command to its end, its output discarded (never a pipe: see ``output(_:)``).
    /// Spawned and reaped directly (`posix_spawn`, `waitpid`): Foundation's `Process` notices
    /// a child's end on the main run loop, which a test process does not run.
    private static func run(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        var status: Int32 = 0
        guard spawned == 0, waitpid(pid, &status, 0) == pid, status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) failed"])
        }
    }
}
