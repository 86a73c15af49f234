import Foundation
import IPASNCore
import IPASNDemo
import IPASNPostgres
import IPASNStore

/// The PostgreSQL rows of `ipasn bench` (issue 12, "Scale and speed"), side by side with the
/// SQLite rows in the same run, on the same data: the benchmark starts its own throw-away
/// cluster (``PostgresCluster``), copies the province's base database into it, and measures
///
/// - PG1: `ipasn import diklat` of the same CSV into PostgreSQL against psql's `\copy` of the
///   file into a bare table (target: within 2x);
/// - PG2: `recomputeAll` + `unitFigures` on `PostgresStore` against ``ReferenceQuery`` in its PostgreSQL dialect
///   run by psql (the unit figures must agree; target: no slower);
/// - PG3: the workstation's save over the Unix socket, as a unit admin's own database role
///   (row-level security on), the path of row 3b (target: p99 < 5 ms);
/// - PG4: ``ConcurrentAdminsBench`` over TCP loopback (no error, every save stored, p99 reported).
///
/// When PostgreSQL cannot be started the rows say why; the SQLite rows are unaffected.
struct PostgresBench {
    let options: BenchOptions
    let province: Dataset.Province
    let log: (String) -> Void

    /// The sizes of the concurrent-admins row for a bench size.
    static func adminSettings(_ config: BenchConfig) -> ConcurrentAdminsBench.Settings {
        config.name == "quick"
            ? .init(admins: 10, seconds: 6, interval: 0.5...1.5)
            : .init(admins: 100, seconds: 120, interval: 2...4)
    }

    /// The PostgreSQL rows' ids, for the rows written when PostgreSQL is unavailable.
    static let rows: [(id: String, measurement: String)] = [
        ("PG1", "PostgreSQL: import the diklat file"),
        ("PG1b", "PostgreSQL: the diklat file by psql into the same schema"),
        ("PG2", "PostgreSQL: recompute + unit report"),
        ("PG3", "PostgreSQL: save a record over the Unix socket"),
        ("PG4", "PostgreSQL: simulated admins at once over loopback"),
    ]

