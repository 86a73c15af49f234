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
        for (name, max) in [
            ("kualifikasi", r.kualifikasi.max), ("kompetensi", r.kompetensi.max), ("kinerja", r.kinerja.max),
            ("disiplin", r.disiplin.max),
        ] where max < 0 {
            err("\(name).max: must not be negative (is \(max))")
        }
        for level in EducationLevel.allCases {
            guard let points = r.kualifikasi.points[level] else {
                warn("kualifikasi.points.\(level.rawValue): missing, so this level earns 0")
                continue
            }
            if points < 0 || points > r.kualifikasi.max {
                err("kualifikasi.points.\(level.rawValue): \(points) is outside 0...\(r.kualifikasi.max)")
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
            for group in DiklatGroup.allCases where row[group] < 0 {
                err("kompetensi.points.\(jabatan.rawValue).\(group.rawValue): must not be negative")
            }
            if row.sum > r.kompetensi.max + 1e-9 {
                err(
                    "kompetensi.points.\(jabatan.rawValue): the indicators add up to \(row.sum), more than kompetensi.max \(r.kompetensi.max)"
                )
            }
        }
        if r.kompetensi.teknisMinimumJP < 0 { err("kompetensi.teknis_minimum_jp: must not be negative") }
        if r.kompetensi.teknisWindowYears < 1 { err("kompetensi.teknis_window_years: must be at least 1") }
        if r.kompetensi.seminarWindowYears < 1 { err("kompetensi.seminar_window_years: must be at least 1") }
        if r.disiplin.windowYears < 1 { err("disiplin.window_years: must be at least 1") }
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
                err("kinerja.points.\(predikat.rawValue): \(points) is outside 0...\(r.kinerja.max)")
            }
        }
        for (index, threshold) in r.kinerja.nilaiThresholds.enumerated() where !(0...100).contains(threshold.min) {
            err("kinerja.nilai_thresholds[\(index)].min: \(threshold.min) is outside 0...100")
        }
        for (name, points) in [("none", r.disiplin.none)] + TingkatHukuman.allCases.map({
            ($0.rawValue, r.disiplin.points[$0] ?? -1)
        }) {
            if points < 0 || points > r.disiplin.max {
                err("disiplin.\(name == "none" ? "none" : "points.\(name)"): \(points < 0 ? "missing or negative" : "\(points) is above disiplin.max \(r.disiplin.max)")")
            }
        }
        if r.categories.isEmpty {
            err("categories: at least one band is needed")
        } else {
            let mins = r.categories.map(\.min)
            if mins != mins.sorted(by: >) { err("categories: list the bands from the highest min to the lowest") }
            if Set(mins).count != mins.count { err("categories: two bands have the same min") }
            if let lowest = mins.min(), lowest > 0 {
                warn("categories: the lowest band starts at \(lowest); totals below it fall in that band anyway")
            }
        }
        return check
    }

    // MARK: - Parsing

    private static func parse(_ data: Data) -> (Ruleset?, RulesetCheck) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            return (nil, RulesetCheck(errors: ["not valid JSON: \(jsonErrorText(error))"]))
        }
        guard var dictionary = object as? [String: Any] else {
            return (nil, RulesetCheck(errors: ["the file must hold one JSON object"]))
        }
        var check = RulesetCheck()
        if let baseName = dictionary.removeValue(forKey: "base") {
            guard let name = baseName as? String, let base = Ruleset.builtIn[name] else {
                let known = Ruleset.builtIn.keys.sorted().joined(separator: ", ")
                return (nil, RulesetCheck(errors: ["base: unknown ruleset \(baseName); known: \(known)"]))
            }
            let baseObject =
                (try? JSONSerialization.jsonObject(with: encode(base), options: [])) as? [String: Any] ?? [:]
            check.errors += unknownKeys(dictionary, like: baseObject, path: "")
            dictionary = merge(baseObject, dictionary)
        } else {
            let reference =
                (try? JSONSerialization.jsonObject(with: encode(.bkn2019), options: [])) as? [String: Any] ?? [:]
            check.errors += unknownKeys(dictionary, like: reference, path: "", allowOpenMaps: true)
        }
        guard check.errors.isEmpty else { return (nil, check) }
        let merged: Data
        do {
            merged = try JSONSerialization.data(withJSONObject: dictionary, options: [])
        } catch {
            return (nil, RulesetCheck(errors: ["could not rebuild the merged ruleset: \(error)"]))
        }
        let ruleset: Ruleset
        do {
            ruleset = try JSONDecoder().decode(Ruleset.self, from: merged)
        } catch {
            return (nil, RulesetCheck(errors: [decodingErrorText(error)]))
        }
        let semantic = validate(ruleset)
        check.errors += semantic.errors
        check.warnings += semantic.warnings
        return (check.errors.isEmpty ? ruleset : nil, check)
    }

    /// Deep merge: objects key by key, anything else replaced.
    private static func merge(_ base: [String: Any], _ override: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in override {
            if let inner = value as? [String: Any], let baseInner = base[key] as? [String: Any] {
                result[key] = merge(baseInner, inner)
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// Keys the file has that the reference shape does not (typos such as `teknis_min_jp`).
    /// Objects whose keys are data (jenis ids, levels) are checked by the decoder instead.
    private static func unknownKeys(_ object: [String: Any], like reference: [String: Any], path: String,
        allowOpenMaps: Bool = false) -> [String]
    {
        let dataKeyed: Set<String> = [
            "kualifikasi.points", "kompetensi.groups", "kompetensi.points", "kompetensi.leadership_rank",
            "kompetensi.leadership_required", "kinerja.points", "disiplin.points",
        ]
        var problems: [String] = []
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            let here = path.isEmpty ? key : "\(path).\(key)"
            guard let expected = reference[key] else {
                let known = reference.keys.sorted().joined(separator: ", ")
                problems.append("\(here): unknown key; expected one of: \(known)")
                continue
            }
            if dataKeyed.contains(here) { continue }
            if let inner = value as? [String: Any], let expectedInner = expected as? [String: Any] {
                problems += unknownKeys(inner, like: expectedInner, path: here, allowOpenMaps: allowOpenMaps)
            }
        }
        return problems
    }

    private static func jsonErrorText(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
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
