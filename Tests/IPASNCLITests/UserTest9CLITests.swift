import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// Findings of the ninth user test (a province's BKPSDM on one PostgreSQL server) at the
/// command line.
@Suite struct UserTest9CLITests {
    /// The operator imported SIASN's own download of DINSOS's courses (`ipasn import diklat`,
    /// SIASN's shape: rows already there are passed over, as the docs say). The one course SIASN
    /// held that ipasn lacked came in as a new record **pending to SIASN**, and the next `export
    /// siasn-kursus --pending` sent it back to SIASN, a duplicate there. Now the records a SIASN
    /// file shows SIASN holds are marked sent by the import (one export batch), exactly as SIASN
    /// holds them: a record corrected in ipasn since (another JP) stays pending.
    @Test func aSIASNDownloadsRecordsAreNotSentBackToSIASN() throws {
        let cli = try ExportTrackingCLITests.loaded()
        defer { cli.cleanUp() }
        let store = try ExportTrackingCLITests.store(cli)
        // Budi's archive course was corrected in ipasn (12 -> 16 JP) after SIASN got its 12 JP.
        let budi = try #require(try store.records(nip: Fixture.nipB)?.diklat.first { $0.value.nama == "Pelatihan Arsip" })
        var corrected = budi.value
        corrected.jp = 16
        try store.update(RecordID(kind: .diklat, id: budi.id), to: .diklat(corrected))
        #expect(try store.pendingRecords(unit: "DINAS").count == 14)

        // SIASN's download: Ani's seminar as ipasn holds it, Budi's archive course at 12 JP,
        // and a webinar only SIASN holds.
        let download = try cli.write(
            "riwayat-kursus-siasn.csv",
            """
            nip,jenisDiklatId,namaKursus,institusiPenyelenggara,tanggalKursus,tanggalSelesaiKursus,jumlahJam,nomorSertipikat,tahunKursus
            \(Fixture.nipA),9,Seminar Pendidikan,BBGP,10-05-2023,10-05-2023,4,,2023
            \(Fixture.nipB),3,Pelatihan Arsip,BKPSDM,04-03-2024,05-03-2024,12,,2024
            \(Fixture.nipA),9,Webinar Guru Penggerak,Kemendikbudristek,12-10-2024,12-10-2024,3,,2024

            """)
        let imported = try cli.run(["import", "diklat", download], environment: ExportTrackingCLITests.now)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("diimpor 1 baris diklat"), "\(imported.stdout)")
        #expect(imported.stdout.contains("2 baris diklat sudah ada, tidak diimpor lagi"))
        #expect(
            imported.stdout.contains("2 data ada di SIASN menurut berkas ini: ditandai terkirim (batch ekspor #1), tidak diekspor lagi"),
            "\(imported.stdout)")

        // The next export sends the five courses SIASN lacks and Budi's correction, not the
        // seminar nor the webinar SIASN holds.
        let export = try cli.run(
            ["export", "siasn-kursus", "--pending", "--out", cli.path("kirim.csv")], environment: ExportTrackingCLITests.now)
        #expect(export.status == 0, "\(export.stderr)")
        let sent = try ExportTrackingCLITests.lines(cli, "kirim.csv").dropFirst()
        #expect(sent.count == 6, "\(sent)")
        #expect(sent.contains("\(Fixture.nipB),3,Pelatihan Arsip,BKPSDM,04-03-2024,05-03-2024,16,,2024"))
        #expect(!sent.contains { $0.contains("Seminar Pendidikan") || $0.contains("Webinar") })

        // A refused import marks nothing: the same download with a bad row, without --skip-invalid.
        let bad = try cli.write(
            "siasn-lagi.csv",
            """
            nip,jenisDiklatId,namaKursus,institusiPenyelenggara,tanggalKursus,tanggalSelesaiKursus,jumlahJam,nomorSertipikat,tahunKursus
            \(Fixture.nipA),9,Webinar Literasi,Kemendikbudristek,13-10-2024,13-10-2024,3,,2024
            \(Fixture.nipA),9,Webinar Rusak,Kemendikbudristek,31-11-2024,31-11-2024,3,,2024

            """)
        let refused = try cli.run(["import", "diklat", bad], environment: ExportTrackingCLITests.now)
        #expect(refused.status == 1)
        #expect(!refused.stdout.contains("ditandai terkirim"))
        #expect(try store.exportBatches(limit: 10).count == 2, "the download's batch and the export's")
    }

    /// DINSOS's workshop the verifikator rejected stayed in the pending report ("1 data belum
    /// dikirim ke SIASN"), and the admin's `export siasn-kursus --pending` said "Tidak ada data
    /// ... semua sudah terkirim": the export holds a rejected record back (by design), without a
    /// word. It now says how many it held back and why, and not that everything was sent.
    @Test func anExportSaysWhatItHoldsBackAsRejected() throws {
        let cli = try ExportTrackingCLITests.loaded()
        defer { cli.cleanUp() }
        let store = try ExportTrackingCLITests.store(cli)
        let arsip = try #require(try store.records(nip: Fixture.nipB)?.diklat.first { $0.value.nama == "Pelatihan Arsip" })
        let rejected = try cli.run(
            ["verify", "reject", "diklat#\(arsip.id)", "--reason", "Sertifikat belum ada"], environment: ExportTrackingCLITests.now)
        #expect(rejected.status == 0, "\(rejected.stderr)")

        let first = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k1.csv")], environment: ExportTrackingCLITests.now)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try ExportTrackingCLITests.lines(cli, "k1.csv").count == 7, "the fixture's 7 courses but the rejected one")
        let held = "1 data siasn-kursus tidak memenuhi syarat (ditolak verifikator) tidak diekspor dan tetap belum dikirim"
        #expect(first.stderr.contains(held), "\(first.stderr)")

        let second = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k2.csv")], environment: ExportTrackingCLITests.now)
        #expect(second.stderr.contains(held), "\(second.stderr)")
        #expect(!second.stderr.contains("semua sudah terkirim"))
        #expect(try store.pendingRecords(unit: "DINAS").filter { $0.id.kind == .diklat }.count == 1)
    }
}
