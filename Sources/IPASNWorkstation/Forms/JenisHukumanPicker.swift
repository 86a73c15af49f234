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
        fields[index].text = tingkat.displayName
        return true
    }
}
