import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// `--lang en` shows no Indonesian word of the program's own (data such as unit, school and
/// course names stays as entered; SIASN's course kind names are data too).
@Suite struct EnglishModeTests {
    static let indonesian = [
        "Ya", "Tidak", "Kualifikasi", "Kompetensi", "Kinerja", "Disiplin", "Sangat", "Sedang", "Rendah", "Tinggi",
        "Simpan", "Kembali", "Batal", "Cari", "Selesai", "Tahun", "belum", "sudah", "baris", "Tambah", "Hapus",
        "Keluar", "Bantuan", "Pegawai", "Lengkap", "Rata", "Dasbor", "Urut", "Nilai", "Jenis", "Tingkat", "Tanggal",
        "pendidikan", "jika", "disimpan", "Berikut",
    ]

    /// Official terms shown as the regulations name them (SKP predikat, punishment levels).
    static let officialTerms = ["Sangat Baik", "Sangat Kurang", "Butuh Perbaikan", "Ringan", "Sedang", "Berat"]

    /// The words of `text` that are Indonesian, with the line they are on.
    static func indonesianWords(_ text: String) -> [String] {
        var text = text
        for term in officialTerms { text = text.replacingOccurrences(of: term, with: "") }
        return text.split(separator: "\n").flatMap { line -> [String] in
            let words = Set(line.split { !$0.isLetter }.map(String.init))
            return indonesian.filter(words.contains).map { "\($0) in: \(line)" }
        }
    }

    @Test func everyScreenIsEnglish() throws {
        let store = try makeStore()
        let screen = try run(store, size: Size(width: 120, height: 40), language: .en) { s in
            s.enqueue(.enter)  // employees of the unit
            s.enqueue(.escape)
            s.enqueue(text: "/Ayu")
            s.enqueue(.enter)  // Ayu's page
            for form in ["k", "p", "n", "h"] {
                s.enqueue(text: form)
                s.enqueue(.tab)
                s.enqueue(.escape)
                s.enqueue(text: "y")
            }
            s.enqueue(.escape)
            s.enqueue(.escape)
            s.enqueue(.function(5))  // dashboard
            s.enqueue(text: "s")
            s.enqueue(text: "i")  // interventions
            s.enqueue(.escape)
            s.enqueue(.escape)
            s.enqueue(text: "m")  // progress dialog
            s.enqueue(.escape)
            s.enqueue(.function(1))
        }
        var found: Set<String> = []
        for frame in screen.frames { found.formUnion(Self.indonesianWords(frame.text)) }
        #expect(found.isEmpty, "\(found.sorted().joined(separator: "\n"))")
        #expect(screen.everShowed("Qualification"))
        #expect(screen.everShowed("Matches post"))
        #expect(screen.everShowed("Very Low"), "categories are translated")
    }
}

@Suite struct EnglishStartTests {
    /// The first screens on an empty database: welcome, the import prompt and its problems,
    /// the "add a unit and an employee" form.
    @Test func welcomeImportAndSetupAreEnglish() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-en-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "nip;nama;kode_unit;jenis_jabatan\r\n123;Salah;NOPE;pelaksana\r\n"
            .write(to: dir.appendingPathComponent("pegawai.csv"), atomically: true, encoding: .utf8)
        let store = try SQLiteStore.inMemory(context: testContext)
        let screen = try run(store, language: .en) { s in
            s.enqueue(text: "1")
            s.enqueue(text: dir.path + "\n")
            s.enqueue(.escape)
            s.enqueue(text: "3")
            s.enqueue(.tab)
            s.enqueue(.tab)
        }
        var found: Set<String> = []
        for frame in screen.frames { found.formUnion(EnglishModeTests.indonesianWords(frame.text)) }
        #expect(found.isEmpty, "\(found.sorted().joined(separator: "\n"))")
        #expect(screen.everShowed("Import: problems in pegawai.csv"))
        #expect(screen.everShowed("line 2, column nip:"))
        #expect(screen.everShowed("Add a unit and an employee"))
    }
}
