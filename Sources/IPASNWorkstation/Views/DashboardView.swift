import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// The supervisors' read-only view: every unit ranked with its mean, category, the four
/// dimension means as bars, completeness, done marks and today's/this week's entries; for
/// the selected unit the four means in figures and the category distribution. `s` ranks by
/// the mean, each dimension, completeness, activity or name. Enter drills down.
final class DashboardView: View {
    enum SortKey: Hashable, CaseIterable {
        case mean, dimension(ScoreDimension), complete, activity, name

        static var allCases: [SortKey] {
            [.mean] + ScoreDimension.allCases.map(SortKey.dimension) + [.complete, .activity, .name]
        }
    }

    private(set) var figures: [UnitFigure] = []
    private var marks: [String: Set<ProgressDimension>] = [:]
    private var today: [String: Int] = [:]
    private var week: [String: Int] = [:]
    private(set) var sortKey: SortKey = .mean
    private var cursor = ScrollList(count: 0, height: 1)
    private var distributions: [String: [Int]] = [:]
    /// Names as listed (``UnitTree/displayNames()``: `DINKES › Sekretariat`).
    private var names: [String: String] = [:]
    /// Units still in progress, and everything entered today and this week.
    private var summary: (inProgress: Int, total: UnitActivity.Counts, operatorImports: UnitActivity.Counts) =
        (0, UnitActivity.Counts(), UnitActivity.Counts())
    /// Who entered what, for the selected unit's line on the message row.
    private var activity: UnitActivity?
    private var language = Language.id
    /// Whether the figures count every record (as entered) instead of leaving out rejected ones.
    private(set) var asEntered = false
    /// Records not yet sent to SIASN per unit, sub-units folded in (``PendingReport``).
    private var pending: [String: Int] = [:]

    init(app: App) {
        reload(app: app)
    }

    var context: KeyContext { .dashboard }
    var keyBar: [Command] {
        [.help, .open, .sort, .interventions, .activity, .exportReport, .refresh, .back, .search, .quit, .missingRecords, .accounts, .verificationQueue, .figuresAsEntered, .pendingSIASN, .reconcile]
    }

    func reload(app: App) {
        distributions = [:]
        app.attempt {
            let progress = try ProgressReport.compute(store: app.store, year: app.year)
            let activity = try UnitActivity.compute(store: app.store, now: app.context.now(), timeZone: app.context.timeZone)
            figures = progress.units.map(\.figure)
            if asEntered {
                let entered = Dictionary(
                    try app.store.unitFiguresAsEntered(year: app.year).map { ($0.unit.kode, $0) }, uniquingKeysWith: { a, _ in a })
                figures = figures.map { entered[$0.unit.kode] ?? $0 }
            }
            marks = Dictionary(progress.units.map { ($0.unit.kode, $0.done) }, uniquingKeysWith: { a, _ in a })
            names = Dictionary(progress.units.map { ($0.unit.kode, $0.name) }, uniquingKeysWith: { a, _ in a })
            today = [:]
            week = [:]
            for f in figures {
                let counts = activity.counts(unit: f.unit.kode)
                today[f.unit.kode] = counts.today
                week[f.unit.kode] = counts.week
            }
            summary = (progress.inProgress, activity.total, activity.operatorImports())
            self.activity = activity
            markDetails = Dictionary(progress.units.map { ($0.unit.kode, $0.marks) }, uniquingKeysWith: { a, _ in a })
            reviews = [:]
            for review in try app.store.progressReviews() { reviews[review.unit, default: [:]][review.dimension] = review }
            // Kept current by the store (``UnitPendingStore``): a few hundred rows, no recount.
            pending = try PendingReport.unitTotals(store: app.store)
        }
        language = app.language
        sort()
        cursor.update(count: figures.count)
    }

