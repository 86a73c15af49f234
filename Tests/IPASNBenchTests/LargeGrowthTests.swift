import Foundation
import Testing

@testable import IPASNBench

@Suite struct LargeGrowthTests {
    static func report() -> BenchReport {
        let machine = MachineInfo(
            cores: 2, memoryBytes: 1 << 30, cpuModel: "Test CPU", kernel: "Linux", date: Date(timeIntervalSince1970: 0),
            commit: "abc1234", sqliteShellVersion: "3.40.1")
        return BenchReport(machine: machine, config: .large)
    }

    @Test func secondsOfACell() {
        #expect(LargeGrowth.seconds(in: "34.6 s", p99: false) == 34.6)
        #expect(LargeGrowth.seconds(in: "952 ms", p99: false) == 0.952)
        #expect(LargeGrowth.seconds(in: "p50 15.8 ms, p99 21.4 ms", p99: true) == 0.0214)
        #expect(LargeGrowth.seconds(in: "p50 15.8 ms, p99 21.4 ms", p99: false) == 0.0158)
        #expect(LargeGrowth.seconds(in: "1,234 s", p99: false) == 1234)
        #expect(LargeGrowth.seconds(in: "not measured: no initdb", p99: false) == nil)
        #expect(LargeGrowth.seconds(in: "median 4.07 ms", p99: true) == nil)
    }

    @Test func dashboardTargetBySize() {
        #expect(BenchConfig.full.dashboardTarget == 0.01)
        #expect(BenchConfig.large.dashboardTarget == 0.02)
    }

    @Test func growthRowsMetAndMissed() {
        var report = Self.report()
        // Import: 70 s against 6.5 s is 10.77x (MISSED, > 10.5x); peak 200 MB against 165 MB is
        // 1.21x (met); recompute 9 s against 1 s at a tenth of the records: 9x (met, ≤ 10.5x).
        let large = LargeGrowth.Figures(
            employees: 500_000, records: 10_000_000, importSeconds: 70, importPeak: 200 << 20, recompute: 9,
            reference: 8, saveP50: 0.002, saveP99: 0.004, dashboard: 0.025)
        let small = LargeGrowth.Figures(
            employees: 50_000, records: 1_000_000, importSeconds: 6.5, importPeak: 165 << 20, recompute: 1,
            reference: 1.25, saveP50: 0.001, saveP99: 0.002, dashboard: 0.004)
        LargeGrowth.add(large: large, small: small, into: &report)
        let rows = Dictionary(uniqueKeysWithValues: report.figures.map { ($0.id, $0) })
        #expect(rows["L1"]?.ratio == "10.77x")
        #expect(rows["L1"]?.met == false)
        #expect(rows["L2"]?.ratio == "1.21x")
        #expect(rows["L2"]?.met == true)
        #expect(rows["L3"]?.ratio == "0.80x")
        #expect(rows["L3"]?.met == true)
        #expect(rows["L4"]?.ratio == "9.00x")
        #expect(rows["L4"]?.target == "linear: ≤ 10.50x")
        #expect(rows["L4"]?.met == true)
        #expect(rows["L5"]?.ratio == "p50 2.00x, p99 2.00x")
        #expect(rows["L5"]?.met == true)
        #expect(rows["L6"]?.ratio == "6.25x")
        #expect(rows["L6"]?.met == false)
    }

    @Test func postgresGrowthFromTheFullSection() {
        let existing = """
            # Performance at province scale

            ## Benchmark (full)

            Measured by `ipasn bench` on 2026-11-30 14:15 UTC
            at commit df58177, on 2 cores (AMD EPYC), 23.5 GB RAM, Linux;

            | # | measurement | ipasn | sqlite3 shell / reference | ratio | target | status |
            |---|---|---|---|---|---|---|
            | PG1 | PostgreSQL: import | 34.6 s | 851 ms | 40.62x | ≤ 2x COPY | MISSED |
            | PG2 | PostgreSQL: recompute | 3.07 s | 337 ms | 9.11x | ≤ the query | MISSED |
            | PG3 | PostgreSQL: save | p50 15.8 ms, p99 21.4 ms | row 3b on SQLite |  | p99 < 5 ms | MISSED |
            """
        var report = Self.report()
        report.add("PG1", "import", ours: "346 s")
        report.add("PG2", "recompute", ours: "30.7 s")
        report.add("PG3", "save", ours: "p50 2.00 ms, p99 4.28 ms")
        LargeGrowth.addPostgres(existing: existing, into: &report)
        let rows = Dictionary(uniqueKeysWithValues: report.figures.map { ($0.id, $0) })
        #expect(rows["LPG1"]?.ratio == "10.00x")
        #expect(rows["LPG1"]?.reference == "34.6 s in `make bench` at df58177")
        #expect(rows["LPG1"]?.met == nil)
        #expect(rows["LPG2"]?.ratio == "10.00x")
        #expect(rows["LPG3"]?.ratio == "0.20x")
        #expect(rows["LPG3"]?.met == true)
        // No full section: a note says so, no row is added.
        var alone = Self.report()
        alone.add("PG1", "import", ours: "346 s")
        LargeGrowth.addPostgres(existing: "# Performance\n", into: &alone)
        #expect(alone.figures.count == 1)
        #expect(alone.notes.count == 1)
    }
}

/// The browse of `ipasn bench` waits for the workstation between its keys (``TmuxServer/settle``).
@Suite struct TmuxSettleTests {
    @Test func waitsUntilThePaneProgramSleeps() throws {
        guard ChildProcess.available("tmux") else { return }
        let server = try TmuxServer()
        defer { server.remove() }
        // Busy (a counting loop, state R) for a while, then prints and sleeps.
        let script = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo counted $i; sleep 60"
        let started = try server.newSession(name: "s", width: 80, height: 24, command: "sh -c '\(script)'")
        #expect(started.status == 0, "\(started.stderr)")
        let pids = try server.panePIDs("s")
        #expect(!pids.isEmpty)
        let screen = try server.settle("s", timeout: 120)
        #expect(screen.contains("counted 300000"))
        // Settled: the shell waits for its `sleep` child; neither is running.
        #expect(try server.panePIDs("s").count == 2)
        #expect(try !server.panePIDs("s").contains { TmuxServer.running($0) })
    }

    @Test func stateOfAStatLine() {
        #expect(TmuxServer.state("4242 (ipasn) R 1 4242 4242 0 -1") == "R")
        #expect(TmuxServer.state("4242 (a) b (c)) S 1 2 3") == "S")
        #expect(TmuxServer.state("garbage") == nil)
        // No such process: not running.
        #expect(!TmuxServer.running(Int32.max))
    }
}
