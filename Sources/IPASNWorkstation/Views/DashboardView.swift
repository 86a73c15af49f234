import Foundation
import IPASNCore
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
    /// Names as listed: a unit whose name another unit shares ("Sekretariat") is prefixed
    /// with its nearest ancestor of unique name (`DINKES › Sekretariat`), so that the
    /// distinguishing part survives truncation.
    private var names: [String: String] = [:]

    init(app: App) {
        reload(app: app)
    }

    var context: KeyContext { .dashboard }
    var keyBar: [Command] { [.help, .open, .sort, .interventions, .refresh, .back, .search, .quit] }

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
        names = Self.listNames(figures.map(\.unit))
        sort()
        cursor.update(count: figures.count)
    }

    static func listNames(_ units: [OrgUnit]) -> [String: String] {
        var seen: [String: Int] = [:]
        for unit in units { seen[unit.nama, default: 0] += 1 }
        let byKode = Dictionary(units.map { ($0.kode, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [String: String] = [:]
        for unit in units {
            guard (seen[unit.nama] ?? 0) > 1 else {
                result[unit.kode] = unit.nama
                continue
            }
            // The nearest ancestor with a name of its own, by its code when that is short.
            var ancestor = unit.induk.flatMap { byKode[$0] }
            var steps = 0
            while let a = ancestor, (seen[a.nama] ?? 0) > 1, steps < 20 {
                ancestor = a.induk.flatMap { byKode[$0] }
                steps += 1
            }
            guard let tagUnit = ancestor else {
                result[unit.kode] = unit.nama
                continue
            }
            let tag = tagUnit.kode.count <= 12 ? tagUnit.kode : tagUnit.nama
            result[unit.kode] = "\(tag) › \(unit.nama)"
        }
        return result
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
        // The counts whole: the short wording when the long one does not fit.
        let summaries = [L.dashSummary(figures.count, inProgress, todayAll, weekAll), L.dashSummaryShort(figures.count, inProgress, todayAll, weekAll)]
            .map(app.t)
        let summary = summaries.first { DisplayWidth.width(of: $0) <= grid.width - 2 }
            ?? DisplayWidth.truncate(summaries[1], toWidth: grid.width - 2)
        grid.put(summary, row: 1, col: 1, style: .status, maxWidth: grid.width - 2)

        // Entry counts are never cut: the columns grow to the largest number.
        let largest = max(todayAll, weekAll, today.values.max() ?? 0, week.values.max() ?? 0)
        let layout = Layout(width: grid.width, digits: String(largest).count)
        let short = layout.short
        var header = DisplayWidth.fit("#", toWidth: 3, alignment: .right) + " " + DisplayWidth.fit(app.t(L.colUnit), toWidth: layout.name)
        header += " " + DisplayWidth.fit(app.t(L.colMean), toWidth: 6, alignment: .right)
        header += " " + DisplayWidth.fit(app.t(L.colCategory), toWidth: layout.category) + " "
        header += ScoreDimension.allCases.map {
            DisplayWidth.fit(app.t(layout.bar >= 4 ? L.dimShort[$0]! : L.dimTiny[$0]!), toWidth: layout.bar)
        }.joined(separator: " ")
        header += " " + DisplayWidth.fit(app.t(short ? L.colCompleteShort : L.colComplete), toWidth: layout.complete, alignment: .right)
        header += " " + DisplayWidth.fit(app.t(short ? L.colDoneShort : L.colDone), toWidth: layout.done)
        header += " " + DisplayWidth.fit(app.t(short ? L.colTodayShort : L.colToday), toWidth: layout.today, alignment: .right)
        header += " " + DisplayWidth.fit(app.t(short ? L.colWeekShort : L.colWeek), toWidth: layout.week, alignment: .right)
        grid.put(header, row: 2, col: 1, style: .header, maxWidth: grid.width - 2)
        let detailHeight = 7
        let listHeight = max(3, rows - 3 - detailHeight - (short ? 1 : 0))
        let categoryCol = 1 + 4 + layout.name + 1 + 7
        let barCol = categoryCol + layout.category + 1
        for (offset, index) in cursor.visible(height: listHeight).enumerated() {
            let f = figures[index]
            let kode = f.unit.kode
            let counted = f.totals.pegawai > 0
            var text = DisplayWidth.fit("\(index + 1)", toWidth: 3, alignment: .right) + " " + DisplayWidth.fit(names[kode] ?? f.unit.nama, toWidth: layout.name)
            text += " " + DisplayWidth.fit(counted ? language.mean(f.meanTotal) : "-", toWidth: 6, alignment: .right)
            text += " " + DisplayWidth.fit(counted ? EmployeeListView.category(f.category.displayName(language), width: layout.category) : "", toWidth: layout.category)
            text += " " + String(repeating: " ", count: layout.barsWidth)
            text += " " + DisplayWidth.fit(language.percent(f.totals.completePegawai, of: f.totals.pegawai), toWidth: layout.complete, alignment: .right)
            text += " " + DisplayWidth.fit(UnitListView.markText(marks[kode] ?? []), toWidth: layout.done)
            text += " " + DisplayWidth.fit("\(today[kode] ?? 0)", toWidth: layout.today, alignment: .right)
            text += " " + DisplayWidth.fit("\(week[kode] ?? 0)", toWidth: layout.week, alignment: .right)
            let row = 3 + offset
            let selected = index == cursor.selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 1, style: selected ? .selected : .normal, maxWidth: grid.width - 2)
            if !selected, counted {
                grid.setStyle(row: row, col: categoryCol, width: layout.category, style: Draw.categoryStyle(f.category))
            }
            guard counted else { continue }
            for (i, dimension) in ScoreDimension.allCases.enumerated() {
                HorizontalBar.draw(
                    into: &grid, row: row, col: barCol + i * (layout.bar + 1), width: layout.bar, value: f.mean(dimension),
                    max: dimension.max(in: app.engine.ruleset))
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
        let half = grid.width / 2
        grid.put(app.t(L.dashDimensions), row: top + 1, col: 1, style: .header, maxWidth: half - 2)
        // The longest dimension name whole ("Qualification"), then the mean and its bar.
        let labelWidth = ScoreDimension.allCases.map { DisplayWidth.width(of: $0.displayName(language)) }.max() ?? 11
        let barWidth = max(4, half - labelWidth - 11)
        for (i, dimension) in ScoreDimension.allCases.enumerated() where top + 2 + i < rows {
            let mean = selected.mean(dimension)
            let max = dimension.max(in: app.engine.ruleset)
            let row = top + 2 + i
            grid.put(DisplayWidth.fit(dimension.displayName(language), toWidth: labelWidth), row: row, col: 1)
            grid.put(DisplayWidth.fit(language.mean(mean), toWidth: 6, alignment: .right), row: row, col: labelWidth + 1)
            HorizontalBar.draw(into: &grid, row: row, col: labelWidth + 8, width: barWidth, value: mean, max: max)
        }
        grid.put(app.t(L.dashDistribution), row: top + 1, col: half + 1, style: .header, maxWidth: half - 2)
        let counts = distribution(selected.unit, app: app)
        let biggest = max(1, counts.max() ?? 1)
        let names = app.engine.ruleset.categories.sorted { $0.min > $1.min }.map { Category.displayName($0.name, language) }
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

    /// Column widths for a screen `width` columns wide. At 80 columns every column is
    /// there in short form with bars of two cells (sixteenths); wider screens get full
    /// headers, full category names and longer bars.
    struct Layout: Equatable {
        var short: Bool
        var name: Int
        var category: Int
        var bar: Int
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
            // Margins, then #, mean, category, bars, complete, done, today, week with a space after each.
            let fixed = 2 + 4 + 7 + (category + 1) + 1 + (complete + 1) + (done + 1) + (today + 1) + week
            bar = 2
            name = width - fixed - (4 * bar + 3) - 1
            if name > 32 {
                bar = min(12, 2 + (name - 32) / 4)
                name = width - fixed - (4 * bar + 3) - 1
            }
            name = max(8, name)
        }
    }
}
