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
