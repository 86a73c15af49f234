/// Why an employee stopped serving in the instansi (the reason of an inactivation).
public enum AlasanKeluar: String, CaseIterable, Sendable, Codable {
    case pensiun
    case pindahKeluar = "pindah_keluar"
    case meninggal
    case diberhentikan

    /// The reason as an admin reads it.
    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.pensiun, .id): return "Pensiun"
        case (.pensiun, .en): return "Retired"
        case (.pindahKeluar, .id): return "Pindah keluar"
        case (.pindahKeluar, .en): return "Moved out"
        case (.meninggal, .id): return "Meninggal"
        case (.meninggal, .en): return "Deceased"
        case (.diberhentikan, .id): return "Diberhentikan"
        case (.diberhentikan, .en): return "Dismissed"
        }
    }

    /// Reads the reason as files and admins write it: `pensiun`, `Pindah Keluar`,
    /// `pindah_keluar`, `mutasi keluar`, `wafat`, `meninggal dunia`, `diberhentikan`,
    /// `berhenti`, `PTDH` (case and spacing ignored); nil for anything else.
    public static func parse(_ text: String) -> AlasanKeluar? {
        let key = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        switch key {
        case "pensiun", "purna tugas", "bup", "pensiun bup", "pensiun dini": return .pensiun
        case "pindah keluar", "pindah", "mutasi keluar", "pindah instansi", "moved out": return .pindahKeluar
        case "meninggal", "meninggal dunia", "wafat", "deceased": return .meninggal
        case "diberhentikan", "berhenti", "ptdh", "pdh", "dismissed", "diberhentikan tidak dengan hormat":
            return .diberhentikan
        default: return nil
        }
    }
}

/// When and why an employee left: from this date the employee leaves the unit figures
/// (see ``Pegawai/counts(inYear:)``) but keeps their records, scores and audit history.
public struct PegawaiKeluar: Hashable, Sendable, Codable {
    public var alasan: AlasanKeluar
    /// The day the employee stopped serving (TMT pensiun, date of the move or of death).
    public var tanggal: LocalDate

    public init(alasan: AlasanKeluar, tanggal: LocalDate) {
        self.alasan = alasan
        self.tanggal = tanggal
    }
}
