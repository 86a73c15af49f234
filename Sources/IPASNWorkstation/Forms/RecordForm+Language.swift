import IPASNCore

extension RecordForm {
    /// The form in the admin's language: in English the yes/no pickers offer and show Yes/No
    /// (the parser reads either language), so no Indonesian word is left on an English screen.
    func localized(_ language: Language) -> RecordForm {
        guard language == .en else { return self }
        var copy = self
        for index in copy.fields.indices where copy.fields[index].options == Pickers.yesNo {
            copy.fields[index].kind = .picker(Self.yesNoEnglish)
            copy.fields[index].text = Self.englishYesNo[copy.fields[index].text] ?? copy.fields[index].text
        }
        if !isDirty { copy.markSaved() }
        return copy
    }

    static let yesNoEnglish: [PickerOption] = [
        PickerOption(value: "Yes", label: "Yes", keywords: "ya y"), PickerOption(value: "No", label: "No", keywords: "tidak n"),
    ]

    static let englishYesNo = ["Ya": "Yes", "Tidak": "No"]
}
