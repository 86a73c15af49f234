import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal

/// The supervisors' read-only view: every unit ranked with its mean, category,
/// completeness, done marks and today's/this week's entries; for the selected unit the four
/// dimension means as bars and the category distribution. Enter drills down.
final class DashboardView: View {
    enum SortKey: CaseIterable { case mean, name, complete, activity }

    private(set) var figures: [UnitFigure] = []
    private var marks: [String: Set<ProgressDimension>] = [:]
    private var today: [String: Int] = [:]
    private var week: [String: Int] = [:]
    private(set) var sortKey: SortKey = .mean
    private var cursor = ScrollList(count: 0, height: 1)
    private var distributions: [String: [Int]] = [:]

    init(app: App) {
        reload(app: app)
    }

    var context: KeyContext { .dashboard }
    var keyBar: [Command] { [.help, .open, .sort, .search, .refresh, .back, .quit] }

    func reload(app: App) {
        distributions = [:]
        app.attempt {
            figures = try app.store.unitFigures(year: app.year)
            marks = UnitListView.doneMarks(try app.store.progressMarks())
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = app.context.timeZone
            calendar.firstWeekday = 2
            let now = app.context.now()
            let startOfDay = calendar.startOfDay(for: now)
            let startOfWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? startOfDay
            today = Self.fold(try app.store.recordsEntered(since: startOfDay), figures: figures)
            week = Self.fold(try app.store.recordsEntered(since: startOfWeek), figures: figures)
        }
        sort()
        cursor.update(count: figures.count)
    }

    /// Per-unit counts with sub-units added to their parents, like the figures.
    static func fold(_ direct: [String: Int], figures: [UnitFigure]) -> [String: Int] {
        var parent: [String: String] = [:]
        for f in figures { if let p = f.unit.induk { parent[f.unit.kode] = p } }
        var result: [String: Int] = [:]
        for (kode, count) in direct {
            var current: String? = kode
            var seen = Set<String>()
            while let k = current, seen.insert(k).inserted {
                result[k, default: 0] += count
                current = parent[k]
            }
        }
        return result
    }

    private func sort() {
        switch sortKey {
        case .mean: figures.sort { ($0.meanTotal, $1.unit.nama) > ($1.meanTotal, $0.unit.nama) }
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
        case .name: return L.dashSortName
        case .complete: return L.dashSortComplete
        case .activity: return L.dashSortActivity
        }
    }

