import Foundation
import IPASNCore
import IPASNStore

extension ImportKind {
    /// The file's usual name: `units.csv`, `diklat.csv` ... (the demo writes these).
    public var fileName: String { rawValue + ".csv" }
}

/// The columns of each import file (`docs/data-formats.md`) and how a value fills them, for
/// every writer of import-shaped files (`ipasn export`, the demo's sample files).
/// Values are written in their canonical forms: ISO dates, SIASN jenis ids, raw enum values,
/// `Y`/`N` flags, dot decimals, so that the file reads back unchanged.
public enum ImportFormat {
    public static func header(_ kind: ImportKind) -> [String] { kind.columns }

    public static func fields(_ unit: OrgUnit) -> [String] {
        [unit.kode, unit.nama, unit.induk ?? ""]
    }

    public static func fields(_ p: Pegawai) -> [String] {
        [
            p.nip, p.nama, p.kodeUnit, p.jenisJabatan.rawValue, p.jenjang, p.status.rawValue,
            p.aktif ? "aktif" : (p.keluar?.alasan.rawValue ?? "nonaktif"), p.keluar?.tanggal.iso ?? "",
        ]
    }

    public static func fields(_ record: Record) -> [String] {
        switch record {
        case .pendidikan(let r):
            return [r.nip, r.tingkat.rawValue, r.tanggalLulus?.iso ?? "", r.namaSekolah, r.jurusan]
        case .diklat(let r):
            return [
                r.nip, String(r.jenis.id), r.tingkat?.rawValue ?? "", r.nama, r.penyelenggara, r.tanggalMulai.iso,
                r.tanggalSelesai.iso, String(r.jp), r.nomorSertifikat, r.sesuaiJabatan ? "Y" : "N",
            ]
        case .skp(let r):
            return [r.nip, String(r.tahun), r.predikat?.rawValue ?? "", r.nilai.map(number) ?? ""]
        case .disiplin(let r):
            return [r.nip, r.tingkat.rawValue, r.tmt.iso, r.jenis]
        }
    }

    /// A number without a needless `.0`: `85`, `82.5`.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