    func run(into report: inout BenchReport) throws {
        let cluster: PostgresCluster
        do {
            cluster = try PostgresCluster.start(repository: options.repositoryDirectory)
        } catch let error as PostgresCluster.Unavailable {
            log("  PostgreSQL rows skipped: \(error.reason)")
            for row in Self.rows { report.add(row.id, row.measurement, ours: "not measured: \(error.reason)") }
            return
        }
        defer { cluster.stop(repository: options.repositoryDirectory) }
        let version = (try? cluster.scalar("postgres", "SHOW server_version")) ?? "?"
        log("  PostgreSQL \(version) in \(cluster.directory) (Unix socket) and 127.0.0.1:\(cluster.port)")
        let config = options.config
        let c = province.counts

        // The base database: the province without diklat, copied from the SQLite base.
        let (_, copySeconds) = try Clock.time { try copyBase(cluster) }
        log("  base database copied into PostgreSQL in \(Fmt.seconds(copySeconds))")

        // PG1. Import.
        let imp = try importRuns(cluster, runs: config.bigRuns)
        let ours = Stats.median(imp.ours)
        let copy = Stats.median(imp.copy)
        report.add(
            "PG1", "PostgreSQL: import \(Fmt.count(c.diklat)) diklat rows over the Unix socket, \(imp.ours.count) runs",
            ours: Fmt.seconds(ours), reference: Fmt.seconds(copy) + " (psql `\\copy` into a bare table)",
            ratio: Fmt.ratio(ours / copy), target: "≤ 2x COPY", met: ours <= 2 * copy)
        let schemaLoad = Stats.median(imp.schema)
        report.add(
            "PG1b", "PostgreSQL: the same file by psql into the SAME schema (the fair floor), \(imp.schema.count) runs",
            ours: Fmt.seconds(ours),
            reference: Fmt.seconds(schemaLoad) + " (psql `\\copy` to a staging table + one INSERT ... SELECT into diklat: "
                + "foreign key, three indexes, the pending-count trigger)",
            ratio: Fmt.ratio(ours / schemaLoad))
        report.checks.append(
            "PostgreSQL import: after each run the database holds exactly \(Fmt.count(c.diklat)) diklat (and the other "
                + "tables the counts of the demo), psql's bare table \(Fmt.count(c.diklat)) rows")
        let database = imp.database
        let size = try cluster.size(database)
        let records = c.pendidikan + c.diklat + c.skp + c.disiplin
        report.notes.append(
            "PG: PostgreSQL \(version), a throw-away cluster started by the bench (scripts/pg-test-cluster, fsync and "
                + "synchronous_commit on, the server's default memory settings, checkpoint_timeout 15min and max_wal_size 4GB as "
                + "docs/deployment.md recommends for a server), reached over its Unix socket (PG1-PG3) "
                + "and TCP 127.0.0.1 (PG4). The province database takes \(Fmt.mb(size)) on disk after the import "
                + "(`pg_database_size`: \(Fmt.count(c.pegawai)) pegawai, \(Fmt.count(records)) records, cached scores, "
                + "audit, indexes): \(size / max(records, 1)) bytes per record, \(size / max(c.pegawai, 1)) bytes per "
                + "employee. The base database was copied from SQLite (`PostgresCopy`, as `ipasn migrate`) in "
                + "\(Fmt.seconds(copySeconds)).")

        // PG2. Recompute + unit report against the PostgreSQL form of the reference query.
        log("[PG2] recompute all + unit report vs the reference query on PostgreSQL")
        let recompute = try recomputeRuns(cluster, database: database, runs: config.bigRuns)
        let rOurs = Stats.median(recompute.ours)
        let rQuery = Stats.median(recompute.query)
        report.add(
            "PG2", "PostgreSQL: recompute \(Fmt.count(c.pegawai)) scores + unit report, \(recompute.ours.count) runs",
            ours: Fmt.seconds(rOurs), reference: Fmt.seconds(rQuery) + " (one SQL query, psql)",
            ratio: Fmt.ratio(rOurs / rQuery), target: "≤ the query", met: rOurs <= rQuery)
        report.checks.append(
            "PostgreSQL unit report: all \(recompute.units) units' pegawai counts and five means agree with the "
                + "PostgreSQL form of the reference query to the cent (and within 1e-9)")

        // PG3. The workstation's save over the Unix socket, as the admin's own role.
        log("[PG3] workstation saves on PostgreSQL over the Unix socket")
        let employee = try Self.pickEmployee(cluster, database)
        let operatorLogin = StoreContext.currentUser()
        var interactive = InteractiveBench(database: database, nip: employee.nip)
        interactive.opener = { context in
            if context.actor == operatorLogin {
                return try PostgresStore(cluster.socket(database), context: context)
            }
            try Self.provision(cluster, database, context.actor)
            return try PostgresStore(cluster.socket(database, user: context.actor), context: context)
        }
        interactive.roundTrips = { ($0 as? PostgresStore)?.roundTrips ?? 0 }
        // Each round trip timed by the client: the save alone against what the admin waits for.
        let trips = PostgresSaveBench.RoundTripLog()
        interactive.opened = { store in (store as? PostgresStore)?.roundTripObserver = { trips.trips.append($0) } }
        // Each save's span by process state: the workstation's thread and the backend on a
        // core or waiting for one, the rest off-CPU (the flush): a slow save is told apart.
        interactive.probe = { SaveSchedule.sample(backend: ($0 as? PostgresStore)?.serverProcessID ?? 0) }
        // What else ran on the machine during each save (every process's CPU, read outside the
        // spans): only with `IPASN_PGSAVE_ACCOUNT=1`. Its scan of every task of the machine
        // around each save, though outside the timed span, added about 2 ms of the
        // workstation's own CPU to each save it surrounded (the same binary, load and
        // database: 0.94 ms without it, 2.81 ms with it, fifteenth session): it measured itself.
        let accounting =
            ProcessInfo.processInfo.environment["IPASN_PGSAVE_ACCOUNT"] == "1"
            ? SaveAccounting(clusterDirectory: cluster.directory) : nil
        if let accounting { interactive.observer = accounting.observer }
        // What else the server did during the saves (a checkpoint, autovacuum after the
        // imports above, the flushes' time): the tail of the saves is read with it.
        try cluster.psql("postgres", "ALTER SYSTEM SET track_wal_io_timing = on")
        try cluster.psql("postgres", "SELECT pg_reload_conf()")
        // The earlier pieces' writes (three imports of a million rows, the recomputes) on disk
        // first, not written back by the kernel during the saves (see ``PostgresCluster/settleWrites()``).
        let settled = cluster.settleWrites()
        log("  " + settled)
        let serverBefore = try PostgresServerUsage.snapshot(cluster, database: database)
        let dirtyAtStart = PostgresCluster.dirtyKB()
        let saves = try interactive.run(
            keystrokes: 0, minimumSaves: config.growthSaves, dashboardOpens: config.dashboardOpens, tag: "PG")
        let dirtyAtEnd = PostgresCluster.dirtyKB()
        let server = try PostgresServerUsage.snapshot(cluster, database: database).since(serverBefore)
        let phases = SavePhases(spans: saves.saveSpans, trips: trips.trips)
        let s50 = Stats.percentile(saves.saves, 50)
        let s99 = Stats.percentile(saves.saves, 99)
        let alone = phases.saves.map(\.save)
        log("  save p50 \(Fmt.ms(s50)) p99 \(Fmt.ms(s99)); dashboard median \(Fmt.ms(Stats.median(saves.dashboard)))")
        log(phases.summary())
        let schedule = SaveSchedule(spans: saves.saves, probes: saves.saveProbes)
        log(schedule.summary(slowest: 5))
        try PostgresSaveBench.dump(phases: phases, schedule: schedule, roundTrips: saves.saveRoundTrips)
        if let accounting { log(accounting.summary(spans: saves.saves)) }
        log("  server during the saves and dashboard opens: " + server.perSave(saves.saves.count))
        report.add(
            "PG3", "PostgreSQL: save a record through the workstation, Unix socket (\(saves.savedRecords) saves)",
            ours: "p50 \(Fmt.ms(s50)), p99 \(Fmt.ms(s99)) from the key to the page redrawn (the save alone: p50 "
                + "\(Fmt.ms(Stats.percentile(alone, 50))), p99 \(Fmt.ms(Stats.percentile(alone, 99)))); "
                + "\(Int(Stats.median(saves.saveRoundTrips.map(Double.init)).rounded())) round trips a save (median)",
            reference: "row 3b on SQLite", target: "p99 < 5 ms",
            met: s99 < 0.005)
        report.notes.append(
            "PG3: the figure is what the admin waits for, from Ctrl-N to the next frame: the save (its transaction: "
                + "permission check, insert, audit row, scores, durable COMMIT), clearing the draft, the employee page's "
                + "reload and drawing it; \"the save alone\" is the store's `add` (the client's timestamps of its first "
                + "and last round trip). During the saves and the dashboard opens the server wrote "
                + server.perSave(saves.saves.count) + ". Before the saves, " + settled + "; the page cache dirty or under "
                + "write-back was \(dirtyAtStart / 1024) MB at their start and \(dirtyAtEnd / 1024) MB at their end. "
                + "The p99 of \(saves.saves.count) saves is their \(Self.rankOfP99(saves.saves.count)) slowest (one slow save "
                + "moves it); the slowest three, each as its span = the workstation thread's CPU + its wait for a core + "
                + "the server backend's CPU + its wait for a core + the rest off-CPU (the WAL flush, a lock), ms, #n its "
                + "place in the run: " + schedule.slowest(3) + "; the saves with the most backend CPU, with the "
                + "backend's own I/O and page faults during them (plans rebuilt after an invalidation show CPU alone, "
                + "a WAL segment made shows 16 MB written): " + schedule.mostServerCPU(3) + "; "
                + (accounting.map {
                    "what else ran during them (ms on a core, every process of the machine by its name, the cluster's by "
                        + "their title): " + $0.others(spans: saves.saves)
                }
                    ?? "what else ran during them is not read by default (`IPASN_PGSAVE_ACCOUNT=1`: its scan of every "
                    + "task of the machine around each save added about 2 ms of the workstation's CPU to each save)")
                + ". The workstation readies the save path once its first "
                + "screen is up (`warmSavePath`: statements prepared, plans made, its PL/pgSQL, the per-row triggers' "
                + "statements and the score check's scorer run on no row); the first save still pays its first real "
                + "row's index inserts and foreign-key checks.")
        report.add(
            "PG3c", "PostgreSQL: open the dashboard (\(saves.dashboard.count) opens)",
            ours: "median \(Fmt.ms(Stats.median(saves.dashboard))), max \(Fmt.ms(saves.dashboard.max() ?? 0))",
            reference: "row 3c on SQLite")
        report.checks.append(
            "PostgreSQL workstation: \(saves.savedRecords) records typed and saved by a unit admin connected as its own "
                + "role are in the database, each with its audit row")

        // PG4. Many admins at once over TCP loopback.
        let settings = Self.adminSettings(config)
        log("[PG4] \(settings.admins) admins saving every \(settings.interval.lowerBound)-\(settings.interval.upperBound) s "
            + "for \(Fmt.seconds(settings.seconds)) over 127.0.0.1, one reading the dashboard")
        let operatorStore = try PostgresStore(cluster.socket(database), context: StoreContext(actor: operatorLogin))
        let admins = try Self.admins(cluster, database, operatorStore: operatorStore).run(settings, tag: "pg4")
        guard admins.errors.isEmpty else {
            throw BenchError(
                "\(admins.errors.count) errors with \(admins.admins) admins at once on PostgreSQL:\n  "
                    + admins.errors.prefix(20).joined(separator: "\n  "))
        }
        let a50 = Stats.percentile(admins.saves, 50)
        let a99 = Stats.percentile(admins.saves, 99)
        log("  \(admins.saves.count) saves: p50 \(Fmt.ms(a50)) p99 \(Fmt.ms(a99)); \(admins.dashboardReads.count) dashboard reads")
        report.add(
            "PG4",
            "PostgreSQL: \(admins.admins) admins over loopback, each its own role and unit, saving every "
                + "\(Fmt.seconds(settings.interval.lowerBound))-\(Fmt.seconds(settings.interval.upperBound)), "
                + "+ 1 reading the dashboard, \(Fmt.seconds(admins.seconds))",
            ours: "\(Fmt.count(admins.saves.count)) saves: p50 \(Fmt.ms(a50)), p99 \(Fmt.ms(a99)); "
                + "dashboard median \(Fmt.ms(Stats.median(admins.dashboardReads))) (\(admins.dashboardReads.count) reads)",
            target: "no error, every save stored", met: true)
        report.checks.append(
            "PostgreSQL admins at once: no call failed; each of the \(admins.admins) admins' \(Fmt.count(admins.saves.count)) "
                + "saves is in the database with its audit row")
    }

