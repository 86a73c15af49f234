import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// `x` on the pending screen when what is still unsent cannot go to SIASN: the message says
/// how many wait and why, instead of "nothing is waiting" under a screen that counts them.
@Suite struct PendingExportHeldBackTests {
    @Test func nothingWrittenButRecordsHeldBackSaysHowManyAndWhy() throws {
        let store = try makeStore()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-heldback-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Everything sent; then a new course of Ayu's is rejected by the verifikator.
        let sent = try PendingExport.run(store: store, unit: nil, folder: folder, now: fixedNow, timeZone: TestClock.timeZone)
        #expect(sent.map(\.rows).reduce(0, +) == 5)
        try store.add(.diklat(Diklat(nip: ayuNIP, jenis: JenisDiklat.withID(3)!, nama: "Bimtek Arsip", tanggalMulai: day("2024-03-01"), tanggalSelesai: day("2024-03-03"), jp: 20)))
        let course = try #require(try store.records(nip: ayuNIP)?.diklat.first { $0.value.nama == "Bimtek Arsip" })
        #expect(try store.setVerification([RecordID(kind: .diklat, id: course.id)], status: .tidak, reason: "Sertifikat tidak terbaca") == 1)
        let later = (folder as NSString).appendingPathComponent("later")
        try FileManager.default.createDirectory(atPath: later, withIntermediateDirectories: true)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.pendingSIASN, in: .units)
        screen.checkpoint { page in
            #expect(page.shows("1 data belum dikirim, 0 terkirim lalu dihapus"), "\(page)")
        }
        screen.press(.exportPending, in: .pending)
        screen.enqueue(.enter)
        screen.checkpoint { page in
            // On the message rows, wrapped at 80 columns.
            #expect(page.shows("Tidak ada berkas yang ditulis: 1 data yang belum dikirim belum bisa dikirim ke"), "\(page)")
            #expect(page.shows("SIASN (ditolak verifikator: perbaiki dulu; atau SKP 2022 ke atas"), "\(page)")
            #expect(!page.shows("Tidak ada data yang belum dikirim ke SIASN"))
        }
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        station.app.reportFolder = later
        try station.run()
        screen.expectEveryCheckpointReached()
        #expect(try FileManager.default.contentsOfDirectory(atPath: later).isEmpty)
    }
}
