/// One entry of riwayat pendidikan.
public struct Pendidikan: Hashable, Sendable, Codable {
    public var nip: String
    public var tingkat: EducationLevel
    /// Graduation date; nil when unknown (such a record counts, see the ruleset).
    public var tanggalLulus: LocalDate?
    public var namaSekolah: String
    public var jurusan: String

    public init(
        nip: String, tingkat: EducationLevel, tanggalLulus: LocalDate? = nil,
        namaSekolah: String = "", jurusan: String = ""
    ) {
        self.nip = nip
        self.tingkat = tingkat
        self.tanggalLulus = tanggalLulus
        self.namaSekolah = namaSekolah
        self.jurusan = jurusan
    }
}
