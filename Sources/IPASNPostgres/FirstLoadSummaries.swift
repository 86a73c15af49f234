import Foundation
import IPASNCore
import IPASNStore

/// FAST PATH (issue 12, PG1, branch pgcopy3): the diklat summaries (``DiklatSummary``) of a
/// first load's written rows, per employee and cached year, summed by the client as it sends
/// the rows (``PostgresStore/firstLoadRecords``). The score refresh after the load takes them
/// instead of aggregating the table it has just written (``PGRecomputeTables``: a scan and
/// grouping of a million rows on the server, serially after the COPY): the table was empty
/// and no verdict names a written row (checked), so they are the table's summaries exactly
/// (``DiklatSummary/add(_:year:rules:)`` is the summary's row-by-row definition, which
/// `DiklatSummaryTests` proves the server's SQL equal to).
struct FirstLoadSummaries {
    let years: [Int]
    let rules: KompetensiRules
    /// Per year, the summary of each employee with a written row.
    private var byYear: [Int: [String: DiklatSummary]] = [:]
    /// The employee whose rows come now (an employee's rows usually come together) and their summaries, per year.
    private var nip = ""
    private var current: [DiklatSummary]

    init(years: [Int], rules: KompetensiRules) {
        self.years = years
        self.rules = rules
        current = Array(repeating: DiklatSummary(), count: years.count)
    }

    /// Adds a written row (a diklat; any other kind is not summarised).
    mutating func add(_ record: Record) {
        guard case .diklat(let diklat) = record else { return }
        if diklat.nip != nip {
            flush()
            nip = diklat.nip
        }
        for index in years.indices { current[index].add(diklat, year: years[index], rules: rules) }
    }

    /// The summaries, per year and employee (with the rows added since the last call).
    mutating func summaries() -> [Int: [String: DiklatSummary]] {
        flush()
        return byYear
    }

    private mutating func flush() {
        guard !nip.isEmpty else { return }
        for (index, year) in years.enumerated() {
            byYear[year, default: [:]][nip, default: DiklatSummary()].merge(current[index])
            current[index] = DiklatSummary()
        }
        nip = ""
    }
}
