import Foundation

/// Runs an `ipasn` command through `ipasn bench --probe` (``Probe``), for its true peak RSS.
///
/// Why not ``ChildProcess/run`` straight from the benchmark: glibc's `posix_spawn` starts the
/// child in the parent's address space (`CLONE_VM | CLONE_VFORK`), and Linux carries the
/// high-water mark of the address space a process leaves at `exec` into its `ru_maxrss`. So a
/// child spawned by the benchmark reports at least the benchmark's own peak (which holds the
/// demo data it generated): at 500,000 employees `ipasn import diklat` "peaked" at 1008.0 MB
/// for both the 10-million-row file and the file a tenth its size, the benchmark's own figure.
/// The probe is a fresh small process; the command it spawns starts from the probe's address
/// space (a few MB), so its `ru_maxrss` is its own peak (at least the probe's few MB).
enum ProbedRun {
    static func run(executable: String, arguments: [String], work: String) throws -> ChildResult {
        let file = "\(work)/probe-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).txt"
        defer { unlink(file) }
        let outer = try ChildProcess.run(executable, ["bench", "--probe", file, "--", executable] + arguments)
        guard outer.status == 0, let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw BenchError("the probe of `\(arguments.joined(separator: " "))` failed (status \(outer.status)): \(outer.stderr.prefix(2000))")
        }
        let parts = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.count == 3, let seconds = Double(parts[0]), let peak = Int(parts[1]), let status = Int32(parts[2]) else {
            throw BenchError("unreadable probe output: \(text)")
        }
        return ChildResult(status: status, seconds: seconds, peakRSS: peak, stdout: outer.stdout, stderr: outer.stderr)
    }
}
