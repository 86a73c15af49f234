import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// `x` on the pending screen: the pending records go to SIASN files in the folder typed,
/// their batches are saved, and the screen shows what is left.
@Suite struct PendingExportViewTests {
    @Test func exportsEveryUnitsPendingRecordsOneFilePerKindAndTheScreenEmpties() throws {
        let store = try makeStore()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-pending-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.pendingSIASN, in: .units)
        screen.checkpoint { page in
            #expect(page.shows("5 data belum dikirim, 0 terkirim lalu dihapus (ipasn export --pending)"))
        }
        screen.press(.exportPending, in: .pending)
        screen.checkpoint { page in
            #expect(page.shows("Ekspor ke SIASN — semua unit"))
            #expect(page.shows("Folder tujuan:"))
        }
        screen.enqueue(.enter)
        screen.checkpoint { page in
            #expect(page.shows("Belum Dikirim ke SIASN"))
            #expect(page.shows("5 data diekspor ke 3 berkas"), "\(page)")
            #expect(page.shows("0 data belum dikirim, 0 terkirim lalu dihapus"))
            #expect(page.shows("Semua data sudah dikirim ke SIASN."), "\(page)")
        }
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        station.app.reportFolder = folder
        try station.run()
        screen.expectEveryCheckpointReached()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        // One file per kind with something to send (no diklat struktural, no disiplin), stamped
        // with the clock (10-01-2025 09:00), in SIASN's columns.
        #expect(files == ["siasn-kursus-2025-01-10-0900.csv", "siasn-pendidikan-2025-01-10-0900.csv", "siasn-skp-2025-01-10-0900.csv"])
        /// The file's lines (a byte-order mark and CR line ends, if any, taken off).
        func lines(_ name: String) throws -> [String] {
            let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            return text.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
        #expect(
            try lines(files[0]) == [
                "nip,jenisDiklatId,namaKursus,institusiPenyelenggara,tanggalKursus,tanggalSelesaiKursus,jumlahJam,nomorSertipikat,tahunKursus",
                "198609262015051001,2,Diklat Fungsional Analis,,01-03-2019,20-03-2019,60,,2019",
                "198609262015051001,9,Seminar Manajemen ASN,,10-05-2023,10-05-2023,8,,2023",
            ])
        #expect(
            try lines(files[1]) == [
                "nip,tkPendidikanId,tglLulus,tahunLulus,namaSekolah", "197001012000031002,15,,,",
                "198609262015051001,40,30-08-2008,2008,Universitas Udayana",
            ])
        #expect(
            try lines(files[2]) == [
                "nip,tahun,hasilKinerjaNilai,perilakuKerjaNilai,kuadranKinerjaNilai", "198609262015051001,2024,2,2,2",
            ])
        // Every record marked sent.
        #expect(try store.pendingRecords(unit: "BKPSDM").isEmpty)
    }

    @Test func theUnitShownOnlyAndARejectedRecordIsHeldBack() throws {
        let store = try makeStore()
        let skp = try #require(try store.records(nip: ayuNIP)?.skp.first)
        try store.setVerification([RecordID(kind: .skp, id: skp.id)], status: .tidak, reason: "Dokumen SKP belum ditandatangani")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-pending-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.pendingSIASN, in: .units)
        screen.press(.moveDown, in: .pending)
        screen.press(.open, in: .pending)
        screen.press(.exportPending, in: .pending)
        screen.checkpoint { page in
            #expect(page.shows("Ekspor ke SIASN — Bidang Pengembangan"), "\(page)")
        }
        // A folder that does not exist is named, nothing is marked sent.
        screen.enqueue(text: "/tidak/ada")
        screen.enqueue(.enter)
        screen.checkpoint { page in
            #expect(page.shows("Ketik folder tujuan yang sudah ada."), "\(page)")
        }
        for _ in 0..<"/tidak/ada".count { screen.enqueue(.backspace) }
        screen.enqueue(.enter)
        screen.checkpoint { page in
            // Ayu's pendidikan and her two courses went; her rejected SKP stays.
            #expect(page.shows("Belum dikirim — Bidang Pengembangan"))
            #expect(page.shows("3 data diekspor ke 2 berkas"), "\(page)")
            let rows = page.lines.filter { $0.contains("Ni Ketut Ayu") }
            #expect(rows.count == 1 && rows.first?.contains("SKP") == true, "\(page)")
        }
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        station.app.reportFolder = folder
        try station.run()
        screen.expectEveryCheckpointReached()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
                "siasn-kursus-2025-01-10-0900.csv", "siasn-pendidikan-2025-01-10-0900.csv",
            ])
        // Budi (the Badan, above the unit) and the rejected SKP are still pending.
        #expect(Set(try store.pendingRecords(unit: "BKPSDM").map(\.nip)) == [budiNIP, ayuNIP])
        #expect(try store.pendingRecords(unit: "BKPSDM").count == 2)
    }
}
