import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

/// Every kind of problem a diklat row can have, through the whole import (``CSVReader``,
/// ``ImportRowBuilder`` filling ``RecordFields`` by index, ``RecordParser``, the store's
/// checks): each row's exact message, in both languages, with its line number and column;
/// the same file written as Excel writes it (BOM, `;`, CRLF, quoted fields with line breaks)
/// gives the same messages.
@Suite struct ImportRowBuilderTests {
    private let nipA = "198609262015051001"

    private static let header = [
        "nip", "jenis", "tingkat", "nama", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jp",
        "nomor_sertifikat", "sesuai_jabatan", "catatan",
    ]

    /// A row with every field good, the given ones replaced.
    private func row(_ changes: [String: String] = [:], note: String = "") -> [String] {
        let good = [
            "nip": nipA, "jenis": "teknis", "tingkat": "", "nama": "Pelatihan Arsip", "penyelenggara": "BKPSDM",
            "tanggal_mulai": "01-03-2024", "tanggal_selesai": "03-03-2024", "jp": "24", "nomor_sertifikat": "12/2024",
            "sesuai_jabatan": "Y", "catatan": note,
        ]
        return Self.header.map { changes[$0] ?? good[$0]! }
    }

    /// The rows, from line 2; a note with a line break makes its row two lines long.
    private var rows: [[String]] {
        [
            row(note: "baris\ndua"),  // lines 2-3: imported
            row(["nip": "19860926201505100"]),  // 4
            row(["nip": "1986092620150510AB"]),  // 5
            row(["nip": "1,98609E+17"]),  // 6
            row(["jenis": "xyz"]),  // 7
            row(["nama": ""]),  // 8
            row(["tanggal_mulai": "31-02-2024"]),  // 9
            row(["tanggal_mulai": "01-03-24"]),  // 10
            row(["tanggal_mulai": "01-02-2025", "tanggal_selesai": "02-02-2025"]),  // 11
            row(["tanggal_mulai": "05-03-2024", "tanggal_selesai": "01-03-2024"]),  // 12
            row(["jp": "abc"]),  // 13
            row(["jp": "0"]),  // 14
            row(["jp": "5000"]),  // 15
            row(["sesuai_jabatan": "maybe"]),  // 16
            row(["nip": "199912312020121001"]),  // 17
            row(note: "again"),  // 18: line 2 again
            row(["nama": "Arsip\u{1B}"]),  // 19
            [nipA, "teknis", "Arsip"],  // 20
            row(["tingkat": "PIM_V"]),  // 21
            row(["jenis": "Struktural"]),  // 22
            row(["nama": "Pelatihan Arsip Dinamis", "jp": "24 JP", "tanggal_mulai": "2024-04-01 00:00", "tanggal_selesai": "02/04/2024"]),  // 23: imported
        ]
    }

    private static let english = [
        "line 4, column nip: NIP must have 18 digits; got 17. Check the NIP.",
        "line 5, column nip: NIP may contain digits only (spaces allowed).",
        "line 6, column nip: NIP \"1,98609E+17\" was turned into a number by Excel and lost its last digits. "
            + "Format the NIP column as Text, then type or paste the NIPs again.",
        "line 7, column jenis: Kind \"xyz\" is unknown. Use the SIASN jenis id 1-25 or its name (e.g. 3 or Teknis).",
        "line 8, column nama: Name is required.",
        "line 9, column tanggal_mulai: Start date \"31-02-2024\": that day does not exist (the month has only 29 days).",
        "line 10, column tanggal_mulai: Date \"01-03-24\" has a two-digit year. Write the year in full (e.g. 01-03-2024); "
            + "in Excel, format the date cells as dd-mm-yyyy.",
        "line 11, column tanggal_mulai: Start date 2025-02-01 is after today (2025-01-10). Enter a date that has passed.",
        "line 12, column tanggal_selesai: End date 2024-03-01 is before the start date 2024-03-05. "
            + "The end must be on or after the start.",
        "line 13, column jp: JP \"abc\" must be a positive whole number, e.g. 24.",
        "line 14, column jp: JP must be greater than 0.",
        "line 15, column jp: JP 5000 is implausible (at most 1000). Check the JP on the certificate.",
        "line 16, column sesuai_jabatan: Matches post \"MAYBE\" must be Y or N.",
        "line 17, column nip: NIP 199912312020121001 is not a known employee. Import or add the employee first.",
        "line 18, column nama: This row repeats line 2 (duplicate).",
        "line 19, column nama: Name contains the control character ESC (U+001B) (invisible, usually copied along). Remove it.",
        "line 20: The row has 3 fields but the header has 11. Check separators and quotes.",
        "line 21, column tingkat: Level \"PIM_V\" is unknown. Use PIM_IV, PKP, PIM_III, PKA, PIM_II, PKN_II, PIM_I or PKN_I.",
        "line 22, column tingkat: Level is required for a Struktural course (e.g. PIM_III or PKA).",
    ]

