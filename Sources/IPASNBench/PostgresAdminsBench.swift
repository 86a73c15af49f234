import Foundation
import IPASNPostgres
import IPASNStore

/// `ipasn bench --only pgadmins --work-dir D` (hidden): only the many-admins measurement (row
/// PG4, ``ConcurrentAdminsBench``) over TCP loopback, for working on its tail by hand (issue
/// 12, branch pgcrowd). The province, the cluster and the template database are those of
/// ``PostgresSaveBench`` (kept in `D`); each run saves into a fresh copy `pgadmins_run`.
///
/// Developer's switches (environment): `IPASN_PGADMINS_ADMINS` (default 100),
/// `IPASN_PGADMINS_SECONDS` (default 120), `IPASN_PGADMINS_SQL` (SQL run as the owner on the
/// run's copy before the admins start: a suspect switched off on a scratch database),
/// `IPASN_PGADMINS_DUMP=FILE` (every save's latency in ms, one a line).
public enum PostgresAdminsBench {
    public static func run(employees: Int, work: String, repository: String, log: (String) -> Void) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let admins = environment["IPASN_PGADMINS_ADMINS"].flatMap { Int($0) } ?? 100
        let seconds = environment["IPASN_PGADMINS_SECONDS"].flatMap { Double($0) } ?? 120
        let cluster = try PostgresSaveBench.runningCluster(work: work, repository: repository, log: log)
        let base = try PostgresSaveBench.template(employees: employees, cluster: cluster, work: work, log: log)
        let database = "pgadmins_run"
        try cluster.psql("postgres", "DROP DATABASE IF EXISTS \(database)")
        try cluster.psql("postgres", "CREATE DATABASE \(database) TEMPLATE \(base)")
        let operatorLogin = StoreContext.currentUser()
        // Opening as the operator brings the copy's schema up to date.
        let operatorStore = try PostgresStore(cluster.socket(database), context: StoreContext(actor: operatorLogin))
        if let sql = environment["IPASN_PGADMINS_SQL"], !sql.isEmpty {
            log("[PG4] on the run's copy first: \(sql)")
            try cluster.psql(database, sql)
        }
        log("[PG4] " + cluster.settleWrites())
        let bench = PostgresBench.admins(cluster, database, operatorStore: operatorStore)
        log("[PG4] \(admins) admins saving every 2-4 s for \(Fmt.seconds(seconds)) over 127.0.0.1, one reading the dashboard")
        let before = try PostgresServerUsage.snapshot(cluster, database: database)
        let clientBefore = BenchPiece.cpu(children: false)
        let loadBefore = loadAverage()
        let result = try bench.run(.init(admins: admins, seconds: seconds, interval: 2...4), tag: "pg4")
        let client = BenchPiece.cpu(children: false) - clientBefore
        let server = try PostgresServerUsage.snapshot(cluster, database: database).since(before)
        if let dump = environment["IPASN_PGADMINS_DUMP"], !dump.isEmpty {
            try (result.saves.map { String(format: "%.3f", $0 * 1000) }.joined(separator: "\n") + "\n")
                .write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let s = result.saves
        var lines = [
            "PG4 by hand: \(result.admins) admins, \(Fmt.seconds(result.seconds)), \(s.count) saves, "
                + "\(result.dashboardReads.count) dashboard reads, \(result.errors.count) errors",
            "  save p50 \(Fmt.ms(Stats.percentile(s, 50))), p95 \(Fmt.ms(Stats.percentile(s, 95))), "
                + "p99 \(Fmt.ms(Stats.percentile(s, 99))), max \(Fmt.ms(s.max() ?? 0)); "
                + "dashboard median \(Fmt.ms(Stats.median(result.dashboardReads)))",
            "  CPU: client (this process) " + String(format: "%.1f s", client) + ", server "
                + String(format: "%.1f s", server.cpu) + "; load average before \(loadBefore), after \(loadAverage())",
            "  server: " + server.perSave(s.count),
        ]
        lines += result.errors.prefix(10).map { "  error: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// The 1, 5 and 15 minute load averages.
    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3)
            .joined(separator: " ")
    }
}
