import IPASNCore
import IPASNStore
import IPASNTerminal

/// One choice of a type-ahead picker: the text put into the field (which the record parser
/// understands) and the label shown in the list.
struct PickerOption: Hashable, Sendable {
    var value: String
    var label: String
    /// Extra words that find it (the SIASN id, the old name), separated by spaces.
    var keywords: String = ""
    /// Shown after the label but never matched (the kompetensi group of a jenis diklat).
    var detail: String = ""

    /// The label as listed.
    var listed: String { label + detail }

    /// The texts typing finds it by: value, label and each keyword, lowercased; a name with
    /// hyphens, dots or underscores also without them ("elearning" finds E-Learning).
    var names: [String] {
        let plain = ([value, label] + keywords.split(separator: " ").map(String.init)).map(PickerMatch.normalize)
        let compact = plain.map(PickerMatch.compact).filter { !plain.contains($0) }
        return plain + compact
    }
}

/// How typed text finds a picker choice. Exact first, then the unique choice whose name
/// starts with the text, then the unique choice with a word that starts with it ("ba" is
/// Baik, not Sangat Baik; "perb" is Butuh Perbaikan). Anything else, even a single choice
/// that merely contains the text, is not a choice: the admin picks from the list.
enum PickerMatch {
    /// How well a choice matches, best first.
    enum Rank: Int, Comparable, Sendable {
        case exact, namePrefix, wordPrefix, contains

        static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }

    static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A normalized name without hyphens, dots and underscores.
    static func compact(_ name: String) -> String {
        name.filter { $0 != "-" && $0 != "." && $0 != "_" }
    }

    /// The best rank of `option` for the (normalized) query, nil when it does not match.
    static func rank(_ option: PickerOption, _ query: String) -> Rank? {
        guard !query.isEmpty else { return nil }
        var best: Rank?
        for name in option.names {
            let rank: Rank?
            if name == query {
                rank = .exact
            } else if name.hasPrefix(query) {
                rank = .namePrefix
            } else if wordStarts(name).contains(where: { name[$0...].hasPrefix(query) }) {
                rank = .wordPrefix
            } else if name.contains(query) {
                rank = .contains
            } else {
                rank = nil
            }
            if let rank, best.map({ rank < $0 }) ?? true { best = rank }
        }
        return best
    }

    /// Where the words of a name begin (after a space or an opening parenthesis).
    static func wordStarts(_ name: String) -> [String.Index] {
        var starts: [String.Index] = []
        var previous: Character?
        for index in name.indices {
            if let previous, previous == " " || previous == "(", name[index] != " " { starts.append(index) }
            previous = name[index]
        }
        return starts
    }

    /// The matching choices, best rank first (list order within a rank).
    static func suggestions(_ options: [PickerOption], _ text: String) -> [(option: PickerOption, rank: Rank)] {
        let query = normalize(text)
        if query.isEmpty { return options.map { ($0, Rank.contains) } }
        let ranked = options.compactMap { option in rank(option, query).map { (option: option, rank: $0) } }
        return ranked.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
    }

    /// The one choice the text means, or nil when it means none or several.
    static func resolve(_ options: [PickerOption], _ text: String) -> PickerOption? {
        let ranked = suggestions(options, text)
        guard !normalize(text).isEmpty, let best = ranked.first, best.rank < .contains else { return nil }
        let tied = ranked.prefix { $0.rank == best.rank }
        return tied.count == 1 ? best.option : nil
    }
}

