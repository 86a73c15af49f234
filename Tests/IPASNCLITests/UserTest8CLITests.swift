import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// Findings of the eighth user test (a city's BKPSDM on one SQLite file) at the command line.
@Suite struct UserTest8CLITests {
    /// DISDIK's admin ran `ipasn export siasn-kursus --pending --out kirim.csv` (the README's
    /// line, without `--unit`): the store refused the batch ("Unit BPKAD.01 bukan unit Anda"),
    /// yet the command said "2 baris siasn-kursus diekspor ke kirim.csv", exited 0 and left
    /// kirim.csv holding BPKAD's two courses, not marked sent: uploaded, SIASN gets them twice.
    /// A refused SIASN export now removes its file, says nothing was sent and how a unit admin
    /// exports their own units, and fails; with `--unit` their own units' export works.
    @Test func aUnitAdminsExportOfOtherUnitsLeavesNoFileAndFails() throws {
        let cli = try ExportTrackingCLITests.loaded()
        defer { cli.cleanUp() }
        let me = StoreContext.currentUser()
        // The binary's login becomes an admin of DINAS.01 (Ayu, Budi); Citra is in DINAS.
        _ = try cli.ok(["users", "add", "ani-\(me)", "--role", "operator"])
        let operatorStore = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: "ani-\(me)"))
        try operatorStore.saveAccount(Account(login: me, role: .admin, units: ["DINAS.01"]))

        let refused = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("kirim.csv")], environment: ExportTrackingCLITests.now)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tidak diekspor: Unit DINAS bukan unit Anda"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Tidak ada yang ditandai terkirim; berkas \(cli.path("kirim.csv")) dihapus."))
        #expect(refused.stderr.contains("tambahkan --unit KODE"))
        #expect(!refused.stderr.contains("diekspor ke"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("kirim.csv")))
        #expect(try operatorStore.pendingRecords(unit: "DINAS").count == 14, "nothing marked sent")

        // Their own unit: Ayu's three courses and Budi's two, marked sent.
        let own = try cli.run(["export", "siasn-kursus", "--pending", "--unit", "DINAS.01", "--out", cli.path("kirim.csv")], environment: ExportTrackingCLITests.now)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(try ExportTrackingCLITests.lines(cli, "kirim.csv").count == 6)
        #expect(try operatorStore.pendingRecords(unit: "DINAS").count == 9)

        // A pimpinan's SIASN export is refused the same way (no --unit hint: no unit would do);
        // an export in the import format sends nothing and keeps its file, as before.
        try operatorStore.saveAccount(Account(login: me, role: .pimpinan, units: []))
        let reader = try cli.run(["export", "siasn-pendidikan", "--pending", "--out", cli.path("p.csv")], environment: ExportTrackingCLITests.now)
        #expect(reader.status == 1)
        #expect(reader.stderr.contains("tidak diekspor: Peran pimpinan hanya dapat membaca"), "\(reader.stderr)")
        #expect(!reader.stderr.contains("--unit"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("p.csv")))
        let records = try cli.run(["export", "diklat", "--out", cli.path("d.csv")], environment: ExportTrackingCLITests.now)
        #expect(records.status == 0, "\(records.stderr)")
        #expect(try ExportTrackingCLITests.lines(cli, "d.csv").count == 8)
    }
}
