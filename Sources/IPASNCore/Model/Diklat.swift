import Foundation

/// One entry of riwayat diklat/kursus (training, seminar, workshop, sosialisasi ...).
public struct Diklat: Hashable, Sendable, Codable {
    public var nip: String
    public var jenis: JenisDiklat
    /// The leadership level, for jenis Struktural only.
    public var tingkat: LeadershipLevel?
    public var nama: String
    public var penyelenggara: String
    public var tanggalMulai: LocalDate
    /// The end date; a record counts in the year of this date.
    public var tanggalSelesai: LocalDate
    /// Jam pelajaran (lesson hours).
    public var jp: Int
    public var nomorSertifikat: String
    /// Whether a fungsional course matches the employee's post ("sesuai jabatan").
    public var sesuaiJabatan: Bool

    public init(
        nip: String, jenis: JenisDiklat, tingkat: LeadershipLevel? = nil, nama: String,
        penyelenggara: String = "", tanggalMulai: LocalDate, tanggalSelesai: LocalDate, jp: Int,
        nomorSertifikat: String = "", sesuaiJabatan: Bool = true
    ) {
        self.nip = nip
        self.jenis = jenis
        self.tingkat = tingkat
        self.nama = nama
        self.penyelenggara = penyelenggara
        self.tanggalMulai = tanggalMulai
        self.tanggalSelesai = tanggalSelesai
        self.jp = jp
        self.nomorSertifikat = nomorSertifikat
        self.sesuaiJabatan = sesuaiJabatan
    }
}
