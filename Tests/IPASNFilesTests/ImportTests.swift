import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

private let context = TestClock.context()
private let today = TestClock.today  // 2025-01-10
private let nipA = "198609262015051001"
private let nipB = "199001012019032002"

/// A temporary directory with helpers to write files into it.
private final class Workspace {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

private func readAll(_ path: String, chunkSize: Int = 1 << 20) throws -> (records: [CSVRecord], reader: CSVReader) {
    let reader = try CSVReader(path: path, chunkSize: chunkSize)
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    return (records, reader)
}

/// A store with units ROOT > SUB and employees A (ROOT), B (SUB).
private func seededStore() throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory(context: context)
    try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
    try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"))
    try store.savePegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
    return store
}

@Suite struct CSVReaderTests {
    @Test func quotesSeparatorsAndLineNumbers() throws {
        let ws = try Workspace()
        let path = try ws.write(
            "a.csv", "a;b;c\r\n1;\"x; y\";\"say \"\"hi\"\"\"\r\n\r\n2;\"two\r\nlines\";z\r\n3;;\r\n")
        // A tiny chunk size exercises refills in the middle of fields and CRLF pairs.
        for chunk in [16, 17, 1 << 20] {
            let (records, reader) = try readAll(path, chunkSize: chunk)
            #expect(reader.separator == UInt8(ascii: ";"))
            #expect(records.map(\.line) == [1, 2, 4, 6])
            #expect(records[1].fields == ["1", "x; y", "say \"hi\""])
            #expect(records[2].fields == ["2", "two\r\nlines", "z"])
            #expect(records[3].fields == ["3", "", ""])
        }
    }

    @Test func bomAndCommaAndLF() throws {
        let ws = try Workspace()
        let path = try ws.write("b.csv", [0xEF, 0xBB, 0xBF] + Array("nama,kota\n\"Sémbiring, R\",Medan\n".utf8))
        let (records, reader) = try readAll(path)
        #expect(reader.separator == UInt8(ascii: ","))
        #expect(records[0].fields == ["nama", "kota"])  // no BOM glued to the first name
        #expect(records[1].fields == ["Sémbiring, R", "Medan"])
        #expect(!reader.isWindows1252)
    }

    @Test func windows1252BytesAreDecoded() throws {
        let ws = try Workspace()
        // "José" and "€" in Windows-1252: 0xE9 and 0x80.
        let path = try ws.write("c.csv", Array("nama;x\r\nJos".utf8) + [0xE9] + Array(";".utf8) + [0x80] + Array("\r\n".utf8))
        let (records, reader) = try readAll(path)
        #expect(records[1].fields == ["José", "€"])
        #expect(reader.isWindows1252)
    }
}

@Suite struct ImporterTests {
    static let diklatHeader = "nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan\n"

    @Test func unitsThenPegawaiThenEveryRecordKind() throws {
        let ws = try Workspace()
        let store = try SQLiteStore.inMemory(context: context)
        let importer = Importer(store: store)
        func run(_ kind: ImportKind, _ text: String) throws -> ImportReport {
            try importer.importFile(kind: kind, path: try ws.write("\(kind.rawValue).csv", text), skipInvalid: false, today: today)
        }
        // Children before parents.
        #expect(try run(.units, "kode,nama,induk\nSUB,Bidang,ROOT\nROOT,Pemerintah Kota,\n").imported == 2)
        #expect(try store.units().first { $0.kode == "SUB" }?.induk == "ROOT")
        let pegawai = try run(
            .pegawai,
            "NIP,Nama,Kode_Unit,Jenis_Jabatan,Jenjang,Status\n\(nipA),Andi,ROOT,struktural,Administrator,PNS\n\(nipB),Budi,SUB,pelaksana,,pns\n")
        #expect(pegawai.imported == 2)
        #expect(try store.pegawai(nip: nipA)?.jenjangStruktural == .administrator)
        #expect(try run(.pendidikan, "nip,tingkat,tanggal_lulus,nama_sekolah,jurusan\n\(nipB),S1,01-08-2010,UGM,Hukum\n").imported == 1)
        #expect(try run(.diklat, Self.diklatHeader + "\(nipB),3,,Bimtek Arsip,BPSDM,01/03/2024,03/03/2024,20,,Y\n").imported == 1)
        #expect(try run(.skp, "nip,tahun,predikat,nilai\n\(nipB),2024,,92\n").imported == 1)
        #expect(try run(.disiplin, "nip,tingkat,tmt,jenis\n\(nipB),ringan,2024-02-01,teguran lisan\n").imported == 1)
        let score = try #require(try store.score(nip: nipB, year: 2024))
        // S-1 15 + teknis 22.5 + SKP 92 (Sangat Baik) 30 + ringan 3.
        #expect(score.kualifikasi == 15)
        #expect(score.kompetensi == 22.5)
        #expect(score.kinerja == 30)
        #expect(score.disiplin == 3)
        #expect(try store.check() == [])
    }

