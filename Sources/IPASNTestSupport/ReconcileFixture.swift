import Foundation
import IPASNCore
import IPASNStore

/// The reconciliation fixture: ipasn's side as records in a store, BKN's side as the rows of
/// `Tests/Fixtures/reconcile/bkn-2024.xlsx` (the same data as the CSV import files there).
///
/// Year 2024, every employee a pelaksana, units ROOT "Pemerintah Kota" > SUB "Bidang":
/// - Andi (ROOT): S-1 2010 and S-2 2019 (20), a 24 JP teknis course in March 2024 (22.5), SKP
///   2024 Sangat Baik (30), no punishment (5): 77.5. BKN: 15, 0, 30, 5 = 50 (no S-2, no course).
/// - Budi (SUB): S-1 2015 (15), SKP 2024 Baik (25), 5: 45. BKN: 15, 0, 0, 5 = 20 (no SKP).
/// - Citra (SUB): S-1 1998 (15), a ringan punishment in May 2024 (3): 18. BKN: 15, 0, 25, 5 =
///   45 (an SKP ipasn lacks; not the punishment).
/// - Dewi (SUB): S-1 2012, SKP 2024 Baik: 45; not in BKN's file.
/// - Eko (199912312020121001) is in BKN's file only: 5, 17.5, 25, 5.
public enum ReconcileFixture {
    public static let andi = "198609262015051001"
    public static let budi = "199001012019032002"
    public static let citra = "197512312000121001"
    public static let dewi = "198807152014022003"
    public static let eko = "199912312020121001"

    /// `Tests/Fixtures/reconcile/NAME`.
    public static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/reconcile/\(name)").path
    }

    /// Seeds units, employees and records into `store` (measurement year 2024).
    public static func seed(_ store: any Store) throws {
        try store.setMeasurementYear(2024)
        try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
        try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"))
        for (nip, nama, unit) in [(andi, "Andi", "ROOT"), (budi, "Budi", "SUB"), (citra, "Citra", "SUB"), (dewi, "Dewi", "SUB")] {
            try store.savePegawai(Pegawai(nip: nip, nama: nama, kodeUnit: unit, jenisJabatan: .pelaksana))
        }
        let d = TestClock.date
        let records: [Record] = [
            .pendidikan(Pendidikan(nip: andi, tingkat: .s1, tanggalLulus: d("2010-08-20"), namaSekolah: "Universitas Hasanuddin")),
            .pendidikan(Pendidikan(nip: andi, tingkat: .s2, tanggalLulus: d("2019-09-01"), namaSekolah: "Universitas Gadjah Mada")),
            .diklat(
                Diklat(
                    nip: andi, jenis: JenisDiklat.withID(3)!, nama: "Pelatihan Pengelolaan Arsip", penyelenggara: "BPSDM Provinsi",
                    tanggalMulai: d("2024-03-10"), tanggalSelesai: d("2024-03-12"), jp: 24)),
            .skp(SKP(nip: andi, tahun: 2024, predikat: .sangatBaik)),
            .pendidikan(Pendidikan(nip: budi, tingkat: .s1, tanggalLulus: d("2015-08-15"))),
            .skp(SKP(nip: budi, tahun: 2024, predikat: .baik)),
            .pendidikan(Pendidikan(nip: citra, tingkat: .s1, tanggalLulus: d("1998-08-10"))),
            .disiplin(HukumanDisiplin(nip: citra, tingkat: .ringan, tmt: d("2024-05-02"), jenis: "teguran lisan")),
            .pendidikan(Pendidikan(nip: dewi, tingkat: .s1, tanggalLulus: d("2012-08-12"))),
            .skp(SKP(nip: dewi, tahun: 2024, predikat: .baik)),
        ]
        for record in records { try store.add(record) }
    }

    /// BKN's rows as the fixture files hold them (lines 8-11 of the xlsx).
    public static let bknRows: [BKNResultRow] = [
        BKNResultRow(line: 8, nip: andi, nama: "Andi", jabatan: "Pengadministrasi Umum", satuanKerja: "Pemerintah Kota", kualifikasi: 15, kompetensi: 0, kinerja: 30, disiplin: 5),
        BKNResultRow(line: 9, nip: budi, nama: "Budi", jabatan: "Pengelola Data", satuanKerja: "Bidang", kualifikasi: 15, kompetensi: 0, kinerja: 0, disiplin: 5),
        BKNResultRow(line: 10, nip: citra, nama: "Citra", jabatan: "Analis Hukum", satuanKerja: "Bidang", kualifikasi: 15, kompetensi: 0, kinerja: 25, disiplin: 5),
        BKNResultRow(line: 11, nip: eko, nama: "Eko", jabatan: "Pengadministrasi Umum", satuanKerja: "Bidang", kualifikasi: 5, kompetensi: 17.5, kinerja: 25, disiplin: 5),
    ]
}