    private static let indonesian = [
        "baris 4, kolom nip: NIP harus 18 angka; yang diisi 17 angka. Periksa kembali NIP.",
        "baris 5, kolom nip: NIP hanya boleh berisi angka (spasi boleh).",
        "baris 6, kolom nip: NIP \"1,98609E+17\" telah diubah Excel menjadi angka dan digit terakhirnya hilang. "
            + "Format kolom NIP sebagai Teks, lalu ketik atau tempel ulang NIP-nya.",
        "baris 7, kolom jenis: Jenis \"xyz\" tidak dikenal. Isi nomor jenis SIASN 1-25 atau namanya (misalnya 3 atau Teknis).",
        "baris 8, kolom nama: Nama wajib diisi.",
        "baris 9, kolom tanggal_mulai: Tanggal mulai \"31-02-2024\": tanggal itu tidak ada (bulannya hanya 29 hari).",
        "baris 10, kolom tanggal_mulai: Tanggal \"01-03-24\" memakai tahun dua angka. Tulis tahun lengkap (misalnya 01-03-2024); "
            + "di Excel, format sel tanggal sebagai dd-mm-yyyy.",
        "baris 11, kolom tanggal_mulai: Tanggal mulai 01-02-2025 belum terjadi (hari ini 10-01-2025). Isi tanggal yang sudah lewat.",
        "baris 12, kolom tanggal_selesai: Tanggal selesai 01-03-2024 sebelum tanggal mulai 05-03-2024. "
            + "Tanggal selesai harus sama atau sesudahnya.",
        "baris 13, kolom jp: JP \"abc\" harus bilangan bulat positif, misalnya 24.",
        "baris 14, kolom jp: JP harus lebih dari 0.",
        "baris 15, kolom jp: JP 5000 terlalu besar (paling banyak 1000). Periksa angka JP di sertifikat.",
        "baris 16, kolom sesuai_jabatan: Sesuai jabatan \"MAYBE\" harus Y atau N.",
        "baris 17, kolom nip: NIP 199912312020121001 belum terdaftar sebagai pegawai. Impor atau tambahkan pegawainya dulu.",
        "baris 18, kolom nama: Baris ini sama dengan baris 2 (duplikat).",
        "baris 19, kolom nama: Nama berisi karakter kendali ESC (U+001B) (tidak terlihat, biasanya ikut tersalin). Hapus karakter itu.",
        "baris 20: Baris ini punya 3 kolom, judulnya 11. Periksa pemisah atau tanda kutip.",
        "baris 21, kolom tingkat: Tingkat \"PIM_V\" tidak dikenal. Isi PIM_IV, PKP, PIM_III, PKA, PIM_II, PKN_II, PIM_I atau PKN_I.",
        "baris 22, kolom tingkat: Tingkat wajib diisi untuk diklat Struktural (misalnya PIM_III atau PKA).",
    ]

    /// The rows as a CSV file: `separator`, `lineEnd`, a byte-order mark or not.
    private func file(separator: String, lineEnd: String, bom: Bool) -> [UInt8] {
        func quoted(_ field: String) -> String {
            guard field.contains(separator) || field.contains("\"") || field.contains("\n") else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let lines = ([Self.header] + rows).map { $0.map(quoted).joined(separator: separator) + lineEnd }
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(lines.joined().utf8)
    }

    /// Imports the file (skipping the invalid rows) into a store with employee A; the report
    /// and the store.
    private func importFile(_ bytes: [UInt8], dryRun: Bool = true) throws -> (ImportReport, SQLiteStore) {
        let dir = try TemporaryDirectory(prefix: "ipasn-row-builder")
        defer { dir.remove() }
        let path = try dir.write("diklat.csv", bytes)
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
        try store.savePegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
        let report = try Importer(store: store).importFile(
            kind: .diklat, path: path, skipInvalid: true, today: TestClock.today, dryRun: dryRun)
        return (report, store)
    }

    @Test func everyProblemOfADiklatRowHasItsMessageLineAndColumn() throws {
        let (report, _) = try importFile(file(separator: ",", lineEnd: "\n", bom: false))
        #expect(report.messages(.en) == Self.english)
        #expect(report.messages(.id) == Self.indonesian)
        #expect(report.imported == 2)
    }

    @Test func theSameRowsAsExcelWritesThemGiveTheSameMessages() throws {
        let (report, _) = try importFile(file(separator: ";", lineEnd: "\r\n", bom: true))
        #expect(report.messages(.en) == Self.english)
        #expect(report.messages(.id) == Self.indonesian)
        #expect(report.imported == 2)
        #expect(!report.windows1252)
    }

    @Test func theImportedRowsKeepTheirValues() throws {
        let (report, store) = try importFile(file(separator: ";", lineEnd: "\r\n", bom: true), dryRun: false)
        #expect(report.imported == 2)
        #expect(report.rejectedPath != nil)
        let diklat = try #require(try store.records(nip: nipA)?.diklat.map(\.value)).sorted { $0.nama < $1.nama }
        #expect(diklat.map(\.nama) == ["Pelatihan Arsip", "Pelatihan Arsip Dinamis"])
        #expect(diklat.map(\.penyelenggara) == ["BKPSDM", "BKPSDM"])
        #expect(diklat.map(\.nomorSertifikat) == ["12/2024", "12/2024"])
        #expect(diklat.map(\.jp) == [24, 24])
        #expect(diklat.map(\.tanggalMulai) == [LocalDate(year: 2024, month: 3, day: 1)!, LocalDate(year: 2024, month: 4, day: 1)!])
        #expect(diklat.map(\.tanggalSelesai) == [LocalDate(year: 2024, month: 3, day: 3)!, LocalDate(year: 2024, month: 4, day: 2)!])
        #expect(diklat.map(\.jenis.nama) == ["Teknis", "Teknis"])
        #expect(diklat.map(\.sesuaiJabatan) == [true, true])
    }
}
