/// A level of formal education, with its SIASN code (tingkat pendidikan).
public enum EducationLevel: String, CaseIterable, Sendable, Codable, Comparable {
    case sd = "SD"
    case sltp = "SLTP"
    case sltpKejuruan = "SLTP_KEJURUAN"
    case slta = "SLTA"
    case sltaKejuruan = "SLTA_KEJURUAN"
    case sltaKeguruan = "SLTA_KEGURUAN"
    case d1 = "D1"
    case d2 = "D2"
    case d3 = "D3"
    case d4 = "D4"
    case s1 = "S1"
    case profesi = "PROFESI"
    case s2 = "S2"
    case spesialis = "SPESIALIS"
    case s3 = "S3"
    case subspesialis = "SUBSPESIALIS"

    /// The SIASN code, e.g. "05" for SD, "40" for S-1.
    public var siasnCode: String {
        switch self {
        case .sd: return "05"
        case .sltp: return "10"
        case .sltpKejuruan: return "12"
        case .slta: return "15"
        case .sltaKejuruan: return "17"
        case .sltaKeguruan: return "18"
        case .d1: return "20"
        case .d2: return "25"
        case .d3: return "30"
        case .d4: return "35"
        case .s1: return "40"
        case .profesi: return "42"
        case .s2: return "45"
        case .spesialis: return "47"
        case .s3: return "50"
        case .subspesialis: return "49"
        }
    }

    /// The readable name, e.g. "S-1", "SLTA Kejuruan".
    public var displayName: String {
        switch self {
        case .sd: return "SD"
        case .sltp: return "SLTP"
        case .sltpKejuruan: return "SLTP Kejuruan"
        case .slta: return "SLTA"
        case .sltaKejuruan: return "SLTA Kejuruan"
        case .sltaKeguruan: return "SLTA Keguruan"
        case .d1: return "D-I"
        case .d2: return "D-II"
        case .d3: return "D-III"
        case .d4: return "D-IV"
        case .s1: return "S-1"
        case .profesi: return "Profesi"
        case .s2: return "S-2"
        case .spesialis: return "Spesialis"
        case .s3: return "S-3"
        case .subspesialis: return "Subspesialis"
        }
    }

    /// Orders by SIASN code (a rough seniority; points come from the ruleset).
    public static func < (lhs: EducationLevel, rhs: EducationLevel) -> Bool {
        lhs.siasnCode < rhs.siasnCode
    }

    /// Reads a level from its name (`S1`, `s-1`, `D IV`, `SLTA Kejuruan`) or SIASN code (`40`, `5`).
    public static func parse(_ text: String) -> EducationLevel? {
        let key = text.uppercased().filter { $0.isLetter || $0.isNumber }
        if key.isEmpty { return nil }
        if key.allSatisfy(\.isNumber), let number = Int(key) {
            return allCases.first { Int($0.siasnCode) == number }
        }
        let aliases: [String: EducationLevel] = [
            "DI": .d1, "DII": .d2, "DIII": .d3, "DIV": .d4,
            "SMA": .slta, "SMK": .sltaKejuruan, "SMP": .sltp, "SLTPKEJURUAN": .sltpKejuruan,
            "SLTAKEJURUAN": .sltaKejuruan, "SLTAKEGURUAN": .sltaKeguruan,
        ]
        if let alias = aliases[key] { return alias }
        return allCases.first { $0.rawValue.filter { $0.isLetter || $0.isNumber } == key }
    }
}