    @Test func aBadFileReportsNumberedLinesAndImportsNothing() throws {
        let ws = try Workspace()
        let store = try seededStore()
        let path = try ws.write(
            "diklat.csv",
            Self.diklatHeader
                + "\(nipA),3,,Bimtek Arsip,BPSDM,01-03-2024,03-03-2024,20,,Y\n"
                + "\(nipA),3,,Bimtek Baru,BPSDM,01-03-2024,03-03-2024,abc,,Y\n"
                + "199912312020121001,3,,Kursus,BPSDM,01-03-2024,03-03-2024,8,,Y\n"
                + "\(nipA),3,,  bimtek ARSIP,BPSDM,01-03-2024,03-03-2024,20,,Y\n"
                + "\(nipA),3,,Terlalu pendek\n"
                + "\(nipB),3,,Nanti,BPSDM,01-02-2025,03-02-2025,8,,Y\n")
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: false, today: today)
        #expect(report.imported == 0)
        #expect(report.rejectedPath == nil)
        #expect(report.issues.map(\.line) == [3, 4, 5, 6, 7])
        let messages = report.messages()
        #expect(messages[0].hasPrefix("line 3, column jp: "))
        #expect(messages[1].hasPrefix("line 4, column nip: "))
        #expect(messages[2] == "line 5, column nama: This row repeats line 2 (duplicate).")
        #expect(messages[3].hasPrefix("line 6: "))
        #expect(messages[4].hasPrefix("line 7, column tanggal_mulai: "))
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
    }

    @Test func missingRequiredColumnsAreAFileError() throws {
        let ws = try Workspace()
        let path = try ws.write("skp.csv", "nip;predikat\n\(nipA);baik\n")
        #expect(throws: ImportFileError.missingColumns(kind: .skp, missing: ["tahun"], expected: ["nip", "tahun", "predikat", "nilai"])) {
            try Importer(store: try seededStore()).importFile(kind: .skp, path: path, skipInvalid: false, today: today)
        }
    }

    @Test func excelStyleFileWithSemicolonsBOMCRLFAndWindows1252() throws {
        let ws = try Workspace()
        let store = try seededStore()
        // Header in another order and case, an unknown column, a quoted name with ; and a newline.
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(" JP ;Nama;NIP;Catatan;Jenis;Tanggal_Selesai;TANGGAL_MULAI\r\n".utf8)
        bytes += Array("24;\"Pelatihan; Caf".utf8) + [0xE9] + Array("\r\nangkatan II\";\(nipA);abaikan;teknis;03-03-2024;01-03-2024\r\n".utf8)
        let path = try ws.write("diklat.csv", bytes)
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: false, today: today)
        #expect(report.issues == [])
        #expect(report.imported == 1)
        #expect(report.windows1252)
        let diklat = try #require(try store.records(nip: nipA)?.diklat.first?.value)
        #expect(diklat.nama == "Pelatihan; Café\r\nangkatan II")
        #expect(diklat.jp == 24)
        #expect(diklat.tanggalMulai == LocalDate(year: 2024, month: 3, day: 1))
    }

    @Test func skipInvalidWritesTheRejectedRowsFile() throws {
        let ws = try Workspace()
        let store = try seededStore()
        let path = try ws.write(
            "diklat.csv",
            "nip;jenis;nama;tanggal_mulai;tanggal_selesai;jp\n"
                + "\(nipA);3;Bimtek Arsip;01-03-2024;03-03-2024;20\n"
                + "\(nipB);3;\"Kursus; lanjutan\";01-03-2024;03-03-2024;0\n"
                + "\(nipB);seminar;Seminar ASN;01-03-2024;01-03-2024;4\n")
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: true, today: today)
        #expect(report.imported == 2)
        #expect(report.issues.map(\.line) == [3])
        let rejected = try #require(report.rejectedPath)
        #expect(rejected == ws.url.appendingPathComponent("diklat.rejected.csv").path)
        let (records, reader) = try readAll(rejected)
        #expect(reader.separator == UInt8(ascii: ";"))
        #expect(records.count == 2)
        #expect(records[0].fields == ["nip", "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "jp", "alasan"])
        #expect(Array(records[1].fields.prefix(6)) == [nipB, "3", "Kursus; lanjutan", "01-03-2024", "03-03-2024", "0"])
        #expect(records[1].fields[6].hasPrefix("jp: "))
        #expect(try store.score(nip: nipA, year: 2024)?.kompetensi == 22.5)
        #expect(try store.score(nip: nipB, year: 2024)?.kompetensi == 17.5)
    }

    @Test func pegawaiFileWithAnUnknownUnitImportsNothing() throws {
        let ws = try Workspace()
        let store = try seededStore()
        let path = try ws.write(
            "pegawai.csv",
            "nip,nama,kode_unit,jenis_jabatan\n199912312020121001,Dewi,SUB,pelaksana\n199812312020121001,Eka,NOPE,pelaksana\n12345,Fajar,SUB,pelaksana\n")
        let report = try Importer(store: store).importFile(kind: .pegawai, path: path, skipInvalid: false, today: today)
        #expect(report.imported == 0)
        #expect(report.messages().count == 2)
        #expect(report.messages()[0].hasPrefix("line 3, column kode_unit: "))
        #expect(report.messages()[1].hasPrefix("line 4, column nip: "))
        #expect(try store.countPegawai() == 2)
    }

    @Test func aUnitTreeDeeperThanThirtyTwoLevelsIsRefusedNamingTheLine() throws {
        let ws = try Workspace()
        let store = try SQLiteStore.inMemory(context: context)
        // A 20,000-level chain (the one that crashed reports and took 31 s to check), root first.
        var text = "kode,nama,induk\n"
        for i in 1...20_000 { text += "U\(i),Seksi \(i),\(i == 1 ? "" : "U\(i - 1)")\n" }
        let path = try ws.write("units.csv", text)
        let report = try Importer(store: store).importFile(kind: .units, path: path, skipInvalid: false, today: today)
        #expect(report.imported == 0)
        #expect(report.issues.count == 20_000 - 32)
        #expect(report.messages().first == "line 34, column induk: Parent unit: the unit tree would reach 33 levels here; at most 32 are allowed.")
        #expect(try store.units().isEmpty)
        // With --skip-invalid the first 32 levels go in and the rest are listed in the rejected file.
        let skipped = try Importer(store: store).importFile(kind: .units, path: path, skipInvalid: true, today: today)
        #expect(skipped.imported == 32)
        let (rejected, _) = try readAll(try #require(skipped.rejectedPath))
        #expect(rejected.count == 1 + 20_000 - 32)
        #expect(try store.check() == [])
    }
}

