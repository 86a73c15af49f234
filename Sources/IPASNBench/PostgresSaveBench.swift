import Foundation
import IPASNPostgres
import IPASNStore

/// `ipasn bench --only pgsave --work-dir D` (hidden): only the PostgreSQL save measurement
/// (row PG3), for working on the save path by hand. What is slow to make is kept in `D`
/// between runs: the SQLite province of ``SaveBench`` (made once), a throw-away PostgreSQL
/// cluster with a production server's durability (started once, left running; its directory
/// and port in `D/pgsave-cluster`) and in it the province copied once as the template
/// database `pgsave_base_<employees>`. Each run saves into a fresh copy of that template
/// (`pgsave_run`, kept until the next run for inspection), as a unit admin connected as its
/// own PostgreSQL role over the Unix socket, exactly as PG3 does.
///
/// Reports, per save, the wall-clock time, the client's CPU time (user + system of this
/// process, the same spans) and the round trips to the server (``PostgresStore/roundTrips``).
/// Stop the cluster with `scripts/pg-test-cluster stop "$(head -1 D/pgsave-cluster)"`.
public enum PostgresSaveBench {
    public struct Result: Sendable {
        public var nip: String
        public var diklat: Int
        public var wall: [Double]
        public var cpu: [Double]
        public var roundTrips: [Int]
        public var cluster: String
        /// What the server did during the run (WAL, flushes, CPU), whole run.
        var server = PostgresServerUsage()
        /// Where each save's time went, by round trip.
        var phases = SavePhases(spans: [], trips: [])
        /// Where each save's time went, by process state (client, backend, off-CPU).
        var schedule = SaveSchedule(spans: [], probes: [])
        /// Every process's CPU by save (`IPASN_PGSAVE_ACCOUNT=1` only).
        var accounting: SaveAccounting?
    }

    public static func run(employees: Int, saves: Int, work: String, repository: String, log: (String) -> Void) throws
        -> Result
    {
        let cluster = try runningCluster(work: work, repository: repository, log: log)
        let base = try template(employees: employees, cluster: cluster, work: work, log: log)
        let database = "pgsave_run"
        try cluster.psql("postgres", "DROP DATABASE IF EXISTS \(database)")
        try cluster.psql("postgres", "CREATE DATABASE \(database) TEMPLATE \(base)")
        let who = try PostgresBench.pickEmployee(cluster, database)
        let operatorLogin = StoreContext.currentUser()
        var interactive = InteractiveBench(database: database, nip: who.nip)
        interactive.opener = { context in
            if context.actor == operatorLogin {
                return try PostgresStore(cluster.socket(database), context: context)
            }
            try PostgresBench.provision(cluster, database, context.actor)
            return try PostgresStore(cluster.socket(database, user: context.actor), context: context)
        }
        interactive.roundTrips = { ($0 as? PostgresStore)?.roundTrips ?? 0 }
        let trips = RoundTripLog()
        // `IPASN_PGSAVE_COLD=1` (a developer's switch): the workstation does not ready the save
        // path when it opens, so the first save is as cold as before branch pg3tail.
        let cold = ProcessInfo.processInfo.environment["IPASN_PGSAVE_COLD"] == "1"
        interactive.opened = { store in
            (store as? PostgresStore)?.roundTripObserver = { trips.trips.append($0) }
            (store as? PostgresStore)?.leavesSavePathCold = cold
        }
        interactive.probe = { SaveSchedule.sample(backend: ($0 as? PostgresStore)?.serverProcessID ?? 0) }
        // `IPASN_PGSAVE_ACCOUNT=1` (a developer's switch): every process's CPU during each save
        // (``SaveAccounting``), printed after the summary.
        let accounting =
            ProcessInfo.processInfo.environment["IPASN_PGSAVE_ACCOUNT"] == "1"
            ? SaveAccounting(clusterDirectory: cluster.directory) : nil
        if let accounting { interactive.observer = accounting.observer }
        log("[PG3] \(saves) saves (Ctrl-N in the diklat form) for \(who.nip), \(who.diklat) diklat, in \(cluster.directory)")
        try cluster.psql("postgres", "ALTER SYSTEM SET track_wal_io_timing = on")
        try cluster.psql("postgres", "SELECT pg_reload_conf()")
        // As PG3: the writes made before (the database copied from its template) are on disk
        // before the saves. `IPASN_PGSAVE_SETTLE=0` (a developer's switch) leaves them to the
        // kernel's write-back during the saves, for comparing.
        if ProcessInfo.processInfo.environment["IPASN_PGSAVE_SETTLE"] == "0" {
            log("[PG3] not settled: \(PostgresCluster.dirtyKB() / 1024) MB of the page cache dirty at the start")
        } else {
            log("[PG3] " + cluster.settleWrites())
        }
        let before = try PostgresServerUsage.snapshot(cluster, database: database)
        let dirtyAtStart = PostgresCluster.dirtyKB()
        let r = try interactive.run(keystrokes: 0, minimumSaves: saves, dashboardOpens: 0, tag: "P")
        log("[PG3] page cache dirty or under write-back: \(dirtyAtStart / 1024) MB at the start of the saves, "
            + "\(PostgresCluster.dirtyKB() / 1024) MB at their end")
        Thread.sleep(forTimeInterval: 1)  // the closed connections' backends report their WAL statistics as they exit
        let server = try PostgresServerUsage.snapshot(cluster, database: database).since(before)
        let phases = SavePhases(spans: r.saveSpans, trips: trips.trips)
        let schedule = SaveSchedule(spans: r.saves, probes: r.saveProbes)
        try dump(phases: phases, schedule: schedule, roundTrips: r.saveRoundTrips)
        return Result(
            nip: who.nip, diklat: who.diklat, wall: r.saves, cpu: r.saveCPU, roundTrips: r.saveRoundTrips,
            cluster: cluster.directory, server: server, phases: phases,
            schedule: schedule, accounting: accounting)
    }

