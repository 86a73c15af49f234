import Foundation

/// The kind of post an employee holds; it decides which kompetensi indicators apply.
public enum JenisJabatan: String, CaseIterable, Sendable, Codable {
    case struktural
    case fungsional
    case pelaksana
}

/// The level of a struktural (leadership) post, lowest to highest.
public enum JenjangStruktural: String, CaseIterable, Sendable, Codable {
    case pengawas
    case administrator
    case jptPratama = "jpt_pratama"
    case jptMadya = "jpt_madya"
    case jptUtama = "jpt_utama"

    /// The readable name, e.g. "JPT Pratama".
    public var displayName: String {
        switch self {
        case .pengawas: return "Pengawas"
        case .administrator: return "Administrator"
        case .jptPratama: return "JPT Pratama"
        case .jptMadya: return "JPT Madya"
        case .jptUtama: return "JPT Utama"
        }
    }
}

/// PNS (civil servant) or PPPK (government employee on contract).
public enum StatusPegawai: String, CaseIterable, Sendable, Codable {
    case pns
    case pppk
}

/// An employee (pegawai ASN).
public struct Pegawai: Hashable, Sendable, Codable {
    /// The 18-digit NIP, digits only (no spaces).
    public var nip: String
    public var nama: String
    /// The code of the employee's unit kerja.
    public var kodeUnit: String
    public var jenisJabatan: JenisJabatan
    /// For struktural the level's raw value (`jpt_pratama`, ...); otherwise free text
    /// such as "Analis Kepegawaian Ahli Muda".
    public var jenjang: String
    public var status: StatusPegawai
    /// Inactive employees (retired, moved) are kept but left out of unit figures.
    public var aktif: Bool
    /// Why and since when an inactive employee stopped serving; nil for an active one (and for
    /// one set inactive before reasons were kept, who is left out of every year's figures).
    public var keluar: PegawaiKeluar?
    /// Since when the employee is in their current unit (the date of the last mutasi), when known.
    public var tmtUnit: LocalDate?

    public init(
        nip: String, nama: String, kodeUnit: String, jenisJabatan: JenisJabatan,
        jenjang: String = "", status: StatusPegawai = .pns, aktif: Bool = true, keluar: PegawaiKeluar? = nil,
        tmtUnit: LocalDate? = nil
    ) {
        self.nip = nip
        self.nama = nama
        self.kodeUnit = kodeUnit
        self.jenisJabatan = jenisJabatan
        self.jenjang = jenjang
        self.status = status
        self.aktif = aktif
        self.keluar = keluar
        self.tmtUnit = tmtUnit
    }

    /// Whether the employee counts in the unit figures of `year`: an active one always, an
    /// inactive one only for the years that ended before they left (still serving on 31
    /// December of the year). One set inactive without a date counts in no year.
    public func counts(inYear year: Int) -> Bool {
        if aktif { return true }
        guard let keluar else { return false }
        return keluar.tanggal > LocalDate.endOfYear(year)
    }

    /// The struktural level, when the post is struktural and the jenjang names one.
    public var jenjangStruktural: JenjangStruktural? {
        guard jenisJabatan == .struktural else { return nil }
        return JenjangStruktural(rawValue: jenjang.lowercased().replacingOccurrences(of: " ", with: "_"))
    }
}
