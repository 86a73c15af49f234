import IPASNCore
import IPASNFiles

/// The jenis hukuman of PP 94/2021 as a picker in the discipline form. Each choice is
/// SIASN's kind by its exact name (``SIASNCodes/jenisHukuman``), so the SIASN export finds
/// its `jenisHukumanId` again, and choosing it sets the form's tingkat (the level scoring reads).
extension Pickers {
    static let jenisHukuman: [PickerOption] = SIASNCodes.jenisHukuman.map {
        PickerOption(
            value: $0.nama, label: "\($0.id) \($0.nama)", keywords: "\($0.id) \($0.tingkat.rawValue)",
            detail: " · \($0.tingkat.displayName)")
    }

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