    /// Row PG4's admins on `database`: each connects over TCP loopback as its own role.
    static func admins(_ cluster: PostgresCluster, _ database: String, operatorStore: any Store) -> ConcurrentAdminsBench {
        let port = cluster.port
        return ConcurrentAdminsBench(
            connect: { login, context in
                try PostgresStore(
                    "host=127.0.0.1 port=\(port) user=\(PostgresCluster.quoted(login)) dbname=\(PostgresCluster.quoted(database))",
                    context: context)
            },
            operatorStore: operatorStore,
            provision: { try Self.provision(cluster, database, $0) },
            count: { tag in
                try Self.countConcurrent(tag: tag) { sql in
                    try cluster.psql(database, sql).stdout.split(separator: "\n").compactMap { line in
                        let fields = line.split(separator: ",").map(String.init)
                        return fields.count == 2 ? Int(fields[1]).map { (fields[0], $0) } : nil
                    }
                }
            })
    }

    /// Which save, counted from the slowest, ``Stats/percentile(_:_:)`` reports as the 99th
    /// percentile of `count` saves ("2nd" for 150), as words for the note.
    static func rankOfP99(_ count: Int) -> String {
        let values = (1...max(count, 1)).map(Double.init)
        let p99 = Stats.percentile(values, 99)
        let rank = count - Int(p99.rounded(.down)) + 1
        switch rank {
        case 1: return "1st"
        case 2: return "2nd"
        case 3: return "3rd"
        default: return "\(rank)th"
        }
    }

