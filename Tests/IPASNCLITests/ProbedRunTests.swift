import Foundation
import Testing

@testable import IPASNBench

#if canImport(Glibc)
    import Glibc
#endif

/// The import's peak RSS in `ipasn bench` (row 5b and the growth row L2): a child spawned
/// straight from a big process reports the big process's high-water mark; through the probe
/// it reports its own.
@Suite struct ProbedRunTests {
    @Test func theProbeReportsTheChildsOwnPeak() throws {
        guard let binary = CLI.binary?.path else {
            Issue.record("the ipasn binary was not found next to the tests; build it first (swift build)")
            return
        }
        // This process touches 256 MB, so its high-water mark is at least that.
        let size = 256 << 20
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
        defer { block.deallocate() }
        for offset in stride(from: 0, to: size, by: 4096) { block.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self) }

        // Straight from this process: `ipasn --version` "peaks" at this process's 256 MB or more.
        let direct = try ChildProcess.run(binary, ["--version"])
        #expect(direct.status == 0)
        #expect(direct.peakRSS >= size)

        // Through the probe: its own few MB, its output and status passed on.
        let work = FileManager.default.temporaryDirectory.path
        let probed = try ProbedRun.run(executable: binary, arguments: ["--version"], work: work)
        #expect(probed.status == 0)
        #expect(probed.stdout == "0.1.0\n")
        #expect(probed.peakRSS > 0)
        #expect(probed.peakRSS < 128 << 20)

        // A failing command's status comes through (an unknown subcommand).
        let failing = try ProbedRun.run(executable: binary, arguments: ["no-such-command"], work: work)
        #expect(failing.status != 0)
    }
}
