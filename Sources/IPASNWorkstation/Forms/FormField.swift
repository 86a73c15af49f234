import IPASNCore
import IPASNTerminal

/// One choice of a type-ahead picker: the text put into the field (which the record parser
/// understands) and the label shown in the list.
struct PickerOption: Hashable, Sendable {
    var value: String
    var label: String
    /// Extra words that find it (the SIASN id, the old name).
    var keywords: String = ""

    func matches(_ query: String) -> Bool {
        let q = query.lowercased().trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return true }
        let hay = (label + " " + value + " " + keywords).lowercased()
        if hay.contains(q) { return true }
        let compact = q.filter { $0.isLetter || $0.isNumber }
        return !compact.isEmpty && hay.filter { $0.isLetter || $0.isNumber || $0 == " " }
            .split(separator: " ").contains { $0.hasPrefix(compact) }
    }
}

/// What a field holds.
enum FieldKind: Hashable, Sendable {
    case text
    case date
    case number
    case picker([PickerOption])
}

/// One field of a form: its parser name (the import column), its label, its text.
struct FormField: Hashable, Sendable {
    /// The field name the ``RecordParser`` reads (`tanggal_selesai`, `jp` ...).
    var key: String
    /// The catalog key of its label (for fields that share a parser name, e.g. `tingkat`).
    var labelKey: String
    var kind: FieldKind
    var editor: LineEditor
    /// Kept by "simpan & tambah lagi" (jenis, penyelenggara ...).
    var keepOnBatch: Bool
    /// The highlighted suggestion of a picker.
    var highlight: Int = 0

    init(_ key: String, label: String? = nil, kind: FieldKind = .text, text: String = "", keep: Bool = false, maxLength: Int = 200) {
        self.key = key
        self.labelKey = label ?? key
        self.kind = kind
        self.editor = LineEditor(text: text, maxLength: maxLength)
        self.keepOnBatch = keep
    }

    var text: String {
        get { editor.text }
        set {
            editor.text = newValue
            highlight = 0
        }
    }

    var options: [PickerOption] {
        if case .picker(let options) = kind { return options }
        return []
    }

    var isPicker: Bool { !options.isEmpty }

    /// A key typed in the field: Up/Down move a picker's highlight (wrapping around),
    /// editing keys edit the text; false for any other key.
    mutating func handle(_ key: Key) -> Bool {
        if isPicker, key == .up || key == .down {
            let count = suggestions.count
            if count > 0 { highlight = (highlight + (key == .down ? 1 : count - 1)) % count }
            return true
        }
        guard editor.handle(key) else { return false }
        highlight = 0
        return true
    }

    /// Puts the highlighted suggestion's value in a picker field, when something was typed
    /// or a suggestion was chosen with the arrows.
    mutating func takeSuggestion() {
        let suggestions = self.suggestions
        guard !suggestions.isEmpty, !text.isEmpty || highlight > 0 else { return }
        text = suggestions[min(highlight, suggestions.count - 1)].value
    }

    /// The picker choices that match the typed text.
    var suggestions: [PickerOption] {
        guard isPicker else { return [] }
        let text = self.text.lowercased()
        // An exact value (or SIASN id) goes first, so Tab takes what was typed.
        var matches = options.filter { $0.matches(text) }
        if let exact = matches.firstIndex(where: { $0.value.lowercased() == text || $0.label.lowercased().hasPrefix(text + " ") }) {
            matches.insert(matches.remove(at: exact), at: 0)
        }
        return matches
    }

    func label(_ language: Language) -> String {
        L.fieldLabel[labelKey].map { language.t($0) } ?? FieldNames.label(key, language)
    }
}