    // MARK: - Steps

    /// Creates `ipasn_base` and copies the SQLite base database (no diklat) into it.
    private func copyBase(_ cluster: PostgresCluster) throws {
        try cluster.psql("postgres", "CREATE DATABASE ipasn_base")
        try {
            let source = try SQLiteStore(path: province.baseDatabase, context: Dataset.setupContext, access: .read)
            let target = try PostgresCopy(cluster.socket("ipasn_base"))
            try source.exportTables(order: PostgresCopy.tableOrder) { try target.copy($0) }
            _ = try target.finish()
        }()
        try Self.checkCounts(cluster, "ipasn_base", province.counts, diklat: 0)
    }

    struct ImportResult {
        var ours: [Double] = []
        var copy: [Double] = []
        /// psql's load into the same schema (``PostgresSchemaLoad``), each run.
        var schema: [Double] = []
        var database = ""
    }

    /// Each run: a fresh copy of the base database, `ipasn import diklat` into it (the real
    /// binary, over the Unix socket), then psql's `\copy` of the same file into a bare table.
    private func importRuns(_ cluster: PostgresCluster, runs: Int) throws -> ImportResult {
        var result = ImportResult()
        let csv = province.csv(.diklat)
        let rows = province.counts.diklat
        for run in 0..<max(runs, 1) {
            let database = "ipasn_import_\(run)"
            try cluster.psql("postgres", "CREATE DATABASE \(database) TEMPLATE ipasn_base")
            let url = "postgresql:///\(database)?host=\(cluster.directory)&port=\(cluster.port)&user=postgres"
            let child = try ChildProcess.run(options.executable, ["import", "diklat", csv, "--db", url, "--lang", "en"])
            guard child.status == 0, child.stdout.contains("imported \(rows) diklat") else {
                throw BenchError(
                    "ipasn import diklat into PostgreSQL failed (status \(child.status)): "
                        + "\(child.stdout.prefix(500)) \(child.stderr.prefix(2000))")
            }
            try Self.checkCounts(cluster, database, province.counts, diklat: rows)
            result.ours.append(child.seconds)

            let bare = "bare_\(run)"
            try cluster.psql(
                "postgres",
                "CREATE TABLE \(bare) (nip text, jenis text, tingkat text, nama text, penyelenggara text, mulai text, "
                    + "selesai text, jp text, sertifikat text, sesuai text)")
            let quotedPath = csv.replacingOccurrences(of: "'", with: "''")
            let copy = try PostgresCluster.psql(
                cluster.socket("postgres"), ["-c", "\\copy \(bare) FROM '\(quotedPath)' WITH (FORMAT csv, HEADER true)"])
            let copied = try cluster.scalar("postgres", "SELECT count(*) FROM \(bare)")
            guard copied == String(rows) else { throw BenchError("psql's \\copy loaded \(copied) rows; expected \(rows)") }
            result.copy.append(copy.seconds)
            try cluster.psql("postgres", "DROP TABLE \(bare)")

            // The same file into the same schema by psql (a fresh copy of the base database).
            let schemaDatabase = "ipasn_schema_load_\(run)"
            try cluster.psql("postgres", "CREATE DATABASE \(schemaDatabase) TEMPLATE ipasn_base")
            let load = PostgresSchemaLoad(csvPath: csv, work: options.workDirectory)
            result.schema.append(
                try load.run(
                    conninfo: cluster.socket(schemaDatabase), cluster: cluster, database: schemaDatabase, expectedRows: rows))
            try cluster.psql("postgres", "DROP DATABASE \(schemaDatabase)")
            log(
                "  PostgreSQL import run \(run + 1)/\(runs): ipasn \(Fmt.seconds(child.seconds)), psql \\copy "
                    + "\(Fmt.seconds(copy.seconds)), psql into the same schema \(Fmt.seconds(result.schema.last ?? 0))")
            if run < runs - 1 {
                try cluster.psql("postgres", "DROP DATABASE \(database)")
            } else {
                result.database = database
            }
        }
        return result
    }

