/// Computes IP ASN scores from an employee's records under one ``Ruleset``.
///
/// The engine is a pure function of its inputs: the same records, year and ruleset
/// always give the same score. ``explain(_:year:)`` gives the reasoning; ``score(_:year:)``
/// gives the numbers only, without building any text.
public struct ScoringEngine: Sendable {
    public let ruleset: Ruleset

    public init(ruleset: Ruleset = .bkn2019) {
        self.ruleset = ruleset
    }

    /// The four dimension points and what is missing, for measurement year `year`.
    public func score(_ records: EmployeeRecords, year: Int) -> EmployeeScore {
        let kual = kualifikasi(records, year: year)
        let komp = kompetensi(records, year: year).reduce(0) { $0 + $1.earned }
        let kin = kinerja(records, year: year)
        let dis = disiplin(records, year: year)
        var missing: [MissingData] = []
        if case .education(nil, _, _) = kual { missing.append(.pendidikan) }
        if case .skp(_, nil, _, _) = kin { missing.append(.skp) }
        return EmployeeScore(
            nip: records.pegawai.nip, year: year, kualifikasi: kual.earned, kompetensi: komp,
            kinerja: kin.earned, disiplin: dis.earned, missing: missing)
    }

    /// The score with every indicator's reason.
    public func explain(_ records: EmployeeRecords, year: Int) -> ScoreExplanation {
        let score = score(records, year: year)
        let kual = kualifikasi(records, year: year)
        let komp = kompetensi(records, year: year)
        let kin = kinerja(records, year: year)
        let dis = disiplin(records, year: year)
        return ScoreExplanation(
            score: score,
            category: ruleset.category(for: score.total),
            dimensions: [
                DimensionExplanation(
                    dimension: .kualifikasi, points: score.kualifikasi, max: ruleset.kualifikasi.max, reasons: [kual]),
                DimensionExplanation(
                    dimension: .kompetensi, points: score.kompetensi, max: ruleset.kompetensi.max, reasons: komp),
                DimensionExplanation(
                    dimension: .kinerja, points: score.kinerja, max: ruleset.kinerja.max, reasons: [kin]),
                DimensionExplanation(
                    dimension: .disiplin, points: score.disiplin, max: ruleset.disiplin.max, reasons: [dis]),
            ])
    }

    /// The category of a total or a unit mean.
    public func category(for total: Double) -> Category { ruleset.category(for: total) }

    // MARK: - Dimensions

    func kualifikasi(_ records: EmployeeRecords, year: Int) -> Reason {
        let rules = ruleset.kualifikasi
        let cutoff = LocalDate.endOfYear(year)
        var best: EducationLevel?
        var bestPoints = -1.0
        for record in records.pendidikan {
            if let date = record.tanggalLulus {
                guard date <= cutoff else { continue }
            } else if !rules.undatedCounts {
                continue
            }
            let points = rules.points[record.tingkat] ?? 0
            if points > bestPoints || (points == bestPoints && best.map { record.tingkat > $0 } ?? true) {
                best = record.tingkat
                bestPoints = points
            }
        }
        return .education(level: best, cutoff: cutoff, earned: min(max(bestPoints, 0), rules.max))
    }

