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

    let course: Diklat
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
        self.course = course
        var lines: [Line] = []
        for participant in participants {
            var own = course
            own.nip = participant.pegawai.nip
            let record = Record.diklat(own)
            let preview = LivePreview(engine: engine, year: year, records: participant.records, editing: nil, unitTotals: nil)
            let key = DuplicateKey.of(record)
            let existing = participant.records.plain.diklat
            let duplicate = existing.contains { DuplicateKey.of(.diklat($0)) == key }
            let outcome = preview.outcome(for: duplicate ? nil : record)
            let changed = ScoreDimension.allCases.contains { abs(outcome.after[$0] - outcome.before[$0]) > 0.0001 }
            let status: Status = duplicate ? .duplicate : changed ? .changes : .unchanged
            let similar = duplicate ? nil : NearDuplicate.firstSimilar(to: own, in: existing)
            lines.append(Line(pegawai: participant.pegawai, record: record, before: outcome.before, after: outcome.after, status: status, similar: similar))
        }
        self.lines = lines
        self.unitTotals = unitTotals
    }
}
