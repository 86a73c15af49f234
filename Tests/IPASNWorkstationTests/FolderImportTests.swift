import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

@Suite struct FolderImportTests {
    @Test(arguments: [
        ("diklat.csv", ImportKind.diklat), ("pegawai_2024.csv", .pegawai), ("DATA PEGAWAI 2026.csv", .pegawai),
        ("rekap diklat pegawai.xlsx", .diklat), ("Riwayat_Pendidikan.xlsx", .pendidikan), ("SKP 2024.xlsx", .skp),
        ("Unit Kerja.csv", .units), ("riwayat kursus.xlsx", .diklat), ("data hukuman disiplin.csv", .disiplin),
    ])
    func kindFromAnywhereInTheName(name: String, kind: ImportKind) {
        #expect(FolderImport.kindOf("/data/\(name)") == kind)
    }

    @Test func namesWithoutAKind() {
        #expect(FolderImport.kindOf("/data/DATA 2026.csv") == nil)
        #expect(FolderImport.kindOf("/data/laporan.xlsx") == nil)
    }

    /// A folder of what admins have: an .xlsx whose name does not start with the kind, a CSV
    /// named `DATA PEGAWAI 2026`, one file of unknown kind (reported, not skipped silently),
    /// Excel's lock file and an earlier rejected file (both ignored).
    @Test func aFolderOfCSVAndXLSXFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let newNIP = "199203152020122001"
        try Data("nip;nama;kode_unit;jenis_jabatan\n\(newNIP);Dewi;BKPSDM.1;pelaksana\n".utf8)
            .write(to: folder.appendingPathComponent("DATA PEGAWAI 2026.csv"))
        try ImportTemplate.write(
            kind: .diklat, to: folder.appendingPathComponent("Rekap Diklat Bidang.xlsx").path,
            rows: [
                [
                    .text(newNIP), .text("Bimtek"), .empty, .text("Bimtek SIASN"), .text("BKN"), .date(day("2024-06-10")),
                    .date(day("2024-06-11")), .number(16), .empty, .text("Y"),
                ]
            ])
        try Data("a;b\n1;2\n".utf8).write(to: folder.appendingPathComponent("catatan.csv"))
        try Data("junk".utf8).write(to: folder.appendingPathComponent("~$Rekap Diklat Bidang.xlsx"))
        try Data("nip;alasan\n".utf8).write(to: folder.appendingPathComponent("diklat.rejected.csv"))
        let store = try makeStore()
        let outcome = try FolderImport.run(path: folder.path, store: store, today: TestClock.today)
        #expect(outcome.imported == 2)
        #expect(outcome.issues.count == 1)
        #expect(outcome.issues.first?.line == 0)
        #expect(outcome.issues.first?.issue.message(.id).hasPrefix("catatan.csv tidak diimpor: jenis datanya tidak terbaca") == true)
        let diklat = try store.records(nip: newNIP)?.diklat.map(\.value)
        #expect(diklat?.map(\.jenis.id) == [8])
        #expect(diklat?.map(\.jp) == [16])
    }

    @Test func aSingleFileOfUnknownKindIsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("DATA 2026.csv")
        try Data("nip;nama\n".utf8).write(to: file)
        let outcome = try FolderImport.run(path: file.path, store: try makeStore(), today: TestClock.today)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.map(\.line) == [0])
        #expect(outcome.issues[0].issue.message(.en).contains("ipasn import KIND \"DATA 2026.csv\""))
    }

    /// A file whose columns are wrong is reported with its name; the other files still import.
    @Test func aFileWithWrongColumnsDoesNotStopTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("nip;tahun;predikat\n\(ayuNIP);2023;baik\n".utf8).write(to: folder.appendingPathComponent("skp.csv"))
        try Data("NIP;Jenis;Tangal Mulai\n".utf8).write(to: folder.appendingPathComponent("diklat.csv"))
        let outcome = try FolderImport.run(path: folder.path, store: try makeStore(), today: TestClock.today)
        #expect(outcome.imported == 1)
        #expect(outcome.issues.map(\.line) == [0])
        #expect(outcome.issues[0].issue.message(.id).hasPrefix("diklat.csv: Judul kolom tidak dikenal: \"Tangal Mulai\" di kolom C (maksudnya tanggal_mulai?)."))
    }
}
