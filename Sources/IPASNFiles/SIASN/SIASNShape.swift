import IPASNCore

/// SIASN's shapes of the four record kinds, for `ipasn export siasn-KIND`: SIASN's field
/// names, its codes and day-first dates (`d-m-Y`). Each shape imports back with
/// `ipasn import KIND` (``SIASNImportFields`` maps the codes back); docs/data-formats.md says
/// what each carries and what SIASN has no field for.
public enum SIASNShape: String, CaseIterable, Sendable {
    /// riwayat kursus: every diklat that is not a leadership diklat (``SIASNKursus``).
    case kursus
    /// riwayat diklat struktural: the leadership diklat.
    case diklatStruktural = "diklat-struktural"
    /// riwayat pendidikan.
    case pendidikan
    /// SKP from 2022 on (PermenPANRB 6/2022's predikat).
    case skp
    /// riwayat hukuman disiplin.
    case disiplin

    /// The record kind the shape carries.
    public var recordKind: RecordKind {
        switch self {
        case .kursus, .diklatStruktural: return .diklat
        case .pendidikan: return .pendidikan
        case .skp: return .skp
        case .disiplin: return .disiplin
        }
    }

    public var columns: [String] {
        switch self {
        case .kursus: return SIASNKursus.columns
        case .diklatStruktural:
            return [
                "nip", "latihanStrukturalId", "nomor", "tanggal", "tanggalSelesai", "tahun", "jumlahJam",
                "institusiPenyelenggara", "namaDiklat",
            ]
        case .pendidikan: return ["nip", "tkPendidikanId", "tglLulus", "tahunLulus", "namaSekolah"]
        case .skp: return ["nip", "tahun", "hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai"]
        case .disiplin:
            return [
                "nip", "jenisHukumanId", "jenisTingkatHukumanId", "hukumanTanggal", "masaTahun", "masaBulan",
                "akhirHukumTanggal", "skNomor", "skTanggal", "keterangan",
            ]
        }
    }

    /// Positions of the columns that are numbers (JSON writes them as numbers). SIASN's
    /// tkPendidikanId keeps its leading zero (`05`), so it is text.
    public var numericColumns: Set<Int> {
        switch self {
        case .kursus: return SIASNKursus.numericColumns
        case .diklatStruktural: return [1, 5, 6]
        case .pendidikan: return [3]
        case .skp: return [1, 2, 3, 4]
        case .disiplin: return [1, 4, 5]
        }
    }

    /// The rows one employee's records give, in the order the records are stored.
    public func rows(_ records: EmployeeRecords) -> [[String]] {
        let all: [Record] =
            records.pendidikan.map(Record.pendidikan) + records.diklat.map(Record.diklat) + records.skp.map(Record.skp)
            + records.disiplin.map(Record.disiplin)
        return all.compactMap(fields)
    }

    /// One record's row, or nil when the shape does not carry it (another kind, a leadership
    /// diklat for kursus, a course for diklat struktural, an SKP SIASN's 2022 shape cannot hold).
    public func fields(_ record: Record) -> [String]? {
        switch (self, record) {
        case (.kursus, .diklat(let d)): return SIASNKursus.includes(d) ? SIASNKursus.fields(d) : nil
        case (.diklatStruktural, .diklat(let d)): return Self.struktural(d)
        case (.pendidikan, .pendidikan(let p)): return Self.pendidikan(p)
        case (.skp, .skp(let s)): return Self.skp(s)
        case (.disiplin, .disiplin(let h)): return Self.disiplin(h)
        default: return nil
        }
    }

    /// How many of the employee's records of the shape's kind SIASN's shape cannot carry (an
    /// SKP before 2022 or without a PermenPANRB 6/2022 predikat). Leadership diklat are not
    /// counted for kursus nor courses for diklat struktural: each has its own shape.
    public func left(_ records: EmployeeRecords) -> Int {
        switch self {
        case .skp: return records.skp.count - records.skp.compactMap(Self.skp).count
        case .kursus, .diklatStruktural, .pendidikan, .disiplin: return 0
        }
    }

    // MARK: One record

    static func struktural(_ d: Diklat) -> [String]? {
        guard d.jenis == .struktural else { return nil }
        return [
            d.nip, String(SIASNCodes.latihanStrukturalId(d.tingkat, courseName: d.nama)), d.nomorSertifikat, d.tanggalMulai.dayFirst,
            d.tanggalSelesai.dayFirst, String(d.tanggalSelesai.year), String(d.jp), d.penyelenggara, d.nama,
        ]
    }

    static func pendidikan(_ p: Pendidikan) -> [String] {
        [p.nip, p.tingkat.siasnCode, p.tanggalLulus?.dayFirst ?? "", p.tanggalLulus.map { String($0.year) } ?? "", p.namaSekolah]
    }

    /// From 2022 on, with a predikat of PermenPANRB 6/2022.
    static func skp(_ s: SKP) -> [String]? {
        guard s.tahun >= 2022, let predikat = s.predikat, let kuadran = SIASNCodes.kuadranId(predikat),
            let pair = SIASNCodes.hasilPerilaku(predikat)
        else { return nil }
        return [s.nip, String(s.tahun), String(pair.hasil), String(pair.perilaku), String(kuadran)]
    }

    static func disiplin(_ h: HukumanDisiplin) -> [String] {
        let jenis = SIASNCodes.jenisHukuman(text: h.jenis, tingkat: h.tingkat)
        let months = jenis?.months ?? 0
        let end = SIASNCodes.end(of: h.tmt, months: months)
        return [
            h.nip, jenis.map { String($0.id) } ?? "", tingkatId(h.tingkat), h.tmt.dayFirst,
            jenis == nil ? "" : String(months / 12), jenis == nil ? "" : String(months % 12), end?.dayFirst ?? "",
            "", "", h.jenis,
        ]
    }

    /// SIASN's jenisTingkatHukumanId: R ringan, S sedang, B berat.
    static func tingkatId(_ tingkat: TingkatHukuman) -> String {
        switch tingkat {
        case .ringan: return "R"
        case .sedang: return "S"
        case .berat: return "B"
        }
    }
}
