import IPASNCore
import IPASNTestSupport

/// Small builders so every test states only what matters to it.
enum F {
    static let nip = "198609262015051001"

    static func date(_ iso: String) -> LocalDate { TestClock.date(iso) }

    static func pegawai(_ jabatan: JenisJabatan, jenjang: String = "", nip: String = F.nip, unit: String = "U1")
        -> Pegawai
    {
        Pegawai(nip: nip, nama: "Siti Aminah", kodeUnit: unit, jenisJabatan: jabatan, jenjang: jenjang)
    }

    static func edu(_ level: EducationLevel, _ lulus: String? = "2010-08-01") -> Pendidikan {
        Pendidikan(nip: nip, tingkat: level, tanggalLulus: lulus.map(date))
    }

    static func diklat(
        _ jenisID: Int, end: String, jp: Int = 10, start: String? = nil, tingkat: LeadershipLevel? = nil,
        sesuai: Bool = true, nama: String = "Pelatihan"
    ) -> Diklat {
        Diklat(
            nip: nip, jenis: JenisDiklat.withID(jenisID)!, tingkat: tingkat, nama: nama,
            tanggalMulai: date(start ?? end), tanggalSelesai: date(end), jp: jp, sesuaiJabatan: sesuai)
    }

    static func skp(_ year: Int, _ predikat: Predikat? = nil, nilai: Double? = nil) -> SKP {
        SKP(nip: nip, tahun: year, predikat: predikat, nilai: nilai)
    }

    static func hukuman(_ tingkat: TingkatHukuman, _ tmt: String) -> HukumanDisiplin {
        HukumanDisiplin(nip: nip, tingkat: tingkat, tmt: date(tmt), jenis: "teguran")
    }

    static func records(
        _ jabatan: JenisJabatan, jenjang: String = "", edu: [Pendidikan] = [], diklat: [Diklat] = [],
        skp: [SKP] = [], hukuman: [HukumanDisiplin] = []
    ) -> EmployeeRecords {
        EmployeeRecords(
            pegawai: pegawai(jabatan, jenjang: jenjang), pendidikan: edu, diklat: diklat, skp: skp,
            disiplin: hukuman)
    }

    static let engine = ScoringEngine(ruleset: .bkn2019)

    static func score(_ records: EmployeeRecords, year: Int = 2024) -> EmployeeScore {
        engine.score(records, year: year)
    }
}
