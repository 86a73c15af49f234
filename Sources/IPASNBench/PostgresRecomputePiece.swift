import Foundation
import IPASNCore
import IPASNPostgres
import IPASNStore

#if canImport(Glibc)
    import Glibc
#endif

/// `ipasn bench --only pg-recompute --only-db postgresql://...` (hidden): row PG2 by hand on an
/// existing PostgreSQL province (`pg-recompute-plain`: the recompute path before issue 12's
/// fast path, on the same binary). Each run: `recomputeAll` + `unitFigures` as the bench
/// times them, then the reference query through psql; prints wall times and CPU seconds of
/// each side's client (this process, psql) and, when the server runs on this machine, of its
/// server processes (ours: the store's backend and the parallel workers of its queries; the
/// query's: psql's backend and its workers; workers and psql's backends are reaped by the
/// postmaster, whose children's CPU is read before and after each side). The unit figures must agree
/// with the query. Nothing is written to a report.
struct PostgresRecomputePiece {
    let conninfo: String
    let plain: Bool
    let options: BenchOptions

    func run(runs: Int, log: (String) -> Void) throws {
        let store = try PostgresStore(conninfo, context: StoreContext(actor: StoreContext.currentUser()))
        let year = try store.measurementYear()
        guard try store.ruleset() == .bkn2019 else {
            throw BenchError("the PostgreSQL database's ruleset is not \(ReferenceQuery.rulesetID): no reference to compare with")
        }
        let queryPath = "\(options.workDirectory)/reference-pg-\(year).sql"
        try ReferenceQuery.sql(year: year, dialect: .postgresql).write(toFile: queryPath, atomically: true, encoding: .utf8)
        let backend = store.serverProcessID
        let postmaster = Self.parent(of: backend)
        var ours: [Double] = []
        var query: [Double] = []
        var cpu = (ours: 0.0, oursServer: 0.0, psql: 0.0, psqlServer: 0.0)
        var figures: [UnitFigure] = []
        var output = ""
        for run in 0..<runs {
            let before = (BenchPiece.cpu(children: false), Self.cpu(backend), BenchPiece.cpu(children: true), Self.cpu(postmaster, children: true))
            let start = Clock.now()
            if plain { try store.recomputeAllPlain(year: year) } else { try store.recomputeAll(year: year) }
            figures = try store.unitFigures(year: year)
            ours.append(Clock.seconds(since: start))
            // The parallel workers of either side's queries and psql's backend are the
            // postmaster's children, reaped (and their CPU added to its children's) a moment
            // after they end: each side's are counted after a pause outside the timed part.
            Self.letThePostmasterReap()
            let middle = (BenchPiece.cpu(children: false), Self.cpu(backend), Self.cpu(postmaster, children: true))
            let psql = try PostgresCluster.psql(conninfo, ["--csv", "-f", queryPath])
            output = psql.stdout
            query.append(psql.seconds)
            cpu.ours += middle.0 - before.0
            cpu.oursServer += middle.1 - before.1 + middle.2 - before.3
            cpu.psql += BenchPiece.cpu(children: true) - before.2
            Self.letThePostmasterReap()
            cpu.psqlServer += Self.cpu(postmaster, children: true) - middle.2
            log("  run \(run + 1)/\(runs): ipasn \(Fmt.seconds(ours.last!)), psql \(Fmt.seconds(psql.seconds))")
        }
        let units = try PostgresBench.compare(figures, RecomputeBench.parse(output))
        let n = Double(runs)
        func s(_ value: Double) -> String { String(format: "%.3f s", value / n) }
        print(
            "PostgreSQL recompute \(year) + unit report (\(plain ? "plain path" : "fast path")), \(runs) runs: "
                + "ipasn median \(Fmt.seconds(Stats.median(ours))) wall, CPU a run: client \(s(cpu.ours)), server \(s(cpu.oursServer)); "
                + "reference query median \(Fmt.seconds(Stats.median(query))) wall, CPU a run: psql \(s(cpu.psql)), server \(s(cpu.psqlServer)); "
                + "\(units) units agree")
    }

    /// A pause of 0.3 s (not timed) for the postmaster to reap the processes that just ended.
    static func letThePostmasterReap() {
        usleep(300_000)
    }

    /// User + system CPU seconds of a process (or of its reaped children) from `/proc`; 0 when unreadable.
    static func cpu(_ pid: Int32, children: Bool = false) -> Double {
        guard pid > 0, let fields = stat(pid), fields.count > 16 else { return 0 }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let first = children ? 15 : 13  // utime, stime or cutime, cstime (0-based after the name)
        return ((Double(fields[first]) ?? 0) + (Double(fields[first + 1]) ?? 0)) / ticks
    }

    static func parent(of pid: Int32) -> Int32 {
        guard pid > 0, let fields = stat(pid), fields.count > 3 else { return 0 }
        return Int32(fields[3]) ?? 0
    }

    /// The fields of `/proc/<pid>/stat`, the command name (field 2) as one field.
    private static func stat(_ pid: Int32) -> [String]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let head = text[..<text.index(after: close)]
        let rest = text[text.index(after: close)...].split(separator: " ").map(String.init)
        return [String(head.split(separator: " ").first ?? ""), String(head)] + rest
    }
}
