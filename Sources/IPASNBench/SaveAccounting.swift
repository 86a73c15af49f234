import Foundation
import IPASNPostgres
import IPASNStore

/// Every process's CPU during each save of row PG3 (issue 12, branch pgsave6; in the hand
/// harness `ipasn bench --only pgsave` with `IPASN_PGSAVE_ACCOUNT=1`). Just before each save's
/// span begins and just after its frame is drawn (outside the span, as ``SaveSchedule``'s
/// probe), it reads the kernel's per-task scheduler counters (`/proc/<pid>/task/<tid>/schedstat`:
/// ns on a core) of every task of the machine: this process's threads, the cluster's processes
/// (the postmaster's children, named by their title: the save's backend, other backends by
/// role and database, walwriter, checkpointer, background writer, autovacuum launcher and
/// workers) and every other program by its command name; plus the postmaster's reaped
/// children (`cutime` + `cstime`, 10 ms ticks: a process that started and ended inside a span)
/// and the whole machine's busy time (`/proc/stat`, 10 ms ticks). So a save whose backend
/// waited for a core says what held the cores meanwhile.
final class SaveAccounting: @unchecked Sendable {
    /// The postmaster's process id (the cluster's `data/postmaster.pid`).
    let postmaster: Int32
    /// The save's backend (the workstation's connection), set once its store is open.
    var backend: Int32 = 0
    private var start: [String: UInt64] = [:]
    /// Per save: nanoseconds on a core by what ran.
    private(set) var saves: [[String: UInt64]] = []

    init(clusterDirectory: String) {
        let text = (try? String(contentsOfFile: "\(clusterDirectory)/data/postmaster.pid", encoding: .utf8)) ?? ""
        postmaster = text.split(separator: "\n").first.flatMap { Int32($0) } ?? 0
    }

    /// ``InteractiveBench/observer`` for the saves of a PostgreSQL store's workstation.
    var observer: (any Store, StepKind, Bool) -> Void {
        { [self] store, kind, begins in
            guard kind == .save else { return }
            if backend == 0 { backend = (store as? PostgresStore)?.serverProcessID ?? 0 }
            observe(saveBegins: begins)
        }
    }

    /// A save's span begins (`begins`) or its frame was drawn.
    func observe(saveBegins begins: Bool) {
        // This thread's own counter is read next to the span (after the start's snapshot,
        // before the end's), so the reading of every other task is not counted as its work.
        let key = "workstation: its main thread|\(getpid())|\(getpid())"
        if begins {
            start = snapshot()
            start[key] = SaveSchedule.read("/proc/thread-self/schedstat")[0]
            return
        }
        let thread = SaveSchedule.read("/proc/thread-self/schedstat")[0]
        var now = snapshot()
        now[key] = thread
        var used: [String: UInt64] = [:]
        for (key, value) in now {
            let before = start[key] ?? 0  // a process started during the span: all of its time
            if value > before { used[Self.category(key), default: 0] += value - before }
        }
        saves.append(used)
    }