    struct RecomputeResult {
        var ours: [Double] = []
        var query: [Double] = []
        var units = 0
    }

    private func recomputeRuns(_ cluster: PostgresCluster, database: String, runs: Int) throws -> RecomputeResult {
        let store = try PostgresStore(cluster.socket(database), context: StoreContext(actor: StoreContext.currentUser()))
        let year = try store.measurementYear()
        guard try store.ruleset() == .bkn2019 else {
            throw BenchError("the PostgreSQL database's ruleset is not \(ReferenceQuery.rulesetID): no reference to compare with")
        }
        // Fresh statistics after the big import, for both sides (as a DBA would run it; else
        // the first query races autovacuum and may get a plan for an empty table).
        try cluster.psql(database, "ANALYZE")
        let queryPath = "\(options.workDirectory)/reference-pg-\(year).sql"
        try ReferenceQuery.sql(year: year, dialect: .postgresql).write(toFile: queryPath, atomically: true, encoding: .utf8)
        var result = RecomputeResult()
        var figures: [UnitFigure] = []
        var output = ""
        for run in 0..<max(runs, 1) {
            let start = Clock.now()
            try store.recomputeAll(year: year)
            figures = try store.unitFigures(year: year)
            let ours = Clock.seconds(since: start)
            let query = try PostgresCluster.psql(cluster.socket(database), ["--csv", "-f", queryPath])
            output = query.stdout
            result.ours.append(ours)
            result.query.append(query.seconds)
            log("  recompute run \(run + 1)/\(runs): ipasn \(Fmt.seconds(ours)), psql \(Fmt.seconds(query.seconds))")
        }
        result.units = try Self.compare(figures, RecomputeBench.parse(output))
        return result
    }

