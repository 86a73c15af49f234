import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn verify ...` through the real binary (the test's login is the database's operator,
/// who may verify).
@Suite struct VerifyCommandTests {
    @Test func listAcceptRejectAndMarkADocument() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        // The queue of DINAS.01 (Ayu and Budi), oldest first: pendidikan, then diklat, in entry order.
        let queue = try cli.ok(["verify", "list", "--unit", "DINAS.01", "--limit", "3"]).stdout.split(separator: "\n").map(String.init)
        #expect(queue.count == 5)
        #expect(queue[0].hasPrefix("ID            NIP                Nama"))
        #expect(queue[1].hasPrefix("pendidikan#1  \(Fixture.nipA) Ayu Lestari, S.Pd."))
        #expect(queue[1].contains("Pendidikan: S-1 20-08-2009  Universitas"))
        #expect(queue[1].hasSuffix("belum                    belum diverifikasi"))
        #expect(queue[2].hasPrefix("pendidikan#2  \(Fixture.nipB) Budi Santoso"))
        #expect(queue[3].hasPrefix("diklat#1      \(Fixture.nipA)"))
        #expect(queue[4] == "3 data belum diverifikasi (masih ada lagi; naikkan --limit)")

        let store = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser()), access: .read)
        let before = try #require(try store.score(nip: Fixture.nipA, year: 2024))
        // A rejection needs its reason.
        let noReason = try cli.run(["verify", "reject", "diklat#2"])
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("Alasan wajib diisi untuk data yang tidak memenuhi syarat"))
        #expect(try cli.ok(["verify", "reject", "diklat#2", "--reason", "Sertifikat tidak terbaca"]).stdout
            == "1 data tidak memenuhi syarat\n")
        // Ayu's 24 JP teknis course no longer counts: her score is that of her other records.
        let records = try #require(try store.records(nip: Fixture.nipA))
        let without = records.plain(excludingAll: [RecordID(kind: .diklat, id: 2)])
        let after = try #require(try store.score(nip: Fixture.nipA, year: 2024))
        #expect(after == ScoringEngine(ruleset: .bkn2019).score(without, year: 2024))
        #expect(after.kompetensi < before.kompetensi)

        #expect(try cli.ok(["verify", "accept", "diklat#1", "diklat:3", "diklat#1"]).stdout == "2 data memenuhi syarat\n")
        #expect(try cli.ok(["verify", "accept", "diklat#1"]).stdout == "0 data memenuhi syarat (1 sudah begitu)\n")
        let rejected = try cli.ok(["verify", "list", "--status", "tidak"]).stdout
        #expect(rejected.contains("diklat#2"))
        #expect(rejected.contains("tidak memenuhi syarat: Sertifikat tidak terbaca"))
        #expect(rejected.hasSuffix("1 data tidak memenuhi syarat\n"))
        #expect(try cli.ok(["verify", "document", "diklat#1", "--path", "/arsip/df-2019.pdf"]).stdout
            == "diklat#1: sertifikat diklat/kursus ada\n")
        #expect(try store.verification(of: RecordID(kind: .diklat, id: 1))
            .documentPath == "/arsip/df-2019.pdf")
        #expect(try cli.ok(["verify", "list", "--status", "memenuhi", "--lang", "en"]).stdout.contains("/arsip/df-2019.pdf"))
        #expect(try cli.ok(["check"]).status == 0)

        let badID = try cli.run(["verify", "accept", "nope#1"])
        #expect(badID.status == 2)
        let unknown = try cli.run(["verify", "accept", "skp#99"])
        #expect(unknown.status == 1)
        let noUnit = try cli.run(["verify", "list", "--unit", "NOPE"])
        #expect(noUnit.stderr.contains("Unit NOPE tidak ada"))
    }
}
