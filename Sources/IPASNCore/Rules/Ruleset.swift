/// A complete scoring method for IP ASN as one data value: every table, window,
/// threshold and jenis-to-group mapping the engine uses.
///
/// The default is ``Ruleset/bkn2019``. A BKD can supply its own in JSON (see
/// `docs/rulesets.md`): a full ruleset, or `"base": "bkn-2019"` plus only the
/// parts it changes. Nothing about scoring lives outside this value.
public struct Ruleset: Hashable, Sendable, Codable {
    /// A short identifier, e.g. `bkn-2019`.
    public var id: String
    /// A readable name.
    public var name: String
    public var kualifikasi: KualifikasiRules
    public var kompetensi: KompetensiRules
    public var kinerja: KinerjaRules
    public var disiplin: DisiplinRules
    /// Category cut points, applied to a pegawai's total or a unit's mean.
    public var categories: [CategoryBand]
    /// Which records count by their verification status (a ruleset written before
    /// verification existed reads with the default: rejected records do not count).
    public var verification: VerificationRules

    public init(
        id: String, name: String, kualifikasi: KualifikasiRules, kompetensi: KompetensiRules,
        kinerja: KinerjaRules, disiplin: DisiplinRules, categories: [CategoryBand],
        verification: VerificationRules = VerificationRules()
    ) {
        self.verification = verification
        self.id = id
        self.name = name
        self.kualifikasi = kualifikasi
        self.kompetensi = kompetensi
        self.kinerja = kinerja
        self.disiplin = disiplin
        self.categories = categories
    }

    /// The maximum total: the four dimension maxima added.
    public var maxTotal: Double { kualifikasi.max + kompetensi.max + kinerja.max + disiplin.max }

    /// The category for a total or mean: the first band (highest first) whose minimum it reaches.
    public func category(for total: Double) -> Category {
        let sorted = categories.sorted { $0.min > $1.min }
        for (index, band) in sorted.enumerated() where total >= band.min - 1e-9 {
            return Category(name: band.name, rank: index)
        }
        let last = sorted.count - 1
        return Category(name: sorted.last?.name ?? "", rank: max(0, last))
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, kualifikasi, kompetensi, kinerja, disiplin, categories, verification
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kualifikasi = try c.decode(KualifikasiRules.self, forKey: .kualifikasi)
        kompetensi = try c.decode(KompetensiRules.self, forKey: .kompetensi)
        kinerja = try c.decode(KinerjaRules.self, forKey: .kinerja)
        disiplin = try c.decode(DisiplinRules.self, forKey: .disiplin)
        categories = try c.decode([CategoryBand].self, forKey: .categories)
        verification = try c.decodeIfPresent(VerificationRules.self, forKey: .verification) ?? VerificationRules()
    }
}

/// Kualifikasi: the highest education completed by the end of the measurement year.
public struct KualifikasiRules: Hashable, Sendable, Codable {
    public var max: Double
    /// Points for each level; a level missing from the table earns nothing.
    public var points: [EducationLevel: Double]
    /// Whether an education record without a graduation date counts *(choice)*.
    public var undatedCounts: Bool

    public init(max: Double, points: [EducationLevel: Double], undatedCounts: Bool) {
        self.max = max
        self.points = points
        self.undatedCounts = undatedCounts
    }

    private enum CodingKeys: String, CodingKey {
        case max, points
        case undatedCounts = "undated_counts"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        max = try c.decode(Double.self, forKey: .max)
        points = try decodeEnumKeyed(c, .points, EducationLevel.self)
        undatedCounts = try c.decode(Bool.self, forKey: .undatedCounts)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(max, forKey: .max)
        try c.encode(stringKeyed(points), forKey: .points)
        try c.encode(undatedCounts, forKey: .undatedCounts)
    }
}

/// The four kompetensi indicators.
public enum DiklatGroup: String, CaseIterable, Sendable, Codable {
    case kepemimpinan
    case fungsional
    case teknis
    case seminar
}

/// Points for each kompetensi indicator, for one jenis jabatan.
public struct KompetensiPoints: Hashable, Sendable, Codable {
    public var kepemimpinan: Double
    public var fungsional: Double
    public var teknis: Double
    public var seminar: Double

    public init(kepemimpinan: Double, fungsional: Double, teknis: Double, seminar: Double) {
        self.kepemimpinan = kepemimpinan
        self.fungsional = fungsional
        self.teknis = teknis
        self.seminar = seminar
    }

    public subscript(group: DiklatGroup) -> Double {
        switch group {
        case .kepemimpinan: return kepemimpinan
        case .fungsional: return fungsional
        case .teknis: return teknis
        case .seminar: return seminar
        }
    }

