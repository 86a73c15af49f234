import Foundation

/// One kind of hukuman disiplin of PP 94/2021 (Pasal 8), with its level and length. The
/// validator (a jenis naming one of these at another tingkat is refused), the discipline
/// form's picker (filtered by the chosen tingkat) and the SIASN files (`SIASNCodes`) share
/// this one list.
public struct JenisHukuman: Hashable, Sendable {
    public let id: Int
    public let nama: String
    public let tingkat: TingkatHukuman
    /// The length in months (0 for a punishment without a length).
    public let months: Int

    public init(id: Int, nama: String, tingkat: TingkatHukuman, months: Int) {
        self.id = id
        self.nama = nama
        self.tingkat = tingkat
        self.months = months
    }

    /// PP 94/2021's ten punishments in the regulation's order, numbered 1 to 10.
    public static let pp94: [JenisHukuman] = [
        JenisHukuman(id: 1, nama: "Teguran lisan", tingkat: .ringan, months: 0),
        JenisHukuman(id: 2, nama: "Teguran tertulis", tingkat: .ringan, months: 0),
        JenisHukuman(id: 3, nama: "Pernyataan tidak puas secara tertulis", tingkat: .ringan, months: 0),
        JenisHukuman(id: 4, nama: "Pemotongan tunjangan kinerja 25% selama 6 bulan", tingkat: .sedang, months: 6),
        JenisHukuman(id: 5, nama: "Pemotongan tunjangan kinerja 25% selama 9 bulan", tingkat: .sedang, months: 9),
        JenisHukuman(id: 6, nama: "Pemotongan tunjangan kinerja 25% selama 12 bulan", tingkat: .sedang, months: 12),
        JenisHukuman(id: 7, nama: "Penurunan jabatan setingkat lebih rendah selama 12 bulan", tingkat: .berat, months: 12),
        JenisHukuman(
            id: 8, nama: "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", tingkat: .berat, months: 12),
        JenisHukuman(
            id: 9, nama: "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", tingkat: .berat,
            months: 0),
        JenisHukuman(id: 10, nama: "Pemberhentian tidak dengan hormat sebagai PNS", tingkat: .berat, months: 0),
    ]

    /// The kind a jenis names by its exact PP 94/2021 name (case and outer spaces ignored), or
    /// nil (free text of older records, which is kept as it is).
    public static func named(_ text: String) -> JenisHukuman? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else { return nil }
        return pp94.first { $0.nama.lowercased() == key }
    }

    /// The issue of a record whose jenis names a PP 94/2021 kind of another tingkat (field
    /// `jenis`), or nil.
    public static func mismatch(jenis: String, tingkat: TingkatHukuman) -> ValidationIssue? {
        guard let kind = named(jenis), kind.tingkat != tingkat else { return nil }
        return ValidationIssue(
            field: "jenis",
            code: .custom(
                id: "Jenis hukuman \"\(kind.nama)\" adalah hukuman disiplin \(kind.tingkat.rawValue), bukan \(tingkat.rawValue) "
                    + "(PP 94/2021); ubah tingkatnya ke \(kind.tingkat.displayName) atau pilih jenis hukuman \(tingkat.rawValue).",
                en: "Jenis hukuman \"\(kind.nama)\" is a \(kind.tingkat.rawValue) punishment, not \(tingkat.rawValue) "
                    + "(PP 94/2021); change the tingkat to \(kind.tingkat.displayName) or choose a \(tingkat.rawValue) jenis."))
    }
}