    /// Counts of Sangat Tinggi .. Sangat Rendah in a unit (loaded when first selected).
    func distribution(_ unit: OrgUnit, app: App) -> [Int] {
        if let known = distributions[unit.kode] { return known }
        var counts = Array(repeating: 0, count: app.engine.ruleset.categories.count)
        if let scores = try? app.store.scores(year: app.year, unit: unit.kode) {
            for s in scores {
                let rank = app.engine.category(for: s.score.total).rank
                if rank < counts.count { counts[rank] += 1 }
            }
        }
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
        default:
            return false
        }
        return true
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.dashboardTitle), right: "\(app.t(sortLabel))  \(app.t(L.labelYear)) \(app.year) ")
        let inProgress = figures.filter { (marks[$0.unit.kode]?.count ?? 0) < ProgressDimension.allCases.count }.count
        let roots = figures.filter { $0.depth == 0 }
        let todayAll = roots.reduce(0) { $0 + (today[$1.unit.kode] ?? 0) }
        let weekAll = roots.reduce(0) { $0 + (week[$1.unit.kode] ?? 0) }
        grid.put(app.t(L.dashSummary(figures.count, inProgress, todayAll, weekAll)), row: 1, col: 1, style: .status, maxWidth: grid.width - 2)

        let fixed = 3 + 1 + 6 + 1 + 13 + 1 + 7 + 1 + 7 + 1 + 8 + 1 + 6
        let nameWidth = max(10, grid.width - fixed - 3)
        let header = DisplayWidth.fit("#", toWidth: 3, alignment: .right) + " " + DisplayWidth.fit(app.t(L.colUnit), toWidth: nameWidth) + " " + DisplayWidth.fit(app.t(L.colMean), toWidth: 6, alignment: .right)
            + " " + DisplayWidth.fit(app.t(L.colCategory), toWidth: 13) + " " + DisplayWidth.fit(app.t(L.colComplete), toWidth: 7, alignment: .right) + " "
            + DisplayWidth.fit(app.t(L.colDone), toWidth: 7) + " " + DisplayWidth.fit(app.t(L.colToday), toWidth: 8, alignment: .right) + " " + DisplayWidth.fit(app.t(L.colWeek), toWidth: 6, alignment: .right)
        grid.put(header, row: 2, col: 1, style: .header, maxWidth: grid.width - 2)
        let detailHeight = 7
        let listHeight = max(3, rows - 3 - detailHeight)
        for (offset, index) in cursor.visible(height: listHeight).enumerated() {
            let f = figures[index]
            let kode = f.unit.kode
            let text = DisplayWidth.fit("\(index + 1)", toWidth: 3, alignment: .right) + " " + DisplayWidth.fit(f.unit.nama, toWidth: nameWidth) + " "
                + DisplayWidth.fit(f.totals.pegawai > 0 ? language.mean(f.meanTotal) : "-", toWidth: 6, alignment: .right) + " "
                + DisplayWidth.fit(f.totals.pegawai > 0 ? f.category.name : "", toWidth: 13) + " "
                + DisplayWidth.fit(language.percent(f.totals.completePegawai, of: f.totals.pegawai), toWidth: 7, alignment: .right) + " "
                + DisplayWidth.fit(UnitListView.markText(marks[kode] ?? []), toWidth: 7) + " "
                + DisplayWidth.fit("\(today[kode] ?? 0)", toWidth: 8, alignment: .right) + " " + DisplayWidth.fit("\(week[kode] ?? 0)", toWidth: 6, alignment: .right)
            let row = 3 + offset
            let selected = index == cursor.selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 1, style: selected ? .selected : .normal, maxWidth: grid.width - 2)
            if !selected, f.totals.pegawai > 0 {
                grid.setStyle(row: row, col: 1 + 4 + nameWidth + 1 + 7, width: 13, style: Draw.categoryStyle(f.category))
            }
        }
        guard !figures.isEmpty else { return }
        let selected = figures[cursor.selection]
        let top = 3 + listHeight
        guard top + 2 < rows else { return }
        grid.hline(row: top, col: 0, width: grid.width)
        grid.put(" " + selected.unit.nama + " ", row: top, col: 2, style: .header, maxWidth: grid.width - 4)
        let half = grid.width / 2
        grid.put(app.t(L.dashDimensions), row: top + 1, col: 1, style: .header, maxWidth: half - 2)
        let barWidth = max(4, half - 22)
        for (i, dimension) in ScoreDimension.allCases.enumerated() where top + 2 + i < rows {
            let mean = selected.mean(dimension)
            let max = dimension.max(in: app.engine.ruleset)
            let row = top + 2 + i
            grid.put(DisplayWidth.fit(dimension.displayName(language), toWidth: 11), row: row, col: 1)
            grid.put(DisplayWidth.fit(language.mean(mean), toWidth: 6, alignment: .right), row: row, col: 12)
            HorizontalBar.draw(into: &grid, row: row, col: 19, width: barWidth, value: mean, max: max)
        }
        grid.put(app.t(L.dashDistribution), row: top + 1, col: half + 1, style: .header, maxWidth: half - 2)
        let counts = distribution(selected.unit, app: app)
        let biggest = max(1, counts.max() ?? 1)
        let names = app.engine.ruleset.categories.sorted { $0.min > $1.min }.map(\.name)
        let countBar = max(4, grid.width - half - 22)
        for (rank, count) in counts.enumerated() where top + 2 + rank < rows {
            let row = top + 2 + rank
            grid.put(DisplayWidth.fit(rank < names.count ? names[rank] : "", toWidth: 13), row: row, col: half + 1, style: .category(rank))
            grid.put(DisplayWidth.fit("\(count)", toWidth: 4, alignment: .right), row: row, col: half + 15)
            HorizontalBar.draw(
                into: &grid, row: row, col: half + 20, width: countBar, value: Double(count), max: Double(biggest),
                fill: .category(rank), empty: .normal)
        }
    }
}
