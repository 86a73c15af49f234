import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a finished child process left behind: its exit status, wall time and peak memory.
public struct ChildResult: Sendable {
    /// The exit code (or 128 + the signal number when it was killed by a signal).
    public var status: Int32
    /// Wall time from spawn to reaped, in seconds.
    public var seconds: Double
    /// The child's peak resident set size in bytes (`ru_maxrss` from `wait4`, which the
    /// kernel fills from the process's VmHWM). At least this process's own peak: the child
    /// starts in this address space (`posix_spawn`); ``ProbedRun`` gives a child's own.
    public var peakRSS: Int
    /// What the child wrote to stdout (when captured).
    public var stdout: String
    /// What the child wrote to stderr (when captured).
    public var stderr: String
}

/// Runs other programs with `posix_spawn` and reaps them with `wait4`, which gives the
/// child's peak RSS exactly (no polling of /proc that could miss a short peak).
/// Output goes to temporary files, never to pipes, so a chatty child cannot block.
public enum ChildProcess {
    /// Runs `executable` with `arguments` (argv[0] is added), waits for it and returns
    /// the result. `stdinPath` feeds stdin from a file (else /dev/null).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        stdinPath: String? = nil, captureOutput: Bool = true, inheritStdio: Bool = false
    ) throws -> ChildResult {
        let tmp = FileManager.default.temporaryDirectory.path
        let tag = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let capture = captureOutput && !inheritStdio
        let outPath = capture ? "\(tmp)/ipasn-bench-\(tag).out" : "/dev/null"
        let errPath = capture ? "\(tmp)/ipasn-bench-\(tag).err" : "/dev/null"
        defer {
            if capture {
                unlink(outPath)
                unlink(errPath)
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !inheritStdio {
            posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }

        let argv = [executable] + arguments
        var env = environment ?? ProcessInfo.processInfo.environment
        if env["PATH"] == nil { env["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = envStrings.map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        // The child starts with every signal unblocked and at its default action, whatever
        // the spawning thread blocks or the process ignores (a test runner's or `nohup`'s
        // SIGHUP). Otherwise a workstation in tmux inherits a blocked SIGHUP, survives
        // `kill-server`, and keeps its server alive past its end.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let start = Clock.now()
        let spawned = cArgs.withUnsafeBufferPointer { argsBuffer in
            cEnv.withUnsafeBufferPointer { envBuffer in
                posix_spawnp(&pid, executable, &actions, &attributes, argsBuffer.baseAddress!, envBuffer.baseAddress!)
            }
        }
        guard spawned == 0 else {
            throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw BenchError("wait4 failed for \(executable): \(String(cString: strerror(errno)))") }
        }
        let seconds = Clock.seconds(since: start)
        let code: Int32
        if status & 0x7f == 0 {
            code = (status >> 8) & 0xff
        } else {
            code = 128 + (status & 0x7f)
        }
        let out = capture ? (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" : ""
        let err = capture ? (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" : ""
        return ChildResult(status: code, seconds: seconds, peakRSS: Int(usage.ru_maxrss) * 1024, stdout: out, stderr: err)
    }

    /// Runs a program and throws (with its stderr) when it exits non-zero.
    @discardableResult
    public static func check(_ executable: String, _ arguments: [String], environment: [String: String]? = nil)
        throws -> ChildResult
    {
        let result = try run(executable, arguments, environment: environment)
        guard result.status == 0 else {
            let command = ([executable] + arguments).joined(separator: " ")
            throw BenchError("`\(command)` failed with status \(result.status): \(result.stderr.prefix(2000))")
        }
        return result
    }

    /// Whether a program is on the PATH.
    public static func available(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }
}
