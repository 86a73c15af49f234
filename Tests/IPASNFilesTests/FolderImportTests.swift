import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import Testing

private let now = Date(timeIntervalSince1970: 1_732_968_000)  // 2024-11-30
private let context = StoreContext(actor: "test", now: { now }, timeZone: TimeZone(identifier: "UTC")!)
private let today = LocalDate(year: 2024, month: 11, day: 30)!
private let nip = "198609262015051001"

/// A temporary folder of import files.
private final class Folder {
    let url: URL
    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

@Suite struct FolderImportTests {
    let files = [
        "kursus.csv": "nip,jenis,nama,tanggal_mulai,tanggal_selesai,jp\n\(nip),3,Bimtek,2024-02-05,2024-02-08,32\n123,3,X,2024-02-05,2024-02-08,32\n",
        "pegawai_2024.csv": "nip,nama,kode_unit,jenis_jabatan\n\(nip),Andi,SUB,pelaksana\n",
        "unit_kerja.csv": "kode,nama,induk\nROOT,Kota,\nSUB,Bidang,ROOT\n",
        "diklat.rejected.csv": "nip,alasan\n",
        "lainnya.csv": "a,b\n",
        "catatan.txt": "units\n",
    ]

    @Test func kindsComeFromAWordOfTheName() {
        #expect(FolderImport.kindOf("/x/Unit_Kerja.CSV") == .units)
        #expect(FolderImport.kindOf("pegawai_2024.csv") == .pegawai)
        #expect(FolderImport.kindOf("kursus.csv") == .diklat)
        #expect(FolderImport.kindOf("hukuman disiplin.csv") == .disiplin)
        #expect(FolderImport.kindOf("riwayat_skp.csv") == .skp)
        #expect(FolderImport.kindOf("DATA PEGAWAI 2026.csv") == .pegawai)
        #expect(FolderImport.kindOf("lainnya.csv") == nil)
    }

    @Test func aFolderIsPlannedInDependencyOrder() throws {
        let folder = try Folder(files)
        let plan = try FolderImport.plan(path: folder.url.path)
        #expect(plan.map(\.0) == [.units, .pegawai, .diklat])
        #expect(plan.map { ($0.1 as NSString).lastPathComponent } == ["unit_kerja.csv", "pegawai_2024.csv", "kursus.csv"])
    }

    @Test func aFolderImportsEveryKnownFileAndKeepsTheRefusedRows() throws {
        let folder = try Folder(files)
        let store = try SQLiteStore.inMemory(context: context)
        let outcome = try FolderImport.run(path: folder.url.path, store: store, today: today)
        #expect(outcome.imported == 4)  // 2 units, 1 pegawai, 1 diklat
        #expect(!outcome.issues.isEmpty)
        // The bad diklat row (line 3) and the file whose kind its name does not tell (line 0).
        #expect(outcome.issues.filter { $0.line != 0 }.allSatisfy { $0.line == 3 })
        #expect(outcome.issues.filter { $0.line == 0 }.count == 1)
        #expect(outcome.issues.contains { $0.line == 0 && "\($0.issue)".contains("lainnya.csv") })
        #expect(try store.units().map(\.kode).sorted() == ["ROOT", "SUB"])
        #expect(try store.records(nip: nip)?.plain.diklat.map(\.nama) == ["Bimtek"])
        #expect(FileManager.default.fileExists(atPath: folder.path("kursus.rejected.csv")))
    }

    @Test func oneFileIsImportedAlone() throws {
        let folder = try Folder(files)
        let store = try SQLiteStore.inMemory(context: context)
        let outcome = try FolderImport.run(path: folder.path("unit_kerja.csv"), store: store, today: today)
        #expect(outcome.imported == 2)
        #expect(outcome.issues.isEmpty)
    }

    @Test func aFileOfUnknownKindIsReportedNotSkipped() throws {
        let folder = try Folder(["lainnya.csv": "a\n"])
        let store = try SQLiteStore.inMemory(context: context)
        let outcome = try FolderImport.run(path: folder.url.path, store: store, today: today)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.count == 1)
        #expect(outcome.issues.first.map { "\($0.issue)".contains("lainnya.csv") } == true)
        #expect(throws: CocoaError.self) { try FolderImport.plan(path: folder.path("missing")) }
    }
}
