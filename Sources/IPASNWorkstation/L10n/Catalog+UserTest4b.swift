/// Messages of the fixes after the fourth user test (round 4b).
extension L {
    /// A key typed after a refused Tab in a picker whose text fits several choices, that would
    /// make it fit none: the key is not taken (the admin typing by touch has moved on in their
    /// head, but the cursor is still in the picker).
    static func pickerKeyRefused(_ field: String, _ typed: String, _ names: [String]) -> Txt {
        let shown = firstChoices(names)
        return Txt(
            "\(field) belum dipilih; \"\(typed)\" tidak diketik. Pilih dulu: \(shown) (↑↓ lalu Tab).",
            "\(field) is not chosen yet; \"\(typed)\" was not typed. Choose first: \(shown) (↑↓ then Tab).")
    }
}
