import Foundation

/// The result of checking a ruleset file: errors refuse it, warnings do not.
public struct RulesetCheck: Hashable, Sendable {
    public var errors: [String]
    public var warnings: [String]

    public init(errors: [String] = [], warnings: [String] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    public var isValid: Bool { errors.isEmpty }
}

/// Why a ruleset file was refused.
public struct RulesetFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String { problems.joined(separator: "\n") }
}

/// Reading, checking, writing and describing ruleset files (JSON).
///
/// A file is either a full ruleset (every section), or a partial one naming a built-in
/// base and only what it changes:
///
/// ```json
/// { "base": "bkn-2019", "id": "kab-contoh-2025",
///   "kompetensi": { "teknis_minimum_jp": 24, "groups": { "7": "teknis" } } }
/// ```
///
/// Objects are merged key by key into the base (so `groups` above moves only jenis 7);
/// arrays (`categories`, `nilai_thresholds`) replace the base's whole.
public enum RulesetFile {
    /// Loads a file's ruleset, or throws ``RulesetFileError`` with every problem found.
    public static func load(_ data: Data) throws -> Ruleset {
        let (ruleset, check) = parse(data)
        guard let ruleset, check.isValid else { throw RulesetFileError(problems: check.errors) }
        return ruleset
    }

    /// Checks a file: JSON syntax, unknown or missing keys, wrong types, and the semantic
    /// rules (points within each dimension's maximum, every jenis mapped, cut points in order).
    public static func check(_ data: Data) -> RulesetCheck { parse(data).1 }