    /// Checks ipasn's unit figures against the reference rows: the same units, pegawai counts,
    /// sums to the half point and means within 1e-9. Returns the number of units compared.
    static func compare(_ figures: [UnitFigure], _ reference: [RecomputeBench.ReferenceRow]) throws -> Int {
        let ours = Dictionary(figures.map { ($0.unit.kode, $0) }, uniquingKeysWith: { a, _ in a })
        guard reference.count == ours.count, !reference.isEmpty else {
            throw BenchError("PostgreSQL unit report: ipasn lists \(ours.count) units, the reference query \(reference.count)")
        }
        var mismatches: [String] = []
        for row in reference {
            guard let figure = ours[row.kode] else {
                mismatches.append("\(row.kode): missing from ipasn's unit report")
                continue
            }
            let t = figure.totals
            if t.pegawai != row.pegawai { mismatches.append("\(row.kode): \(t.pegawai) pegawai, reference \(row.pegawai)") }
            let sums = [t.kualifikasi, t.kompetensi, t.kinerja, t.disiplin]
            for (index, sum) in sums.enumerated() where (sum * 2).rounded() != Double(row.sumsX2[index]) {
                mismatches.append("\(row.kode) dimension \(index + 1): sum \(sum), reference \(Double(row.sumsX2[index]) / 2)")
            }
            let means = [
                figure.mean(.kualifikasi), figure.mean(.kompetensi), figure.mean(.kinerja), figure.mean(.disiplin),
                figure.meanTotal,
            ]
            for (index, mean) in means.enumerated() where abs(mean - row.means[index]) > 1e-9 {
                mismatches.append("\(row.kode) mean \(index + 1): ipasn \(mean), reference \(row.means[index])")
            }
        }
        guard mismatches.isEmpty else {
            throw BenchError(
                "the PostgreSQL unit report DISAGREES with the reference SQL (\(mismatches.count) differences):\n  "
                    + mismatches.prefix(20).joined(separator: "\n  "))
        }
        return reference.count
    }

