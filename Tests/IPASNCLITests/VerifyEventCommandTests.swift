import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn verify accept|reject --batch B | --event ID` through the real binary: one verdict for
/// every waiting record of an event (the test's login is the database's operator).
@Suite struct VerifyEventCommandTests {
    @Test func aBatchIsJudgedAtOnceAndJudgedRecordsAreSkipped() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let store = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser()))
        let course = { (nip: String) in
            Record.diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(9)!, nama: "Sosialisasi SKP 2025", penyelenggara: "BKPSDM",
                    tanggalMulai: TestClock.date("2024-05-14"), tanggalSelesai: TestClock.date("2024-05-15"), jp: 8))
        }
        let batch = try store.addBatch([course(Fixture.nipA), course(Fixture.nipB)], label: "Sosialisasi SKP")
        try store.setVerification([batch.ids[0]], status: .memenuhi, reason: "")
        let accepted = try cli.ok(["verify", "accept", "--event", batch.ids[1].description]).stdout
        #expect(accepted == "1 data diklat 'Sosialisasi SKP 2025' (14-05-2024 s.d. 15-05-2024) memenuhi syarat (1 dilewati: sudah diverifikasi)\n")
        #expect(try store.verification(of: batch.ids[1]).status == .memenuhi)
        let again = try cli.ok(["verify", "reject", "--batch", String(batch.batch), "--reason", "x"]).stdout
        #expect(again == "0 data diklat 'Sosialisasi SKP 2025' (14-05-2024 s.d. 15-05-2024) tidak memenuhi syarat (2 dilewati: sudah diverifikasi)\n")
        let both = try cli.run(["verify", "accept", "--batch", String(batch.batch), "--event", batch.ids[1].description])
        #expect(both.status == 1)
        #expect(both.stderr.contains("bukan keduanya"))
        let noEvent = try cli.run(["verify", "accept", "--batch", "999"])
        #expect(noEvent.status == 1)
        #expect(noEvent.stderr.contains("Tidak ada kegiatan"))
        #expect(try cli.run(["verify", "accept"]).status == 1)
    }
}
