import Foundation
import Testing

/// The options of long work: `bench --size`, and `--quiet` (no progress bar) on the commands
/// that draw one. Off a terminal (these tests read stderr through a pipe) no bar is drawn.
@Suite struct LongWorkOptionsTests {
    @Test func benchDocumentsAndChecksItsSizes() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let help = try cli.run(["bench", "--help"], db: false)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--size <size>"))
        #expect(help.stdout.contains("500,000"))
        #expect(help.stdout.contains("make bench-large"))
        let wrong = try cli.run(["bench", "--size", "huge"], db: false)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--size must be full, large or quick, not huge."))
        let both = try cli.run(["bench", "--quick", "--size", "large"], db: false)
        #expect(both.status == 2)
        #expect(both.stderr.contains("--quick and --size large contradict each other."))
    }

    @Test func longCommandsTakeQuietAndDrawNothingOffATerminal() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for command in [["import", "--help"], ["demo", "--help"], ["rules", "use", "--help"]] {
            let help = try cli.run(command, db: false)
            #expect(help.stdout.contains("--quiet"), "\(command)")
        }
        let demo = try cli.run(["demo", "--pegawai", "50"])
        #expect(demo.status == 0)
        #expect(demo.stderr.contains("diklat: "))
        #expect(!demo.stderr.contains("\r") && !demo.stderr.contains("\u{1B}"))
        let rules = try cli.run(["rules", "use", "bkn-2019"])
        #expect(rules.status == 0)
        #expect(rules.stderr.isEmpty)
    }
}
