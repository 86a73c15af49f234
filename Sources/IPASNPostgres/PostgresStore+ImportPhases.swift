import Foundation
import IPASNStore

extension PostgresStore {
    /// The phases of a record import timed for measuring by hand (`IPASN_IMPORT_PHASES`,
    /// ``ImportPhaseTimes``), each with the CPU the server backend spent in it when the
    /// server runs on this machine (`/proc/<backend>/schedstat`; nothing otherwise).
    static func importPhases(_ db: PGConnection) -> ImportPhaseTimes {
        guard ImportPhaseTimes.enabled else { return ImportPhaseTimes() }
        let pid = db.backendPID
        return ImportPhaseTimes(server: { backendCPU(pid) })
    }

    /// The CPU time, in seconds, the process `pid` of this machine has run (nil when unreadable).
    static func backendCPU(_ pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8),
            let first = text.split(separator: " ").first, let nanoseconds = Double(first)
        else { return nil }
        return nanoseconds / 1e9
    }
}
