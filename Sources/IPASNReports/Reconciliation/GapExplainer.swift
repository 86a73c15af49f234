import IPASNCore
import IPASNStore

/// Finds which of an employee's records explain a gap between BKN's figure for one dimension
/// and ipasn's, by scoring the employee again without them (the explanation engine's rules,
/// nothing of its own): the smallest set of records, newest first, without which ipasn's
/// figure equals BKN's. Singles are tried first, then pairs among the newest
/// ``pairCandidates``, then leaving out the newest records one after another (a JP total);
/// a set found is then trimmed of every record it does not need.
struct GapExplainer {
    let engine: ScoringEngine
    let year: Int
    let sentInfo: SentInfoLookup?

    /// How many of the newest records are tried in pairs.
    static let pairCandidates = 24

    /// The difference for `dimension`, with its cause and what BKN's figure corresponds to.
    /// - Parameter withIDs: whether `stored` carries the store's record ids (else they are
    ///   positions, and the records named carry no id and no sent batch).
    func explain(_ stored: StoredEmployeeRecords, dimension: ScoreDimension, bkn: Double, withIDs: Bool = true)
        -> Reconciliation.Difference
    {
        let all = stored.plain
        let ipasn = engine.score(all, year: year)[dimension]
        let candidates = self.candidates(stored, dimension: dimension)
        let hint = self.hint(dimension: dimension, bkn: bkn)
        func matches(_ removed: Set<Int>) -> Bool {
            abs(engine.score(without(removed, from: all, candidates: candidates, dimension: dimension), year: year)[dimension] - bkn) < 0.005
        }
        var found: Set<Int>?
        if let single = candidates.indices.first(where: { matches([$0]) }) {
            found = [single]
        } else {
            let limit = min(candidates.count, Self.pairCandidates)
            search: for i in 0..<limit {
                for j in (i + 1)..<max(limit, i + 1) where matches([i, j]) {
                    found = [i, j]
                    break search
                }
            }
            if found == nil {
                var removed = Set<Int>()
                for index in candidates.indices {
                    removed.insert(index)
                    if matches(removed) {
                        found = removed
                        break
                    }
                }
            }
        }
        if var set = found {
            for index in set.sorted().reversed() where set.count > 1 {  // oldest first
                set.remove(index)
                if !matches(set) { set.insert(index) }
            }
            let records = set.sorted().map { index -> GapRecord in
                var record = candidates[index]
                if withIDs, let id = record.id {
                    record.sent = sentInfo?(id)
                } else {
                    record.id = nil
                }
                return record
            }
            return .init(dimension: dimension, bkn: bkn, ipasn: ipasn, cause: .records(records, ipasnHigher: ipasn > bkn), hint: hint)
        }
        return .init(dimension: dimension, bkn: bkn, ipasn: ipasn, cause: bkn > ipasn ? .bknHasMore : .unexplained, hint: hint)
    }

    /// The records of the dimension's kind that can count for the year (the rest never change
    /// the figure), newest first (undated education last).
    func candidates(_ stored: StoredEmployeeRecords, dimension: ScoreDimension) -> [GapRecord] {
        func id(_ kind: RecordKind, _ value: Int64) -> RecordID { RecordID(kind: kind, id: value) }
        let rules = engine.ruleset
        let cutoff = LocalDate.endOfYear(year)
        switch dimension {
        case .kualifikasi:
            return stored.pendidikan.filter { $0.value.tanggalLulus.map { $0 <= cutoff } ?? rules.kualifikasi.undatedCounts }
                .sorted { ($0.value.tanggalLulus?.ordinal ?? 0, $0.id) > ($1.value.tanggalLulus?.ordinal ?? 0, $1.id) }
                .map { GapRecord(id: id(.pendidikan, $0.id), record: .pendidikan($0.value)) }
        case .kompetensi:
            let k = rules.kompetensi
            let teknis = (year - max(k.teknisWindowYears, 1) + 1)...year
            let seminar = (year - max(k.seminarWindowYears, 1) + 1)...year
            return stored.diklat.filter { record in
                let end = record.value.tanggalSelesai
                switch k.group(of: record.value.jenis) {
                case .kepemimpinan, .fungsional: return end <= cutoff
                case .teknis: return teknis.contains(end.year)
                case .seminar: return seminar.contains(end.year)
                case nil: return false
                }
            }
            .sorted {
                // Newest first; the same day by JP, then name (the store's order is unspecified).
                ($0.value.tanggalSelesai.ordinal, $0.value.jp, $1.value.nama, $0.id)
                    > ($1.value.tanggalSelesai.ordinal, $1.value.jp, $0.value.nama, $1.id)
            }
            .map { GapRecord(id: id(.diklat, $0.id), record: .diklat($0.value)) }
        case .kinerja:
            return stored.skp.filter { $0.value.tahun == year }.sorted { $0.id > $1.id }
                .map { GapRecord(id: id(.skp, $0.id), record: .skp($0.value)) }
        case .disiplin:
            let window = (year - max(rules.disiplin.windowYears, 1) + 1)...year
            return stored.disiplin.filter { window.contains($0.value.tmt.year) }
                .sorted { ($0.value.tmt.ordinal, $0.id) > ($1.value.tmt.ordinal, $1.id) }
                .map { GapRecord(id: id(.disiplin, $0.id), record: .disiplin($0.value)) }
        }
    }

    /// The employee's records without the candidates at `removed`.
    func without(_ removed: Set<Int>, from all: EmployeeRecords, candidates: [GapRecord], dimension: ScoreDimension)
        -> EmployeeRecords
    {
        var copy = all
        let gone = Set(removed)
        let ids = Array(candidates.indices)
        // Rebuild the kind's list from the candidates (every record of the kind that can
        // count), keeping those not removed.
        switch dimension {
        case .kualifikasi:
            copy.pendidikan = zip(ids, candidates).compactMap { id, c in
                guard !gone.contains(id), case .pendidikan(let p) = c.record else { return nil }
                return p
            }
        case .kompetensi:
            copy.diklat = zip(ids, candidates).compactMap { id, c in
                guard !gone.contains(id), case .diklat(let d) = c.record else { return nil }
                return d
            }
        case .kinerja:
            copy.skp = zip(ids, candidates).compactMap { id, c in
                guard !gone.contains(id), case .skp(let s) = c.record else { return nil }
                return s
            }
        case .disiplin:
            copy.disiplin = zip(ids, candidates).compactMap { id, c in
                guard !gone.contains(id), case .disiplin(let h) = c.record else { return nil }
                return h
            }
        }
        return copy
    }

    /// The education levels or predikat worth BKN's figure under the ruleset (none for zero).
    func hint(dimension: ScoreDimension, bkn: Double) -> GapHint? {
        guard bkn > 0 else { return nil }
        let rules = engine.ruleset
        switch dimension {
        case .kualifikasi:
            let levels = EducationLevel.allCases.filter { abs((rules.kualifikasi.points[$0] ?? -1) - bkn) < 0.005 }
            return levels.isEmpty ? nil : .education(levels.sorted())
        case .kinerja:
            let list = Predikat.allCases.filter { abs(min(rules.kinerja.points[$0] ?? -1, rules.kinerja.max) - bkn) < 0.005 }
            return list.isEmpty ? nil : .predikat(list, year: year)
        case .kompetensi, .disiplin:
            return nil
        }
    }
}