    /// The employee the workstation saves go to: as ``InteractiveBench/pickEmployee(_:)``.
    static func pickEmployee(_ cluster: PostgresCluster, _ database: String) throws -> (nip: String, diklat: Int) {
        let row = try cluster.psql(
            database,
            """
            SELECT p.nip, count(*) FROM pegawai p JOIN diklat d ON d.nip = p.nip WHERE p.aktif = 1
            GROUP BY p.nip HAVING count(*) BETWEEN 10 AND 40 ORDER BY p.nip LIMIT 1
            """
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map(String.init)
        guard row.count == 2, let n = Int(row[1]) else { throw BenchError("no employee with 10 to 40 diklat on PostgreSQL") }
        return (row[0], n)
    }

    /// Makes `login` a login role in `ipasn_users` (as `ipasn users add` does), once.
    static func provision(_ cluster: PostgresCluster, _ database: String, _ login: String) throws {
        try cluster.psql(database, provisionSQL(login))
    }

    /// Per admin login of the concurrent run tagged `tag`: its diklat and its insert audit rows.
    /// `query` runs SQL on the database and returns its rows' first two fields.
    static func countConcurrent(tag: String, query: (String) throws -> [(String, Int)]) throws
        -> (records: [String: Int], audits: [String: Int])
    {
        let prefix = "Bench \(tag) "
        func pairs(_ sql: String) throws -> [String: Int] {
            try query(sql).reduce(into: [String: Int]()) { $0[$1.0, default: 0] += $1.1 }
        }
        let records = try pairs(
            "SELECT substr(split_part(nama, ' #', 1), \(prefix.count + 1)), count(*) FROM diklat "
                + "WHERE nama LIKE '\(prefix)%' GROUP BY 1")
        let audits = try pairs(
            "SELECT actor, count(*) FROM audit WHERE actor LIKE 'bench-\(tag)-admin-%' AND action = 'insert' GROUP BY actor")
        return (records, audits)
    }

    /// The SQL that makes `login` a login role in `ipasn_users` (as `ipasn users add` does), once.
    static func provisionSQL(_ login: String) -> String {
        let ident = "\"" + login.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(login.replacingOccurrences(of: "'", with: "''"))') THEN
                CREATE ROLE \(ident) LOGIN;
              END IF;
            END $$;
            GRANT ipasn_users TO \(ident);
            """
    }

    /// Checks the tables of a PostgreSQL database hold the demo's counts.
    static func checkCounts(_ cluster: PostgresCluster, _ database: String, _ expect: DemoCounts, diklat: Int) throws {
        let expected: [(String, Int)] = [
            ("units", expect.units), ("pegawai", expect.pegawai), ("pendidikan", expect.pendidikan),
            ("skp", expect.skp), ("disiplin", expect.disiplin), ("diklat", diklat),
        ]
        let sql = "SELECT " + expected.map { "(SELECT count(*) FROM \($0.0))" }.joined(separator: ", ")
        let found = try cluster.psql(database, sql).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ",").map { Int($0) ?? -1 }
        for (index, (table, count)) in expected.enumerated() {
            let actual = index < found.count ? found[index] : -1
            guard actual == count else {
                throw BenchError("PostgreSQL \(database): \(actual) rows in \(table); expected \(count)")
            }
        }
    }
}
