import Foundation
import IPASNCore
import IPASNStore

/// Saturday 2024-11-30 12:00 UTC: the reports tests' "now" (the week began Monday 2024-11-25).
let reportsNow = Date(timeIntervalSince1970: 1_732_968_000)
let utc = TimeZone(identifier: "UTC")!

func context(_ actor: String, at date: Date = reportsNow) -> StoreContext {
    StoreContext(actor: actor, now: { date }, timeZone: utc)
}

func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

/// A temporary database file (deleted with its directory by `cleanUp`).
struct TempDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("ipasn.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func open(_ context: StoreContext) throws -> SQLiteStore { try SQLiteStore(path: path, context: context) }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

let nipEko = "198501012010011001"  // DINKES.1, pelaksana
let nipFitri = "199002022015022002"  // DINKES.1, pelaksana
let nipGita = "198803032012032003"  // BKPSDM.1, pelaksana
let nipHadi = "197904042005011004"  // DINKES, pelaksana, inactive

/// PEMDA > {BKPSDM > BKPSDM.1 "Sekretariat", DINKES > DINKES.1 "Sekretariat"}, with:
/// - Eko (DINKES.1): S-1 and SKP 2024 Sangat Baik, 12 JP teknis in 2024;
/// - Fitri (DINKES.1): S-1 only;
/// - Gita (BKPSDM.1): SKP 2024 only;
/// - Hadi (DINKES, inactive): nothing.
func seedUnits(_ store: Store) throws {
    try store.setMeasurementYear(2024)
    try store.saveUnit(OrgUnit(kode: "PEMDA", nama: "Pemerintah Kabupaten"))
    try store.saveUnit(OrgUnit(kode: "BKPSDM", nama: "Badan Kepegawaian", induk: "PEMDA"))
    try store.saveUnit(OrgUnit(kode: "BKPSDM.1", nama: "Sekretariat", induk: "BKPSDM"))
    try store.saveUnit(OrgUnit(kode: "DINKES", nama: "Dinas Kesehatan", induk: "PEMDA"))
    try store.saveUnit(OrgUnit(kode: "DINKES.1", nama: "Sekretariat", induk: "DINKES"))
    try store.savePegawai(Pegawai(nip: nipEko, nama: "Eko Prasetyo", kodeUnit: "DINKES.1", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: nipFitri, nama: "Fitri Handayani", kodeUnit: "DINKES.1", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: nipGita, nama: "Gita Savitri", kodeUnit: "BKPSDM.1", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: nipHadi, nama: "Hadi", kodeUnit: "DINKES", jenisJabatan: .pelaksana, aktif: false))
}

func seedRecords(_ store: Store) throws {
    for nip in [nipEko, nipFitri] {
        try store.add(.pendidikan(Pendidikan(nip: nip, tingkat: .s1, tanggalLulus: day("2008-08-30"))))
    }
    try store.add(.skp(SKP(nip: nipEko, tahun: 2024, predikat: .sangatBaik)))
    try store.add(.skp(SKP(nip: nipGita, tahun: 2024, predikat: .baik)))
    try store.add(
        .diklat(
            Diklat(
                nip: nipEko, jenis: JenisDiklat.withID(3)!, nama: "Pelatihan Rambu", tanggalMulai: day("2024-03-01"),
                tanggalSelesai: day("2024-03-05"), jp: 12)))
}
