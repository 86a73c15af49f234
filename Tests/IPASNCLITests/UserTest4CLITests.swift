import Foundation
import Testing

@testable import ipasn

/// Findings of the fourth user test on the command line.
@Suite struct UserTest4CLITests {
    /// `report activity --by admin` on a city's demo (204,252 rows) cut the Demo count to
    /// `204…`; its footer said "Diketik hari ini 43" above Day columns that count imports too.
    /// The Demo column is as wide as its largest count (the login gives up what passes 80),
    /// and the footer adds the imports to the typed records, as the columns do.
    @Test func theDemoCountIsWholeAndTheFooterCountsImports() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["demo", "--pegawai", "1000", "--quiet"])
        let demo = try CLI.jsonArray(try cli.ok(["report", "activity", "--by", "admin", "--format", "json"]).stdout)
        let rows = try #require(demo.compactMap { $0["demo"] as? Int }.max())
        #expect(rows >= 10_000, "five digits: \(rows)")
        let table = try cli.ok(["report", "activity", "--by", "admin"]).stdout
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("  Demo "), "\(lines[0])")
        #expect(lines.contains { $0.contains(" \(rows) ") }, "\(table)")
        #expect(!table.contains("…"), "nothing cut: \(table)")
        for line in lines { #expect(line.count <= 80, "too wide: \(line)") }
        // The demo is nobody's work: nothing entered today.
        #expect(table.contains("Input hari ini 0, minggu ini 0"), "\(table)")
    }
}
