import IPASNCore
import IPASNStore

/// What saving the grid does, row by row (new / ganti X -> Y / biarkan / belum dipilih), with
/// each saved row's score before -> after (in memory, as the form's preview) and the unit's
/// mean before -> after. Only new and ganti rows are saved (``toSave``).
struct SKPGridReview: Sendable {
    struct Line: Sendable {
        /// The row's position in the grid.
        let row: Int
        let pegawai: Pegawai
        let plan: SKPGrid.Plan
        /// The SKP stored now (ganti, biarkan, belum dipilih), with its id.
        let old: StoredRecord<SKP>?
        /// The typed SKP (new, ganti; also shown for belum dipilih when it reads).
        let record: SKP?
        /// The score before and after, for a row that is saved.
        let before: EmployeeScore?
        let after: EmployeeScore?
        var saved: Bool { plan == .new || plan == .replace }
    }

    let year: Int
    let lines: [Line]
    let unitTotals: ScoreTotals?

    /// `records`: an employee's stored records, read for the rows that are saved only.
    init(
        grid: SKPGrid, parser: RecordParser, engine: ScoringEngine, unitTotals: ScoreTotals?,
        records: (String) throws -> StoredEmployeeRecords?
    ) rethrows {
        var lines: [Line] = []
        for index in grid.rows.indices {
            let row = grid.rows[index]
            let plan = row.plan
            guard plan != .nothing else { continue }
            var record: SKP?
            if case .success(let skp)? = grid.record(index, parser: parser) { record = skp }
            var before: EmployeeScore?
            var after: EmployeeScore?
            if plan == .new || plan == .replace, let record, let stored = try records(row.pegawai.nip) {
                let editing = plan == .replace ? row.current.map { RecordID(kind: .skp, id: $0.id) } : nil
                let preview = LivePreview(engine: engine, year: grid.year, records: stored, editing: editing, unitTotals: nil)
                let outcome = preview.outcome(for: .skp(record))
                before = outcome.before
                after = outcome.after
            }
            lines.append(Line(row: index, pegawai: row.pegawai, plan: plan, old: row.current, record: record, before: before, after: after))
        }
        self.year = grid.year
        self.lines = lines
        self.unitTotals = unitTotals
    }

    func count(_ plan: SKPGrid.Plan) -> Int { lines.filter { $0.plan == plan }.count }

    /// The store's rows: new SKP added, ganti rows replacing the SKP as the grid read it.
    var toSave: [SKPGridChange] {
        lines.compactMap { line in
            guard let record = line.record else { return nil }
            switch line.plan {
            case .new: return .add(record)
            case .replace: return line.old.map { .replace(id: $0.id, with: record, expecting: $0.value) }
            default: return nil
            }
        }
    }

    var unitBefore: Double? {
        guard let unitTotals, unitTotals.pegawai > 0 else { return nil }
        return unitTotals.meanTotal
    }

    var unitAfter: Double? {
        guard let unitTotals, unitTotals.pegawai > 0 else { return nil }
        let delta = lines.filter { $0.saved && $0.pegawai.aktif }.reduce(0.0) { total, line in
            guard let before = line.before, let after = line.after else { return total }
            return total + after.total - before.total
        }
        return (unitTotals.total + delta) / Double(unitTotals.pegawai)
    }
}
