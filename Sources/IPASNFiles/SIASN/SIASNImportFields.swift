import IPASNCore
import IPASNStore

/// Reading SIASN's shapes (and its "Export Data ASN" employee file) with `ipasn import KIND`:
/// the SIASN fields that have no ipasn column of their own, and how their codes become ipasn's
/// values before a row is checked (``ImportRowBuilder`` calls ``normalize(_:kind:today:)``).
///
/// The fields keep SIASN's names (`latihanStrukturalId`, `kuadranKinerjaNilai` ...), so a
/// message about one names the column as the file does.
public enum SIASNImportFields {
    /// The SIASN-only fields of each kind, with the other spellings of their headers (the
    /// "Export Data ASN" file writes `JENIS_JABATAN_ID`, the web services `jenisJabatanId`;
    /// headers compare without case and punctuation).
    public static func aliases(_ kind: ImportKind) -> [(column: String, aliases: [String])] {
        switch kind {
        case .units: return []
        case .pegawai:
            return [
                ("jenisJabatanId", ["jenis_jabatan_id"]),
                ("jabatanNama", ["jabatan_nama", "Nama Jabatan"]),
                ("eselonId", ["eselon_id", "eselonNama", "eselon_nama"]),
                ("jenisPegawaiNama", ["jenis_pegawai_nama", "jenisPegawai", "jenis_pegawai_id", "jenisPegawaiId"]),
                ("tingkatPendidikanId", ["tingkat_pendidikan_id"]),
                ("tahunLulus", ["tahun_lulus"]),
                ("pendidikanNama", ["pendidikan_nama"]),
            ]
        case .pendidikan:
            return [("tahunLulus", ["tahun_lulus"])]
        case .diklat:
            return [("latihanStrukturalId", ["latihan_struktural_id"]), ("tahun", ["tahunKursus", "tahun_kursus"])]
        case .skp:
            return [
                ("hasilKinerjaNilai", ["hasil_kinerja_nilai"]), ("perilakuKerjaNilai", ["perilaku_kerja_nilai"]),
                ("kuadranKinerjaNilai", ["kuadran_kinerja_nilai", "kuadranKinerja"]),
            ]
        case .disiplin:
            return [
                ("jenisHukumanId", ["jenis_hukuman_id"]), ("jenisTingkatHukumanId", ["jenis_tingkat_hukuman_id"]),
                ("masaTahun", ["masa_tahun"]), ("masaBulan", ["masa_bulan"]),
                ("akhirHukumTanggal", ["akhirHukumanTanggal", "akhir_hukuman_tanggal"]),
                ("skNomor", ["sk_nomor", "Nomor SK"]), ("skTanggal", ["sk_tanggal", "Tanggal SK"]),
            ]
        }
    }

    /// The required ipasn columns a SIASN field stands in for: a file with
    /// `latihanStrukturalId` needs no `jenis` nor `nama` column (a leadership diklat, named
    /// after its level when the file has no name; a message about the code replaces the
    /// parser's about the level), one with `jenisHukumanId` or
    /// `jenisTingkatHukumanId` no `tingkat`, one with `jenisJabatanId` no `jenis_jabatan`.
    public static func standsFor(_ column: String, kind: ImportKind) -> [String] {
        switch (kind, column) {
        case (.diklat, "latihanStrukturalId"): return ["jenis", "nama", "tingkat"]
        case (.disiplin, "jenisHukumanId"), (.disiplin, "jenisTingkatHukumanId"): return ["tingkat"]
        case (.pegawai, "jenisJabatanId"): return ["jenis_jabatan"]
        default: return []
        }
    }

