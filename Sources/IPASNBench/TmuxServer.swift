import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private tmux server for one benchmark session: its socket lives in a directory of its
/// own (made with `mkdtemp` under /tmp, short enough for a socket path), and each launch gets
/// a fresh socket name.
///
/// Why: with one socket name per process (`-L ipasn-bench-PID`), a `new-session` right after
/// `kill-server` could reach the old server while it was still shutting down and fail with
/// "server exited unexpectedly" (a loaded machine, several `make test` runs at once, makes
/// the old server's shutdown slow); the runs also shared tmux's per-user socket directory,
/// where stale sockets stay, and an inherited `$TMUX`/`$TMUX_TMPDIR` pointed the client
/// elsewhere. Now a launch never meets an old server: ``kill()`` waits until the old one no
/// longer answers, the next launch uses a new socket anyway, and ``remove()`` deletes the
/// directory.
final class TmuxServer: @unchecked Sendable {
    /// The private directory of the sockets.
    let directory: String
    private let configFile: String
    private var launches = 0
    /// The socket of the current server.
    private(set) var socket: String

    /// Makes the private directory and writes the configuration: a finished pane stays with
    /// its last screen, and full-screen programs draw on the pane itself (no alternate screen).
    init(configuration: String = "set -g remain-on-exit on\nsetw -g alternate-screen off\n") throws {
        var template = Array("/tmp/ipasn-tmux-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot make a directory for tmux in /tmp: \(String(cString: strerror(errno)))")
        }
        directory = String(cString: made)
        configFile = directory + "/tmux.conf"
        socket = directory + "/s0"
        try configuration.write(toFile: configFile, atomically: true, encoding: .utf8)
    }

    /// The environment tmux runs with: no `$TMUX`/`$TMUX_TMPDIR` from an enclosing tmux.
    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TMUX_TMPDIR"] = nil
        env["TMUX_PANE"] = nil
        return env
    }

    /// Runs a tmux command against the current server.
    func run(_ arguments: [String]) throws -> ChildResult {
        try ChildProcess.run("tmux", ["-S", socket, "-f", configFile] + arguments, environment: Self.environment)
    }

    /// Starts a new server (on a new socket) with one detached session running `command`.
    func newSession(name: String, width: Int, height: Int, command: String) throws -> ChildResult {
        kill()
        launches += 1
        socket = directory + "/s\(launches)"
        return try run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    /// Ends the current server, waits (at most 5 s) until it answers no more, and deletes
    /// its socket (tmux leaves the file behind).
    func kill() {
        guard FileManager.default.fileExists(atPath: socket) else { return }
        _ = try? run(["kill-server"])
        for _ in 0..<500 {
            guard let alive = try? run(["has-session"]), alive.status == 0 else { break }
            usleep(10_000)
        }
        unlink(socket)
    }

    /// Ends the server and deletes the private directory.
    func remove() {
        kill()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
