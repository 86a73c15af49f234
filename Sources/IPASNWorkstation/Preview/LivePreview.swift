import IPASNCore
import IPASNStore
import IPASNTerminal

/// The employee's score and the unit's mean as they would be if the form were saved.
///
/// Everything it needs is loaded once when the form opens (the employee's records and the
/// unit's totals); each keystroke only parses the form and scores one employee in memory,
/// so no database query runs while the admin types.
struct LivePreview: Sendable {
    let engine: ScoringEngine
    let year: Int
    /// The employee's records without the one being edited.
    private(set) var base: EmployeeRecords
    /// The employee's score as stored now (with the edited record, if any).
    private(set) var before: EmployeeScore
    /// The employee's unit with its sub-units, including the employee's current score.
    private(set) var unitTotals: ScoreTotals?
    let counted: Bool

    /// `uncounted`: the records the ruleset leaves out (rejected ones), so that "before" is the
    /// stored score; the edited record counts once saved (a changed record is belum again).
    init(
        engine: ScoringEngine, year: Int, records: StoredEmployeeRecords, editing: RecordID?, unitTotals: ScoreTotals?,
        uncounted: Set<RecordID> = []
    ) {
        self.engine = engine
        self.year = year
        self.base = records.plain(excludingAll: uncounted.union(editing.map { [$0] } ?? []))
        self.before = engine.score(records.plain(excludingAll: uncounted), year: year)
        self.unitTotals = unitTotals
        self.counted = records.pegawai.aktif
    }

    /// The outcome for a record (nil while the form cannot be read yet: nothing changes).
    func outcome(for record: Record?) -> PreviewOutcome {
        let after = record.map { engine.score(base.adding($0), year: year) } ?? before
        var unitBefore: Double?
        var unitAfter: Double?
        if let unitTotals, unitTotals.pegawai > 0 {
            unitBefore = unitTotals.meanTotal
            unitAfter = counted ? (unitTotals.total - before.total + after.total) / Double(unitTotals.pegawai) : unitBefore
        }
        return PreviewOutcome(
            before: before, after: after, beforeCategory: engine.category(for: before.total),
            afterCategory: engine.category(for: after.total), unitBefore: unitBefore, unitAfter: unitAfter,
            pending: record == nil)
    }

    /// After a save: the saved record joins the base ("simpan & tambah lagi" goes on from there).
    mutating func commit(_ record: Record, score: EmployeeScore) {
        base = base.adding(record)
        if counted, var totals = unitTotals {
            totals.kualifikasi += score.kualifikasi - before.kualifikasi
            totals.kompetensi += score.kompetensi - before.kompetensi
            totals.kinerja += score.kinerja - before.kinerja
            totals.disiplin += score.disiplin - before.disiplin
            unitTotals = totals
        }
        before = score
    }
}

/// Before and after, ready to print.
struct PreviewOutcome: Hashable, Sendable {
    var before: EmployeeScore
    var after: EmployeeScore
    var beforeCategory: Category
    var afterCategory: Category
    var unitBefore: Double?
    var unitAfter: Double?
    var pending: Bool

    /// `Kompetensi  25 -> 40 (+15)`, one per dimension, then the total and the unit's mean.
    func lines(_ language: Language) -> [(text: String, changed: Bool)] {
        var result: [(String, Bool)] = []
        for dimension in ScoreDimension.allCases {
            let b = before[dimension]
            let a = after[dimension]
            result.append((line(dimension.displayName(language), b, a, language), abs(a - b) > 0.0001))
        }
        var total = line(language.t(L.totalLabel), before.total, after.total, language)
        total += "  " + beforeCategory.displayName(language)
        if afterCategory != beforeCategory { total += " -> " + afterCategory.displayName(language) }
        result.append((total, abs(after.total - before.total) > 0.0001))
        if let unitBefore, let unitAfter {
            var unit = "\(language.t(L.unitMean)) \(language.mean(unitBefore)) -> \(language.mean(unitAfter))"
            if abs(unitAfter - unitBefore) >= 0.005 { unit += " (\(language.meanDelta(from: unitBefore, to: unitAfter)))" }
            result.append((unit, abs(unitAfter - unitBefore) >= 0.005))
        }
        return result
    }

    private func line(_ label: String, _ b: Double, _ a: Double, _ language: Language) -> String {
        var text = DisplayWidth.pad(label, toWidth: language == .en ? 13 : 11)
        text += " \(language.points(b)) -> \(language.points(a))"
        if abs(a - b) > 0.0001 { text += " (\(language.delta(a - b)))" }
        return text
    }
}
