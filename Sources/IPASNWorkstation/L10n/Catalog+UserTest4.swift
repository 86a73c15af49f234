/// Messages of the fourth user test's fixes.
extension L {
    /// A score typed in the bulk SKP grid's predikat cell, moved to the row's nilai cell.
    static func gridScoreMovedToNilai(_ text: String) -> Txt {
        Txt(
            "\"\(text)\" adalah nilai angka: dipindah ke kolom Nilai.",
            "\"\(text)\" is a score: moved to the Nilai column.")
    }
}
