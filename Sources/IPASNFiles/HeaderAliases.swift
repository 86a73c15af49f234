import IPASNStore

/// The header names admins write for each column, per kind: `Tanggal Mulai`, `TANGGAL_MULAI`,
/// `tgl mulai`, `Jumlah JP`, `NIP Baru`, and SIASN's field names (`tanggalKursus`,
/// `jumlahJam`, `namaKursus`, `institusiPenyelenggara` ...).
///
/// Headers are compared by ``key(_:)`` (lower case, letters and digits only), so case, spaces,
/// underscores, hyphens and dots never matter; every alias with `tanggal` also matches
/// with `tgl`, and `nomor` with `no`.
public enum HeaderAliases {
    /// The column a header names for `kind`, or nil when the header is not known.
    public static func column(for header: String, kind: ImportKind) -> String? {
        table(kind)[key(header)]
    }

    /// The known column whose name or alias is nearest to `header` (edit distance over the
    /// keys), with that distance.
    public static func nearest(to header: String, kind: ImportKind) -> (column: String, distance: Int)? {
        let wanted = key(header)
        var best: (column: String, distance: Int)?
        for (alias, column) in table(kind).sorted(by: { $0.key < $1.key }) {
            let distance = EditDistance.between(wanted, alias)
            if best == nil || distance < best!.distance { best = (column, distance) }
        }
        return best
    }

    /// The column whose name or alias an unknown header contains (`Jabatan/Jenjang` holds
    /// `jenjang`), the longest such name winning; names shorter than five letters (`nip`,
    /// `jp`, `nama`) are left out, as they sit inside too many other words. Nil when none.
    public static func containedColumn(in header: String, kind: ImportKind) -> String? {
        let wanted = key(header)
        var best: (column: String, length: Int)?
        for (alias, column) in table(kind) where alias.count >= 5 && alias != wanted && wanted.contains(alias) {
            if best.map({ alias.count > $0.length || (alias.count == $0.length && column < $0.column) }) ?? true {
                best = (column, alias.count)
            }
        }
        return best?.column
    }

