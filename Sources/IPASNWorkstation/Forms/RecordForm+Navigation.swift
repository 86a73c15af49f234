import IPASNCore
import IPASNTerminal

/// Moving between the fields of a record form and taking a picker's choice, shared by the
/// one-employee form (``RecordFormView``) and the bulk course form (``BulkCourseView``).
extension RecordForm {
    /// Takes the focused picker's choice. Returns nil when it holds one choice (or nothing),
    /// else the message saying why the cursor stays (the field is marked).
    mutating func takePickerChoice(_ language: Language) -> String? {
        let text = focused.text
        switch choose() {
        case .empty, .chosen:
            return nil
        case .ambiguous:
            return language.t(L.pickerAmbiguousNamed(text, focused.suggestions.map(\.label)))
        case .noMatch:
            // A score typed into the SKP's predikat (the SKP of 2021 was a number): say where it goes.
            if kind == .skp, focused.key == "predikat", let score = Double(text.replacingOccurrences(of: ",", with: ".")),
                (0...100).contains(score)
            {
                return language.t(L.scoreInPredikat(text))
            }
            return language.t(L.pickerNoMatch(text))
        }
    }

    /// The message row while a picker the cursor passed over still waits for its choice
    /// (``unchosen`` `.ambiguous`, not the focused field): "Jenis diklat "sosi" belum dipilih
    /// (...)". After the Tab that passed it, the next field's Tab replaced the message and only
    /// the `!` stayed (round 8); the forms show this whenever nothing more urgent is said.
    func passedOverNote(_ language: Language) -> String? {
        for (index, field) in fields.enumerated() where index != focus {
            guard case .ambiguous = unchosen[field.key] else { continue }
            return language.t(L.pickerPassedOver(field.label(language), field.text, field.suggestions.map(\.label)))
        }
        return nil
    }

    /// Leaves the focused field (a picker takes its choice, the field is checked). Returns
    /// whether the cursor may move, and the message row's new content: an error, or nil to
    /// clear it. Going back up past an empty field does not complain that it is required.
    /// Going forward, a field whose text cannot be read (``IssueCode/isUnreadable``) keeps the cursor.
    /// Going forward from a picker whose text fits several choices (`sosi`: Sosial Kultural
    /// and Sosialisasi), the cursor moves on and the picker stays marked unchosen: what a touch
    /// typist types next lands in the next field, and the save sends the cursor back to the
    /// picker to choose (nothing is saved that the admin did not choose).
    mutating func leaveField(forward: Bool, parser: RecordParser, language: Language) -> (move: Bool, message: (text: String, style: Style)?) {
        if let date = focused.completedDate { fields[focus].text = date }
        if focused.isPicker, let problem = takePickerChoice(language) {
            guard forward, case .ambiguous = unchosen[focused.key] else { return (false, (problem, .error)) }
            let passed = L.pickerPassedOver(focused.label(language), focused.text, focused.suggestions.map(\.label))
            return (true, (language.t(passed), .warning))
        }
        if let issue = check(focus, parser: parser), forward || issue.code != .required {
            // Text that cannot be read keeps the cursor going forward (the fix typed next
            // would land in the next field); going back still moves.
            let move = !(forward && issue.code.isUnreadable)
            if move && forward { suggestEndDate() }
            return (move, (issue.message(language), .error))
        }
        issues[focused.key] = nil
        if forward { suggestEndDate() }
        return (true, nil)
    }

    /// Most events last one day: leaving a course's start date forward, the end date starts as
    /// the start date when it is empty or was suggested so (an edited one-day event's end date
    /// is, ``RecordForm/make``). A typed end date replaces the suggestion (the first character
    /// typed replaces it, ``FormField/suggested``); a changed start renews it. The one-employee
    /// form and the bulk course form share this (user test 8: the one-employee form left the
    /// end empty, and an edited one-day event's start left its old end behind).
    mutating func suggestEndDate() {
        guard kind == .diklat, focused.key == "tanggal_mulai", LocalDate.parse(focused.text) != nil,
            let end = fields.firstIndex(where: { $0.key == "tanggal_selesai" }), fields[end].text.isEmpty || fields[end].suggested
        else { return }
        fields[end].text = focused.text
        fields[end].suggested = true
        issues["tanggal_selesai"] = nil
    }

    /// Whether the cursor passes over the field at `index`: a diklat's tingkat (leadership
    /// level) only means something for a struktural jenis (an event is rarely struktural).
    /// The one-employee form and the bulk course form share this rule.
    func skips(_ index: Int) -> Bool {
        guard kind == .diklat, fields[index].key == "tingkat" else { return false }
        guard let jenis = fields.first(where: { $0.key == "jenis" })?.text, !jenis.isEmpty else { return false }
        return JenisDiklat.parse(jenis) != .struktural
    }

    /// Moves the cursor to the next (or previous) field the admin fills in, passing over
    /// skipped ones; stays put at the first and the last field.
    mutating func step(forward: Bool) {
        var index = focus
        repeat {
            index += forward ? 1 : -1
            guard fields.indices.contains(index) else { return }
        } while skips(index)
        focus = index
    }
}

extension RecordForm {
    /// A key typed in a picker marked unchosen because its text fits several choices (`sosi`:
    /// Sosial Kultural and Sosialisasi), when the cursor is back in it (the save sent it there,
    /// a restored draft): the first character that would make the picker fit nothing is not
    /// taken, nor is any character after it until the admin edits, moves in the list or clears
    /// (any other key). The returned message (for the message row) names the field, what was
    /// not typed and the choices; nil when the key goes in as usual. Tab itself no longer stops
    /// there (``leaveField(forward:parser:language:)``). The picker stays unchosen: a value is
    /// saved only if the admin chose it.
    mutating func refuseAfterAmbiguousTab(_ key: Key, language: Language) -> String? {
        guard focused.isPicker, case .ambiguous = unchosen[focused.key], case .char(let character) = key else {
            refusedTyping = ""
            return nil
        }
        if refusedTyping.isEmpty {
            var trial = focused
            guard trial.handle(key), trial.suggestions.isEmpty else { return nil }
        }
        refusedTyping.append(character)
        let typed = TextLimits.echo(refusedTyping)
        return language.t(L.pickerKeyRefused(focused.label(language), typed, focused.suggestions.map(\.label)))
    }
}

extension RecordForm {
    /// A score typed in the SKP form's Predikat moves to the Nilai when that is empty, as the
    /// bulk SKP grid does (``ScoreInPredikat``); returns the moved text, nil when nothing moved.
    /// The admin typed the score, so it is their value; only its field changes.
    mutating func moveScoreToNilai() -> String? {
        guard kind == .skp, focused.key == "predikat", let nilai = fields.firstIndex(where: { $0.key == "nilai" }),
            fields[nilai].text.trimmingCharacters(in: .whitespaces).isEmpty, let typed = ScoreInPredikat.score(focused.text)
        else { return nil }
        fields[nilai].text = typed
        fields[focus].text = ""
        unchosen["predikat"] = nil
        issues["predikat"] = nil
        issues["nilai"] = nil
        return typed
    }
}
