import Foundation
import IPASNStore

/// `ipasn bench --only save` (hidden): only the save measurement (3b, and 6 at the province's
/// size), for working on the save path. The province database (every demo record imported
/// straight from the generator, as the growth databases are) is made once in the work
/// directory and kept; each run saves into a fresh copy of it, so every run starts from the
/// same data. Reports the wall-clock p50/p99 as the benchmark does, and the process's CPU
/// time (user + system) of the same spans, which other programs on a shared machine do not move.
public enum SaveBench {
    public struct Result: Sendable {
        public var nip: String
        public var diklat: Int
        public var wall: [Double]
        public var cpu: [Double]
    }

    public static func run(employees: Int, saves: Int, work: String, log: (String) -> Void) throws -> Result {
        let base = try province(employees: employees, work: work, log: log)
        let copy = "\(work)/save-run.sqlite"
        try FileSystem.removeDatabase(copy)
        try FileSystem.copy(base, to: copy)
        defer { try? FileSystem.removeDatabase(copy) }
        let who = try InteractiveBench.pickEmployee(copy)
        log("[3b] \(saves) saves (Ctrl-N in the diklat form) for \(who.nip), \(who.diklat) diklat")
        let r = try InteractiveBench(database: copy, nip: who.nip).run(
            keystrokes: 0, minimumSaves: saves, dashboardOpens: 0, tag: "S")
        return Result(nip: who.nip, diklat: who.diklat, wall: r.saves, cpu: r.saveCPU)
    }

    /// The province database of `employees` pegawai kept in `work` (made on the first call:
    /// every demo record imported straight from the generator, as the growth databases are).
    static func province(employees: Int, work: String, log: (String) -> Void) throws -> String {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let base = "\(work)/save-province-\(employees).sqlite"
        if !FileManager.default.fileExists(atPath: base) {
            log("[data] province of \(Fmt.count(employees)) pegawai, made once and kept as \(base)")
            let made = try Dataset.growth(
                employees: employees, recordsPerKind: nil, fullEmployees: 0, work: work, log: log)
            try FileSystem.removeDatabase(made.path + "-wal")
            try FileManager.default.moveItem(atPath: made.path, toPath: base)
        }
        return base
    }

    /// The result in a few lines.
    public static func summary(_ r: Result) -> String {
        func line(_ name: String, _ values: [Double]) -> String {
            let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            return "\(name): p50 \(Fmt.ms(Stats.percentile(values, 50))), p90 \(Fmt.ms(Stats.percentile(values, 90))), "
                + "p99 \(Fmt.ms(Stats.percentile(values, 99))), mean \(Fmt.ms(mean)), max \(Fmt.ms(values.max() ?? 0))"
        }
        return "save (3b), \(r.wall.count) saves for \(r.nip) (\(r.diklat) diklat before)\n"
            + line("  wall", r.wall) + "\n" + line("  cpu ", r.cpu)
    }
}
