import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import Testing

@testable import IPASNBench

@Suite struct BenchConfigTests {
    @Test func sizesByName() {
        #expect(BenchConfig.named("full")?.employees == 50_000)
        #expect(BenchConfig.named("province")?.name == "full")
        #expect(BenchConfig.named("LARGE")?.employees == 500_000)
        #expect(BenchConfig.named("large")?.diklatRows == 10_000_000)
        #expect(BenchConfig.named("quick")?.employees == 500)
        #expect(BenchConfig.named("huge") == nil)
        #expect(BenchConfig.large.commandLine == "ipasn bench --size large")
        #expect(BenchConfig.quick.commandLine == "ipasn bench --quick")
        #expect(BenchConfig.full.commandLine == "ipasn bench")
        // --runs overrides the large size's single run.
        #expect(BenchConfig.large.bigRuns == 1)
        #expect(BenchConfig.large.withRuns(3).bigRuns == 3)
    }
}

@Suite struct BenchReportDocumentTests {
    static func report(_ config: BenchConfig, total: Double) -> BenchReport {
        let machine = MachineInfo(
            cores: 2, memoryBytes: 1 << 30, cpuModel: "Test CPU", kernel: "Linux", date: Date(timeIntervalSince1970: 0),
            commit: "abc1234", sqliteShellVersion: "3.40.1")
        return BenchReport(machine: machine, config: config, totalSeconds: total)
    }

    @Test func eachSizeRewritesOnlyItsOwnSection() {
        let existing = """
            # Performance at province scale

            old intro

            ## Benchmark (full)

            old full figures

            ## Missed targets

            hand-written notes

            """
        let large = Self.report(.large, total: 10).markdownDocument(existing: existing)
        // A new size goes first; the full run's section and the notes stay as they were.
        let sections = BenchReport.sections(large)
        #expect(sections.count == 3)
        #expect(sections[0].hasPrefix("## Benchmark (large)\n\nMeasured by `ipasn bench --size large` on 1970-01-01 00:00 UTC"))
        #expect(sections[1] == "## Benchmark (full)\n\nold full figures")
        #expect(sections[2] == "## Missed targets\n\nhand-written notes")
        #expect(!large.contains("old intro"))

        // Then the full run replaces its own section in place and keeps the large one.
        let full = Self.report(.full, total: 20).markdownDocument(existing: large)
        let after = BenchReport.sections(full)
        #expect(after.count == 3)
        #expect(after[0] == sections[0])
        #expect(after[1].hasPrefix("## Benchmark (full)\n\nMeasured by `ipasn bench` on"))
        #expect(after[1].contains("The whole benchmark took 20"))
        #expect(after[2] == "## Missed targets\n\nhand-written notes")
    }

    @Test func aNewFileHasTheTitleAndOneSection() {
        let doc = Self.report(.quick, total: 1).markdownDocument(existing: nil)
        #expect(doc.hasPrefix("# Performance at province scale\n\n"))
        #expect(BenchReport.sections(doc).count == 1)
        #expect(BenchReport.sections(doc)[0].hasPrefix("## Benchmark (quick)\n\nMeasured by `ipasn bench --quick`"))
        #expect(doc.hasSuffix("\n"))
    }
}

/// The benchmark's private tmux server: a socket directory of its own, a new socket per
/// launch, nothing left behind (`make test` runs the quick benchmark while other runs share the machine).
@Suite struct TmuxServerTests {
    @Test func eachLaunchHasItsOwnSocketAndNothingIsLeft() throws {
        guard ChildProcess.available("tmux") else { return }
        let server = try TmuxServer()
        let other = try TmuxServer()
        #expect(server.directory != other.directory)
        #expect(server.directory.hasPrefix("/tmp/ipasn-tmux-"))
        other.remove()
        #expect(!FileManager.default.fileExists(atPath: other.directory))

        let first = try server.newSession(name: "t", width: 80, height: 24, command: "sleep 30")
        #expect(first.status == 0, "\(first.stderr)")
        let firstSocket = server.socket
        #expect(FileManager.default.fileExists(atPath: firstSocket))
        // A launch right after another: the old server is ended first and a new socket is used.
        let second = try server.newSession(name: "t", width: 80, height: 24, command: "sleep 30")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(server.socket != firstSocket)
        // The old server is gone, not shutting down (a client reaching a server in that state
        // fails with "server exited unexpectedly").
        let old = try ChildProcess.run("tmux", ["-S", firstSocket, "has-session"], environment: TmuxServer.environment)
        #expect(old.status != 0)
        #expect(!FileManager.default.fileExists(atPath: firstSocket))
        let listed = try server.run(["list-sessions", "-F", "#{session_name}"])
        #expect(listed.stdout == "t\n")
        server.remove()
        #expect(!FileManager.default.fileExists(atPath: server.directory))
    }

    /// A child starts with no signal blocked or ignored, whatever its parent's thread blocks:
    /// a workstation under tmux that inherited a blocked SIGHUP outlived `kill-server`.
    @Test func childrenStartWithDefaultSignals() throws {
        var hangup = sigset_t()
        sigemptyset(&hangup)
        sigaddset(&hangup, SIGHUP)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &hangup, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let oldQuit = signal(SIGQUIT, SIG_IGN)
        defer { _ = signal(SIGQUIT, oldQuit) }
        let result = try ChildProcess.run("grep", ["-E", "^Sig(Blk|Ign)", "/proc/self/status"])
        #expect(result.status == 0)
        // The masks in hex; only the standard signals 1...31 are looked at (glibc keeps two of
        // its own real-time signals, 32 and 33, ignored in every process).
        let masks = result.stdout.split(separator: "\n").map { UInt64($0.split(separator: "\t")[1], radix: 16)! & 0x7FFF_FFFF }
        #expect(masks == [0, 0])
    }
}