    /// Turns the SIASN fields of one row into ipasn's values, in place. An ipasn column the
    /// file fills itself wins, except for codes SIASN writes where the ipasn column's alias
    /// holds a name (`jenisJabatanId` beside `JENIS_JABATAN_NAMA`). Returns an issue for each
    /// code SIASN does not have.
    public static func normalize(_ fields: inout RecordFields, kind: ImportKind, today: LocalDate) -> [ValidationIssue] {
        // Without a SIASN field, a course, education or SKP row has nothing to turn (every
        // row of an ordinary file: its fields are not looked up by name at all).
        if !fields.hasOtherFields, kind == .diklat || kind == .pendidikan || kind == .skp { return [] }
        var issues: [ValidationIssue] = []
        func text(_ name: String) -> String { FastText.trimmedWhitespace(fields[name] ?? "") }
        func number(_ name: String, _ valid: ClosedRange<Int>) -> Int? {
            let value = text(name)
            guard !value.isEmpty else { return nil }
            if let n = Int(value), valid.contains(n) { return n }
            issues.append(unknownCode(name, value, valid))
            return nil
        }
        func isEmpty(_ name: String) -> Bool { text(name).isEmpty }
        switch kind {
        case .units:
            break
        case .diklat:
            let given = text("latihanStrukturalId")
            if Int(given) == nil, !given.isEmpty, LeadershipLevel.parse(given) != nil {
                // A level written as a name (`PIM IV`) under SIASN's header.
                if isEmpty("tingkat") { fields["tingkat"] = given }
                if isEmpty("jenis") { fields["jenis"] = String(JenisDiklat.struktural.id) }
                break
            }
            // An empty id leaves the row a course; an unknown one is reported.
            guard let id = number("latihanStrukturalId", 1...8) else { break }
            if [6, 7, 8].contains(id), isEmpty("tingkat") {
                let name = SIASNCodes.latihanStrukturalNames[id]!
                issues.append(
                    ValidationIssue(
                        field: "latihanStrukturalId",
                        code: .custom(
                            id: "latihanStrukturalId \(id) (\(name)) tidak punya tingkat di ipasn; isi kolom tingkat dengan tingkat yang setara (PIM_IV ... PKN_I).",
                            en: "latihanStrukturalId \(id) (\(name)) has no level in ipasn; fill in a tingkat column with its equal (PIM_IV ... PKN_I).")))
            }
            if isEmpty("jenis") { fields["jenis"] = String(JenisDiklat.struktural.id) }
            if isEmpty("nama") { fields["nama"] = SIASNCodes.latihanStrukturalNames[id] }
            if isEmpty("tingkat") {
                fields["tingkat"] = SIASNCodes.leadershipLevel(latihanStrukturalId: id, courseName: text("nama"))?.rawValue ?? ""
            }
        case .pendidikan:
            if isEmpty("tanggal_lulus"), let year = number("tahunLulus", 1900...9999) {
                // SIASN's year of graduation alone: the year's last day (today at the latest).
                fields["tanggal_lulus"] = min(LocalDate.endOfYear(year), today).iso
            }
        case .skp:
            guard isEmpty("predikat") else { break }
            if let kuadran = number("kuadranKinerjaNilai", 1...5) {
                fields["predikat"] = SIASNCodes.predikat(kuadranId: kuadran)!.rawValue
            } else if let hasil = number("hasilKinerjaNilai", 1...3), let perilaku = number("perilakuKerjaNilai", 1...3) {
                fields["predikat"] = SIASNCodes.predikat(hasil: hasil, perilaku: perilaku)!.rawValue
            }
        case .disiplin:
            let jenis = number("jenisHukumanId", 1...SIASNCodes.jenisHukuman.count).flatMap(SIASNCodes.jenisHukuman(id:))
            if isEmpty("tingkat") {
                switch text("jenisTingkatHukumanId").uppercased() {
                case "R": fields["tingkat"] = TingkatHukuman.ringan.rawValue
                case "S": fields["tingkat"] = TingkatHukuman.sedang.rawValue
                case "B": fields["tingkat"] = TingkatHukuman.berat.rawValue
                case "": fields["tingkat"] = jenis?.tingkat.rawValue ?? ""
                case let other:
                    issues.append(
                        ValidationIssue(
                            field: "jenisTingkatHukumanId",
                            code: .custom(
                                id: "Kode tingkat hukuman \"\(other)\" tidak dikenal; SIASN memakai R (ringan), S (sedang), B (berat).",
                                en: "Punishment level code \"\(other)\" is unknown; SIASN uses R (ringan), S (sedang), B (berat).")))
                }
            }
            if isEmpty("jenis"), let jenis { fields["jenis"] = jenis.nama }
        case .pegawai:
            if let id = number("jenisJabatanId", 1...4) {
                if let jabatan = SIASNCodes.jenisJabatan(id: id) {
                    fields["jenis_jabatan"] = jabatan.rawValue
                } else {
                    issues.append(unknownCode("jenisJabatanId", String(id), 1...4, valid: "1, 2, 4"))
                }
            }
            let jabatan = JenisJabatan(rawValue: text("jenis_jabatan").lowercased())
            if jabatan == .struktural {
                let given = text("jenjang")
                let key = given.lowercased().replacingOccurrences(of: " ", with: "_")
                if JenjangStruktural(rawValue: key) == nil,
                    let level = SIASNCodes.jenjang(eselon: given.isEmpty ? text("eselonId") : given)
                {
                    fields["jenjang"] = level.rawValue
                }
            } else if jabatan != nil, isEmpty("jenjang") {
                fields["jenjang"] = text("jabatanNama")
            }
            if isEmpty("status"), !isEmpty("jenisPegawaiNama") {
                fields["status"] = text("jenisPegawaiNama").uppercased().contains("PPPK") ? "pppk" : "pns"
            }
        }
        return issues
    }

    /// Whether a header row is one of SIASN's shapes (or its employee file): it names a field
    /// only SIASN writes (`namaKursus`, `tkPendidikanId`, `nip_baru`, `latihanStrukturalId` ...).
    public static func isSIASNHeader(_ header: [String]) -> Bool {
        header.contains { siasnKeys.contains(HeaderAliases.key($0)) }
    }

    private static let siasnKeys: Set<String> = {
        var keys: Set<String> = [
            "namakursus", "tanggalkursus", "tanggalselesaikursus", "nomorsertipikat", "tahunkursus", "jenisdiklatid",
            "tkpendidikanid", "tgllulus", "hukumantanggal", "kuadrankinerjanilai",
        ]
        for kind in ImportKind.allCases {
            for (column, aliases) in aliases(kind) where column != "tahun" {
                keys.formUnion(([column] + aliases).map(HeaderAliases.key))
            }
        }
        return keys
    }()

    private static func unknownCode(_ field: String, _ value: String, _ range: ClosedRange<Int>, valid: String? = nil)
        -> ValidationIssue
    {
        let list = valid ?? "\(range.lowerBound)-\(range.upperBound)"
        return ValidationIssue(
            field: field,
            code: .custom(
                id: "Kode \(field) \"\(value)\" tidak dikenal; SIASN memakai \(list).",
                en: "Code \(field) \"\(value)\" is unknown; SIASN uses \(list)."))
    }
}
