import Foundation

/// The phases of a record import, timed for measuring by hand (docs/performance.md, "The
/// import's growth and speed, round 7"): set `IPASN_IMPORT_PHASES` (to anything) in the
/// environment and the import writes one line per phase to stderr when it ends: the wall time,
/// the writing thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`; the parsing thread runs beside
/// it) and the peak RSS so far, e.g.
/// `import phase index rebuild: wall 0.512 s, writer CPU 0.398 s, peak RSS so far 70312 kB`.
/// Without the variable nothing is measured or written (one `Bool` test per phase).
/// The PostgreSQL import adds the server backend's CPU per phase (`server`: a running total
/// in seconds, read from `/proc/<backend>/schedstat` when the server is on this machine).
public final class ImportPhaseTimes {
    public static let enabled = ProcessInfo.processInfo.environment["IPASN_IMPORT_PHASES"] != nil

    private var startWall = 0.0
    private var startCPU = 0.0
    private var startProcess = 0.0
    private var lines: [String] = []
    private let server: (() -> Double?)?
    private var startServer: Double?

    public init(server: (() -> Double?)? = nil) {
        self.server = server
        guard Self.enabled else { return }
        (startWall, startCPU, startProcess) = Self.now()
        startServer = server?()
    }

    /// Ends the phase running since the last mark (or since `init`) under `name`.
    public func mark(_ name: String) {
        guard Self.enabled else { return }
        let (wall, cpu, process) = Self.now()
        let serverNow = server?()
        let serverPart = serverNow.map { now in String(format: ", server CPU %.3f s", now - (startServer ?? now)) } ?? ""
        lines.append(
            String(
                format: "import phase %@: wall %.3f s, writer CPU %.3f s, process CPU %.3f s%@, peak RSS so far %@", name,
                wall - startWall, cpu - startCPU, process - startProcess, serverPart, Self.peakRSS()))
        (startWall, startCPU, startProcess, startServer) = (wall, cpu, process, serverNow)
    }

    /// Writes the phases to stderr.
    public func report() {
        guard Self.enabled, !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The process's peak resident set so far (`VmHWM` of /proc/self/status; not reset, so
    /// `/usr/bin/time`'s maximum stays the whole run's), or "?" where there is no /proc.
    private static func peakRSS() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return "?" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }

    private static func now() -> (wall: Double, cpu: Double, process: Double) {
        var wall = timespec(), cpu = timespec(), process = timespec()
        clock_gettime(CLOCK_MONOTONIC, &wall)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &process)
        func seconds(_ t: timespec) -> Double { Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
        return (seconds(wall), seconds(cpu), seconds(process))
    }
}