    /// `IPASN_PGSAVE_DUMP=FILE` (a developer's switch, row PG3 here and in ``PostgresBench``): each
    /// save in order, its start (monotonic ns), its writes + COMMIT round trip, the save alone and
    /// the span in ms, to set beside the server's WAL flushes (`strace -T` of the backend) one by
    /// one; then (branch pgsave8, to compare saves by their place in the run) its parts as
    /// ``SaveSchedule`` has them (ms: client CPU, client queue, server CPU, server queue, off-CPU)
    /// and its round trips; then (branch pgsave12) its start on the wall clock (UTC, ms), to set
    /// beside the server's log and a sampler of its activity, and the backend's bytes read and
    /// written and its minor and major faults during the span (``SaveSchedule/Parts``).
    static func dump(phases: SavePhases, schedule: SaveSchedule, roundTrips: [Int]) throws {
        guard let dump = ProcessInfo.processInfo.environment["IPASN_PGSAVE_DUMP"], !dump.isEmpty else { return }
        // The monotonic clock's zero on the wall clock, read once now.
        let wallOfZero = Date().timeIntervalSince1970 - Double(Clock.now()) / 1e9
        let wall = DateFormatter()
        wall.dateFormat = "HH:mm:ss.SSS"
        wall.timeZone = TimeZone(identifier: "UTC")
        let lines = phases.saves.enumerated().map { index, save in
            let parts = index < schedule.saves.count ? schedule.saves[index] : nil
            let times = [parts?.clientRun, parts?.clientQueue, parts?.serverRun, parts?.serverQueue, parts?.off]
                .map { String(format: "%.3f", ($0 ?? 0) * 1000) }.joined(separator: " ")
            let trips = index < roundTrips.count ? roundTrips[index] : -1
            let at = wall.string(from: Date(timeIntervalSince1970: wallOfZero + Double(save.start) / 1e9))
            return String(
                format: "%d %llu %.3f %.3f %.3f", index, save.start,
                (save.phases[.writes] ?? save.phases[.oneTrip] ?? 0) * 1000 + (save.phases[.commit] ?? 0) * 1000,
                save.save * 1000, save.span * 1000) + " " + times + " \(trips) \(at)"
                + (parts.map { " \($0.serverReadBytes) \($0.serverWrittenBytes) \($0.serverFaults) \($0.serverMajorFaults)" } ?? "")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
    }

    /// The template database `pgsave_base_<employees>`: the province of ``SaveBench`` copied
    /// into `cluster` once (kept for the next runs).
    static func template(employees: Int, cluster: PostgresCluster, work: String, log: (String) -> Void) throws -> String {
        let province = try SaveBench.province(employees: employees, work: work, log: log)
        let base = "pgsave_base_\(employees)"
        if try cluster.scalar("postgres", "SELECT count(*) FROM pg_database WHERE datname = '\(base)'") != "1" {
            log("[data] copying the province into PostgreSQL as \(base) (once)")
            try cluster.psql("postgres", "CREATE DATABASE \(base)_new")
            try {  // the copy's connections closed before the rename
                let source = try SQLiteStore(path: province, context: Dataset.setupContext, access: .read)
                let target = try PostgresCopy(cluster.socket("\(base)_new"))
                try source.exportTables(order: PostgresCopy.tableOrder) { try target.copy($0) }
                _ = try target.finish()
            }()
            try cluster.psql("\(base)_new", "VACUUM ANALYZE")
            try cluster.psql("postgres", "ALTER DATABASE \(base)_new RENAME TO \(base)")
        }
        return base
    }

    /// The round trips the observer was told of (on the workstation's one thread).
    final class RoundTripLog: @unchecked Sendable {
        var trips: [PGRoundTrip] = []
    }

    /// The cluster recorded in `work/pgsave-cluster` when it still answers, else a new one.
    static func runningCluster(work: String, repository: String, log: (String) -> Void) throws -> PostgresCluster {
        let record = "\(work)/pgsave-cluster"
        if let text = try? String(contentsOfFile: record, encoding: .utf8) {
            let lines = text.split(separator: "\n").map(String.init)
            if lines.count == 2, let port = Int(lines[1]),
                let cluster = try? PostgresCluster.running(directory: lines[0], port: port)
            {
                return cluster
            }
        }
        let cluster: PostgresCluster
        do {
            cluster = try PostgresCluster.start(repository: repository, parent: work)
        } catch let error as PostgresCluster.Unavailable {
            throw BenchError(error.reason)
        }
        try "\(cluster.directory)\n\(cluster.port)\n".write(toFile: record, atomically: true, encoding: .utf8)
        log("[pg] started a PostgreSQL cluster in \(cluster.directory), left running for the next runs; stop it with "
            + "scripts/pg-test-cluster stop \(cluster.directory)")
        return cluster
    }

    /// The result in a few lines.
    public static func summary(_ r: Result) -> String {
        func line(_ name: String, _ values: [Double]) -> String {
            let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            return "\(name): p50 \(Fmt.ms(Stats.percentile(values, 50))), p90 \(Fmt.ms(Stats.percentile(values, 90))), "
                + "p99 \(Fmt.ms(Stats.percentile(values, 99))), mean \(Fmt.ms(mean)), max \(Fmt.ms(values.max() ?? 0))"
        }
        let trips = r.roundTrips.sorted()
        let tripsLine =
            trips.isEmpty
            ? "  round trips: not counted"
            : "  round trips a save: min \(trips.first!), median \(trips[trips.count / 2]), max \(trips.last!)"
        return "PostgreSQL save (PG3), \(r.wall.count) saves for \(r.nip) (\(r.diklat) diklat before), cluster \(r.cluster)\n"
            + line("  wall", r.wall) + "\n" + line("  cpu ", r.cpu) + "\n" + tripsLine + "\n"
            + "  server, whole run (setup included) per save: " + r.server.perSave(r.wall.count) + "\n"
            + r.phases.summary() + "\n" + r.schedule.summary(slowest: 5)
            + (r.accounting.map { "\n" + $0.summary(spans: r.wall) } ?? "")
    }
}
