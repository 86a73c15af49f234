import IPASNTerminal

/// A form of plain fields, some of them pickers (the "tambah unit dan pegawai" and "ubah unit"
/// forms): how a picker's choice is taken when the cursor leaves it, and how pasted text fills
/// the fields. One implementation, so both forms refuse to guess in the same way.
protocol PickerForm: View {
    var fields: [FormField] { get set }
    var focus: Int { get set }
    var formMessage: (text: String, style: Style)? { get set }
    /// Keys of picker fields whose text is none of their choices (marked until chosen).
    var unchosen: Set<String> { get set }
}

extension PickerForm {
    /// Takes the focused picker's choice; false (with a message) when the text fits several
    /// choices or none, so the cursor stays until the admin chooses.
    func takeChoice(app: App) -> Bool {
        let text = fields[focus].text
        switch fields[focus].choose() {
        case .empty, .chosen:
            unchosen.remove(fields[focus].key)
            return true
        case .ambiguous:
            formMessage = (app.t(L.pickerAmbiguousNamed(text, fields[focus].suggestions.map(\.label))), .error)
        case .noMatch:
            formMessage = (app.t(L.pickerNoMatch(text)), .error)
        }
        unchosen.insert(fields[focus].key)
        return false
    }

    /// Pasted text goes into the fields; a tab or line break moves to the next one.
    func pasteIntoFields(_ text: String, app: App) {
        for (index, piece) in PastedText.pieces(text).enumerated() {
            if index > 0 {
                let before = focus
                _ = handle(.nextField, app: app)
                if focus == before { break }
            }
            fields[focus].paste(piece)
        }
    }
}
