import Foundation
import IPASNCore
import IPASNStore

/// Whether two databases hold the same data, as seen through the `Store` protocol: what
/// `ipasn migrate --to` proves after copying a database to another engine.
///
/// Compared: the units, every employee (active or not) with its records, the scores and
/// the unit figures of each given year, the accounts, the progress marks and the newest
/// audit entries. Unit figures are sums of reals, which two engines may add in another
/// order: they agree when within 1e-9 of each other. One English sentence per difference;
/// empty when the two agree.
public enum StoreComparison {
    /// Every unit figure and every employee's score of each year, by year (what a proof
    /// compares after a change).
    static func figuresAndScores(_ store: some Store, years: [Int]) throws -> ([Int: [UnitFigure]], [Int: [ScoredPegawai]]) {
        var figures: [Int: [UnitFigure]] = [:]
        var scores: [Int: [ScoredPegawai]] = [:]
        for year in years {
            figures[year] = try store.unitFigures(year: year)
            scores[year] = try store.scores(year: year, unit: nil)
        }
        return (figures, scores)
    }

    /// How many of the newest audit entries are compared one by one (all are counted).
    public static let auditEntriesCompared = 10_000

    public static func differences(_ source: some Store, _ target: some Store, years: [Int]) throws -> [String] {
        var found: [String] = []
        func differ(_ what: String) { if found.count < 50 { found.append(what) } }
        let units = try source.units()
        if units != (try target.units()) { differ("The units differ.") }
        if try source.countPegawai() != target.countPegawai() { differ("The number of employees differs.") }
        var employees = 0
        for unit in units where unit.induk == nil || !units.contains(where: { $0.kode == unit.induk }) {
            for pegawai in try source.pegawai(inUnit: unit.kode, includeSubunits: true) {
                employees += 1
                if try target.pegawai(nip: pegawai.nip) != pegawai { differ("Employee \(pegawai.nip) differs.") }
                if try source.records(nip: pegawai.nip) != target.records(nip: pegawai.nip) {
                    differ("The records of employee \(pegawai.nip) differ.")
                }
            }
        }
        for year in years {
            if try source.scores(year: year, unit: nil) != target.scores(year: year, unit: nil) {
                differ("The \(year) scores differ.")
            }
            let a = try source.unitFigures(year: year)
            let b = try target.unitFigures(year: year)
            if a.count != b.count || zip(a, b).contains(where: { !same($0, $1) }) { differ("The \(year) unit figures differ.") }
        }
        if try source.accounts() != target.accounts() { differ("The accounts differ.") }
        if try source.progressMarks().map(normalized) != target.progressMarks().map(normalized) {
            differ("The progress marks differ.")
        }
        if try source.measurementYear() != target.measurementYear() { differ("The measurement year differs.") }
        if try source.ruleset() != target.ruleset() { differ("The ruleset differs.") }
        let log = try source.auditLog(limit: auditEntriesCompared).map(normalized)
        if log != (try target.auditLog(limit: auditEntriesCompared).map(normalized)) { differ("The audit log differs.") }
        return found
    }

    /// A moment to the millisecond: what every engine keeps exactly (SQLite stores moments as
    /// millisecond text; the same text read by two engines may differ in a double's last bits).
    public static func millisecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func normalized(_ entry: AuditEntry) -> AuditEntry {
        var entry = entry
        entry.at = millisecond(entry.at)
        return entry
    }

    static func normalized(_ mark: ProgressMark) -> ProgressMark {
        var mark = mark
        mark.at = millisecond(mark.at)
        return mark
    }

    static func same(_ a: UnitFigure, _ b: UnitFigure) -> Bool {
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }
        return a.unit == b.unit && a.depth == b.depth && a.category == b.category
            && a.totals.pegawai == b.totals.pegawai && a.totals.completePegawai == b.totals.completePegawai
            && close(a.totals.kualifikasi, b.totals.kualifikasi) && close(a.totals.kompetensi, b.totals.kompetensi)
            && close(a.totals.kinerja, b.totals.kinerja) && close(a.totals.disiplin, b.totals.disiplin)
    }
}
