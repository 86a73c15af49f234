import IPASNCore
import IPASNStore

/// What goes in each column of an import file, in Indonesian: the second sheet of an Excel
/// template (``ImportTemplate``) and the reference for admins.
public struct ImportColumnGuide: Hashable, Sendable {
    public enum Input: Hashable, Sendable {
        /// Free text.
        case text
        /// A NIP: digits kept as text (Excel must not make a number of it).
        case nip
        /// A date, shown `dd-mm-yyyy`.
        case date
        /// A whole number between the bounds.
        case wholeNumber(ClosedRange<Int>)
        /// A decimal number between the bounds.
        case decimal(ClosedRange<Double>)
        /// One of a list (a drop-down); the list's name on the lists sheet.
        case choice(list: String, values: [String])
    }

    public var column: String
    public var required: Bool
    public var input: Input
    /// What to write, in Indonesian.
    public var explanation: String
    public var example: String

    /// The columns of `kind`, in the documented order (``ImportKind/columns``).
    public static func columns(_ kind: ImportKind) -> [ImportColumnGuide] {
        kind.columns.map { column in
            let (input, explanation, example) = describe(kind, column)
            return ImportColumnGuide(
                column: column, required: kind.requiredColumns.contains(column), input: input,
                explanation: explanation, example: example)
        }
    }

    static let yesNo = Input.choice(list: "Y/N", values: ["Y", "N"])

    private static func describe(_ kind: ImportKind, _ column: String) -> (Input, String, String) {
        let dateRule = "Tanggal dd-mm-yyyy dengan tahun 4 angka, tidak setelah hari ini."
        switch (kind, column) {
        case (.units, "kode"):
            return (.text, "Kode unit kerja, unik untuk setiap unit.", "1.02.01")
        case (.units, "nama"):
            return (.text, "Nama unit kerja.", "Bidang Pengembangan Kompetensi")
        case (.units, "induk"):
            return (.text, "Kode unit induknya; kosong untuk unit teratas. Unit induk ditulis lebih dulu.", "1.02")
        case (_, "nip"):
            return (
                .nip,
                "NIP 18 angka tanpa spasi. Kolom ini berformat Teks agar Excel tidak mengubahnya menjadi 1,98502E+17.",
                "198502122010011001"
            )
        case (.pegawai, "nama"):
            return (.text, "Nama lengkap pegawai (boleh dengan gelar).", "Siti Rahmawati, S.E.")
        case (.pegawai, "kode_unit"):
            return (.text, "Kode unit kerja pegawai; unit harus sudah ada (impor units lebih dulu).", "1.02.01")
        case (.pegawai, "jenis_jabatan"):
            return (
                .choice(list: "jenis_jabatan", values: JenisJabatan.allCases.map(\.rawValue)),
                "Pilih dari daftar: struktural, fungsional atau pelaksana.", "fungsional"
            )
        case (.pegawai, "jenjang"):
            return (
                .choice(list: "jenjang", values: JenjangStruktural.allCases.map(\.displayName)),
                "Wajib untuk jabatan struktural: pilih jenjangnya. Kosongkan untuk jabatan lain.", "Administrator"
            )
        case (.pegawai, "status"):
            return (
                .choice(list: "status", values: StatusPegawai.allCases.map { $0.rawValue.uppercased() }),
                "PNS atau PPPK; kosong berarti PNS.", "PNS"
            )
        case (.pendidikan, "tingkat"):
            return (
                .choice(list: "tingkat_pendidikan", values: EducationLevel.allCases.map(\.displayName)),
                "Pilih tingkat pendidikan dari daftar (SD sampai S-3).", "S-1"
            )
        case (.pendidikan, "tanggal_lulus"):
            return (.date, "Tanggal lulus (tanggal ijazah); boleh kosong. " + dateRule, "15-08-2010")
        case (.pendidikan, "nama_sekolah"):
            return (.text, "Nama sekolah atau perguruan tinggi.", "Universitas Andalas")
        case (.pendidikan, "jurusan"):
            return (.text, "Jurusan atau program studi.", "Manajemen")
        case (.diklat, "jenis"):
            return (
                .choice(list: "jenis_diklat", values: JenisDiklat.all.map(\.nama)),
                "Pilih jenis diklat SIASN dari daftar (Teknis, Fungsional, Sosialisasi, Bimbingan Teknis, Seminar ...).",
                "Sosialisasi"
            )
        case (.diklat, "tingkat"):
            return (
                .choice(list: "tingkat_diklat", values: LeadershipLevel.allCases.map(\.displayName)),
                "Hanya untuk jenis Struktural (diklat kepemimpinan): PIM IV/PKP, PIM III/PKA ... Kosongkan untuk jenis lain.",
                "PKP"
            )
        case (.diklat, "nama"):
            return (.text, "Nama diklat, kursus atau kegiatan, ditulis sama untuk semua peserta.", "Sosialisasi Manajemen ASN")
        case (.diklat, "penyelenggara"):
            return (.text, "Instansi atau lembaga penyelenggara.", "BKPSDM")
        case (.diklat, "tanggal_mulai"):
            return (.date, "Tanggal mulai. " + dateRule, "03-03-2026")
        case (.diklat, "tanggal_selesai"):
            return (.date, "Tanggal selesai, tidak sebelum tanggal mulai (tahun tanggal ini yang dihitung).", "04-03-2026")
        case (.diklat, "jp"):
            let limit = RecordValidator(today: LocalDate(year: 2000, month: 1, day: 1)!).maxJP  // the importer's own bound
            return (.wholeNumber(1...limit), "Jumlah jam pelajaran (JP), angka bulat tanpa satuan.", "24")
        case (.diklat, "nomor_sertifikat"):
            return (.text, "Nomor sertifikat; boleh kosong.", "800/123/BKPSDM/2026")
        case (.diklat, "sesuai_jabatan"):
            return (yesNo, "Y jika diklat sesuai dengan jabatan pegawai, N jika tidak; kosong berarti Y.", "Y")
        case (.skp, "tahun"):
            return (.wholeNumber(2000...2100), "Tahun penilaian SKP, 4 angka.", "2025")
        case (.skp, "predikat"):
            return (
                .choice(list: "predikat", values: Predikat.allCases.map(\.displayName)),
                "Pilih predikat kinerja; boleh kosong bila nilai diisi.", "Baik"
            )
        case (.skp, "nilai"):
            return (.decimal(0...100), "Nilai SKP 0 sampai 100 (aturan lama); boleh kosong bila predikat diisi.", "85,5")
        case (.disiplin, "tingkat"):
            return (
                .choice(list: "tingkat_hukuman", values: TingkatHukuman.allCases.map(\.displayName)),
                "Tingkat hukuman disiplin: Ringan, Sedang atau Berat.", "Ringan"
            )
        case (.disiplin, "tmt"):
            return (.date, "TMT (tanggal mulai berlaku) hukuman. " + dateRule, "01-06-2025")
        case (.disiplin, "jenis"):
            return (.text, "Uraian hukuman; boleh kosong.", "Teguran lisan")
        default:
            return (.text, "", "")
        }
    }
}
