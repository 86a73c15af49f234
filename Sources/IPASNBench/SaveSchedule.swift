import Foundation

/// Where each save's wall time went between the two processes that serve it (issue 12, branch
/// pg3tail): the workstation's thread and the PostgreSQL backend of its connection, each
/// either on a core (`run`) or ready but waiting for one (`queue`), from the kernel's
/// per-task scheduler counters (`/proc/<task>/schedstat`: nanoseconds on a core, nanoseconds
/// runnable in a run queue), read just before each save's span begins and just after its
/// frame is drawn (outside the span). The protocol is synchronous, so the two mostly take
/// turns: what is left of the span (`off`) is time neither was on a core nor waiting for one:
/// the backend asleep in the WAL flush (the disk), or in a lock, or a socket between them.
/// A slow save is then told apart: client CPU, server CPU, the queue for a core (other
/// programs), or the disk.
///
/// Since branch pgsave12 the probe also reads the backend's I/O and page-fault counters
/// (`/proc/<pid>/io`: bytes passed to `read`/`write` calls, whatever the page cache did;
/// `/proc/<pid>/stat`: minor and major faults), so that a save with much more server CPU
/// than the others is told apart by what the backend did: plans and caches rebuilt after an
/// invalidation (CPU alone, no I/O), a WAL segment made (16 MB written), dirty buffers
/// evicted (8 KB written each), catalog or data pages read, or memory touched for the first
/// time (faults).
struct SaveSchedule {
    /// One save's parts, seconds.
    struct Parts {
        var span: Double
        var clientRun: Double
        var clientQueue: Double
        var serverRun: Double
        var serverQueue: Double
        /// The backend's bytes read and written by system calls (files, the WAL, the socket),
        /// and its minor and major page faults, during the span (zeros when not read).
        var serverReadBytes: UInt64 = 0
        var serverWrittenBytes: UInt64 = 0
        var serverFaults: UInt64 = 0
        var serverMajorFaults: UInt64 = 0
        /// The span less the four (never below 0).
        var off: Double { max(0, span - clientRun - clientQueue - serverRun - serverQueue) }

        /// The backend's I/O and faults, for a slow save's line.
        var serverActivity: String {
            "backend read \(serverReadBytes / 1024) KB, wrote \(serverWrittenBytes / 1024) KB, "
                + "\(serverFaults) page faults (\(serverMajorFaults) major)"
        }
    }

    var saves: [Parts] = []

    /// The counters of a probe: this thread's run and queue nanoseconds, then the backend's
    /// (`pid`; zeros when it cannot be read: another machine's server).
    static func sample(backend pid: Int32) -> [UInt64] {
        read("/proc/thread-self/schedstat") + read("/proc/\(pid)/schedstat") + activity(backend: pid)
    }

