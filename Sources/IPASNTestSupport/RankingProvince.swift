import Foundation
import IPASNCore
import IPASNStore

/// A small province where ranking interventions by the rise of the unit mean and by the rise
/// of the whole index disagree (branch ranking): a large unit where a few gain, a small one
/// where one employee gains a lot. Measurement year 2024, bkn-2019, every employee pelaksana.
///
/// - PROV "Pemerintah Provinsi Contoh" (no employees of its own)
///   - PROV.A "Dinas Pendidikan": 6 employees: Ani and Bayu S-1 only (15 + 5 = 20), four
///     complete (S-1 15, 24 JP teknis and a seminar in 2024 40, SKP 2024 Sangat Baik 30,
///     disiplin 5 = 90).
///   - PROV.B "UPT Museum": Citra, complete (90).
///     - PROV.B.1 "Seksi Koleksi": Dodi, S-1 only (20).
///
/// A 20-JP technical course adds 22.5 to each S-1-only employee (kompetensi 0 -> 22.5), a
/// seminar 17.5; nothing raises the complete ones. Worked by hand:
///
/// | unit     | n | now (sum / n)      | teknis gain | seminar gain |
/// |----------|---|--------------------|-------------|--------------|
/// | PROV     | 8 | 510 / 8 = 63.75    | 3 x 22.5 = 67.5 | 3 x 17.5 = 52.5 |
/// | PROV.A   | 6 | 400 / 6 = 66.67    | 45          | 35           |
/// | PROV.B   | 2 | 110 / 2 = 55       | 22.5        | 17.5         |
/// | PROV.B.1 | 1 | 20                 | 22.5        | 17.5         |
///
/// Index (8 employees, 63.75, Rendah) rise = gain / 8; unit mean rise = gain / n:
/// - PROV teknis: index +8.4375 (72.19, Sedang: the index changes category), unit +8.4375
/// - PROV seminar: index +6.5625 (70.31, Rendah), unit +6.5625
/// - PROV.A teknis: index +5.625, unit +7.5 (66.67 -> 74.17: Rendah -> Sedang)
/// - PROV.A seminar: index +4.375, unit +5.83 (-> 72.50: Rendah -> Sedang)
/// - PROV.B teknis: index +2.8125, unit +11.25 (55 -> 66.25: Sangat Rendah -> Rendah)
/// - PROV.B seminar: index +2.1875, unit +8.75 (-> 63.75: Sangat Rendah -> Rendah)
/// - PROV.B.1 teknis: index +2.8125, unit +22.5 (20 -> 42.5, Sangat Rendah)
/// - PROV.B.1 seminar: index +2.1875, unit +17.5 (-> 37.5, Sangat Rendah)
///
/// By the index: PROV T, PROV S, A T, A S, then B.1 T and B T (equal index rise: the larger
/// unit-mean rise first, B.1), B.1 S, B S. By the unit mean: B.1 T 22.5, B.1 S 17.5, B T 11.25,
/// B S 8.75, PROV T 8.44, A T 7.5, PROV S 6.56, A S 5.83.
public enum RankingProvince {
    public static let nipAni = "198501012010011001"
    public static let nipBayu = "198602022011012002"
    public static let nipCitra = "197507072000031007"
    public static let nipDodi = "199108082016012008"
    /// The four complete employees of PROV.A.
    public static let completeA = ["198703032012011003", "198804042013012004", "198905052014011005", "199006062015012006"]

    public static func seed(_ store: any Store) throws {
        try store.setMeasurementYear(2024)
        try store.saveUnit(OrgUnit(kode: "PROV", nama: "Pemerintah Provinsi Contoh"))
        try store.saveUnit(OrgUnit(kode: "PROV.A", nama: "Dinas Pendidikan", induk: "PROV"))
        try store.saveUnit(OrgUnit(kode: "PROV.B", nama: "UPT Museum", induk: "PROV"))
        try store.saveUnit(OrgUnit(kode: "PROV.B.1", nama: "Seksi Koleksi", induk: "PROV.B"))
        let people: [(String, String, String, Bool)] =
            [(nipAni, "Ani Wulandari", "PROV.A", false), (nipBayu, "Bayu Saputra", "PROV.A", false)]
            + completeA.enumerated().map { ($1, "Guru \($0 + 1)", "PROV.A", true) }
            + [(nipCitra, "Citra Kirana", "PROV.B", true), (nipDodi, "Dodi Firmansyah", "PROV.B.1", false)]
        for (nip, nama, unit, complete) in people {
            try store.savePegawai(Pegawai(nip: nip, nama: nama, kodeUnit: unit, jenisJabatan: .pelaksana))
            try store.add(.pendidikan(Pendidikan(nip: nip, tingkat: .s1, tanggalLulus: TestClock.date("2008-08-30"))))
            guard complete else { continue }
            try store.add(SmallProvince.teknis(nip, "Pelatihan Kurikulum", jp: 24))
            try store.add(
                .diklat(
                    Diklat(
                        nip: nip, jenis: JenisDiklat.withID(9)!, nama: "Seminar Pendidikan", tanggalMulai: TestClock.date("2024-06-10"),
                        tanggalSelesai: TestClock.date("2024-06-10"), jp: 8)))
            try store.add(.skp(SKP(nip: nip, tahun: 2024, predikat: .sangatBaik)))
        }
    }
}
