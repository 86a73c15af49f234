/// The four dimensions of IP ASN.
public enum Dimension: String, CaseIterable, Sendable, Codable {
    case kualifikasi
    case kompetensi
    case kinerja
    case disiplin

    /// The maximum points of this dimension under a ruleset.
    public func max(in ruleset: Ruleset) -> Double {
        switch self {
        case .kualifikasi: return ruleset.kualifikasi.max
        case .kompetensi: return ruleset.kompetensi.max
        case .kinerja: return ruleset.kinerja.max
        case .disiplin: return ruleset.disiplin.max
        }
    }

    /// The readable name in a language.
    public func displayName(_ language: Language) -> String {
        switch (self, language) {
        case (.kualifikasi, .id): return "Kualifikasi"
        case (.kualifikasi, .en): return "Qualification"
        case (.kompetensi, .id): return "Kompetensi"
        case (.kompetensi, .en): return "Competence"
        case (.kinerja, .id): return "Kinerja"
        case (.kinerja, .en): return "Performance"
        case (.disiplin, .id): return "Disiplin"
        case (.disiplin, .en): return "Discipline"
        }
    }
}

/// The language of user-facing text: Bahasa Indonesia by default, English as an option.
public enum Language: String, CaseIterable, Sendable, Codable {
    case id
    case en
}

/// Data whose absence makes a pegawai *incomplete* (counted with the points it has).
public enum MissingData: String, CaseIterable, Sendable, Codable {
    /// No education on record (by the end of the measurement year).
    case pendidikan
    /// No SKP for the measurement year.
    case skp

    public func displayName(_ language: Language) -> String {
        switch (self, language) {
        case (.pendidikan, .id): return "pendidikan belum ada"
        case (.pendidikan, .en): return "no education on record"
        case (.skp, .id): return "SKP tahun ini belum ada"
        case (.skp, .en): return "no SKP for the year"
        }
    }
}
