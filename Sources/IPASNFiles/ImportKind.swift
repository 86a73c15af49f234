import IPASNCore
import IPASNStore

/// The columns of each kind of import file (the kinds themselves are the store's).
extension ImportKind {
    /// Every column the kind reads, in the documented order.
    public var columns: [String] {
        switch self {
        case .units: return ["kode", "nama", "induk"]
        case .pegawai: return ["nip", "nama", "kode_unit", "jenis_jabatan", "jenjang", "status", "status_aktif", "tanggal_keluar"]
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
    /// Headers that name no known column, each with the nearest known one; `missing` are the
    /// required columns the file lacks (perhaps under those headers).
    case unknownColumns(kind: ImportKind, unknown: [UnknownHeader], missing: [String])
    /// Two headers name the same column (`NIP` and `NIP Baru`).
    case duplicateColumn(kind: ImportKind, column: String, headers: [String])

    public var description: String { message(.en) }

    private func id(_ language: Language) -> Bool { language == .id }

    public func message(_ language: Language) -> String {
        switch self {
        case .empty(let path):
            return language == .id ? "Berkas \(path) kosong (tidak ada baris judul)." : "File \(path) is empty (no header line)."
        case .missingColumns(let kind, let missing, let expected):
            return language == .id
                ? "Kolom wajib tidak ada: \(missing.joined(separator: ", ")). Kolom untuk \(kind.rawValue): \(expected.joined(separator: ", "))."
                : "Missing required column(s): \(missing.joined(separator: ", ")). Columns for \(kind.rawValue): \(expected.joined(separator: ", "))."
        case .unknownColumns(let kind, let unknown, let missing):
            let id = language == .id
            let list = unknown.map { item -> String in
                let hint = item.suggestion.map { id ? " (maksudnya \($0)?)" : " (did you mean \($0)?)" } ?? ""
                return "\"\(item.header)\" \(id ? "di kolom" : "in column") \(item.column)\(hint)"
            }.joined(separator: ", ")
            var text = id ? "Judul kolom tidak dikenal: \(list)." : "Unknown column header(s): \(list)."
            if !missing.isEmpty {
                text += id
                    ? " Kolom wajib tidak ada: \(missing.joined(separator: ", "))."
                    : " Missing required column(s): \(missing.joined(separator: ", "))."
            }
            text += id
                ? " Ganti judulnya; kolom untuk \(kind.rawValue): \(kind.columns.joined(separator: ", "))."
                : " Rename the header; columns for \(kind.rawValue): \(kind.columns.joined(separator: ", "))."
            return text
        case .duplicateColumn(let kind, let column, let headers):
            let names = headers.map { "\"\($0)\"" }.joined(separator: id(language) ? " dan " : " and ")
            return language == .id
                ? "Judul \(names) sama-sama berarti kolom \(column) (\(kind.rawValue)); hapus atau ganti salah satunya."
                : "Headers \(names) both mean column \(column) (\(kind.rawValue)); remove or rename one of them."
        }
    }
}