/// What leaving a picker field did.
enum PickerOutcome: Hashable, Sendable {
    /// Nothing typed and nothing chosen: the field stays empty.
    case empty
    /// The field holds this choice's value.
    case chosen(PickerOption)
    /// The text fits several choices (how many); nothing was taken.
    case ambiguous(Int)
    /// The text fits no choice.
    case noMatch
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
    /// The suggestion chosen with the arrows, as an index into ``suggestions``; nil until
    /// the admin presses Up or Down (typing clears it).
    var highlight: Int?
    /// The text was put there by the form, not typed (the bulk form's end date, from the start
    /// date): the first character typed or pasted replaces it instead of being added to it (a
    /// full date field would drop every typed character). Any other editing key keeps the
    /// text and makes it the admin's. Assigning ``text`` clears it.
    var suggested = false
    /// The text is selected, as a spreadsheet cell's is when the cursor enters it
    /// (``select()``): the first character typed or pasted replaces it; Backspace, the arrows
    /// or any other editing key keep it and make it editable. An edit form's full date field
    /// dropped a typed date without a word before. Leaving the field or assigning ``text``
    /// clears it.
    var selected = false

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
            highlight = nil
            suggested = false
            selected = false
        }
    }

    /// Whether entering the field selects its text (``selected``), as a typist expects of a
    /// form (a spreadsheet cell, a browser's Tab): every field holding text but a picker.
    /// Dates and numbers (fixed width) since round 5; free text (nama, jenjang, nama diklat,
    /// penyelenggara, unit names) since round 8, where "Analis Keuangan" typed after Tab into
    /// "Pengelola Keuangan" was appended to it and only the confirmation showed it. The first
    /// character typed or pasted replaces the whole text; the arrows, Home, End, Backspace and
    /// every other editing key keep it (to edit it). A picker keeps the cursor at the end: its
    /// text finds choices as it grows.
    var selectsOnEntry: Bool {
        guard !text.isEmpty else { return false }
        switch kind {
        case .date, .number, .text: return true
        case .picker: return false
        }
    }

    /// Draws the field's editor and, when it is focused and selected, its text as selected
    /// (what is typed replaces it): the same in every form.
    func draw(into grid: inout CellGrid, row: Int, col: Int, width: Int, focused: Bool) {
        editor.draw(into: &grid, row: row, col: col, width: width, focused: focused)
        if focused, selected {
            grid.put(editor.viewport(width: width).text, row: row, col: col, style: .selected, maxWidth: width)
        }
    }

    /// A date field's text typed as eight digits, day first (`26112026`, as on a number pad or
    /// in a spreadsheet), written as the form writes dates (`26-11-2026`); nil for anything else
    /// (another kind, other text, a day that does not exist). User test 9: the field kept the
    /// cursor on `26112026` and the JP typed next went into the date.
    var completedDate: String? {
        guard case .date = kind, text.utf8.count == 8, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let digits = Array(text)
        let day = String(digits[0..<2]), month = String(digits[2..<4]), year = String(digits[4..<8])
        guard let date = LocalDate(year: Int(year)!, month: Int(month)!, day: Int(day)!), date.year >= 1900 else { return nil }
        return "\(day)-\(month)-\(year)"
    }

    /// The cursor entered the field: selects its text when ``selectsOnEntry``.
    mutating func enter() {
        selected = selectsOnEntry
    }

    var options: [PickerOption] {
        if case .picker(let options) = kind { return options }
        return []
    }

    var isPicker: Bool { !options.isEmpty }

    /// A key typed in the field: Up/Down move a picker's highlight (wrapping around), Esc
    /// clears a picker's text that is none of its choices (the way out of a text that fits
    /// several choices or none; a second Esc leaves the form), editing keys edit the text;
    /// false for any other key.
    mutating func handle(_ key: Key) -> Bool {
        if isPicker, key == .escape, !text.isEmpty, !holdsChoice {
            text = ""
            return true
        }
        if isPicker, key == .up || key == .down {
            let count = suggestions.count
            guard count > 0 else { return true }
            if let start = shownHighlight {
                // From the arrows' choice, or from what the text already means (shown highlighted).
                highlight = (start + (key == .down ? 1 : count - 1)) % count
            } else {
                highlight = key == .down ? 0 : count - 1
            }
            return true
        }
        if suggested || selected, case .char = key { text = "" }
        guard editor.handle(key) else { return false }
        highlight = nil
        suggested = false
        selected = false
        return true
    }

    /// Pasted text typed in at the cursor; true when anything went in.
    @discardableResult
    mutating func paste(_ piece: String) -> Bool {
        if suggested || selected { text = "" }
        guard editor.insert(piece) else { return false }
        highlight = nil
        return true
    }

    /// The choice the field means right now: the one picked with the arrows, else the one
    /// the text resolves to (``PickerMatch``). Nil when nothing (or several) fit.
    var resolvedOption: PickerOption? {
        guard isPicker else { return nil }
        if let highlight {
            let suggestions = self.suggestions
            return suggestions.isEmpty ? nil : suggestions[min(highlight, suggestions.count - 1)]
        }
        return PickerMatch.resolve(options, text)
    }

    /// The suggestion drawn highlighted: the arrows' choice, else the resolved choice.
    var shownHighlight: Int? {
        if let highlight { return highlight }
        guard let resolved = resolvedOption else { return nil }
        return suggestions.firstIndex(of: resolved)
    }

    /// Whether the text is one of the choices' values, as stored.
    var holdsChoice: Bool {
        options.contains { $0.value == text }
    }

    /// Takes what the admin chose (Tab, Enter, Ctrl-S on a picker): the arrows' choice or
    /// the one choice the text means. Takes nothing when the text is ambiguous.
    mutating func choose() -> PickerOutcome {
        guard isPicker else { return .empty }
        if highlight == nil, text.isEmpty { return .empty }
        if let option = resolvedOption {
            text = option.value
            return .chosen(option)
        }
        let count = suggestions.count
        return count == 0 ? .noMatch : .ambiguous(count)
    }

    /// The picker choices that match the typed text, best first; every choice, in list
    /// order, when the field already holds one (so the arrows go from "Ya" to "Tidak").
    var suggestions: [PickerOption] {
        guard isPicker else { return [] }
        if holdsChoice { return options }
        return PickerMatch.suggestions(options, text).map(\.option)
    }

    func label(_ language: Language) -> String {
        (L.fieldLabel[labelKey] ?? L.fieldLabelsEmployees[labelKey]).map { language.t($0) } ?? FieldNames.label(key, language)
    }
}

/// The cursor entering a form's fields, shared by every form (record, bulk, setup, unit,
/// pegawai): select-on-entry and a restored draft's cursor work the same everywhere.
extension [FormField] {
    /// The cursor entered the field at `focus`: its text is selected where it selects on
    /// entry (``FormField/selectsOnEntry``); no other field keeps a selection.
    mutating func enter(_ focus: Int) {
        guard indices.contains(focus) else { return }
        for index in indices where index != focus { self[index].selected = false }
        self[focus].enter()
    }

    /// Where the admin was typing, for a draft.
    func cursor(at focus: Int) -> DraftCursor? {
        indices.contains(focus) ? DraftCursor(field: self[focus].key, position: self[focus].editor.cursorIndex) : nil
    }

    /// Puts a restored draft's cursor back in its field (after the focus moved there): the
    /// text is the admin's to go on with, not selected.
    mutating func putBack(_ cursor: DraftCursor) {
        guard let index = firstIndex(where: { $0.key == cursor.field }) else { return }
        self[index].selected = false
        self[index].editor.moveCursor(to: cursor.position)
    }
}
