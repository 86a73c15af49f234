import Foundation
import IPASNPostgres
import IPASNStore

/// `ipasn bench --only pg-dashboard --only-db CONNINFO` (hidden): row PG3c by hand on an
/// existing PostgreSQL province database (a conninfo keyword string, e.g.
/// `host=/tmp/cluster dbname=p50`): the workstation opens the dashboard 25 times a run as a
/// unit admin's own role (row-level security on, as the bench does), then prints the median
/// and max wall time of an open, this process's CPU time per open and the round trips per
/// open. For before/after comparisons on a shared machine (branch pgdash2).
struct PostgresDashboardPiece {
    let conninfo: String

    func run(runs: Int, log: (String) -> Void) throws {
        let operatorLogin = StoreContext.currentUser()
        let setup = try PostgresStore(conninfo, context: StoreContext(actor: operatorLogin))
        let nip: String = try {
            // An active employee of a unit with a sub-tree (any will do: the dashboard is what is timed).
            guard let unit = try setup.units().first(where: { $0.induk == nil }),
                let pegawai = try setup.pegawai(inUnit: unit.kode, includeSubunits: true).first(where: \.aktif)
            else { throw BenchError("no active employee in \(conninfo)") }
            return pegawai.nip
        }()
        var interactive = InteractiveBench(database: conninfo, nip: nip)
        interactive.opener = { context in
            if context.actor == operatorLogin { return try PostgresStore(conninfo, context: context) }
            try PostgresCluster.psql(conninfo, ["-c", PostgresBench.provisionSQL(context.actor)])
            return try PostgresStore(conninfo + " user='\(context.actor)'", context: context)
        }
        interactive.roundTrips = { ($0 as? PostgresStore)?.roundTrips ?? 0 }
        let opens = 25 * runs
        let before = BenchPiece.cpu(children: false)
        let result = try interactive.run(
            keystrokes: 0, dashboardOpens: opens, tag: "PD\(ProcessInfo.processInfo.processIdentifier)")
        let cpu = BenchPiece.cpu(children: false) - before
        print(
            "pg-dashboard, \(result.dashboard.count) opens: median \(Fmt.ms(Stats.median(result.dashboard))), "
                + "first \(Fmt.ms(result.dashboard.first ?? 0)), max \(Fmt.ms(result.dashboard.max() ?? 0)); "
                + "process CPU \(Fmt.ms(cpu / Double(opens))) an open (with the setup)")
    }
}
