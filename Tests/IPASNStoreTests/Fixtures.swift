import Foundation
import IPASNCore
import IPASNStore

/// 2024-11-30 12:00 UTC: the tests' "now".
let fixedNow = Date(timeIntervalSince1970: 1_732_968_000)
let testContext = StoreContext(actor: "test", now: { fixedNow }, timeZone: TimeZone(identifier: "UTC")!)

func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

let nipA = "198609262015051001"
let nipB = "199001012019032002"
let nipC = "197512312000121001"

/// Units ROOT > SUB, employees A (ROOT), B and C (SUB).
func seededStore(context: StoreContext = testContext) throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory(context: context)
    try seed(store)
    return store
}

func seed(_ store: SQLiteStore) throws {
    try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
    try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"))
    try store.savePegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .pelaksana))
}

func teknis(_ nip: String, _ nama: String = "Bimtek Arsip", jp: Int = 20, end: String = "2024-03-03") -> Record {
    .diklat(
        Diklat(
            nip: nip, jenis: JenisDiklat.withID(3)!, nama: nama, penyelenggara: "BPSDM",
            tanggalMulai: d("2024-03-01"), tanggalSelesai: d(end), jp: jp))
}

func tempDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