    /// Who entered this week's records of the selected unit (and its sub-units): the two
    /// busiest admins and how many others, on the message row; then who marked its
    /// dimensions done and who confirmed them (`Ki sari ✓vera`).
    var status: (text: String, style: Style)? {
        guard let activity, !figures.isEmpty else { return nil }
        let kode = figures[cursor.selection].unit.kode
        var parts: [String] = []
        let actors = activity.byActor(unit: kode)
        if !actors.isEmpty {
            let named = actors.prefix(2).map { (DisplayWidth.truncate($0.actor, toWidth: 16), $0.counts.week) }
            parts.append(language.t(L.dashByWhom(named, others: actors.count - named.count)))
        }
        let marked = ProgressDimension.allCases.compactMap { dimension -> String? in
            guard let mark = markDetails[kode]?[dimension] else { return nil }
            let review = reviews[kode]?[dimension]
            let confirmed = review.map { $0.confirmed ? " ✓\($0.by)" : "" } ?? ""
            return "\(dimension.rawValue) \(mark.by)\(confirmed)"
        }
        if !marked.isEmpty { parts.append(language.t(L.dashMarks(marked))) }
        return parts.isEmpty ? nil : (parts.joined(separator: "  "), .dim)
    }

    /// Who set each unit's done marks, and the verifikator's confirmations that stand.
    private var markDetails: [String: [ProgressDimension: ProgressMark]] = [:]
    private var reviews: [String: [ProgressDimension: ProgressReview]] = [:]

    private func sort() {
        switch sortKey {
        case .mean: figures.sort { ($0.meanTotal, $1.unit.nama) > ($1.meanTotal, $0.unit.nama) }
        case .dimension(let d): figures.sort { ($0.mean(d), $1.unit.nama) > ($1.mean(d), $0.unit.nama) }
        case .name: figures.sort { $0.unit.nama.lowercased() < $1.unit.nama.lowercased() }
        case .complete:
            figures.sort { completeness($0) > completeness($1) }
        case .activity: figures.sort { (week[$0.unit.kode] ?? 0) > (week[$1.unit.kode] ?? 0) }
        }
    }

    private func completeness(_ f: UnitFigure) -> Double {
        f.totals.pegawai == 0 ? 0 : Double(f.totals.completePegawai) / Double(f.totals.pegawai)
    }

    private var sortLabel: Txt {
        switch sortKey {
        case .mean: return L.dashSortMean
        case .dimension(let d): return L.dashSortDimension(d)
        case .name: return L.dashSortName
        case .complete: return L.dashSortComplete
        case .activity: return L.dashSortActivity
        }
    }

