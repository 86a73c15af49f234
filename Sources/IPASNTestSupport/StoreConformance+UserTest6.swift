import Foundation
import IPASNCore
import IPASNStore
import Testing

/// Findings of the sixth user test (a city's morning on one SQLite file), at the store.
extension StoreConformance {
    static let userTest6: [StoreBehaviour] = [
        StoreBehaviour(shared: "two people edit one employee: the second save is refused, naming the first; the first's change stays") {
            newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ops = try open("ops", "setup")
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            // Both forms opened the same employee; Ani corrects the name, Budi the jenjang.
            let shown = try #require(try ops.pegawai(nip: nipB))
            var renamed = shown
            renamed.nama = "Budi Santoso, S.Sos."
            #expect(try ani.changePegawai(renamed, expecting: shown) == renamed)
            var retitled = shown
            retitled.jenjang = "Analis Data"
            let audits = try ops.auditLog(limit: 1000).count
            #expect(storeError { _ = try budi.changePegawai(retitled, expecting: shown) } == .editedMeanwhile(by: "ani"))
            #expect(try ops.pegawai(nip: nipB) == renamed, "Ani's name stays, not written back")
            #expect(try ops.auditLog(limit: 1000).count == audits, "a refused change writes no audit row")
            // Budi reopens the employee (Ani's name in it) and saves his jenjang on top.
            var both = renamed
            both.jenjang = "Analis Data"
            #expect(try budi.changePegawai(both, expecting: renamed) == both)
            #expect(try lastAudit(ops).actor == "budi")
            // Without `expecting` (the command line, imports): the old answer, written as given.
            var cli = both
            cli.nama = "Budi Santoso"
            #expect(try ani.changePegawai(cli) == cli)
        },
    ]
}
