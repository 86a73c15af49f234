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
    ///
    /// FAST PATH (issue 14): every row of a million-row diklat file passes here (twice, with
    /// the spreadsheet habits). ASCII text is read on its bytes against a table of keys built
    /// once; anything else takes ``parseUnicode(_:)``, the plain reading. Both give the same
    /// answer for every text (`JenisDiklatParseTests` pins that on names, ids, signs,
    /// overflow, padding and punctuation).
    public static func parse(_ text: String) -> JenisDiklat? {
        var copy = text
        let fast = copy.withUTF8 { bytes -> JenisDiklat?? in
            // Whitespace as `.whitespaces` trims it, for ASCII: space and tab.
            var start = 0, end = bytes.count
            for byte in bytes where byte >= 0x80 { return .none }  // not ASCII: the plain reading
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            // `Int(trimmed)`: an optional sign, then at least one digit, nothing else, no overflow.
            var index = start
            var negative = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            if index < end {
                var value = 0
                var isNumber = true
                for i in index..<end {
                    let digit = Int(bytes[i]) - 48
                    guard digit >= 0 && digit <= 9 else {
                        isNumber = false
                        break
                    }
                    let (times, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                    guard !o1 && !o2 else {
                        isNumber = false
                        break
                    }
                    value = sum
                }
                if isNumber { return .some(withID(value)) }
            }
            // The key: letters and digits, lowercased.
            var key: [UInt8] = []
            key.reserveCapacity(end - start)
            for i in start..<end {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte + 32)
                default: break
                }
            }
            return .some(byKey[String(decoding: key, as: UTF8.self)])
        }
        if let fast { return fast }
        return parseUnicode(text)
    }

    /// Every jenis by ``normalizedKey(_:)`` of its name, and the two abbreviations
    /// ``parseUnicode(_:)`` knows.
    private static let byKey: [String: JenisDiklat] = {
        var keys: [String: JenisDiklat] = [:]
        for jenis in all.reversed() { keys[normalizedKey(jenis.nama)] = jenis }  // the first name wins, as `all.first`
        keys["bimtek"] = withID(8)
        keys["pjj"] = withID(17)
        return keys
    }()

    /// The plain reading of ``parse(_:)``, for any text.
    static func parseUnicode(_ text: String) -> JenisDiklat? {
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
    ///
    /// FAST PATH (issue 14), as ``JenisDiklat/parse(_:)``: ASCII text is read on its bytes
    /// against a table built once; anything else takes ``parseUnicode(_:)``, the plain reading,
    /// with the same answer (`JenisDiklatParseTests`).
    public static func parse(_ text: String) -> LeadershipLevel? {
        var copy = text
        let fast = copy.withUTF8 { bytes -> LeadershipLevel?? in
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
                case UInt8(ascii: "a")...UInt8(ascii: "z"): key.append(byte - 32)
                case 0x80...: return .none  // not ASCII: the plain reading
                default: break
                }
            }
            var start = 0
            if key.starts(with: "DIKLAT".utf8) { start = 6 }
            return .some(byKey[String(decoding: key[start...], as: UTF8.self)])
        }
        if let fast { return fast }
        return parseUnicode(text)
    }

    /// Every level by its raw value without `_`.
    private static let byKey: [String: LeadershipLevel] = {
        var keys: [String: LeadershipLevel] = [:]
        for level in allCases.reversed() { keys[level.rawValue.replacingOccurrences(of: "_", with: "")] = level }
        return keys
    }()

    /// The plain reading of ``parse(_:)``, for any text.
    static func parseUnicode(_ text: String) -> LeadershipLevel? {
        var key = text.uppercased().filter { $0.isLetter || $0.isNumber }
        if key.hasPrefix("DIKLAT") { key.removeFirst(6) }
        return allCases.first { $0.rawValue.replacingOccurrences(of: "_", with: "") == key }
    }
}
