import Foundation
import IPASNCore
import IPASNStore

/// The shared small fixture: unit ROOT ("Pemerintah Kota") with sub-unit SUB ("Bidang"),
/// and three pelaksana employees: Andi (ROOT), Budi and Citra (SUB), no records.
///
/// With no records a pelaksana scores 0 + 0 + 0 + 5 (no punishment) = 5 under bkn-2019.
public enum SmallProvince {
    public static let nipA = "198609262015051001"
    public static let nipB = "199001012019032002"
    public static let nipC = "197512312000121001"
    /// A valid NIP of nobody in the fixture.
    public static let stranger = "199912312020121001"

    /// Seeds the units and employees into `store` and sets its measurement year to
    /// ``TestClock/measurementYear`` (2024).
    public static func seed(_ store: any Store) throws {
        try store.setMeasurementYear(TestClock.measurementYear)
        try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
        try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"))
        try store.savePegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
        try store.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        try store.savePegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .pelaksana))
    }

    /// A "pelatihan teknis" (SIASN jenis 3) course from 1 March 2024 to `end`, organised by BPSDM.
    /// 20 JP earns a pelaksana 22.5 kompetensi points in 2024; 19 JP earns nothing.
    public static func teknis(_ nip: String, _ nama: String = "Bimtek Arsip", jp: Int = 20, end: String = "2024-03-03")
        -> Record
    {
        .diklat(
            Diklat(
                nip: nip, jenis: JenisDiklat.withID(3)!, nama: nama, penyelenggara: "BPSDM",
                tanggalMulai: TestClock.date("2024-03-01"), tanggalSelesai: TestClock.date(end), jp: jp))
    }
}

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "ipasn-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` (UTF-8) or `bytes` to `name` and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
