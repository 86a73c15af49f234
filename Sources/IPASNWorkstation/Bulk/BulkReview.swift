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
    let unitBefore: Double?
    let unitAfter: Double?

    /// The records that will be saved: every participant's but the duplicates.
    var toSave: [Record] { lines.filter { $0.status != .duplicate }.map(\.record) }
    func count(_ status: Status) -> Int { lines.filter { $0.status == status }.count }
    var similarCount: Int { lines.filter { $0.similar != nil && $0.status != .duplicate }.count }

    /// - Parameters:
    ///   - course: the course as typed (its NIP is replaced by each participant's).
    ///   - unitTotals: the list's unit with its sub-units (every participant belongs to it).
    init(engine: ScoringEngine, year: Int, course: Diklat, participants: [BulkParticipant], unitTotals: ScoreTotals?) {
        self.course = course
        var lines: [Line] = []
        var delta = 0.0
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
            if !duplicate, participant.pegawai.aktif { delta += outcome.after.total - outcome.before.total }
            lines.append(Line(pegawai: participant.pegawai, record: record, before: outcome.before, after: outcome.after, status: status, similar: similar))
        }
        self.lines = lines
        if let unitTotals, unitTotals.pegawai > 0 {
            unitBefore = unitTotals.meanTotal
            unitAfter = (unitTotals.total + delta) / Double(unitTotals.pegawai)
        } else {
            unitBefore = nil
            unitAfter = nil
        }
    }
}
