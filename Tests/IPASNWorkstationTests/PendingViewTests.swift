import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// The SIASN tracking on screen. Nothing of the fixture is sent at first: Budi (BKPSDM) has
/// one pendidikan; Ayu (BKPSDM.1) a pendidikan, two diklat and an SKP; all entered on
/// 10 January 2025.
@Suite struct PendingViewTests {
    /// Sends Ayu's fungsional diklat in batch 1, then deletes her seminar after sending it too.
    static func sentAndDeleted() throws -> SQLiteStore {
        let store = try makeStore()
        let diklat = try #require(try store.records(nip: ayuNIP)?.diklat)
        let versions = try store.recordVersions(kind: .diklat, unit: nil, pendingOnly: true)
        try store.saveExportBatch(
            NewExportBatch(
                kind: "siasn-kursus", format: "csv", file: "kursus.csv", pendingOnly: true, marksSent: true,
                records: diklat.map { RecordVersion(id: RecordID(kind: .diklat, id: $0.id), version: versions[$0.id]!) }))
        let seminar = try #require(diklat.first { $0.value.nama == "Seminar Manajemen ASN" })
        try store.delete(RecordID(kind: .diklat, id: seminar.id))
        return store
    }

    @Test func perUnitWithSubunitsThenTheUnitsRecordsThenTheEmployee() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.pendingSIASN, in: .units)
            s.checkpoint { page in
                #expect(page.line(containing: "Belum Dikirim ke SIASN")?.hasPrefix(" Belum Dikirim ke SIASN") == true)
                #expect(page.shows("5 data belum dikirim, 0 terkirim lalu dihapus (ipasn export --pending)"))
                // Unit, Pend, Dikl, SKP, Disp, Jml, Hapus, Tertua: the Badan folds its Bidang in.
                let badan = try #require(page.line(containing: "Badan Kepegawaian"))
                #expect(badan.hasSuffix("    2      2     1    0      5     0 10-01-2025"))
                let bidang = try #require(page.line(containing: "Bidang Pengembangan"))
                #expect(bidang.contains("   Bidang Pengembangan"), "indented under the Badan")
                #expect(bidang.hasSuffix("    1      2     1    0      4     0 10-01-2025"))
                #expect(page.selectedRows.first?.contains("Badan Kepegawaian") == true)
                for line in page.lines { #expect(DisplayWidth.width(of: line) <= 80) }
            }
            s.press(.open, in: .pending)
            s.checkpoint { page in
                #expect(page.shows("Belum dikirim — Badan Kepegawaian dan Pengembangan SDM"))
                let rows = page.lines.filter { $0.contains("Budi Santoso") || $0.contains("Ni Ketut Ayu Les…") }
                try #require(rows.count == 5, "\(page)")
                #expect(rows[0].contains("Budi Santoso") && rows[0].contains("Pendidikan"))
                #expect(rows.filter { $0.contains("Diklat") }.count == 2)
                #expect(rows.contains { $0.contains("SKP") && $0.contains("2024") })
            }
            s.press(.open, in: .pending)
            s.checkpoint { page in
                #expect(page.shows("Budi Santoso"))
                #expect(page.shows("Data Pegawai — Budi Santoso"))
                #expect(page.lines.contains { $0.contains("SLTA") && $0.hasSuffix("  -") }, "\(page)")  // `-`: belum dikirim (round 12)
            }
        }
    }

    @Test func sentRecordsAreMarkedAndASentDeletionIsListed() throws {
        let store = try Self.sentAndDeleted()
        try run(store) { s in
            s.openAyu()
            s.checkpoint { page in
                #expect(page.line(containing: "20-03-2019")?.hasSuffix("60 JP  ·  ✓#1") == true, "\(page)")
                #expect(page.line(containing: "Universitas Udayana")?.hasSuffix("  -") == true)
                #expect(page.shows("SIASN: belum dikirim"), "the selected record's state in words: \(page)")
                #expect(!page.shows("Seminar Manajemen ASN"), "deleted")
            }
            s.press(.back)
            s.press(.pendingSIASN, in: .units)
            s.checkpoint { page in
                #expect(page.shows("3 data belum dikirim, 1 terkirim lalu dihapus (ipasn export --pending)"))
                #expect(page.line(containing: "Bidang Pengembangan")?.hasSuffix("    1      0     1    0      2     1 10-01-2025") == true)
            }
            s.press(.moveDown)
            s.press(.open, in: .pending)
            s.checkpoint { page in
                #expect(page.shows("Belum dikirim — Bidang Pengembangan"))
                let deleted = try #require(page.line(containing: "dihapus: Seminar Manajemen"), "\(page)")
                #expect(deleted.contains("19860926 201505 1 001 Ni Ketut Ayu Les… Diklat"))
                #expect(!page.shows("Diklat Fungsional Analis"), "sent and unchanged")
            }
        }
    }

    @Test func aChangedRecordIsMarkedChangedSinceItsBatch() throws {
        let store = try Self.sentAndDeleted()
        let diklat = try #require(try store.records(nip: ayuNIP)?.diklat.first)
        var changed = diklat.value
        changed.jp = 64
        try store.update(RecordID(kind: .diklat, id: diklat.id), to: .diklat(changed))
        try run(store, language: .en) { s in
            s.openAyu()
            s.checkpoint { page in
                #expect(page.line(containing: "20-03-2019")?.hasSuffix("64 JP  ·  *#1") == true, "\(page)")  // round 12: one character
                #expect(page.line(containing: "Universitas Udayana")?.hasSuffix("  -") == true)
                #expect(page.shows("SIASN: not sent"), "the selected record's state in words: \(page)")
            }
        }
    }

    /// The dashboard ranks Bidang Pengembangan first; its line says 4 are not sent, and `P`
    /// opens the pending screen from there too.
    @Test func theDashboardSaysHowManyOfTheSelectedUnitAreNotSent() throws {
        let store = try makeStore()
        try run(store) { s in
            s.enqueue(.function(5))
            s.checkpoint { page in
                let line = try #require(page.line(containing: "── Bidang Pengembangan"))
                #expect(line.hasSuffix(" Belum dikirim ke SIASN: 4 ──"))
            }
            s.press(.pendingSIASN, in: .dashboard)
            s.checkpoint { page in
                #expect(page.shows("5 data belum dikirim"))
            }
        }
    }

    /// The dashboard's counts follow an export that sends records from another session (an
    /// export writes no audit row): the store keeps them current (``UnitPendingStore``).
    @Test func theDashboardsCountsFollowAnExportThatSends() throws {
        let store = try makeStore()
        _ = try runStation(store) { s in
            s.enqueue(.function(5))
            s.checkpoint { page in
                #expect(page.line(containing: "── Bidang Pengembangan")?.hasSuffix(" Belum dikirim ke SIASN: 4 ──") == true)
            }
            s.enqueue(.escape)
            s.enqueue(.function(5))  // unchanged: from the copy
            s.checkpoint { page in
                // Everything pending is sent in one SIASN batch, by another session.
                var records: [RecordVersion] = []
                for kind in RecordKind.allCases {
                    records += try store.recordVersions(kind: kind, unit: nil, pendingOnly: true)
                        .map { RecordVersion(id: RecordID(kind: kind, id: $0.key), version: $0.value) }
                }
                try store.saveExportBatch(
                    NewExportBatch(kind: "siasn-kursus", format: "csv", file: "/tmp/x.csv", pendingOnly: true, marksSent: true, records: records))
            }
            s.enqueue(.escape)
            s.enqueue(.function(5))
            s.checkpoint { page in
                #expect(page.line(containing: "── Bidang Pengembangan")?.hasSuffix(" Belum dikirim ke SIASN: 0 ──") == true, "\(page)")
            }
        }
        #expect(try store.unitPendingCounts().isEmpty)
    }
}
