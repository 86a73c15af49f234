import IPASNCore
import IPASNFiles

/// The jenis hukuman of PP 94/2021 as a picker in the discipline form. Each choice is
/// SIASN's kind by its exact name (``SIASNCodes/jenisHukuman``), so the SIASN export finds
/// its `jenisHukumanId` again, and choosing it sets the form's tingkat (the level scoring reads).
extension Pickers {
    static let jenisHukuman: [PickerOption] = SIASNCodes.jenisHukuman.map {
        PickerOption(
            value: $0.nama, label: "\($0.id) \(listedName[$0.id] ?? $0.nama)",
            keywords: "\($0.id) \($0.tingkat.rawValue)", detail: " · \($0.tingkat.displayName)")
    }

    /// Shorter names for the list, which is 39 columns wide at 80x24 (the level follows the
    /// name): the full names of 4-6 differ only in their last words and were cut to the same
    /// text. The choice's value stays the exact PP 94/2021 name, which typing still finds.
    static let listedName: [Int: String] = [
        3: "Pernyataan tidak puas",
        4: "Potong tukin 25%, 6 bulan",
        5: "Potong tukin 25%, 9 bulan",
        6: "Potong tukin 25%, 12 bulan",
        7: "Turun jabatan, 12 bulan",
        8: "Jadi pelaksana, 12 bulan",
        9: "Berhenti dengan hormat",
        10: "Berhenti tidak dgn hormat",
    ]

    /// The level of a jenis hukuman chosen in the picker (its exact name), or nil.
    static func tingkat(ofJenisHukuman text: String) -> TingkatHukuman? {
        SIASNCodes.jenisHukuman.first { $0.nama == text }?.tingkat
    }

    /// The kinds of one level (all ten while no level is chosen), in PP 94/2021's order.
    static func jenisHukuman(for tingkat: TingkatHukuman?) -> [PickerOption] {
        guard let tingkat else { return jenisHukuman }
        return zip(SIASNCodes.jenisHukuman, jenisHukuman).filter { $0.0.tingkat == tingkat }.map(\.1)
    }
}

extension RecordForm {
    /// After the discipline form's jenis hukuman is chosen: its level goes into the tingkat
    /// field (true when that changed the tingkat).
    @discardableResult
    mutating func applyJenisHukuman() -> Bool {
        guard kind == .disiplin, let jenis = fields.first(where: { $0.key == "jenis" }),
            let tingkat = Pickers.tingkat(ofJenisHukuman: jenis.text),
            let index = fields.firstIndex(where: { $0.key == "tingkat" })
        else { return false }
        guard fields[index].text != tingkat.displayName else { return false }
        // Only a form without a level yet takes the jenis's level; a level chosen first
        // stays (a jenis of another level is then the validator's clear message, never a
        // silent change of what the admin chose).
        guard TingkatHukuman.parse(fields[index].text) == nil else { return false }
        fields[index].text = tingkat.displayName
        return true
    }

    /// The jenis hukuman picker offers only the chosen tingkat's kinds (PP 94/2021); while
    /// no tingkat is chosen, all ten (choosing one sets the tingkat). A stored jenis of
    /// another level stays in the list, so the record opens as it is and the validator says
    /// what is wrong (``JenisHukuman/mismatch(jenis:tingkat:)``).
    mutating func filterJenisHukuman() {
        guard kind == .disiplin, let t = fields.firstIndex(where: { $0.key == "tingkat" }),
            let j = fields.firstIndex(where: { $0.key == "jenis" })
        else { return }
        let tingkat = TingkatHukuman.parse(fields[t].text)
        var options = Pickers.jenisHukuman(for: tingkat)
        if tingkat != nil, let held = Pickers.jenisHukuman.first(where: { $0.value == fields[j].text }), !options.contains(held) {
            options.append(held)
        }
        fields[j].kind = .picker(options)
    }

    /// The message of a jenis that names a kind of another tingkat (shown when such a stored
    /// record is opened), or nil.
    var jenisHukumanMismatch: ValidationIssue? {
        guard kind == .disiplin, let tingkat = TingkatHukuman.parse(fields.first { $0.key == "tingkat" }?.text ?? "") else { return nil }
        return JenisHukuman.mismatch(jenis: fields.first { $0.key == "jenis" }?.text ?? "", tingkat: tingkat)
    }
}
