import Foundation
import IPASNStore

extension PostgresStore {
    /// The phases of a record import timed for measuring by hand (`IPASN_IMPORT_PHASES`,
    /// ``ImportPhaseTimes``), each with the CPU the server backend spent in it when the
    /// server runs on this machine (`/proc/<backend>/schedstat`; nothing otherwise).
    static func importPhases(_ db: PGConnection) -> ImportPhaseTimes {
        guard ImportPhaseTimes.enabled else { return ImportPhaseTimes() }
        let pid = db.backendPID
        // What ran before the import's phases (the process's start, the store opened, the
        // import's permission and transaction begun): written at once, the phases at their end.
        if let age = processAge() {
            var cpu = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
            let line = String(
                format: "import phase before the import (since the process started): wall %.3f s, process CPU %.3f s, server CPU %.3f s\n",
                age, Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9, backendCPU(pid) ?? 0)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return ImportPhaseTimes(server: { backendCPU(pid) })
    }

    /// Seconds since this process started (`starttime` of /proc/self/stat against
    /// /proc/uptime), or nil where there is no /proc.
    static func processAge() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
            let up = uptime.split(separator: " ").first.flatMap({ Double($0) }),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // The fields after the command's closing parenthesis: the state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard fields.count > 19, let ticks = Double(fields[19]), hertz > 0 else { return nil }
        return up - ticks / hertz
    }

    /// The CPU time, in seconds, the process `pid` of this machine has run (nil when unreadable).
    static func backendCPU(_ pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8),
            let first = text.split(separator: " ").first, let nanoseconds = Double(first)
        else { return nil }
        return nanoseconds / 1e9
    }
}