    /// Nanoseconds on a core so far, by "category|pid|tid": every task of the machine
    /// (`/proc/<pid>/task/<tid>/schedstat`), this process's, the cluster's (by title) and
    /// other programs' (by command name); plus the coarse totals (ticks converted).
    func snapshot() -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        let me = getpid()
        let children = Set(
            ((try? String(contentsOfFile: "/proc/\(postmaster)/task/\(postmaster)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        for pid in pids {
            let name: String
            if pid == me {
                name = "workstation"
            } else if pid == postmaster {
                name = "server: the postmaster itself"
            } else if children.contains(pid) {
                name = pid == backend ? "server: the save's backend" : "server: " + Self.title(pid)
            } else {
                name = "other: " + comm(pid)
            }
            for tid in Self.tasks(pid) {
                let thread = pid == me ? (tid == me ? "workstation: its main thread" : "workstation: other threads") : name
                out["\(thread)|\(pid)|\(tid)"] = Self.run(pid, tid)
            }
        }
        if postmaster > 0 {
            out["server: processes that ended (10 ms ticks)|\(postmaster)|-1"] = Self.reapedTicks(postmaster) * Self.tickNs
        }
        out["machine: all busy time (10 ms ticks)|0|0"] = Self.machineBusyTicks() * Self.tickNs
        return out
    }

    /// Command names by process id (read once per process).
    private var names: [Int32: String] = [:]

    private func comm(_ pid: Int32) -> String {
        if let known = names[pid] { return known }
        let name = ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "?")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        names[pid] = name
        return name
    }

    static let tickNs = UInt64(1_000_000_000) / UInt64(max(1, sysconf(Int32(_SC_CLK_TCK))))

    static func category(_ key: String) -> String { String(key.split(separator: "|").first ?? "") }

    static func tasks(_ pid: Int32) -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).compactMap { Int32($0) }
    }

    static func run(_ pid: Int32, _ tid: Int32) -> UInt64 {
        SaveSchedule.read("/proc/\(pid)/task/\(tid)/schedstat").first ?? 0
    }

    /// A server process's kind from its title ("postgres: walwriter", "postgres: bench-P
    /// pgsave_run [local] idle" -> "backend bench-P pgsave_run").
    static func title(_ pid: Int32) -> String {
        let raw = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        let text = raw.replacingOccurrences(of: "\0", with: " ").trimmingCharacters(in: .whitespaces)
        let body = text.hasPrefix("postgres: ") ? String(text.dropFirst("postgres: ".count)) : text
        let words = body.split(separator: " ").map(String.init)
        if body.contains("[local]") || body.contains("(") && words.count >= 3 && words[2].hasPrefix("127.") {
            return "backend \(words.prefix(2).joined(separator: " "))"
        }
        if body.hasPrefix("autovacuum worker") { return "autovacuum worker" }
        return body.isEmpty ? "pid \(pid)" : body
    }

    /// The postmaster's reaped children's user + system ticks.
    static func reapedTicks(_ pid: Int32) -> UInt64 {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")")
        else { return 0 }
        let f = stat[stat.index(after: close)...].split(separator: " ")
        guard f.count > 14 else { return 0 }
        return (UInt64(f[13]) ?? 0) + (UInt64(f[14]) ?? 0)
    }

    /// Every core's busy ticks (user, nice, system, irq, softirq, steal) from `/proc/stat`.
    static func machineBusyTicks() -> UInt64 {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8), let line = text.split(separator: "\n").first
        else { return 0 }
        let f = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard f.count >= 8 else { return 0 }
        return f[0] + f[1] + f[2] + f[5] + f[6] + f[7]
    }

    /// Mean ms a save by what ran, over all saves and over the slowest `slowest` spans
    /// (`spans`: the same saves' wall seconds): this process's threads, the cluster's processes,
    /// the `top` largest other programs and the machine's whole busy time (10 ms ticks).
    func summary(spans: [Double], slowest: Int = 5, top: Int = 8) -> String {
        guard !saves.isEmpty else { return "  accounting: no saves" }
        func mean(_ list: [[String: UInt64]], _ key: String) -> Double {
            list.isEmpty ? 0 : list.map { Double($0[key] ?? 0) / 1e6 }.reduce(0, +) / Double(list.count)
        }
        let order = spans.enumerated().sorted { $0.element > $1.element }.map(\.offset).filter { $0 < saves.count }
        let slow = order.prefix(slowest).map { saves[$0] }
        // This process's and the cluster's processes always; of the other programs the `top` largest.
        let sorted = Set(saves.flatMap(\.keys)).sorted { mean(saves, $0) > mean(saves, $1) }
        let keys = sorted.filter { !$0.hasPrefix("other: ") } + sorted.filter { $0.hasPrefix("other: ") }.prefix(top)
        var lines = ["  every process's CPU during the saves (ms a save, mean over \(saves.count) saves / over the slowest \(slow.count)):"]
        for key in keys {
            lines.append("    " + key.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: " %7.3f / %7.3f", mean(saves, key), mean(slow, key)))
        }
        for index in order.prefix(slowest) {
            let parts = saves[index].filter { $0.value >= 100_000 && !$0.key.hasPrefix("machine:") }.sorted { $0.value > $1.value }
                .prefix(6)
                .map { $0.key + String(format: " %.2f", Double($0.value) / 1e6) }.joined(separator: ", ")
            lines.append(String(format: "    #%d %.2f ms: ", index + 1, spans[index] * 1000) + parts)
        }
        return lines.joined(separator: "\n")
    }

    /// For the report's note: the slowest `count` saves (`spans`: the same saves' seconds), each
    /// with what ran during it besides the workstation's thread and its backend (ms, at least
    /// 0.1 ms, the largest three), "nothing else" when nothing did.
    func others(spans: [Double], count: Int = 3) -> String {
        let order = spans.enumerated().sorted { $0.element > $1.element }.map(\.offset).filter { $0 < saves.count }
        return order.prefix(count).map { index -> String in
            let parts = saves[index].filter {
                $0.value >= 100_000 && !$0.key.hasPrefix("machine:") && $0.key != "workstation: its main thread"
                    && $0.key != "server: the save's backend"
            }.sorted { $0.value > $1.value }.prefix(3).map { $0.key + String(format: " %.2f", Double($0.value) / 1e6) }
            return "#\(index + 1): " + (parts.isEmpty ? "nothing else" : parts.joined(separator: ", "))
        }.joined(separator: "; ")
    }
}