    /// Counts of Sangat Tinggi .. Sangat Rendah in a unit (loaded when first selected).
    func distribution(_ unit: OrgUnit, app: App) -> [Int] {
        if let known = distributions[unit.kode] { return known }
        let counts =
            (try? CategoryDistribution.compute(store: app.store, unit: unit.kode, year: app.year, ruleset: app.engine.ruleset))
            ?? Array(repeating: 0, count: app.engine.ruleset.categories.count)
        distributions[unit.kode] = counts
        return counts
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .sort:
            let all = SortKey.allCases
            sortKey = all[(all.firstIndex(of: sortKey)! + 1) % all.count]
            sort()
            cursor.select(0)
        case .open:
            guard !figures.isEmpty else { return true }
            app.push(EmployeeListView(app: app, unit: figures[cursor.selection].unit))
        case .missingRecords:
            guard !figures.isEmpty else { return true }
            app.push(MissingView(app: app, unit: figures[cursor.selection].unit))
        case .pendingSIASN:
            app.push(PendingView(app: app))
        case .exportReport:
            ReportExport.unitRecap(app: app)
        case .verificationQueue:
            VerificationView.open(app: app, unit: figures.isEmpty ? nil : figures[cursor.selection].unit)
        case .figuresAsEntered:
            asEntered.toggle()
            reload(app: app)
        case .activity:
            app.push(ActivityView(app: app))
        case .accounts:
            app.push(AccountsView(app: app))
        case .reconcile:
            app.push(ReconcilePathView(sentInfo: Reconciliation.sentInfo(from: app.store, timeZone: app.context.timeZone)))
        default:
            return false
        }
        return true
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.dashboardTitle), right: "\(app.t(asEntered ? L.figuresEntered : L.figuresVerified))  \(app.t(sortLabel))  \(app.t(L.labelYear)) \(app.year) ")
        let todayAll = summary.total.today
        let weekAll = summary.total.week
        // The counts whole: the short wording when the long one does not fit.
        // An operator's imports are not the admins' input: said beside the counts when there are some.
        let loads = summary.operatorImports
        let noLoads = loads == UnitActivity.Counts()
        let summaries = [
            app.t(L.dashSummary(figures.count, summary.inProgress, todayAll, weekAll))
                + (noLoads ? "" : app.t(L.operatorLoadsNote(loads.today, loads.week))),
            app.t(L.dashSummaryShort(figures.count, summary.inProgress, todayAll, weekAll))
                + (noLoads ? "" : app.t(L.operatorLoadsNoteShort(loads.week))),
        ]
        let summaryText = summaries.first { DisplayWidth.width(of: $0) <= grid.width - 2 }
            ?? DisplayWidth.truncate(summaries[1], toWidth: grid.width - 2)
        grid.put(summaryText, row: 1, col: 1, style: .status, maxWidth: grid.width - 2)

        // Entry counts are never cut: the columns grow to the largest number.
        let largest = max(todayAll, weekAll, today.values.max() ?? 0, week.values.max() ?? 0)
        let layout = Layout(width: grid.width, digits: String(largest).count)
        let short = layout.short
        let table = Self.table(layout, width: grid.width - 2, language: app.language)
        table.drawHeader(into: &grid, row: 2, col: 1)
        let detailHeight = 7
        let listHeight = max(3, rows - 3 - detailHeight - (short ? 1 : 0))
        for (offset, index) in cursor.visible(height: listHeight).enumerated() {
            let f = figures[index]
            let kode = f.unit.kode
            let counted = f.totals.pegawai > 0
            var cells: [Table.Cell] = [
                .init("\(index + 1)"), .init(names[kode] ?? f.unit.nama), .init(counted ? language.mean(f.meanTotal) : "-"),
                .init(
                    counted ? EmployeeListView.category(f.category.displayName(language), width: layout.category) : "",
                    style: counted ? Draw.categoryStyle(f.category) : nil),
            ]
            cells += ScoreDimension.allCases.map { _ in .init("") }  // the bars, drawn below
            cells += [
                .init(language.percent(f.totals.completePegawai, of: f.totals.pegawai)),
                .init(UnitProgress.markText(marks[kode] ?? [])), .init("\(today[kode] ?? 0)"), .init("\(week[kode] ?? 0)"),
            ]
            let row = 3 + offset
            table.draw(cells, into: &grid, row: row, col: 1, selected: index == cursor.selection)
            guard counted else { continue }
            for (i, dimension) in ScoreDimension.allCases.enumerated() {
                HorizontalBar.draw(
                    into: &grid, row: row, col: 1 + table.starts[Self.firstBarColumn + i], width: layout.bar,
                    value: f.mean(dimension), max: dimension.max(in: app.engine.ruleset))
            }
        }
        if short {
            grid.put(app.t(L.dashLegend), row: 3 + listHeight, col: 1, style: .dim, maxWidth: grid.width - 2)
        }
        guard !figures.isEmpty else { return }
        let selected = figures[cursor.selection]
        let top = 3 + listHeight + (short ? 1 : 0)
        guard top + 2 < rows else { return }
        grid.hline(row: top, col: 0, width: grid.width)
        grid.put(" " + (names[selected.unit.kode] ?? selected.unit.nama) + " ", row: top, col: 2, style: .header, maxWidth: grid.width - 4)
        // How much of the unit is not yet sent to SIASN, at the right of the same line.
        let unsent = " " + app.t(L.dashPending(pending[selected.unit.kode] ?? 0)) + " "
        let nameEnd = 2 + 2 + DisplayWidth.width(of: names[selected.unit.kode] ?? selected.unit.nama)
        if grid.width - 2 - DisplayWidth.width(of: unsent) > nameEnd {
            grid.put(unsent, row: top, col: grid.width - 2 - DisplayWidth.width(of: unsent), style: .header)
        }
        let half = grid.width / 2
        grid.put(app.t(L.dashDimensions), row: top + 1, col: 1, style: .header, maxWidth: half - 2)
        // Dimension (the longest name whole: "Qualification"), mean, bar.
        let labelWidth = ScoreDimension.allCases.map { DisplayWidth.width(of: $0.displayName(language)) }.max() ?? 11
        let means = Table(
            [
                .init(width: .fixed(labelWidth)), .init(width: .fixed(6), alignment: .right, gap: 0),
                .init(width: .fixed(max(4, half - labelWidth - 11))),
            ],
            width: grid.width - 1)
        for (i, dimension) in ScoreDimension.allCases.enumerated() where top + 2 + i < rows {
            let mean = selected.mean(dimension)
            let row = top + 2 + i
            means.draw([.init(dimension.displayName(language)), .init(language.mean(mean))], into: &grid, row: row, col: 1)
            HorizontalBar.draw(
                into: &grid, row: row, col: 1 + means.starts[2], width: means.widths[2], value: mean,
                max: dimension.max(in: app.engine.ruleset))
        }
        grid.put(app.t(L.dashDistribution), row: top + 1, col: half + 1, style: .header, maxWidth: half - 2)
        let counts = distribution(selected.unit, app: app)
        let biggest = max(1, counts.max() ?? 1)
        let names = app.engine.ruleset.categories.sorted { $0.min > $1.min }.map { Category.displayName($0.name, language) }
        // Category, count, bar.
        let spread = Table(
            [.init(width: .fixed(13)), .init(width: .fixed(4), alignment: .right), .init(width: .fixed(max(4, grid.width - half - 22)))],
            width: grid.width - half - 1)
        for (rank, count) in counts.enumerated() where top + 2 + rank < rows {
            let row = top + 2 + rank
            spread.draw(
                [.init(rank < names.count ? names[rank] : "", style: .category(rank)), .init("\(count)")], into: &grid, row: row,
                col: half + 1)
            HorizontalBar.draw(
                into: &grid, row: row, col: half + 1 + spread.starts[2], width: spread.widths[2], value: Double(count),
                max: Double(biggest), fill: .category(rank), empty: .normal)
        }
    }

    /// Where the four bar columns start in ``table(_:width:language:)``.
    static let firstBarColumn = 4

    /// #, unit, mean, category, the four dimension bars, completeness, done marks, today, week.
    static func table(_ layout: Layout, width: Int, language: Language) -> Table {
        let short = layout.short
        var columns: [Table.Column] = [
            .init("#", width: .fixed(3), alignment: .right),
            .init(language.t(L.colUnit), width: .fixed(layout.name)),
            .init(language.t(L.colMean), width: .fixed(6), alignment: .right),
            .init(language.t(L.colCategory), width: .fixed(layout.category)),
        ]
        for dimension in ScoreDimension.allCases {
            columns.append(.init(language.t(layout.bar >= 4 ? L.dimShort[dimension]! : L.dimTiny[dimension]!), width: .fixed(layout.bar)))
        }
        columns += [
            .init(language.t(short ? L.colCompleteShort : L.colComplete), width: .fixed(layout.complete), alignment: .right),
            .init(language.t(short ? L.colDoneShort : L.colDone), width: .fixed(layout.done)),
            .init(language.t(short ? L.colTodayShort : L.colToday), width: .fixed(layout.today), alignment: .right),
            .init(language.t(short ? L.colWeekShort : L.colWeek), width: .fixed(layout.week), alignment: .right),
        ]
        return Table(columns, width: width)
    }

    /// Column widths for a screen `width` columns wide. At 80 columns every column is
    /// there in short form with bars of two cells (sixteenths); wider screens get full
    /// headers, full category names and longer bars.
    struct Layout: Equatable {
        var short: Bool
        var name: Int
        var bar: Int
        var category: Int
        var complete: Int
        /// The "selesai" marks: four dots, under a header that fits whole in the wide layout.
        var done: Int
        var today: Int
        var week: Int
        var barsWidth: Int { 4 * bar + 3 }

        /// - Parameter digits: the digits of the largest entry count (the count columns grow to it).
        init(width: Int, digits: Int = 0) {
            short = width < 100
            category = short ? 8 : 13
            complete = short ? 4 : 7
            done = short ? 4 : 7
            today = max(short ? 6 : 8, digits)
            week = max(6, digits)
            bar = 2
            name = 0
            // Margins, then #, mean, category, bars, complete, done, today, week with a space after each.
            let fixed = 2 + 4 + 7 + (category + 1) + 1 + (complete + 1) + (done + 1) + (today + 1) + week
            name = width - fixed - (4 * bar + 3) - 1
            if name > 32 {
                bar = min(12, 2 + (name - 32) / 4)
                name = width - fixed - (4 * bar + 3) - 1
            }
            name = max(8, name)
        }
    }
}
