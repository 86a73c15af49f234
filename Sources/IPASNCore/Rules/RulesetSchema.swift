/// The shape of a ruleset file and the range of every value in it: checked on the JSON
/// tree before decoding, so every problem is reported with its key path, all at once, and
/// no value that scoring would meet can be out of its range (a maximum of `1e308`, a window
/// of 9e18 years, a negative JP minimum).
indirect enum RulesetSchema: Sendable {
    /// An object with exactly these keys.
    case object([(String, RulesetSchema)])
    /// An object whose keys are data (levels, jenis ids), each allowed key with the same value shape.
    /// `required` keys must be present (after merging with a base).
    case map(keys: [String], required: Bool, value: RulesetSchema)
    case list(RulesetSchema, nonEmpty: Bool)
    case number(ClosedRange<Double>)
    case integer(ClosedRange<Int>)
    case bool
    case string(maxLength: Int)
    case oneOf([String])

    /// Any points value or maximum: the whole IP ASN is 100 points, so 1,000 is far above any
    /// real table and far below where sums and text formatting could overflow.
    static let pointsRange: ClosedRange<Double> = 0...RulesetLimits.maxPoints
    static let windowRange: ClosedRange<Int> = 1...RulesetLimits.maxWindowYears

    static let ruleset: RulesetSchema = {
        let points = RulesetSchema.number(pointsRange)
        let kompetensiRow = RulesetSchema.object(DiklatGroup.allCases.map { ($0.rawValue, points) })
        return .object([
            ("id", .string(maxLength: RulesetLimits.maxIDLength)),
            ("name", .string(maxLength: RulesetLimits.maxNameLength)),
            (
                "kualifikasi",
                .object([
                    ("max", points),
                    ("points", .map(keys: EducationLevel.allCases.map(\.rawValue), required: false, value: points)),
                    ("undated_counts", .bool),
                ])
            ),
            (
                "kompetensi",
                .object([
                    ("max", points),
                    (
                        "groups",
                        .map(
                            keys: JenisDiklat.all.map { String($0.id) }, required: false,
                            value: .oneOf(DiklatGroup.allCases.map(\.rawValue)))
                    ),
                    ("points", .map(keys: JenisJabatan.allCases.map(\.rawValue), required: true, value: kompetensiRow)),
                    ("teknis_minimum_jp", .integer(0...RulesetLimits.maxJP)),
                    ("teknis_window_years", .integer(windowRange)),
                    ("seminar_window_years", .integer(windowRange)),
                    (
                        "leadership_rank",
                        .map(keys: LeadershipLevel.allCases.map(\.rawValue), required: true, value: .integer(0...RulesetLimits.maxRank))
                    ),
                    (
                        "leadership_required",
                        .map(
                            keys: JenjangStruktural.allCases.map(\.rawValue), required: false,
                            value: .oneOf(LeadershipLevel.allCases.map(\.rawValue)))
                    ),
                    ("fungsional_requires_sesuai", .bool),
                ])
            ),
            (
                "kinerja",
                .object([
                    ("max", points),
                    ("points", .map(keys: Predikat.allCases.map(\.rawValue), required: true, value: points)),
                    (
                        "nilai_thresholds",
                        .list(
                            .object([("min", .number(0...100)), ("predikat", .oneOf(Predikat.allCases.map(\.rawValue)))]),
                            nonEmpty: false)
                    ),
                    ("below_all", .oneOf(Predikat.allCases.map(\.rawValue))),
                ])
            ),
            (
                "disiplin",
                .object([
                    ("max", points),
                    ("none", points),
                    ("points", .map(keys: TingkatHukuman.allCases.map(\.rawValue), required: true, value: points)),
                    ("window_years", .integer(windowRange)),
                ])
            ),
            (
                "categories",
                .list(
                    .object([
                        ("min", .number(0...RulesetLimits.maxPoints * 4)),
                        ("name", .string(maxLength: RulesetLimits.maxNameLength)),
                    ]), nonEmpty: true)
            ),
            (VerificationRules.key, .object([("rejected_records_count", .bool)])),
        ])
    }()

    /// Every problem of `value` against this shape, each starting with its key path.
    func problems(_ value: JSONValue, path: String) -> [String] {
        let here = path.isEmpty ? "(the file)" : path
        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch self {
        case .object(let fields):
            guard case .object(let members) = value else { return ["\(here): expected an object, found \(value.kindName)"] }
            var out: [String] = []
            let known = fields.map(\.0)
            for member in members where !known.contains(member.key) {
                out.append("\(child(member.key)): unknown key; expected one of: \(known.sorted().joined(separator: ", "))")
            }
            for (key, shape) in fields {
                guard let inner = value[key] else {
                    out.append(
                        "\(child(key)): missing (a full ruleset needs every key; or start the file with \"base\": \"bkn-2019\")")
                    continue
                }
                out += shape.problems(inner, path: child(key))
            }
            return out
        case .map(let keys, let required, let shape):
            guard case .object(let members) = value else { return ["\(here): expected an object, found \(value.kindName)"] }
            var out: [String] = []
            for member in members {
                guard keys.contains(member.key) else {
                    out.append("\(child(member.key)): unknown key \"\(member.key)\"; expected one of: \(keys.joined(separator: ", "))")
                    continue
                }
                out += shape.problems(member.value, path: child(member.key))
            }
            if required {
                for key in keys where value[key] == nil { out.append("\(child(key)): missing") }
            }
            return out
        case .list(let shape, let nonEmpty):
            guard case .array(let items) = value else { return ["\(here): expected a list, found \(value.kindName)"] }
            if nonEmpty && items.isEmpty { return ["\(here): at least one entry is needed"] }
            if items.count > RulesetLimits.maxListLength {
                return ["\(here): \(items.count) entries; at most \(RulesetLimits.maxListLength)"]
            }
            return items.enumerated().flatMap { shape.problems($1, path: "\(path)[\($0)]") }
        case .number(let range):
            guard case .number(let text) = value else { return ["\(here): expected a number, found \(value.kindName)"] }
            guard let number = Double(text), number.isFinite else { return ["\(here): \(text) is too large for a number"] }
            guard range.contains(number) else { return ["\(here): \(text) is outside \(Self.rangeText(range))"] }
            return []
        case .integer(let range):
            guard case .number(let text) = value else { return ["\(here): expected a whole number, found \(value.kindName)"] }
            guard let number = Int(text) else {
                if let double = Double(text), double.isFinite, double == double.rounded(), abs(double) < 1e15 {
                    return range.contains(Int(double)) ? [] : ["\(here): \(text) is outside \(range.lowerBound)...\(range.upperBound)"]
                }
                if let double = Double(text), double.isFinite, double != double.rounded() {
                    return ["\(here): \(text) is not a whole number"]
                }
                return ["\(here): \(text) is outside \(range.lowerBound)...\(range.upperBound)"]
            }
            guard range.contains(number) else { return ["\(here): \(text) is outside \(range.lowerBound)...\(range.upperBound)"] }
            return []
        case .bool:
            guard case .bool = value else { return ["\(here): expected true or false, found \(value.kindName)"] }
            return []
        case .string(let maxLength):
            guard case .string(let text) = value else { return ["\(here): expected a string, found \(value.kindName)"] }
            if text.count > maxLength { return ["\(here): \(text.count) characters; at most \(maxLength)"] }
            if let bad = TextLimits.firstControlCharacter(text) {
                return ["\(here): contains the control character \(TextLimits.name(of: bad)); remove it"]
            }
            return []
        case .oneOf(let allowed):
            guard case .string(let text) = value else { return ["\(here): expected a string, found \(value.kindName)"] }
            return allowed.contains(text) ? [] : ["\(here): \"\(text)\" is not one of: \(allowed.joined(separator: ", "))"]
        }
    }

    static func rangeText(_ range: ClosedRange<Double>) -> String {
        func n(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
        return "\(n(range.lowerBound))...\(n(range.upperBound))"
    }
}

/// The bounds of a ruleset's values (see ``RulesetSchema``).
public enum RulesetLimits {
    public static let maxPoints: Double = 1000
    public static let maxWindowYears = 50
    public static let maxJP = 10_000
    public static let maxRank = 100
    public static let maxIDLength = 64
    public static let maxNameLength = 200
    public static let maxListLength = 100
}