    public var sum: Double { kepemimpinan + fungsional + teknis + seminar }
}

/// Kompetensi: training and seminars, by jenis jabatan.
public struct KompetensiRules: Hashable, Sendable, Codable {
    public var max: Double
    /// The scoring group of each SIASN jenisDiklatId (1 to 25) *(choice)*.
    public var groups: [Int: DiklatGroup]
    /// Indicator points for each jenis jabatan.
    public var points: [JenisJabatan: KompetensiPoints]
    /// The JP of teknis records in the window must add up to at least this (no pro-rating).
    public var teknisMinimumJP: Int
    /// How many years the teknis window spans, ending with the measurement year *(choice)*: 1 = Y only.
    public var teknisWindowYears: Int
    /// How many years the seminar window spans, ending with the measurement year *(choice)*: 2 = Y-1 and Y.
    public var seminarWindowYears: Int
    /// Rank of each leadership course level (equal ranks are equivalent).
    public var leadershipRank: [LeadershipLevel: Int]
    /// The lowest course level each struktural post needs for the kepemimpinan points.
    public var leadershipRequired: [JenjangStruktural: LeadershipLevel]
    /// Whether a fungsional course marked "tidak sesuai jabatan" is ignored.
    public var fungsionalRequiresSesuai: Bool

    public init(
        max: Double, groups: [Int: DiklatGroup], points: [JenisJabatan: KompetensiPoints],
        teknisMinimumJP: Int, teknisWindowYears: Int, seminarWindowYears: Int,
        leadershipRank: [LeadershipLevel: Int], leadershipRequired: [JenjangStruktural: LeadershipLevel],
        fungsionalRequiresSesuai: Bool
    ) {
        self.max = max
        self.groups = groups
        self.points = points
        self.teknisMinimumJP = teknisMinimumJP
        self.teknisWindowYears = teknisWindowYears
        self.seminarWindowYears = seminarWindowYears
        self.leadershipRank = leadershipRank
        self.leadershipRequired = leadershipRequired
        self.fungsionalRequiresSesuai = fungsionalRequiresSesuai
    }

    /// The group of a jenis, or nil when the ruleset leaves it out (it then earns nothing).
    public func group(of jenis: JenisDiklat) -> DiklatGroup? { groups[jenis.id] }

    private enum CodingKeys: String, CodingKey {
        case max, groups, points
        case teknisMinimumJP = "teknis_minimum_jp"
        case teknisWindowYears = "teknis_window_years"
        case seminarWindowYears = "seminar_window_years"
        case leadershipRank = "leadership_rank"
        case leadershipRequired = "leadership_required"
        case fungsionalRequiresSesuai = "fungsional_requires_sesuai"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        max = try c.decode(Double.self, forKey: .max)
        let rawGroups = try c.decode([String: DiklatGroup].self, forKey: .groups)
        var groups: [Int: DiklatGroup] = [:]
        for (key, group) in rawGroups {
            guard let id = Int(key), JenisDiklat.withID(id) != nil else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: c.codingPath + [CodingKeys.groups],
                        debugDescription: "\"\(key)\" is not a SIASN jenis diklat id (1 to 25)"))
            }
            groups[id] = group
        }
        self.groups = groups
        points = try decodeEnumKeyed(c, .points, JenisJabatan.self)
        teknisMinimumJP = try c.decode(Int.self, forKey: .teknisMinimumJP)
        teknisWindowYears = try c.decode(Int.self, forKey: .teknisWindowYears)
        seminarWindowYears = try c.decode(Int.self, forKey: .seminarWindowYears)
        leadershipRank = try decodeEnumKeyed(c, .leadershipRank, LeadershipLevel.self)
        leadershipRequired = try decodeEnumKeyed(c, .leadershipRequired, JenjangStruktural.self)
        fungsionalRequiresSesuai = try c.decode(Bool.self, forKey: .fungsionalRequiresSesuai)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(max, forKey: .max)
        try c.encode(
            Dictionary(uniqueKeysWithValues: groups.map { (String($0.key), $0.value) }), forKey: .groups)
        try c.encode(stringKeyed(points), forKey: .points)
        try c.encode(teknisMinimumJP, forKey: .teknisMinimumJP)
        try c.encode(teknisWindowYears, forKey: .teknisWindowYears)
        try c.encode(seminarWindowYears, forKey: .seminarWindowYears)
        try c.encode(stringKeyed(leadershipRank), forKey: .leadershipRank)
        try c.encode(stringKeyed(leadershipRequired), forKey: .leadershipRequired)
        try c.encode(fungsionalRequiresSesuai, forKey: .fungsionalRequiresSesuai)
    }
}

