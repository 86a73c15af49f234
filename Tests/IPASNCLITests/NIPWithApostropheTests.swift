import Foundation
import Testing

/// Finding 5: a NIP copied from Excel with its leading apostrophe, or grouped with spaces,
/// is the same NIP for `explain` and `score --nip` as in a CSV import.
@Suite struct NIPWithApostropheTests {
    @Test func explainAndScoreTakeExcelsApostropheAndSpaces() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let plain = try cli.ok(["explain", Fixture.nipA, "--year", "2024"]).stdout
        let quoted = try cli.ok(["explain", "'" + Fixture.nipA, "--year", "2024"]).stdout
        #expect(quoted == plain)
        let grouped = " '" + Fixture.nipA.prefix(8) + " " + Fixture.nipA.dropFirst(8)
        #expect(try cli.ok(["explain", grouped, "--year", "2024"]).stdout == plain)
        let rows = try CLI.jsonArray(try cli.ok(["score", "--year", "2024", "--nip", "'" + Fixture.nipA, "--format", "json"]).stdout)
        #expect(rows.count == 1)
        #expect(rows.first?["nip"] as? String == Fixture.nipA)
    }
}