/// A skip-invalid import whose rejected-rows file cannot be written (a full disk) imports
/// nothing and says so; it never commits the valid rows beside an empty rejected file.
@Suite struct RejectedFileDiskFullTests {
    @Test func aRejectedFileThatCannotBeWrittenRollsTheImportBack() throws {
        let space = try Workspace()
        let store = try seededStore()
        let path = try space.write(
            "diklat.csv",
            ImporterTests.diklatHeader
                + "\(nipA),3,,Bimtek Arsip,BPSDM,01-03-2024,03-03-2024,20,,Y\n"
                + "199912312020121099,3,,Kursus,BPSDM,01-03-2024,03-03-2024,8,,Y\n")
        // The rejected file lands on a "full disk": /dev/full refuses every write with ENOSPC.
        let target = Importer.rejectedFilePath(for: path)
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: "/dev/full")
        #expect(throws: RejectedFileError(path: target, reason: .diskFull)) {
            try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: true, today: today)
        }
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: target)) == nil)
        #expect(RejectedFileError(path: target, reason: .diskFull).message(.id).contains("TIDAK ADA yang diimpor"))
        // With room, the valid row and the rejected file both happen.
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: true, today: today)
        #expect(report.imported == 1)
        #expect(report.rejectedPath == target)
        let rejected = try String(contentsOfFile: target, encoding: .utf8)
        #expect(rejected.contains("199912312020121099"))
    }
}
