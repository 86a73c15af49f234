import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

/// Writing CSV text: comma-separated, fields quoted (with doubled quotes) only when they
/// contain a comma, a quote or a line break.
public enum CSVText {
    public static func field(_ text: String) -> String {
        var needsQuotes = false
        for byte in text.utf8 where byte == 44 || byte == 34 || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line without its line break.
    public static func line(_ fields: [String]) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            out += field(f)
        }
        return out
    }
}

/// The six kinds of import file, in the order they must be imported (units first): the
/// importer's own ``ImportKind``, so the demo writes exactly the columns the importer reads.
public typealias CSVFileKind = ImportKind

extension ImportKind {
    /// The file name the demo writes: `units.csv`, `diklat.csv` ...
    public var fileName: String { rawValue + ".csv" }
}

/// The columns of each import file (`docs/data-formats.md`) and how a value fills them.
/// Values are written in their canonical forms: ISO dates, SIASN jenis ids, raw enum values,
/// `Y`/`N` flags, dot decimals, so that the file reads back unchanged.
public enum ImportFormat {
    public static func header(_ kind: CSVFileKind) -> [String] { kind.columns }

    public static func fields(_ unit: OrgUnit) -> [String] {
        [unit.kode, unit.nama, unit.induk ?? ""]
    }

    public static func fields(_ p: Pegawai) -> [String] {
        [p.nip, p.nama, p.kodeUnit, p.jenisJabatan.rawValue, p.jenjang, p.status.rawValue]
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