    /// Lower case, letters and digits only: `Tanggal_Mulai ` → `tanggalmulai`.
    public static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSetLite.isAlphanumeric($0) })
    }

    /// Every alias of each column, as written in documentation (the column's own name first).
    public static func aliases(_ kind: ImportKind) -> [(column: String, aliases: [String])] {
        let nip = ["NIP Baru", "nipBaru", "NIP Pegawai", "NIP ASN", "Nomor Induk Pegawai"]
        switch kind {
        case .units:
            return [
                ("kode", ["Kode Unit", "Kode Unor", "Kode Unit Kerja", "unorId", "ID Unor"]),
                ("nama", ["Nama Unit", "Nama Unor", "Unit Kerja", "Nama Unit Kerja", "namaUnor"]),
                ("induk", ["Kode Induk", "Induk Unit", "Unit Induk", "Kode Atasan", "diatasanId", "Unor Induk"]),
            ]
        case .pegawai:
            return [
                ("nip", nip),
                ("nama", ["Nama Pegawai", "Nama Lengkap", "Nama ASN"]),
                ("kode_unit", ["Kode Unit", "Kode Unor", "Kode Unit Kerja", "unorId", "ID Unor"]),
                ("jenis_jabatan", ["Jenis Jabatan", "jenisJabatan", "jenisJabatanNama"]),
                ("jenjang", ["Jenjang Jabatan", "Eselon", "Jenjang Struktural"]),
                ("status", ["Status Pegawai", "Status Kepegawaian", "Jenis Pegawai", "statusPegawai"]),
                ("status_aktif", ["Status Aktif", "Keterangan Aktif", "Aktif", "Status Keluar", "Alasan Keluar"]),
                ("tanggal_keluar", ["Tanggal Keluar", "Tgl Keluar", "TMT Keluar", "TMT Pensiun", "Tanggal Pensiun", "Tanggal Nonaktif"]),
            ]
        case .pendidikan:
            return [
                ("nip", nip),
                ("tingkat", ["Tingkat Pendidikan", "Jenjang Pendidikan", "Pendidikan", "tkPendidikanId", "tkPendidikan", "tingkatPendidikanId"]),
                ("tanggal_lulus", ["Tanggal Lulus", "tglLulus", "Tanggal Ijazah", "Tanggal Ijasah"]),
                ("nama_sekolah", ["Nama Sekolah", "namaSekolah", "Sekolah", "Perguruan Tinggi", "Nama Perguruan Tinggi"]),
                ("jurusan", ["Program Studi", "Prodi", "Jurusan/Prodi", "pendidikanNama"]),
            ]
        case .diklat:
            return [
                ("nip", nip),
                ("jenis", ["Jenis Diklat", "jenisDiklatId", "jenisDiklat", "Jenis Kursus", "Jenis Pelatihan", "Jenis Kegiatan"]),
                ("tingkat", ["Tingkat Diklat", "Tingkat Kepemimpinan"]),
                ("nama", ["Nama Diklat", "namaKursus", "Nama Kursus", "Nama Pelatihan", "Nama Kegiatan", "namaDiklat"]),
                ("penyelenggara", ["institusiPenyelenggara", "Instansi Penyelenggara", "Lembaga Penyelenggara"]),
                ("tanggal_mulai", ["Tanggal Mulai", "tanggalKursus", "Tanggal Kursus", "Tanggal Awal", "Mulai", "tanggal"]),
                ("tanggal_selesai", ["Tanggal Selesai", "tanggalSelesaiKursus", "tanggalSelesai", "Tanggal Akhir", "Selesai"]),
                ("jp", ["Jumlah JP", "jumlahJam", "Jumlah Jam", "Jam Pelajaran", "JPL", "Jumlah Jam Pelajaran"]),
                ("nomor_sertifikat", ["Nomor Sertifikat", "nomorSertipikat", "Nomor Sertipikat", "No Sertifikat", "nomor"]),
                ("sesuai_jabatan", ["Sesuai Jabatan", "Sesuai", "Relevan Jabatan"]),
            ]
        case .skp:
            return [
                ("nip", nip),
                ("tahun", ["Tahun SKP", "Tahun Penilaian", "Periode"]),
                ("predikat", ["Predikat Kinerja", "Predikat SKP", "Hasil Kinerja"]),
                ("nilai", ["Nilai SKP", "Nilai Akhir", "Nilai Kinerja"]),
            ]
        case .disiplin:
            return [
                ("nip", nip),
                ("tingkat", ["Tingkat Hukuman", "Tingkat Hukuman Disiplin"]),
                ("tmt", ["TMT Hukuman", "hukumanTanggal", "Tanggal Hukuman", "Tanggal Mulai Hukuman"]),
                ("jenis", ["Jenis Hukuman", "jenisHukuman", "Jenis Hukuman Disiplin", "Hukuman", "jenisHukumanNama", "keterangan"]),
            ]
        }
    }

    /// key → column, with the `tgl`/`no` short forms.
    private static func table(_ kind: ImportKind) -> [String: String] {
        switch kind {
        case .units: return tables.units
        case .pegawai: return tables.pegawai
        case .pendidikan: return tables.pendidikan
        case .diklat: return tables.diklat
        case .skp: return tables.skp
        case .disiplin: return tables.disiplin
        }
    }

    private struct Tables: Sendable {
        let units, pegawai, pendidikan, diklat, skp, disiplin: [String: String]
    }

    private static let tables = Tables(
        units: build(.units), pegawai: build(.pegawai), pendidikan: build(.pendidikan), diklat: build(.diklat),
        skp: build(.skp), disiplin: build(.disiplin))

    private static func build(_ kind: ImportKind) -> [String: String] {
        var table: [String: String] = [:]
        for (column, aliases) in aliases(kind) + SIASNImportFields.aliases(kind) {
            for alias in [column] + aliases {
                let name = key(alias)
                // SIASN's bare `nomor` is not shortened: `No` is a file's row-number column.
                for variant in [name, shortened(name, "tanggal", "tgl"), shortened(name, "nomor", "no")] where variant != "no" {
                    if table[variant] == nil { table[variant] = column }
                }
            }
        }
        return table
    }

    private static func shortened(_ key: String, _ long: String, _ short: String) -> String {
        key.hasPrefix(long) ? short + key.dropFirst(long.count) : key
    }
}

/// Letters and digits of any script (without Foundation's CharacterSet on the hot path).
enum CharacterSetLite {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// Levenshtein distance over Unicode scalars.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
