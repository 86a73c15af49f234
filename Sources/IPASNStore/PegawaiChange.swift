import IPASNCore

/// An existing employee that an import of pegawai changes: the values before and after, and
/// which fields differ (column names of the pegawai file: `nama`, `kode_unit`, ...).
public struct PegawaiChange: Hashable, Sendable {
    /// The file line of the changing row.
    public var line: Int
    public var old: Pegawai
    public var new: Pegawai

    public init(line: Int, old: Pegawai, new: Pegawai) {
        self.line = line
        self.old = old
        self.new = new
    }

    /// The fields that differ, in file column order, each with its old and new text.
    public var fields: [(field: String, old: String, new: String)] {
        var result: [(String, String, String)] = []
        if old.nama != new.nama { result.append(("nama", old.nama, new.nama)) }
        if old.kodeUnit != new.kodeUnit { result.append(("kode_unit", old.kodeUnit, new.kodeUnit)) }
        if old.jenisJabatan != new.jenisJabatan {
            result.append(("jenis_jabatan", old.jenisJabatan.rawValue, new.jenisJabatan.rawValue))
        }
        if old.jenjang != new.jenjang { result.append(("jenjang", old.jenjang, new.jenjang)) }
        if old.status != new.status { result.append(("status", old.status.rawValue, new.status.rawValue)) }
        if old.aktif != new.aktif || old.keluar != new.keluar {
            result.append(("status_aktif", Self.statusText(old), Self.statusText(new)))
        }
        if old.tmtUnit != new.tmtUnit {
            result.append(("tmt_unit", old.tmtUnit?.dayFirst ?? "-", new.tmtUnit?.dayFirst ?? "-"))
        }
        return result
    }

    /// `aktif`, `nonaktif`, or the reason and date (`pensiun 05-01-2025`), as the file's
    /// `status_aktif` and `tanggal_keluar` columns write them.
    static func statusText(_ p: Pegawai) -> String {
        if p.aktif { return "aktif" }
        guard let keluar = p.keluar else { return "nonaktif" }
        return "\(keluar.alasan.rawValue) \(keluar.tanggal.dayFirst)"
    }

    /// One line: `NIP: nama "Old" -> "New"; kode_unit A -> B` (the same in both languages:
    /// field names are the file's column names).
    public var summary: String {
        let parts = fields.map { f -> String in
            f.field == "nama" || f.field == "jenjang"
                ? "\(f.field) \"\(f.old)\" -> \"\(f.new)\"" : "\(f.field) \(f.old) -> \(f.new)"
        }
        return "\(new.nip): " + parts.joined(separator: "; ")
    }
}
