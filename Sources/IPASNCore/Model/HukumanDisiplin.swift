import Foundation

/// The weight of a disciplinary punishment under PP 94/2021.
public enum TingkatHukuman: String, CaseIterable, Sendable, Codable, Comparable {
    case ringan
    case sedang
    case berat

    public var displayName: String { rawValue.capitalized }

    private var weight: Int {
        switch self {
        case .ringan: return 1
        case .sedang: return 2
        case .berat: return 3
        }
    }

    public static func < (lhs: TingkatHukuman, rhs: TingkatHukuman) -> Bool { lhs.weight < rhs.weight }

    public static func parse(_ text: String) -> TingkatHukuman? {
        TingkatHukuman(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// One hukuman disiplin: its level, its TMT (effective date) and what it was
/// ("teguran lisan", "pemotongan tukin 25% 6 bulan" ...).
public struct HukumanDisiplin: Hashable, Sendable, Codable {
    public var nip: String
    public var tingkat: TingkatHukuman
    public var tmt: LocalDate
    public var jenis: String

    public init(nip: String, tingkat: TingkatHukuman, tmt: LocalDate, jenis: String = "") {
        self.nip = nip
        self.tingkat = tingkat
        self.tmt = tmt
        self.jenis = jenis
    }
}
