/// Everything the kompetensi score of ONE measurement year needs from an employee's diklat,
/// under one ruleset: four values instead of the rows (issue 12's pre-aggregation).
///
/// ``ScoringEngine/kompetensi(_:year:)`` reads a diklat record only through its group
/// (``KompetensiRules/group(of:)``), its end date, its tingkat (kepemimpinan), its
/// "sesuai jabatan" flag (fungsional) and its JP (teknis), and each group only as:
///
/// - kepemimpinan: the best rank (``KompetensiRules/leadershipRank``, above 0) of a record
///   ending by 31 December of the year;
/// - fungsional: whether a record ending by 31 December counts (sesuai jabatan, or the
///   ruleset does not require it);
/// - teknis: the JP of the records ending in the teknis window, added up (none: nil);
/// - seminar: whether a record ends in the seminar window.
///
/// A store may compute these four values where the rows are (the PostgreSQL full recompute
/// does, in SQL written from the same rules: `PGRecomputeTables.summarySQL`) and hand the engine
/// ``records(nip:year:rules:)``: at most four stand-in records that give exactly the score
/// the rows give for that year and ruleset (not for another year: a stand-in's date is
/// 31 December of the year). `DiklatSummaryTests` proves the equality on generated records
/// under several rulesets; the row-wise ``init(_:year:rules:)`` is the definition.
public struct DiklatSummary: Hashable, Sendable {
    /// The best leadership rank (above 0) of a kepemimpinan record ending by 31 December; nil: none.
    public var leadershipRank: Int?
    /// A fungsional record ending by 31 December counts.
    public var fungsional: Bool
    /// The JP of the teknis records ending in the teknis window; nil: no such record.
    public var teknisJP: Int?
    /// A seminar-group record ends in the seminar window.
    public var seminar: Bool

    public init(leadershipRank: Int? = nil, fungsional: Bool = false, teknisJP: Int? = nil, seminar: Bool = false) {
        self.leadershipRank = leadershipRank
        self.fungsional = fungsional
        self.teknisJP = teknisJP
        self.seminar = seminar
    }

    /// The summary of `diklat` for measurement year `year` (the definition, row by row).
    public init(_ diklat: [Diklat], year: Int, rules: KompetensiRules) {
        self.init()
        for record in diklat { add(record, year: year, rules: rules) }
    }

    /// Adds one record (the summary of the records so far and `record`).
    public mutating func add(_ record: Diklat, year: Int, rules: KompetensiRules) {
        guard let group = rules.group(of: record.jenis) else { return }
        let end = record.tanggalSelesai
        switch group {
        case .kepemimpinan:
            guard end <= LocalDate.endOfYear(year), let level = record.tingkat, let rank = rules.leadershipRank[level], rank > 0 else { return }
            leadershipRank = Swift.max(leadershipRank ?? 0, rank)
        case .fungsional:
            if end <= LocalDate.endOfYear(year) && (record.sesuaiJabatan || !rules.fungsionalRequiresSesuai) { fungsional = true }
        case .teknis:
            if Self.teknisYears(year, rules).contains(end.year) { teknisJP = (teknisJP ?? 0) + record.jp }
        case .seminar:
            if Self.seminarYears(year, rules).contains(end.year) { seminar = true }
        }
    }

    /// Adds the summary of other records of the same employee and year (the summary of both sets).
    public mutating func merge(_ other: DiklatSummary) {
        if let rank = other.leadershipRank { leadershipRank = Swift.max(leadershipRank ?? 0, rank) }
        fungsional = fungsional || other.fungsional
        if let jp = other.teknisJP { teknisJP = (teknisJP ?? 0) + jp }
        seminar = seminar || other.seminar
    }

    /// Whether the summary holds nothing (the employee's diklat earn as no diklat at all).
    public var isEmpty: Bool { self == DiklatSummary() }

    /// The years whose records count for teknis in measurement year `year` (as the engine's window).
    public static func teknisYears(_ year: Int, _ rules: KompetensiRules) -> ClosedRange<Int> {
        (year - Swift.max(rules.teknisWindowYears, 1) + 1)...year
    }

    /// The years whose records count for seminar in measurement year `year` (as the engine's window).
    public static func seminarYears(_ year: Int, _ rules: KompetensiRules) -> ClosedRange<Int> {
        (year - Swift.max(rules.seminarWindowYears, 1) + 1)...year
    }

    /// Stand-in records, all ending on 31 December of `year`, that the engine scores for
    /// `year` exactly as the summarised rows: one per group the summary holds something for.
    public func records(nip: String, year: Int, rules: KompetensiRules) -> [Diklat] {
        StandIns(year: year, rules: rules).records(self, nip: nip)
    }

    /// The stand-ins' fixed parts for one year and ruleset, worked out once (a full recompute
    /// asks for 50,000 employees' stand-ins).
    public struct StandIns: Sendable {
        /// The first jenis of each group (a summary holds a group only when a jenis maps to it).
        private let jenis: [DiklatGroup: JenisDiklat]
        /// The first leadership level (in ``LeadershipLevel`` order) of each rank.
        private let levels: [Int: LeadershipLevel]
        private let end: LocalDate

        public init(year: Int, rules: KompetensiRules) {
            var jenis: [DiklatGroup: JenisDiklat] = [:]
            for kind in JenisDiklat.all.reversed() {
                if let group = rules.group(of: kind) { jenis[group] = kind }
            }
            var levels: [Int: LeadershipLevel] = [:]
            for level in LeadershipLevel.allCases.reversed() {
                if let rank = rules.leadershipRank[level] { levels[rank] = level }
            }
            self.jenis = jenis
            self.levels = levels
            end = LocalDate.endOfYear(year)
        }

        /// The stand-ins of `summary` (see ``DiklatSummary/records(nip:year:rules:)``).
        public func records(_ summary: DiklatSummary, nip: String) -> [Diklat] {
            func record(_ group: DiklatGroup, tingkat: LeadershipLevel? = nil, jp: Int = 0) -> Diklat? {
                guard let jenis = jenis[group] else { return nil }
                return Diklat(
                    nip: nip, jenis: jenis, tingkat: tingkat, nama: "", tanggalMulai: end, tanggalSelesai: end, jp: jp, sesuaiJabatan: true)
            }
            var result: [Diklat] = []
            if let rank = summary.leadershipRank, let level = levels[rank], let r = record(.kepemimpinan, tingkat: level) { result.append(r) }
            if summary.fungsional, let r = record(.fungsional) { result.append(r) }
            if let jp = summary.teknisJP, let r = record(.teknis, jp: jp) { result.append(r) }
            if summary.seminar, let r = record(.seminar) { result.append(r) }
            return result
        }
    }
}
