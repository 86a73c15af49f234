import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// 4 and 5: the real binary in a real terminal (tmux, 80x24), launched through
/// `ipasn bench --probe`, which spawns it, reaps it with `wait4` and writes its wall time
/// and peak RSS to a file.
///
/// - Start: with `IPASN_EXIT_AFTER_FIRST_FRAME=1` the workstation exits right after it has
///   presented its first screen; the time from launch to exit is the start time.
/// - Memory: the workstation browses the province (the whole province's employee list,
///   an employee page, the dashboard, a search) driven by `tmux send-keys`, then quits;
///   its peak RSS is the kernel's high-water mark for the process.
struct TerminalBench {
    let options: BenchOptions
    let database: String
    /// A private tmux server, a new socket per launch (see ``TmuxServer``).
    let server: TmuxServer

    static var available: Bool { ChildProcess.available("tmux") }

    /// What the probe wrote: seconds, peak RSS, exit status.
    struct ProbeResult {
        var seconds: Double
        var peakRSS: Int
        var status: Int32
    }

    init(options: BenchOptions, database: String) throws {
        self.options = options
        self.database = database
        server = try TmuxServer()
    }

    /// Ends the tmux server and removes its private directory.
    func finish() { server.remove() }

    private func tmux(_ arguments: [String]) throws -> ChildResult {
        try server.run(arguments)
    }

    /// How long a step may take: a minute at the province, ten at 500,000 employees (the
    /// workstation's first list and dashboard read ten times the rows, often on a busy machine).
    private var timeout: Double { 60 * max(1, Double(options.config.employees) / 50_000) }

    private func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Starts `ipasn --db DB` under the probe in a new detached 80x24 session.
    private func launch(probeFile: String, environment: [String: String]) throws {
        let env = environment.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
        let exe = shellQuote(options.executable)
        let command =
            "env TERM=xterm-256color \(env) \(exe) bench --probe \(shellQuote(probeFile)) -- \(exe) --db \(shellQuote(database)) --lang id"
        let r = try server.newSession(name: "bench", width: 80, height: 24, command: command)
        guard r.status == 0 else { throw BenchError("tmux new-session failed: \(r.stderr)") }
    }

    private func waitForProbe(_ file: String, timeout: Double) throws -> ProbeResult {
        let start = Clock.now()
        while Clock.seconds(since: start) < timeout {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), text.hasSuffix("\n") {
                let parts = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                guard parts.count == 3, let s = Double(parts[0]), let rss = Int(parts[1]), let status = Int32(parts[2])
                else { throw BenchError("unreadable probe output: \(text)") }
                return ProbeResult(seconds: s, peakRSS: rss, status: status)
            }
            usleep(5_000)
        }
        let screen = (try? tmux(["capture-pane", "-p", "-t", "bench"]))?.stdout ?? ""
        server.kill()
        throw BenchError("the workstation did not finish within \(Int(timeout)) s; its screen:\n\(screen)")
    }

    /// Polls the pane until it shows `text`.
    private func waitForScreen(containing text: String, timeout: Double) throws {
        let start = Clock.now()
        var screen = ""
        while Clock.seconds(since: start) < timeout {
            screen = try tmux(["capture-pane", "-p", "-t", "bench"]).stdout
            if screen.lowercased().contains(text.lowercased()) { return }
            usleep(20_000)
        }
        server.kill()
        throw BenchError("the workstation never showed \"\(text)\"; its screen:\n\(screen)")
    }

    /// Launch to first drawn screen, `runs` times.
    func start(runs: Int) throws -> [Double] {
        var samples: [Double] = []
        defer { server.kill() }
        for run in 0..<runs {
            let file = "\(options.workDirectory)/probe-start-\(run).txt"
            unlink(file)
            try launch(probeFile: file, environment: ["IPASN_EXIT_AFTER_FIRST_FRAME": "1"])
            let result = try waitForProbe(file, timeout: timeout)
            guard result.status == 0 else { throw BenchError("the workstation exited with status \(result.status) at start") }
            // The check: what it drew before exiting is the unit list.
            let screen = try tmux(["capture-pane", "-p", "-t", "bench"]).stdout
            guard screen.lowercased().contains("unit kerja") else {
                throw BenchError(
                    "with IPASN_EXIT_AFTER_FIRST_FRAME=1 the workstation exited without drawing the unit list; the pane shows:\n\(screen)")
            }
            samples.append(result.seconds)
            server.kill()
        }
        return samples
    }

    /// Browses the province in the workstation and returns its peak RSS.
    func browse() throws -> ProbeResult {
        let file = "\(options.workDirectory)/probe-browse.txt"
        unlink(file)
        defer { server.kill() }
        try launch(probeFile: file, environment: [:])
        try waitForScreen(containing: "Unit Kerja", timeout: timeout)
        // Each step: keys, then a pause for the screen to settle.
        let steps: [[String]] = [
            ["Enter"],  // the root unit: every employee of the province with scores
            ["PageDown", "PageDown", "PageDown", "End"],
            ["Enter"],  // an employee page
            ["Escape"], ["Escape"],
            ["Down", "Down", "Down", "Enter"],  // a perangkat daerah
            ["Enter"], ["Escape"], ["Escape"],
            ["b"],  // the dashboard
            ["Down", "Down", "Down", "Down", "Down"], ["s"], ["s"],
            ["Escape"],
            ["/"], ["-l", "Sri"], ["Enter"],  // a search, then the employee found
            ["Escape"],
            ["q"],
        ]
        for step in steps {
            _ = try tmux(["send-keys", "-t", "bench"] + step)
            // The screen must have settled before the next keys (see ``TmuxServer/settle``).
            usleep(300_000)
            if step != ["q"] { try server.settle("bench", timeout: timeout) }
        }
        return try waitForProbe(file, timeout: timeout)
    }
}

/// `ipasn bench --probe FILE -- COMMAND...`: runs COMMAND on this terminal and writes
/// "seconds peakRSS status" to FILE.
public enum Probe {
    public static func run(file: String, command: [String]) throws {
        guard let exe = command.first else { throw BenchError("--probe needs a command after --") }
        let result = try ChildProcess.run(exe, Array(command.dropFirst()), inheritStdio: true)
        let line = String(format: "%.6f", result.seconds) + " \(result.peakRSS) \(result.status)\n"
        try line.write(toFile: file, atomically: true, encoding: .utf8)
    }
}