    /// Pretty, stable JSON of a full ruleset (sorted keys): a starting point for a BKD's own file.
    public static func encode(_ ruleset: Ruleset) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(ruleset)) ?? Data()
    }

    /// The semantic checks alone, for a ruleset built in code or decoded elsewhere.
    public static func validate(_ r: Ruleset) -> RulesetCheck {
        var check = RulesetCheck()
        func err(_ text: String) { check.errors.append(text) }
        func warn(_ text: String) { check.warnings.append(text) }
        if r.id.isEmpty { err("id: must not be empty") }
        if r.id.count > RulesetLimits.maxIDLength { err("id: \(r.id.count) characters; at most \(RulesetLimits.maxIDLength)") }
        if r.name.count > RulesetLimits.maxNameLength {
            err("name: \(r.name.count) characters; at most \(RulesetLimits.maxNameLength)")
        }
        for (path, text) in [("id", r.id), ("name", r.name)] + r.categories.enumerated().map({ ("categories[\($0)].name", $1.name) }) {
            if let bad = TextLimits.firstControlCharacter(text) {
                err("\(path): contains the control character \(TextLimits.name(of: bad)); remove it")
            }
        }
        // Every number scoring meets is finite and in a sane range (see RulesetSchema), so no
        // sum, comparison or text of a ruleset that passed can overflow or trap.
        let pointsRange = RulesetSchema.pointsRange
        var pointValues: [(String, Double)] = [
            ("kualifikasi.max", r.kualifikasi.max), ("kompetensi.max", r.kompetensi.max), ("kinerja.max", r.kinerja.max),
            ("disiplin.max", r.disiplin.max), ("disiplin.none", r.disiplin.none),
        ]
        pointValues += r.kualifikasi.points.sorted { $0.key < $1.key }.map { ("kualifikasi.points.\($0.key.rawValue)", $0.value) }
        pointValues += r.kinerja.points.sorted { $0.key.rawValue < $1.key.rawValue }.map { ("kinerja.points.\($0.key.rawValue)", $0.value) }
        pointValues += r.disiplin.points.sorted { $0.key.rawValue < $1.key.rawValue }.map { ("disiplin.points.\($0.key.rawValue)", $0.value) }
        for jabatan in JenisJabatan.allCases {
            guard let row = r.kompetensi.points[jabatan] else { continue }
            pointValues += DiklatGroup.allCases.map { ("kompetensi.points.\(jabatan.rawValue).\($0.rawValue)", row[$0]) }
        }
        var outOfRange = Set<String>()
        for (path, value) in pointValues where !(value.isFinite && pointsRange.contains(value)) {
            outOfRange.insert(path)
            err("\(path): \(numberText(value)) is outside \(RulesetSchema.rangeText(pointsRange))")
        }
        for (index, band) in r.categories.enumerated() where !(band.min.isFinite && band.min >= 0) {
            outOfRange.insert("categories")
            err("categories[\(index)].min: \(numberText(band.min)) must be a number from 0")
        }
        for (path, years) in [
            ("kompetensi.teknis_window_years", r.kompetensi.teknisWindowYears),
            ("kompetensi.seminar_window_years", r.kompetensi.seminarWindowYears), ("disiplin.window_years", r.disiplin.windowYears),
        ] where !RulesetSchema.windowRange.contains(years) {
            err("\(path): \(years) is outside 1...\(RulesetLimits.maxWindowYears)")
        }
        if !(0...RulesetLimits.maxJP).contains(r.kompetensi.teknisMinimumJP) {
            err("kompetensi.teknis_minimum_jp: \(r.kompetensi.teknisMinimumJP) is outside 0...\(RulesetLimits.maxJP)")
        }
        for (level, rank) in r.kompetensi.leadershipRank.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !(0...RulesetLimits.maxRank).contains(rank) {
            err("kompetensi.leadership_rank.\(level.rawValue): \(rank) is outside 0...\(RulesetLimits.maxRank)")
        }
        guard outOfRange.isEmpty else { return check }
        for level in EducationLevel.allCases {
            guard let points = r.kualifikasi.points[level] else {
                warn("kualifikasi.points.\(level.rawValue): missing, so this level earns 0")
                continue
            }
            if points < 0 || points > r.kualifikasi.max {
                err("kualifikasi.points.\(level.rawValue): \(numberText(points)) is outside 0...\(numberText(r.kualifikasi.max))")
            }
        }
        for jenis in JenisDiklat.all where r.kompetensi.groups[jenis.id] == nil {
            warn("kompetensi.groups.\(jenis.id) (\(jenis.nama)): not mapped to a group, so it earns nothing")
        }
        for jabatan in JenisJabatan.allCases {
            guard let row = r.kompetensi.points[jabatan] else {
                err("kompetensi.points.\(jabatan.rawValue): missing")
                continue
            }
            if abs(row.sum - r.kompetensi.max) > 1e-9 {
                err(
                    "kompetensi.points.\(jabatan.rawValue): the indicators add up to \(numberText(row.sum)), not to kompetensi.max \(numberText(r.kompetensi.max))"
                )
            }
        }
        for level in LeadershipLevel.allCases where r.kompetensi.leadershipRank[level] == nil {
            err("kompetensi.leadership_rank.\(level.rawValue): missing")
        }
        for jenjang in JenjangStruktural.allCases where r.kompetensi.leadershipRequired[jenjang] == nil {
            warn("kompetensi.leadership_required.\(jenjang.rawValue): missing, so this post never earns the kepemimpinan points")
        }
        for predikat in Predikat.allCases {
            guard let points = r.kinerja.points[predikat] else {
                err("kinerja.points.\(predikat.rawValue): missing")
                continue
            }
            if points < 0 || points > r.kinerja.max {
                err("kinerja.points.\(predikat.rawValue): \(numberText(points)) is outside 0...\(numberText(r.kinerja.max))")
            }
        }
        for (index, threshold) in r.kinerja.nilaiThresholds.enumerated() where !(0...100).contains(threshold.min) {
            err("kinerja.nilai_thresholds[\(index)].min: \(numberText(threshold.min)) is outside 0...100")
        }
        for (name, points) in [("none", r.disiplin.none)] + TingkatHukuman.allCases.map({
            ($0.rawValue, r.disiplin.points[$0] ?? -1)
        }) {
            if points < 0 || points > r.disiplin.max {
                err("disiplin.\(name == "none" ? "none" : "points.\(name)"): \(points < 0 ? "missing or negative" : "\(numberText(points)) is above disiplin.max \(numberText(r.disiplin.max))")")
            }
        }
        if r.categories.isEmpty {
            err("categories: at least one band is needed")
        } else {
            let mins = r.categories.map(\.min)
            if mins != mins.sorted(by: >) { err("categories: list the bands from the highest min to the lowest") }
            if Set(mins).count != mins.count { err("categories: two bands have the same min") }
            for (index, band) in r.categories.enumerated() where band.min > r.maxTotal + 1e-9 {
                err("categories[\(index)].min: \(numberText(band.min)) is above the highest possible total \(numberText(r.maxTotal)), so no one can reach it")
            }
            for (index, band) in r.categories.enumerated() where band.name.trimmingCharacters(in: .whitespaces).isEmpty {
                err("categories[\(index)].name: must not be empty")
            }
            if let lowest = mins.min(), lowest > 0 {
                warn("categories: the lowest band starts at \(lowest); totals below it fall in that band anyway")
            }
        }
        return check
    }

    /// A number as a ruleset file writes it: `40`, `22.5`, `1e+308`.
    static func numberText(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    // MARK: - Parsing

    /// The id a partial ruleset without its own `id` gets when it changes its base:
    /// `bkn-2019-diubah`, never the base's own id.
    public static func derivedID(of baseID: String) -> String { "\(baseID)-diubah" }

    private static func parse(_ data: Data) -> (Ruleset?, RulesetCheck) {
        var reader = JSONReader(Array(data))
        var file: JSONValue
        do {
            file = try reader.parse()
        } catch {
            return (nil, RulesetCheck(errors: ["not valid JSON: line \(error.line), column \(error.column): \(error.reason)"]))
        }
        guard case .object = file else {
            return (nil, RulesetCheck(errors: ["(the file): must hold one JSON object, found \(file.kindName)"]))
        }
        var check = RulesetCheck()
        check.errors += reader.duplicateKeys.map { "\($0): the key appears twice; keep one" }
        var base: Ruleset?
        if let baseName = file["base"] {
            guard case .string(let name) = baseName, let builtIn = Ruleset.builtIn[name] else {
                let known = Ruleset.builtIn.keys.sorted().joined(separator: ", ")
                check.errors.append("base: unknown ruleset \(baseName.text); known: \(known)")
                return (nil, check)
            }
            base = builtIn
            if case .object(let members) = file { file = .object(members.filter { $0.key != "base" }) }
        }
        var tree = file
        if let base {
            var baseReader = JSONReader(Array(encode(base)))
            guard let baseTree = try? baseReader.parse() else {
                return (nil, RulesetCheck(errors: ["base: the built-in ruleset \(base.id) could not be read"]))
            }
            // The base's keys that the file does not repeat are the base's; shape errors in
            // the file's own keys are reported by path below.
            tree = baseTree.merged(with: file)
        }
        // A full ruleset written before verification existed keeps the default section.
        if tree[VerificationRules.key] == nil, case .object(var members) = tree {
            members.append((VerificationRules.key, .object([("rejected_records_count", .bool(false))])))
            tree = .object(members)
        }
        check.errors += RulesetSchema.ruleset.problems(tree, path: "")
        guard check.errors.isEmpty else { return (nil, check) }
        var ruleset: Ruleset
        do {
            ruleset = try JSONDecoder().decode(Ruleset.self, from: Data(tree.text.utf8))
        } catch {
            return (nil, RulesetCheck(errors: [decodingErrorText(error)]))
        }
        if let base, ruleset != base {
            // A changed ruleset is never shown under the name of the one it came from.
            if file["id"] == nil { ruleset.id = derivedID(of: base.id) }
            if file["name"] == nil { ruleset.name = "\(base.name) (diubah)" }
        }
        if let builtIn = Ruleset.builtIn[ruleset.id], builtIn != ruleset {
            check.errors.append(
                "id: \"\(ruleset.id)\" is the id of the built-in ruleset, and this file changes it; give it its own id (or leave id out)"
            )
        }
        let semantic = validate(ruleset)
        check.errors += semantic.errors
        check.warnings += semantic.warnings
        return (check.errors.isEmpty ? ruleset : nil, check)
    }

    private static func decodingErrorText(_ error: Error) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let here = path(context.codingPath + [key])
            return "\(here): missing (a full ruleset needs every key; or start the file with \"base\": \"bkn-2019\")"
        case DecodingError.typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type))"
        case DecodingError.valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case DecodingError.dataCorrupted(let context):
            let here = path(context.codingPath)
            return here.isEmpty ? context.debugDescription : "\(here): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }
}
