import Foundation
import IPASNCore
import IPASNStore
import Testing

/// `ipasn history`: an employee's and a unit's changes in words, paged.
@Suite struct HistoryCommandTests {
    private static let clock = ["IPASN_NOW": "2024-11-30T12:00:00Z", "TZ": "UTC"]

    @Test func anEmployeesChangesNewestFirstWithTheChangedFields() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (kind, text) in [("units", Fixture.units), ("pegawai", Fixture.pegawai)] {
            let result = try cli.run(["import", kind, try cli.write("\(kind).csv", text)], environment: Self.clock)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let moment = Date(timeIntervalSince1970: 1_732_968_000)  // 2024-11-30 12:00 UTC
        let store = try SQLiteStore(
            path: cli.database.path, context: StoreContext(actor: "ani", now: { moment }, timeZone: TimeZone(identifier: "UTC")!))
        try SQLiteStore(path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser(), now: { moment }))
            .saveAccount(Account(login: "ani", role: .operator))
        let id = try store.add(.skp(SKP(nip: Fixture.nipB, tahun: 2024, predikat: .baik))).id
        try store.update(id, to: .skp(SKP(nip: Fixture.nipB, tahun: 2024, predikat: .sangatBaik)))
        let page = try cli.run(["history", Fixture.nipB, "--limit", "1"], environment: Self.clock)
        #expect(page.status == 0, "\(page.stderr)")
        let lines = page.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix("  2024-11-30 12:00  ani  ubah SKP 'SKP 2024' untuk Budi Santoso"), "\(lines[0])")
        #expect(lines[1] == "    Predikat: Baik -> Sangat Baik")
        let auditID = try #require(lines[0].split(separator: " ").first?.dropFirst())
        #expect(lines[2] == "Halaman berikut: --before \(auditID)")
        let rest = try cli.run(["history", Fixture.nipB, "--before", String(auditID), "--lang", "en"], environment: Self.clock)
        #expect(rest.stdout.contains("ani  add SKP 'SKP 2024' for Budi Santoso"), "\(rest.stdout)")
        #expect(!rest.stdout.contains("Next page"))
        // A unit: DINAS holds DINAS.01's employee; unknown subjects are refused.
        let unit = try cli.run(["history", "--unit", "DINAS"], environment: Self.clock)
        #expect(unit.stdout.contains("ubah SKP 'SKP 2024' untuk Budi Santoso"))
        #expect(try cli.run(["history", "--unit", "NOPE"], environment: Self.clock).status == 1)
        #expect(try cli.run(["history", SmallNIP.unknown], environment: Self.clock).status == 1)
        #expect(try cli.run(["history"], environment: Self.clock).status != 0)
    }
}

private enum SmallNIP {
    static let unknown = "199912312020121001"
}
