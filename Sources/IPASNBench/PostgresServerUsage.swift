import Foundation

/// What the server did over a span of the hand harness (`ipasn bench --only pgsave`), for
/// issue 12's "where does a save's time go" (branch pgsave2): the WAL written and flushed
/// (`pg_current_wal_lsn()` and `pg_stat_wal`, whose timings need `track_wal_io_timing`, which
/// the harness turns on in its own cluster) and the CPU of every server process (the
/// postmaster's own and its reaped children's, plus its live children's, from `/proc`).
struct PostgresServerUsage {
    /// WAL position (bytes).
    var lsn: Int64 = 0
    var walRecords: Int64 = 0
    /// Full-page images written into the WAL (a page's first change after a checkpoint).
    var walFPI: Int64 = 0
    var walBytes: Int64 = 0
    var walSyncs: Int64 = 0
    /// Milliseconds spent flushing the WAL (fdatasync).
    var walSyncMs: Double = 0
    var checkpoints: Int64 = 0
    /// Autovacuum and autoanalyze runs finished on the database's tables (`pg_stat_all_tables`).
    var autovacuums: Int64 = 0
    /// Autovacuum workers at work when the snapshot was taken (cluster-wide).
    var vacuumWorkers: Int64 = 0
    /// CPU seconds (user + system) of all the server's processes.
    var cpu: Double = 0

    /// A snapshot now.
    static func snapshot(_ cluster: PostgresCluster, database: String = "postgres") throws -> PostgresServerUsage {
        let row = try cluster.psql(
            database,
            """
            SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, wal_records, wal_fpi, wal_bytes, wal_sync, wal_sync_time,
                   (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter),
                   (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_all_tables),
                   (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')
            FROM pg_stat_wal
            """
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map(String.init)
        guard row.count == 9 else { throw BenchError("pg_stat_wal: unexpected answer \(row)") }
        var usage = PostgresServerUsage()
        usage.lsn = Int64(Double(row[0]) ?? 0)
        usage.walRecords = Int64(row[1]) ?? 0
        usage.walFPI = Int64(row[2]) ?? 0
        usage.walBytes = Int64(Double(row[3]) ?? 0)
        usage.walSyncs = Int64(row[4]) ?? 0
        usage.walSyncMs = Double(row[5]) ?? 0
        usage.checkpoints = Int64(row[6]) ?? 0
        usage.autovacuums = Int64(row[7]) ?? 0
        usage.vacuumWorkers = Int64(row[8]) ?? 0
        usage.cpu = serverCPU(directory: cluster.directory)
        return usage
    }

    /// The change from `before` to `self`.
    func since(_ before: PostgresServerUsage) -> PostgresServerUsage {
        PostgresServerUsage(
            lsn: lsn - before.lsn, walRecords: walRecords - before.walRecords, walFPI: walFPI - before.walFPI,
            walBytes: walBytes - before.walBytes, walSyncs: walSyncs - before.walSyncs,
            walSyncMs: walSyncMs - before.walSyncMs, checkpoints: checkpoints - before.checkpoints,
            autovacuums: autovacuums - before.autovacuums, vacuumWorkers: max(vacuumWorkers, before.vacuumWorkers),
            cpu: cpu - before.cpu)
    }

    /// CPU seconds of the cluster's server: the postmaster (`data/postmaster.pid`), its
    /// reaped children (its `cutime`/`cstime`) and its live children.
    static func serverCPU(directory: String) -> Double {
        guard let text = try? String(contentsOfFile: "\(directory)/data/postmaster.pid", encoding: .utf8),
            let postmaster = text.split(separator: "\n").first.flatMap({ Int($0) })
        else { return 0 }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        /// Fields after the command's closing parenthesis: state is [0], ppid [1], utime [11] ...
        func fields(_ pid: Int) -> [Substring]? {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            return stat[stat.index(after: close)...].split(separator: " ")
        }
        var total = 0.0
        if let own = fields(postmaster), own.count > 14 {
            total += (11...14).compactMap { Double(own[$0]) }.reduce(0, +)
        }
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int($0) } ?? []
        for pid in pids where pid != postmaster {
            guard let f = fields(pid), f.count > 12, Int(f[1]) == postmaster else { continue }
            total += (Double(f[11]) ?? 0) + (Double(f[12]) ?? 0)
        }
        return total / ticks
    }

    /// Per save, in a line of the harness's summary.
    func perSave(_ saves: Int) -> String {
        let n = Double(max(saves, 1))
        return String(
            format: "WAL %.0f B a save (%.1f records, %.2f full-page images), %.2f flushes a save taking %.3f ms (mean), "
                + "server CPU %.2f ms a save, %lld checkpoints during the run, %lld autovacuum/autoanalyze runs "
                + "finished (%lld workers at work at its start or end)",
            Double(lsn) / n, Double(walRecords) / n, Double(walFPI) / n, Double(walSyncs) / n,
            walSyncs > 0 ? walSyncMs / Double(walSyncs) : 0, cpu * 1000 / n, checkpoints, autovacuums, vacuumWorkers)
    }
}