    /// The backend's `rchar` and `wchar` (`/proc/<pid>/io`), then its minor and major faults
    /// (fields 10 and 12 of `/proc/<pid>/stat`); zeros when they cannot be read.
    static func activity(backend pid: Int32) -> [UInt64] {
        var io: [UInt64] = [0, 0]
        if let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let pair = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, let value = UInt64(pair[1]) else { continue }
                if pair[0] == "rchar" { io[0] = value }
                if pair[0] == "wchar" { io[1] = value }
            }
        }
        var faults: [UInt64] = [0, 0]
        if let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        {
            // After the command's closing parenthesis: state is field 3, minflt 10, majflt 12.
            let fields = text[text.index(after: close)...].split(separator: " ")
            if fields.count > 9 { faults = [UInt64(fields[7]) ?? 0, UInt64(fields[9]) ?? 0] }
        }
        return io + faults
    }

    /// The first two fields of a `schedstat` file (on a core, waiting in a run queue; ns).
    static func read(_ path: String) -> [UInt64] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [0, 0] }
        let fields = text.split(separator: " ").prefix(2).map { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
        return fields.count == 2 ? fields : [0, 0]
    }

    /// `spans` (seconds) with the probes' differences of the same saves (``sample(backend:)``).
    init(spans: [Double], probes: [[UInt64]]) {
        saves = zip(spans, probes).map { span, p in
            func s(_ index: Int) -> Double { index < p.count ? Double(p[index]) / 1e9 : 0 }
            func n(_ index: Int) -> UInt64 { index < p.count ? p[index] : 0 }
            return Parts(
                span: span, clientRun: s(0), clientQueue: s(1), serverRun: s(2), serverQueue: s(3),
                serverReadBytes: n(4), serverWrittenBytes: n(5), serverFaults: n(6), serverMajorFaults: n(7))
        }
    }

    /// Two lines: p50 / p99 of each part over all saves, and the parts of the slowest saves.
    func summary(slowest count: Int = 3) -> String {
        guard !saves.isEmpty else { return "  schedule: not measured" }
        func ms(_ v: Double) -> String { String(format: "%.2f", v * 1000) }
        let parts: [(String, (Parts) -> Double)] = [
            ("client CPU", \.clientRun), ("client queue", \.clientQueue), ("server CPU", \.serverRun),
            ("server queue", \.serverQueue), ("off-CPU (disk, locks)", \.off),
        ]
        let all = parts.map { name, value in
            let values = saves.map(value)
            let line: String = name + " " + ms(Stats.percentile(values, 50)) + " / " + ms(Stats.percentile(values, 99))
            return line
        }.joined(separator: ", ")
        return "  each save's span by process state (ms, p50 / p99 over \(saves.count) saves): " + all + "\n"
            + "  the slowest \(min(count, saves.count)): " + slowest(count) + "\n" + firstSave() + "\n"
            + "  the most server CPU: " + mostServerCPU(count)
    }

    /// The saves with the most backend CPU, each with its place, its server CPU against the
    /// median's and what the backend did meanwhile (``Parts/serverActivity``), the median
    /// save's beside them: a save that rebuilt its plans shows CPU alone, one that made a WAL
    /// segment or evicted dirty buffers shows its writes.
    func mostServerCPU(_ count: Int) -> String {
        func ms(_ v: Double) -> String { String(format: "%.2f", v * 1000) }
        let byCPU = saves.enumerated().sorted { $0.element.serverRun > $1.element.serverRun }
        let median = byCPU[byCPU.count / 2].element
        return byCPU.prefix(count).map { index, p in
            "#\(index + 1) " + ms(p.serverRun) + " ms (" + p.serverActivity + ")"
        }.joined(separator: "; ") + "; the median " + ms(median.serverRun) + " ms (" + median.serverActivity + ")"
    }

    /// The run's first save (the one a cold session pays for) beside the others: its span and
    /// parts as in ``slowest(_:)``, and the server CPU's p50 of the saves after it.
    func firstSave() -> String {
        guard let first = saves.first else { return "  the first save: none" }
        func ms(_ v: Double) -> String { String(format: "%.2f", v * 1000) }
        let parts = [first.clientRun, first.clientQueue, first.serverRun, first.serverQueue, first.off].map(ms)
        let rest = saves.dropFirst().map(\.serverRun)
        return "  the first save: " + ms(first.span) + " = " + parts.joined(separator: " + ") + "; server CPU "
            + ms(first.serverRun) + (rest.isEmpty ? "" : " against the others' p50 " + ms(Stats.percentile(Array(rest), 50)))
    }

    /// The slowest saves, each as "span = client CPU + client queue + server CPU + server queue + off-CPU (ms)",
    /// with its place in the run (1 = the first save).
    func slowest(_ count: Int) -> String {
        func ms(_ v: Double) -> String { String(format: "%.2f", v * 1000) }
        return saves.enumerated().sorted { $0.element.span > $1.element.span }.prefix(count).map { index, p -> String in
            let parts = [p.clientRun, p.clientQueue, p.serverRun, p.serverQueue, p.off].map(ms).joined(separator: " + ")
            return "#\(index + 1) " + ms(p.span) + " = " + parts
        }.joined(separator: "; ")
    }
}
