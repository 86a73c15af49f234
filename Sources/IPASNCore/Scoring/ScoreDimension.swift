/// The four dimensions of IP ASN (named `ScoreDimension` so it never clashes with Foundation's `Dimension`).
public enum ScoreDimension: String, CaseIterable, Sendable, Codable {
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
        case (.kualifikasi, _): return "Kualifikasi"
        case (.kompetensi, .id): return "Kompetensi"
        case (.kompetensi, .en): return "Competence"
        case (.kinerja, .id): return "Kinerja"
        case (.kinerja, .en): return "Performance"
        case (.disiplin, .id): return "Disiplin"
        case (.disiplin, .en): return "Discipline"
        }
    }
}
