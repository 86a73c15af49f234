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

    /// The fourth user test: DISDIK's admin imported `Peserta Bimtek Modul Ajar.csv` (an Excel
    /// export, `;`, a byte-order mark, CRLF, the columns as people write them) and was told to
    /// rename it or use the command line. Its header says diklat; an attendance list of
    /// employees says pegawai; `nip;nama` alone fits no kind and is reported, as before.
    @Test func aFileWhoseNameDoesNotSayIsReadByItsHeader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("Peserta Bimtek Modul Ajar.csv")
        try Data(
            ("\u{FEFF}NIP;Nama Pegawai;Jenis Diklat;Nama Kursus;Penyelenggara;Tanggal Mulai;Tanggal Selesai;Jumlah JP\r\n"
                + "\(ayuNIP);Ayu;Bimtek;Bimtek Penyusunan Modul Ajar;LPMP;03-11-2024;05-11-2024;24 JP\r\n").utf8
        ).write(to: course)
        #expect(FolderImport.kindOf(course.path) == nil, "the name does not say")
        #expect(ImportKindSniffer.kind(of: course.path) == .diklat)
        let people = folder.appendingPathComponent("Daftar Hadir.csv")
        try Data("NIP;Nama;Kode Unit;Jenis Jabatan\n199203152020122001;Dewi;BKPSDM.1;pelaksana\n".utf8).write(to: people)
        #expect(ImportKindSniffer.kind(of: people.path) == .pegawai)
        let unclear = folder.appendingPathComponent("DATA 2026.csv")
        try Data("nip;nama\n".utf8).write(to: unclear)
        #expect(ImportKindSniffer.kind(of: unclear.path) == nil)

        let store = try makeStore()
        let outcome = try FolderImport.run(path: folder.path, store: store, today: TestClock.today)
        #expect(outcome.imported == 2, "Dewi, then Ayu's course")
        #expect(outcome.issues.map { $0.issue.message(.id).prefix(13) } == ["DATA 2026.csv"])
        #expect(try store.records(nip: ayuNIP)?.diklat.map(\.value.nama).contains("Bimtek Penyusunan Modul Ajar") == true)
        #expect(try store.pegawai(nip: "199203152020122001")?.nama == "Dewi")
    }
}
