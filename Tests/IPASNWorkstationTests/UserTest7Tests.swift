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
        let (reader, context) = try acting(store, Account(login: "kepala", role: .pimpinan, units: []))
        let folder = try exportFolder()
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
        // A pimpinan (a verifikator sends to SIASN since branch siasnback).
        let (reader, _) = try acting(store, Account(login: "kepala", role: .pimpinan, units: []))
        let folder = try exportFolder()
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

    /// The province's first SIASN export (77,624 records) kept the folder prompt on the screen,
    /// unchanged, for 45 s: nothing said it was working, and a second Enter was waiting to be
    /// pressed. The screen now says so before the export starts, and the export runs once.
    @Test func theSIASNExportSaysItWorksBeforeItStarts() throws {
        let store = try makeStore()
        let folder = try exportFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.pendingSIASN, in: .units)
        screen.press(.exportPending, in: .pending)
        screen.enqueue(.enter)
        screen.checkpoint { page in
            #expect(page.shows("5 data diekspor ke 3 berkas"), "\(page)")
        }
        let station = try Workstation(store: store, screen: screen, language: .id, context: testContext)
        station.app.reportFolder = folder
        try station.run()
        screen.expectEveryCheckpointReached()
        let working = screen.frames.firstIndex { $0.text.contains("Mengekspor ke berkas SIASN…") }
        let done = screen.frames.firstIndex { $0.text.contains("5 data diekspor ke 3 berkas") }
        #expect(working != nil && done != nil && working! < done!, "the working line first")
        #expect(screen.frames.contains { $0.text.contains("Mengekspor ke berkas SIASN…") && $0.text.contains("Folder tujuan:") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 3)
    }

    /// B's login over TCP with a wrong password (libpq's words, as the server said them) was
    /// told to check the network or whether the server runs. It is now told the server refused
    /// the login and where the password lives; a stopped server keeps its sentence.
    @Test func aWrongPasswordIsToldAsARefusedLoginNotAsTheNetwork() {
        let url = "postgresql://127.0.0.1:5439/ipasn?user=bkpsdm7"
        let refused = StoreError.io(
            url + ": connection to server at \"127.0.0.1\", port 5439 failed: FATAL:  password authentication failed for user \"bkpsdm7\"")
        #expect(refused.message(.id).hasPrefix("Server basis data menolak login ini (\(url): connection"), "\(refused.message(.id))")
        #expect(refused.message(.id).contains("Periksa kata sandi di ~/.pgpass"))
        #expect(!refused.message(.id).contains("Periksa jaringan"))
        #expect(refused.message(.en).hasPrefix("The database server refused the login"))
        let noPassword = StoreError.io(url + ": connection to server at \"127.0.0.1\", port 5439 failed: fe_sendauth: no password supplied")
        #expect(noPassword.message(.id).hasPrefix("Server basis data menolak login ini"))
        let stopped = StoreError.io(
            url + ": connection to server at \"127.0.0.1\", port 5439 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?")
        #expect(stopped.message(.id).hasPrefix("Server basis data tidak dapat dihubungi"))
    }

    /// DISDIK's admin pressed `x` on the "Belum Dikirim ke SIASN" screen (every unit) and Enter:
    /// "75403 data diekspor ke 5 berkas ... dan ditandai terkirim", the whole province's records,
    /// taken out of every other admin's next export. A unit admin now exports their own units
    /// only: the every-unit screen says the operator makes that export; their unit's works.
    @Test func aUnitAdminExportsTheirOwnUnitsOnly() throws {
        let store = try makeStore()
        let (admin, context) = try acting(store, Account(login: "ani", role: .admin, units: ["BKPSDM"]))
        let folder = try exportFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.pendingSIASN, in: .units)
        screen.press(.exportPending, in: .pending)
        var afterX = ""
        screen.enqueue(action: { afterX = $0.text })
        screen.enqueue(.enter)  // on the every-unit screen: opens the first unit, BKPSDM (Ani's)
        screen.press(.exportPending, in: .pending)
        screen.enqueue(.enter)
        screen.checkpoint { page in
            #expect(page.shows("5 data diekspor ke 3 berkas"), "\(page)")
        }
        let station = try Workstation(store: admin, screen: screen, language: .id, context: context)
        station.app.reportFolder = folder
        try station.run()
        screen.expectEveryCheckpointReached()
        #expect(afterX.contains("Ekspor SIASN semua unit menandai data semua unit terkirim: dilakukan operator."), "\(afterX)")
        #expect(afterX.contains("Belum Dikirim ke SIASN"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 3, "only the unit's export wrote")
    }
}

/// A new folder for an export's files (the caller removes it).
private func exportFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ut7-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// The store as the account acts on it (the account saved first), and its context.
private func acting(_ store: SQLiteStore, _ account: Account) throws -> (SQLiteStore, StoreContext) {
    try store.saveAccount(account)
    let context = StoreContext(actor: account.login, now: testContext.now, timeZone: testContext.timeZone)
    return (try store.reopened(as: context), context)
}
