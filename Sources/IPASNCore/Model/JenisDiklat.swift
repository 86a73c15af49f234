import Foundation

/// The 25 SIASN kinds of training (jenisDiklatId), as a data value: the id and the
/// name. Which scoring group a jenis belongs to is the ruleset's business, not this type's.
public struct JenisDiklat: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The SIASN jenisDiklatId, 1 to 25.
    public let id: Int
    public let nama: String

    public var description: String { "\(id) \(nama)" }

    /// All 25 SIASN jenis, in id order.
    public static let all: [JenisDiklat] = [
        "Struktural", "Fungsional", "Teknis", "Workshop", "Manajerial",
        "Sosial Kultural", "Sosialisasi", "Bimbingan Teknis", "Seminar", "Magang",
        "Kursus", "Penataran", "Klasikal Lainnya", "Coaching", "Mentoring",
        "E-Learning", "Pelatihan Jarak Jauh", "Detasering", "Outbond", "Benchmarking",
        "Pertukaran PNS", "Belajar Mandiri", "Community of Practice", "Bimbingan di Tempat Kerja",
        "Nonklasikal Lainnya",
    ].enumerated().map { JenisDiklat(id: $0.offset + 1, nama: $0.element) }

    public static let struktural = all[0]
    public static let fungsional = all[1]

    /// The jenis with this SIASN id, or nil.
    public static func withID(_ id: Int) -> JenisDiklat? {
        (1...all.count).contains(id) ? all[id - 1] : nil
    }

    /// Reads a jenis from its id (`3`) or name, ignoring case, spaces and hyphens
    /// (`teknis`, `Bimtek`, `e-learning`, `community of practice`).
    public static func parse(_ text: String) -> JenisDiklat? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int(trimmed) { return withID(id) }
        let key = normalizedKey(trimmed)
        if key.isEmpty { return nil }
        if key == "bimtek" { return withID(8) }
        if key == "pjj" { return withID(17) }
        return all.first { normalizedKey($0.nama) == key }
    }

    static func normalizedKey(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// The level of a leadership course (diklat kepemimpinan), old and new names.
/// Equal ranks: PIM IV = PKP, PIM III = PKA, PIM II = PKN II, PIM I = PKN I.
public enum LeadershipLevel: String, CaseIterable, Sendable, Codable {
    case pimIV = "PIM_IV"
    case pkp = "PKP"
    case pimIII = "PIM_III"
    case pka = "PKA"
    case pimII = "PIM_II"
    case pknII = "PKN_II"
    case pimI = "PIM_I"
    case pknI = "PKN_I"

    public var displayName: String {
        switch self {
        case .pimIV: return "PIM IV"
        case .pkp: return "PKP"
        case .pimIII: return "PIM III"
        case .pka: return "PKA"
        case .pimII: return "PIM II"
        case .pknII: return "PKN II"
        case .pimI: return "PIM I"
        case .pknI: return "PKN I"
        }
    }

    /// Reads `PIM_IV`, `pim iv`, `Diklatpim IV`, `PKN II`...
    public static func parse(_ text: String) -> LeadershipLevel? {
        var key = text.uppercased().filter { $0.isLetter || $0.isNumber }
        if key.hasPrefix("DIKLAT") { key.removeFirst(6) }
        return allCases.first { $0.rawValue.replacingOccurrences(of: "_", with: "") == key }
    }
}
