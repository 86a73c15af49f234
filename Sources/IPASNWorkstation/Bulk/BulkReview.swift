import IPASNCore
import IPASNStore

/// One participant of a bulk entry, loaded once when the course form opens: the records
/// the scoring engine needs, so neither typing nor the review queries the store.
struct BulkParticipant: Sendable {
    let records: StoredEmployeeRecords
    var pegawai: Pegawai { records.pegawai }
}

/// What one course would change for each participant, computed once per participant with
/// the scoring engine in memory (``LivePreview``), and the unit's mean before and after.
struct BulkReview: Sendable {
    enum Status: Hashable, Sendable {
        /// The record changes the employee's score.
        case changes
        /// Saved, but no score moves (the kompetensi is full already, or the course does not count).
        case unchanged
        /// The employee has this course already (``DuplicateKey``): it is not saved again.
        case duplicate
    }

    struct Line: Sendable {
        let pegawai: Pegawai
        let record: Record
        let before: EmployeeScore
        let after: EmployeeScore
        let status: Status
        /// An existing course of the employee with a similar name (same jenis and dates).
        let similar: Diklat?
    }

    /// The record as typed (its NIP is replaced by each participant's).
    let template: Record
    /// The course, for a diklat entry.
    var course: Diklat? {
        if case .diklat(let course) = template { return course }
        return nil
    }
    /// The dimension the record's kind scores (the review's column).
    var dimension: ScoreDimension {
        switch template.kind {
        case .pendidikan: return .kualifikasi
        case .diklat: return .kompetensi
        case .skp: return .kinerja
        case .disiplin: return .disiplin
        }
    }
    /// What the event is called: the course's name, or the record in words (`Pendidikan S-1`).
    var label: String {
        switch template {
        case .diklat(let course): return course.nama
        case .pendidikan(let p): return "Pendidikan \(p.tingkat.displayName)"
        case .skp(let skp): return "SKP \(skp.tahun)"
        case .disiplin(let d): return d.jenis
        }
    }
    let lines: [Line]
    /// The unit (with sub-units) the participants belong to, before the course.
    let unitTotals: ScoreTotals?
    /// Participants the admin left out on the review (by NIP): not saved.
    var excluded: Set<String> = []

    /// Whether a line's record is saved: not a duplicate, not left out.
    func saves(_ line: Line) -> Bool { line.status != .duplicate && !excluded.contains(line.pegawai.nip) }
    /// The records that will be saved: every participant's but the duplicates and those left out.
    var toSave: [Record] { lines.filter(saves).map(\.record) }
    /// Lines of a status among those saved (duplicates: all of them).
    func count(_ status: Status) -> Int {
        lines.filter { $0.status == status && (status == .duplicate || !excluded.contains($0.pegawai.nip)) }.count
    }
    var similarCount: Int { lines.filter { $0.similar != nil && saves($0) }.count }

    var unitBefore: Double? {
        guard let unitTotals, unitTotals.pegawai > 0 else { return nil }
        return unitTotals.meanTotal
    }

    /// The unit's mean with the records that will be saved (inactive employees do not count).
    var unitAfter: Double? {
        guard let unitTotals, unitTotals.pegawai > 0 else { return nil }
        let delta = lines.filter { saves($0) && $0.pegawai.aktif }.reduce(0.0) { $0 + $1.after.total - $1.before.total }
        return (unitTotals.total + delta) / Double(unitTotals.pegawai)
    }

    /// - Parameters:
    ///   - course: the course as typed (its NIP is replaced by each participant's).
    ///   - unitTotals: the list's unit with its sub-units (every participant belongs to it).
    init(engine: ScoringEngine, year: Int, course: Diklat, participants: [BulkParticipant], unitTotals: ScoreTotals?) {
        self.init(engine: engine, year: year, record: .diklat(course), participants: participants, unitTotals: unitTotals)
    }

    /// - Parameters:
    ///   - record: the record as typed (a course, a pendidikan); its NIP is replaced by each participant's.
    ///   - unitTotals: the list's unit with its sub-units (every participant belongs to it).
    init(engine: ScoringEngine, year: Int, record template: Record, participants: [BulkParticipant], unitTotals: ScoreTotals?) {
        self.template = template
        var lines: [Line] = []
        for participant in participants {
            let record = template.owned(by: participant.pegawai.nip)
            let preview = LivePreview(engine: engine, year: year, records: participant.records, editing: nil, unitTotals: nil)
            let key = DuplicateKey.of(record)
            let plain = participant.records.plain
            let existing: [Record]
            switch record.kind {
            case .pendidikan: existing = plain.pendidikan.map(Record.pendidikan)
            case .diklat: existing = plain.diklat.map(Record.diklat)
            case .skp: existing = plain.skp.map(Record.skp)
            case .disiplin: existing = plain.disiplin.map(Record.disiplin)
            }
            let duplicate = existing.contains { DuplicateKey.of($0) == key }
            let outcome = preview.outcome(for: duplicate ? nil : record)
            let changed = ScoreDimension.allCases.contains { abs(outcome.after[$0] - outcome.before[$0]) > 0.0001 }
            let status: Status = duplicate ? .duplicate : changed ? .changes : .unchanged
            var similar: Diklat?
            if !duplicate, case .diklat(let own) = record { similar = NearDuplicate.firstSimilar(to: own, in: plain.diklat) }
            lines.append(Line(pegawai: participant.pegawai, record: record, before: outcome.before, after: outcome.after, status: status, similar: similar))
        }
        self.lines = lines
        self.unitTotals = unitTotals
    }
}
