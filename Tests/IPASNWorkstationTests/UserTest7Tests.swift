import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// Findings of the seventh user test (a province's morning on one PostgreSQL server: three unit
/// admins of a kabupaten and a province, the operator, a verifikator and a pimpinan).
@Suite struct UserTest7Tests {
    /// The pimpinan pressed `x` on the "Belum Dikirim ke SIASN" screen (as its help lists it),
    /// Enter on the folder, and waited 45 s with nothing on the screen: then "Peran pimpinan
    /// hanya dapat membaca; data tidak disimpan", and in her home a whole
    /// `siasn-pendidikan-....csv` of 5,096 records the store had not marked sent, a file that
    /// looks like an export (uploaded, its records would go to SIASN again with the admins'
    /// next export). A read-only role is now told the rule at the key, as for the data keys,
    /// and its key bar does not offer it.
    @Test func aPimpinanIsToldAtTheKeyThatTheSIASNExportIsNotHers() throws {
        let store = try makeStore()
        try store.saveAccount(Account(login: "kepala", role: .pimpinan, units: []))
        let context = StoreContext(actor: "kepala", now: testContext.now, timeZone: testContext.timeZone)
        let reader = try store.reopened(as: context)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ut7-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.pendingSIASN, in: .units)
        var keyBar = ""
        screen.enqueue(action: { keyBar = $0.text.split(separator: "\n").last.map(String.init) ?? "" })
        screen.enqueue(text: "x")
        var afterX = ""
        screen.enqueue(action: { afterX = $0.text })
        screen.enqueue(.enter)
        let station = try Workstation(store: reader, screen: screen, language: .id, context: context)
        station.app.reportFolder = folder
        try station.run()
        #expect(keyBar.contains("Buka") && !keyBar.contains("Ekspor"), "\(keyBar)")
        #expect(afterX.contains("Peran pimpinan hanya dapat membaca"), "\(afterX)")
        #expect(afterX.contains("Belum Dikirim ke SIASN"), "still on the pending screen")
        #expect(!screen.everShowed("Folder tujuan:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try store.pendingRecords(unit: "BKPSDM").count == 5, "nothing marked sent")
    }

    /// Below the screen (the command line, any other caller): an export whose batch the store
    /// refuses leaves no file behind. The fixture's five pending records (a pendidikan of each
    /// of two employees first) would have left `siasn-pendidikan-2025-01-10-0900.csv`.
    @Test func aRefusedExportBatchLeavesNoFile() throws {
        let store = try makeStore()
        try store.saveAccount(Account(login: "vera", role: .verifikator, units: []))
        let context = StoreContext(actor: "vera", now: testContext.now, timeZone: testContext.timeZone)
        let reader = try store.reopened(as: context)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ut7-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: StoreError.self) {
            try PendingExport.run(store: reader, unit: nil, folder: folder, now: testContext.now(), timeZone: testContext.timeZone)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try store.pendingRecords(unit: "BKPSDM").count == 5)
        // The operator's export of the same records still writes them (and marks them sent).
        let files = try PendingExport.run(store: store, unit: nil, folder: folder, now: testContext.now(), timeZone: testContext.timeZone)
        #expect(files.map(\.rows).reduce(0, +) == 5)
        #expect(try store.pendingRecords(unit: "BKPSDM").isEmpty)
    }
}
