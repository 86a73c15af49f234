/// Messages of the third user test's fixes.
extension L {
    /// A unit admin pressed a data key on another unit's screen (`rule` is the store's
    /// "Unit X bukan unit Anda").
    static func notYourUnitAtOnce(_ rule: String) -> Txt {
        Txt("\(rule): data unit ini hanya dapat dibaca.", "\(rule): this unit's data is read only here.")
    }

    /// A number typed into an SKP's predikat picker.
    static func scoreInPredikat(_ text: String) -> Txt {
        Txt(
            "\"\(text)\" adalah nilai angka: isikan di kolom Nilai (0-100) di bawahnya. Esc mengosongkan Predikat.",
            "\"\(text)\" is a score: type it in the Score (0-100) field below. Esc clears the rating.")
    }

    /// The progress dialog's key bar.
    static let progressToggleMark = Txt("Ubah tanda", "Toggle mark")
    static let progressKeepReason = Txt("Simpan alasan", "Keep the reason")
    static let progressClose = Txt("Tutup", "Close")
}
