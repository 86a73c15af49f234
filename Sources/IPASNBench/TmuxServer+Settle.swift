import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension TmuxServer {
    /// Waits until the program in pane `target` has handled the keys sent to it: every process
    /// of the pane (its process and all their descendants) is asleep and the pane shows the
    /// same text on `looks` looks in a row, `interval` seconds apart. Returns the pane's text,
    /// or throws after `timeout` seconds.
    ///
    /// A fixed pause between keys is not enough at 500,000 employees on a busy machine: the
    /// province's list takes seconds to load, the next keys land on the wrong screen, and the
    /// browse ends in a form where its closing `q` is typed as text (`make bench-large`).
    @discardableResult
    func settle(_ target: String, looks: Int = 3, interval: Double = 0.2, timeout: Double) throws -> String {
        let start = Clock.now()
        var last: String?
        var calm = 0
        while Clock.seconds(since: start) < timeout {
            usleep(useconds_t(interval * 1_000_000))
            let screen = try run(["capture-pane", "-p", "-t", target]).stdout
            let busy = try panePIDs(target).contains { Self.running($0) }
            if !busy && screen == last {
                calm += 1
                if calm + 1 >= looks { return screen }
            } else {
                calm = 0
            }
            last = screen
        }
        throw BenchError("the pane \(target) did not settle within \(Int(timeout)) s; it shows:\n\(last ?? "")")
    }

    /// The pane's process and all its descendants (from /proc).
    func panePIDs(_ target: String) throws -> [Int32] {
        let shown = try run(["display-message", "-p", "-t", target, "#{pane_pid}"]).stdout
        guard let root = Int32(shown.trimmingCharacters(in: .whitespacesAndNewlines)) else { return [] }
        var found: [Int32] = []
        var queue = [root]
        while let pid = queue.popLast() {
            found.append(pid)
            queue += Self.children(of: pid)
        }
        return found
    }

    /// The children of `pid` (every thread's, from /proc/PID/task/*/children).
    static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [Int32] in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    /// Whether the main thread of `pid` is running or waiting for the disk (state R or D in
    /// /proc/PID/stat); false for a sleeping, stopped or vanished process.
    static func running(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        let state = Self.state(stat)
        return state == "R" || state == "D"
    }

    /// The state letter of a /proc/PID/stat line: the first field after the command name,
    /// which is in parentheses and may itself hold spaces and parentheses.
    static func state(_ stat: String) -> Character? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].drop { $0 == " " }.first
    }
}
