/// Messages of the polish round (an ambiguous choice names what it could be).
extension L {
    /// A predikat cell of the SKP grid whose text fits several predikat: nothing is taken.
    static func gridAmbiguousPredikat(_ text: String, _ names: [String]) -> Txt {
        Txt(
            "\"\(text)\" cocok dengan \(names.count) predikat: \(names.joined(separator: ", ")). Ketik lebih lanjut; tidak ada yang dipilih.",
            "\"\(text)\" fits \(names.count) predikat: \(names.joined(separator: ", ")). Type more; nothing was chosen.")
    }

    /// A form's picker whose text fits several choices: names the first few (the message
    /// row is one line: the names come before the keys).
    static func pickerAmbiguousNamed(_ text: String, _ names: [String]) -> Txt {
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
        return Txt(
            "\"\(text)\" cocok dengan \(names.count) pilihan: \(shown) (↑↓ lalu Tab).",
            "\"\(text)\" fits \(names.count) choices: \(shown) (↑↓ then Tab).")
    }

    /// An empty value in a confirmation's "old -> new" (an employee's first transfer date).
    static let valueNotSet = Txt("(belum diisi)", "(not set)")
}
