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
struct SaveSchedule {
    /// One save's parts, seconds.
    struct Parts {
        var span: Double
        var clientRun: Double
        var clientQueue: Double
        var serverRun: Double
        var serverQueue: Double
        /// The span less the four (never below 0).
        var off: Double { max(0, span - clientRun - clientQueue - serverRun - serverQueue) }
    }

    var saves: [Parts] = []

    /// The counters of a probe: this thread's run and queue nanoseconds, then the backend's
    /// (`pid`; zeros when it cannot be read: another machine's server).
    static func sample(backend pid: Int32) -> [UInt64] {
        read("/proc/thread-self/schedstat") + read("/proc/\(pid)/schedstat")
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
            return Parts(span: span, clientRun: s(0), clientQueue: s(1), serverRun: s(2), serverQueue: s(3))
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
            + "  the slowest \(min(count, saves.count)): " + slowest(count) + "\n" + firstSave()
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
