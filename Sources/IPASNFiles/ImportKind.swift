import IPASNCore
import IPASNStore

/// The columns of each kind of import file (the kinds themselves are the store's).
extension ImportKind {
    /// Every column the kind reads, in the documented order.
    public var columns: [String] {
        switch self {
        case .units: return ["kode", "nama", "induk"]
        case .pegawai: return ["nip", "nama", "kode_unit", "jenis_jabatan", "jenjang", "status"]
        case .pendidikan: return ["nip", "tingkat", "tanggal_lulus", "nama_sekolah", "jurusan"]
        case .diklat:
            return [
                "nip", "jenis", "tingkat", "nama", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jp",
                "nomor_sertifikat", "sesuai_jabatan",
            ]
        case .skp: return ["nip", "tahun", "predikat", "nilai"]
        case .disiplin: return ["nip", "tingkat", "tmt", "jenis"]
        }
    }

    /// The columns a file must have; the others may be left out (read as empty).
    public var requiredColumns: [String] {
        switch self {
        case .units: return ["kode", "nama"]
        case .pegawai: return ["nip", "nama", "kode_unit", "jenis_jabatan"]
        case .pendidikan: return ["nip", "tingkat"]
        case .diklat: return ["nip", "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "jp"]
        case .skp: return ["nip", "tahun"]
        case .disiplin: return ["nip", "tingkat", "tmt"]
        }
    }
}

/// A problem with the file as a whole: nothing was imported.
public enum ImportFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file has no header line.
    case empty(path: String)
    /// Required columns are missing from the header.
    case missingColumns(kind: ImportKind, missing: [String], expected: [String])

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .empty(let path):
            return language == .id ? "Berkas \(path) kosong (tidak ada baris judul)." : "File \(path) is empty (no header line)."
        case .missingColumns(let kind, let missing, let expected):
            return language == .id
                ? "Kolom wajib tidak ada: \(missing.joined(separator: ", ")). Kolom untuk \(kind.rawValue): \(expected.joined(separator: ", "))."
                : "Missing required column(s): \(missing.joined(separator: ", ")). Columns for \(kind.rawValue): \(expected.joined(separator: ", "))."
        }
    }
}