    func kompetensi(_ records: EmployeeRecords, year: Int) -> [Reason] {
        let rules = ruleset.kompetensi
        let jabatan = records.pegawai.jenisJabatan
        guard let table = rules.points[jabatan] else { return [] }
        let cutoff = LocalDate.endOfYear(year)
        let teknisYears = (year - max(rules.teknisWindowYears, 1) + 1)...year
        let seminarYears = (year - max(rules.seminarWindowYears, 1) + 1)...year

        var bestLeadership: LeadershipLevel?
        var bestRank = 0
        var fungsionalCounted = 0
        var fungsionalIgnored = 0
        var teknisJP = 0
        var seminars = 0
        for record in records.diklat {
            guard let group = rules.group(of: record.jenis) else { continue }
            let end = record.tanggalSelesai
            switch group {
            case .kepemimpinan:
                guard end <= cutoff, let level = record.tingkat, let rank = rules.leadershipRank[level] else {
                    continue
                }
                if rank > bestRank {
                    bestRank = rank
                    bestLeadership = level
                }
            case .fungsional:
                guard end <= cutoff else { continue }
                if record.sesuaiJabatan || !rules.fungsionalRequiresSesuai {
                    fungsionalCounted += 1
                } else {
                    fungsionalIgnored += 1
                }
            case .teknis:
                if teknisYears.contains(end.year) { teknisJP += record.jp }
            case .seminar:
                if seminarYears.contains(end.year) { seminars += 1 }
            }
        }

        var reasons: [Reason] = []
        if table.kepemimpinan > 0 {
            let required = records.pegawai.jenjangStruktural.flatMap { rules.leadershipRequired[$0] }
            let requiredRank = required.flatMap { rules.leadershipRank[$0] }
            let met = requiredRank.map { bestRank >= $0 } ?? false
            reasons.append(
                .kepemimpinan(
                    best: bestLeadership, required: required, earned: met ? table.kepemimpinan : 0,
                    possible: table.kepemimpinan))
        }
        if table.fungsional > 0 {
            reasons.append(
                .fungsional(
                    counted: fungsionalCounted, ignored: fungsionalIgnored,
                    earned: fungsionalCounted > 0 ? table.fungsional : 0, possible: table.fungsional))
        }
        if table.teknis > 0 {
            reasons.append(
                .teknis(
                    jp: teknisJP, minimum: rules.teknisMinimumJP, years: teknisYears,
                    earned: teknisJP >= rules.teknisMinimumJP ? table.teknis : 0, possible: table.teknis))
        }
        if table.seminar > 0 {
            reasons.append(
                .seminar(count: seminars, years: seminarYears, earned: seminars > 0 ? table.seminar : 0, possible: table.seminar))
        }
        let total = reasons.reduce(0) { $0 + $1.earned }
        if total > rules.max, let last = reasons.indices.last {
            // A ruleset whose rows add up past the maximum is capped (rules check warns about it).
            reasons[last] = cap(reasons[last], by: total - rules.max)
        }
        return reasons
    }

    func kinerja(_ records: EmployeeRecords, year: Int) -> Reason {
        let rules = ruleset.kinerja
        // One SKP per year is enforced on entry; should several exist, the best one counts.
        var best: (Predikat, Double?, Double)?
        for skp in records.skp where skp.tahun == year {
            guard let predikat = rules.effectivePredikat(of: skp) else { continue }
            let points = min(rules.points[predikat] ?? 0, rules.max)
            if best == nil || points > best!.2 { best = (predikat, skp.nilai, points) }
        }
        guard let best else { return .skp(year: year, predikat: nil, nilai: nil, earned: 0) }
        return .skp(year: year, predikat: best.0, nilai: best.1, earned: best.2)
    }

    func disiplin(_ records: EmployeeRecords, year: Int) -> Reason {
        let rules = ruleset.disiplin
        let years = (year - max(rules.windowYears, 1) + 1)...year
        var heaviest: TingkatHukuman?
        var count = 0
        for record in records.disiplin where years.contains(record.tmt.year) {
            count += 1
            if heaviest.map({ record.tingkat > $0 }) ?? true { heaviest = record.tingkat }
        }
        let earned = heaviest.map { rules.points[$0] ?? 0 } ?? rules.none
        return .disiplin(heaviest: heaviest, count: count, years: years, earned: min(earned, rules.max))
    }

    private func cap(_ reason: Reason, by excess: Double) -> Reason {
        switch reason {
        case .seminar(let c, let y, let e, let p): return .seminar(count: c, years: y, earned: max(0, e - excess), possible: p)
        case .teknis(let j, let m, let y, let e, let p):
            return .teknis(jp: j, minimum: m, years: y, earned: max(0, e - excess), possible: p)
        case .fungsional(let c, let i, let e, let p):
            return .fungsional(counted: c, ignored: i, earned: max(0, e - excess), possible: p)
        case .kepemimpinan(let b, let r, let e, let p):
            return .kepemimpinan(best: b, required: r, earned: max(0, e - excess), possible: p)
        default: return reason
        }
    }
}