/// One cut point of the PP 46/2011 numeric SKP scale.
public struct NilaiThreshold: Hashable, Sendable, Codable {
    /// The lowest number (inclusive) that earns this predikat.
    public var min: Double
    public var predikat: Predikat

    public init(min: Double, predikat: Predikat) {
        self.min = min
        self.predikat = predikat
    }
}

/// Kinerja: the SKP of the measurement year.
public struct KinerjaRules: Hashable, Sendable, Codable {
    public var max: Double
    public var points: [Predikat: Double]
    /// Numeric SKP to predikat, checked highest first; below every threshold, `belowAll`.
    public var nilaiThresholds: [NilaiThreshold]
    public var belowAll: Predikat

    public init(max: Double, points: [Predikat: Double], nilaiThresholds: [NilaiThreshold], belowAll: Predikat) {
        self.max = max
        self.points = points
        self.nilaiThresholds = nilaiThresholds
        self.belowAll = belowAll
    }

    /// The predikat an SKP counts as: its own predikat when given, else from its number.
    public func effectivePredikat(of skp: SKP) -> Predikat? {
        if let predikat = skp.predikat { return predikat }
        guard let nilai = skp.nilai else { return nil }
        for threshold in nilaiThresholds.sorted(by: { $0.min > $1.min }) where nilai >= threshold.min {
            return threshold.predikat
        }
        return belowAll
    }

    private enum CodingKeys: String, CodingKey {
        case max, points
        case nilaiThresholds = "nilai_thresholds"
        case belowAll = "below_all"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        max = try c.decode(Double.self, forKey: .max)
        points = try decodeEnumKeyed(c, .points, Predikat.self)
        nilaiThresholds = try c.decode([NilaiThreshold].self, forKey: .nilaiThresholds)
        belowAll = try c.decode(Predikat.self, forKey: .belowAll)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(max, forKey: .max)
        try c.encode(stringKeyed(points), forKey: .points)
        try c.encode(nilaiThresholds, forKey: .nilaiThresholds)
        try c.encode(belowAll, forKey: .belowAll)
    }
}

/// Disiplin: the heaviest punishment in the window.
public struct DisiplinRules: Hashable, Sendable, Codable {
    public var max: Double
    /// Points with no punishment in the window.
    public var none: Double
    public var points: [TingkatHukuman: Double]
    /// How many years the window spans, ending with the measurement year *(choice)*: 1 = TMT in Y.
    public var windowYears: Int

    public init(max: Double, none: Double, points: [TingkatHukuman: Double], windowYears: Int) {
        self.max = max
        self.none = none
        self.points = points
        self.windowYears = windowYears
    }

    private enum CodingKeys: String, CodingKey {
        case max, none, points
        case windowYears = "window_years"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        max = try c.decode(Double.self, forKey: .max)
        none = try c.decode(Double.self, forKey: .none)
        points = try decodeEnumKeyed(c, .points, TingkatHukuman.self)
        windowYears = try c.decode(Int.self, forKey: .windowYears)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(max, forKey: .max)
        try c.encode(none, forKey: .none)
        try c.encode(stringKeyed(points), forKey: .points)
        try c.encode(windowYears, forKey: .windowYears)
    }
}

/// One category band: a total at or above `min` (and below the next band) has this name.
public struct CategoryBand: Hashable, Sendable, Codable {
    public var min: Double
    public var name: String

    public init(min: Double, name: String) {
        self.min = min
        self.name = name
    }
}

/// A category as assigned: its name and its rank (0 = the highest band).
public struct Category: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var rank: Int

    public init(name: String, rank: Int) {
        self.name = name
        self.rank = rank
    }

    public var description: String { name }
}

// MARK: - Coding helpers for dictionaries keyed by enums (JSON objects with string keys)

func stringKeyed<K: RawRepresentable, V>(_ dictionary: [K: V]) -> [String: V] where K.RawValue == String {
    Dictionary(uniqueKeysWithValues: dictionary.map { ($0.key.rawValue, $0.value) })
}

func decodeEnumKeyed<C: CodingKey, K: RawRepresentable & CaseIterable & Hashable, V: Decodable>(
    _ container: KeyedDecodingContainer<C>, _ key: C, _ type: K.Type
) throws -> [K: V] where K.RawValue == String {
    let raw = try container.decode([String: V].self, forKey: key)
    var result: [K: V] = [:]
    for (name, value) in raw {
        guard let enumKey = K(rawValue: name) else {
            let allowed = K.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [key],
                    debugDescription: "unknown key \"\(name)\"; expected one of: \(allowed)"))
        }
        result[enumKey] = value
    }
    return result
}
