/// A training intervention a supervisor can plan: one more course of a kind for every
/// employee it would help ("a 20-JP technical course for twelve pelaksana").
public enum Intervention: String, CaseIterable, Sendable, Codable {
    /// A technical course of the ruleset's minimum JP (20 under bkn-2019), finished in Y.
    case teknis
    /// One seminar-group activity (seminar, workshop, sosialisasi ...) in Y.
    case seminar
    /// The leadership course a struktural post requires.
    case kepemimpinan
    /// A functional course matching a fungsional post.
    case fungsional

    /// The readable name in a language.
    public func displayName(_ language: Language) -> String {
        switch (self, language) {
        case (.teknis, .id): return "Diklat teknis"
        case (.teknis, .en): return "Technical course"
        case (.seminar, .id): return "Seminar/workshop"
        case (.seminar, .en): return "Seminar/workshop"
        case (.kepemimpinan, .id): return "Diklat kepemimpinan"
        case (.kepemimpinan, .en): return "Leadership course"
        case (.fungsional, .id): return "Diklat fungsional"
        case (.fungsional, .en): return "Functional course"
        }
    }

    /// The course this intervention would add for an employee in year `year`, or nil when it
    /// cannot apply to the post (a leadership course for a pelaksana).
    public func course(for pegawai: Pegawai, year: Int, ruleset: Ruleset) -> Diklat? {
        let end = LocalDate.endOfYear(year)
        let rules = ruleset.kompetensi
        func firstJenis(_ group: DiklatGroup) -> JenisDiklat? {
            JenisDiklat.all.first { rules.groups[$0.id] == group }
        }
        switch self {
        case .teknis:
            guard let jenis = firstJenis(.teknis) else { return nil }
            return Diklat(
                nip: pegawai.nip, jenis: jenis, nama: "(rencana) teknis", tanggalMulai: end, tanggalSelesai: end,
                jp: max(1, rules.teknisMinimumJP))
        case .seminar:
            guard let jenis = firstJenis(.seminar) else { return nil }
            return Diklat(nip: pegawai.nip, jenis: jenis, nama: "(rencana) seminar", tanggalMulai: end, tanggalSelesai: end, jp: 1)
        case .kepemimpinan:
            guard let jenjang = pegawai.jenjangStruktural, let level = rules.leadershipRequired[jenjang],
                let jenis = firstJenis(.kepemimpinan)
            else { return nil }
            return Diklat(
                nip: pegawai.nip, jenis: jenis, tingkat: level, nama: "(rencana) kepemimpinan", tanggalMulai: end,
                tanggalSelesai: end, jp: 1)
        case .fungsional:
            guard let jenis = firstJenis(.fungsional) else { return nil }
            return Diklat(
                nip: pegawai.nip, jenis: jenis, nama: "(rencana) fungsional", tanggalMulai: end, tanggalSelesai: end, jp: 1)
        }
    }
}

/// How much one intervention would raise a group of employees: who would gain, and by how much.
public struct InterventionTotals: Hashable, Sendable, Codable {
    /// Employees in the group (active ones).
    public var pegawai: Int = 0
    /// Employees whose total would rise.
    public var beneficiaries: Int = 0
    /// The sum of the rises of their totals.
    public var gain: Double = 0

    public init() {}

    public mutating func add(_ other: InterventionTotals) {
        pegawai += other.pegawai
        beneficiaries += other.beneficiaries
        gain += other.gain
    }

    /// How much the group's mean total would rise.
    public var meanGain: Double { pegawai > 0 ? gain / Double(pegawai) : 0 }
}

/// Works out, for each employee, what each ``Intervention`` would add to the total, with the
/// scoring engine itself (so it follows whatever ruleset is active).
public struct InterventionPlanner: Sendable {
    public let engine: ScoringEngine

    public init(ruleset: Ruleset) {
        engine = ScoringEngine(ruleset: ruleset)
    }

    /// The rise of this employee's total under each intervention that would raise it.
    public func gains(_ records: EmployeeRecords, year: Int) -> [Intervention: Double] {
        let before = engine.score(records, year: year).total
        var result: [Intervention: Double] = [:]
        for intervention in Intervention.allCases {
            guard let course = intervention.course(for: records.pegawai, year: year, ruleset: engine.ruleset) else {
                continue
            }
            let after = engine.score(records.adding(.diklat(course)), year: year).total
            if after > before { result[intervention] = after - before }
        }
        return result
    }

    /// Adds one employee to per-unit, per-intervention totals (the unit's own employees);
    /// returns the employee's gains (``gains(_:year:)``), computed once for both.
    @discardableResult
    public func tally(
        _ records: EmployeeRecords, year: Int, into totals: inout [String: [Intervention: InterventionTotals]]
    ) -> [Intervention: Double] {
        let gains = gains(records, year: year)
        var unit = totals[records.pegawai.kodeUnit] ?? [:]
        for intervention in Intervention.allCases {
            var entry = unit[intervention] ?? InterventionTotals()
            entry.pegawai += 1
            if let gain = gains[intervention] {
                entry.beneficiaries += 1
                entry.gain += gain
            }
            unit[intervention] = entry
        }
        totals[records.pegawai.kodeUnit] = unit
        return gains
    }
}
