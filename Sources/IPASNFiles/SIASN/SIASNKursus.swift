import IPASNCore

/// SIASN's riwayat kursus shape: every course that is not a leadership diklat, with SIASN's
/// column names and day-first dates (`d-m-Y`).
public enum SIASNKursus {
    public static let columns = [
        "nip", "jenisDiklatId", "namaKursus", "institusiPenyelenggara", "tanggalKursus", "tanggalSelesaiKursus",
        "jumlahJam", "nomorSertipikat", "tahunKursus",
    ]

    /// jenisDiklatId, jumlahJam and tahunKursus are numbers.
    public static let numericColumns: Set<Int> = [1, 6, 8]

    /// Whether SIASN files the diklat as a kursus (leadership diklat are riwayat diklat struktural).
    public static func includes(_ diklat: Diklat) -> Bool { diklat.jenis != .struktural }

    public static func fields(_ d: Diklat) -> [String] {
        [
            d.nip, String(d.jenis.id), d.nama, d.penyelenggara, d.tanggalMulai.dayFirst, d.tanggalSelesai.dayFirst,
            String(d.jp), d.nomorSertifikat, String(d.tanggalSelesai.year),
        ]
    }
}
