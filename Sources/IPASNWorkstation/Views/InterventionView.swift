import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// The supervisors' "where would training raise the index most": every unit and
/// intervention that would raise someone, ranked by the rise of the whole index (the
/// instansi's: every employee weighs the same, so a large unit's modest rise comes before a
/// small unit's big one), with how many employees would gain, the index's rise, the unit mean's
/// rise and the category changes. `s` switches to the rise of the unit mean and back; Enter
/// lists the employees who gain; `f` hides small units. Computed once (a frame says so first)
/// and kept until the data changes or Ctrl-L.
final class InterventionView: View {
    private(set) var plan: InterventionPlan?
    private(set) var rows: [InterventionPlan.Row] = []
    private(set) var minimumPegawai = 1
    private(set) var order = InterventionPlan.Order.own
    private var computing = false
    private var cursor = ScrollList(count: 0, height: 1)
    private var names: [String: String] = [:]

    static let minimumSteps = [1, 5, 20]

    init(app: App) {
        load(app: app, force: false)
    }

    var context: KeyContext { .interventions }
    var keyBar: [Command] { [.help, .open, .sort, .minimumSize, .exportReport, .back, .refresh, .quit] }

    func reload(app: App) {
        load(app: app, force: false)
    }

    /// Shows the cached plan when it is still current; otherwise shows "Menghitung…" and
    /// computes right after that frame is on the screen.
    private func load(app: App, force: Bool) {
        if force { app.interventions.invalidate() }
        if let current = app.interventions.current(app: app) {
            show(current)
            return
        }
        computing = true
        app.afterNextFrame { [weak self] in
            guard let self else { return }
            self.computing = false
            app.attempt { self.show(try app.interventions.compute(app: app)) }
        }
    }

    private func show(_ plan: InterventionPlan) {
        let keep = rows.isEmpty ? nil : rows[cursor.selection]
        self.plan = plan
        names = plan.names
        applyFilter(keep: keep)
    }

    private func applyFilter(keep: InterventionPlan.Row?) {
        rows = plan?.rows(by: order, minimumPegawai: minimumPegawai) ?? []
        cursor.update(count: rows.count)
        if let keep, let index = rows.firstIndex(where: { $0.unit.kode == keep.unit.kode && $0.intervention == keep.intervention }) {
            cursor.select(index)
        }
    }

    var selected: InterventionPlan.Row? { rows.isEmpty ? nil : rows[cursor.selection] }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard let plan, let row = selected else { return true }
            app.push(
                InterventionGainersView(
                    app: app, plan: plan, unit: row.unit, intervention: row.intervention, withoutSubunits: row.withoutSubunits))
        case .sort:
            order = order.next
            applyFilter(keep: selected)
            app.inform(app.t(L.interventionOrderSet(order)))
        case .minimumSize:
            let steps = Self.minimumSteps
            minimumPegawai = steps[((steps.firstIndex(of: minimumPegawai) ?? 0) + 1) % steps.count]
            applyFilter(keep: selected)
            app.inform(app.t(L.minimumSizeSet(minimumPegawai)))
        case .refresh:
            load(app: app, force: true)
        case .exportReport:
            guard let plan else {
                app.warn(app.t(L.reportNotReady))
                return true
            }
            ReportExport.interventions(app: app, plan: plan, rows: rows, order: order)
        default:
            return false
        }
        return true
    }

    // MARK: Drawing

    /// The texts of one row's cells, in the narrow (80 columns) or the full form.
    struct Cells {
        var intervention: String
        var gainers: String
        var index: String
        var mean: String
        var category: String

        init(_ row: InterventionPlan.Row, plan: InterventionPlan, full: Bool, language: Language, meanDelta: Int, meanWidth: Int) {
            let jp = plan.teknisJP
            intervention = language.t(full ? L.interventionName(row.intervention, jp: jp) : L.interventionShort(row.intervention, jp: jp))
            gainers =
                full
                ? language.t(L.gainersOf(row.totals.beneficiaries, row.totals.pegawai))
                : "\(row.totals.beneficiaries)/\(row.totals.pegawai)"
            let indexRise = language.meanDelta(from: plan.index, to: plan.indexAfter(row))
            if full {
                index = language.mean(plan.indexAfter(row)) + " (" + indexRise + ")"
                if row.indexCategoryChanges { index += " " + row.indexCategoryAfter.displayName(language) }
                mean = InterventionView.meanChange(row, language: language, deltaWidth: meanDelta, meanWidth: meanWidth)
                category = row.categoryChanges ? "\(row.categoryBefore.displayName(language)) -> \(row.categoryAfter.displayName(language))" : row.categoryBefore.displayName(language)
            } else {
                index = indexRise + (row.indexCategoryChanges ? "*" : "")
                mean = language.meanDelta(from: row.meanBefore, to: row.meanAfter)
                category = row.categoryChanges ? EmployeeListView.category(row.categoryAfter.displayName(language), width: 8) : ""
            }
        }
    }

    /// ` 68,44 -> 75,50 (+7,06)`, aligned so the arrows line up from row to row.
    static func meanChange(_ row: InterventionPlan.Row, language: Language, deltaWidth: Int = 0, meanWidth: Int = 5) -> String {
        DisplayWidth.fit(language.mean(row.meanBefore), toWidth: meanWidth, alignment: .right) + " -> "
            + DisplayWidth.fit(language.mean(row.meanAfter), toWidth: meanWidth, alignment: .right) + " "
            + DisplayWidth.fit("(" + language.meanDelta(from: row.meanBefore, to: row.meanAfter) + ")", toWidth: deltaWidth)
    }

    /// Column widths from the rows' contents, so no figure is ever cut: the full form when
    /// it leaves the unit name at least 24 columns, else the narrow one (the rises only; the
    /// selected row's means and categories are written out under the list).
    struct Layout {
        var full: Bool
        var name: Int
        /// Intervention, gainers, index, unit mean and category.
        var widths: Widths
        var meanDelta: Int
        /// The width of one mean (`68,44`; `100,00` only when a unit would reach the maximum).
        var meanWidth: Int

        init(width: Int, rows: [InterventionPlan.Row], plan: InterventionPlan, language: Language) {
            let delta = rows.map { DisplayWidth.width(of: language.meanDelta(from: $0.meanBefore, to: $0.meanAfter)) + 2 }.max() ?? 7
            let means = rows.map { DisplayWidth.width(of: language.mean($0.meanAfter)) }.max() ?? 5
            var widths = Self.measure(rows, plan: plan, full: true, language: language, meanDelta: delta, meanWidth: means)
            let full = Self.nameWidth(width, widths) >= 24
            if !full { widths = Self.measure(rows, plan: plan, full: false, language: language, meanDelta: delta, meanWidth: means) }
            self.full = full
            meanDelta = delta
            meanWidth = means
            self.widths = widths
            name = max(8, Self.nameWidth(width, widths))
        }

        typealias Widths = (intervention: Int, gainers: Int, index: Int, mean: Int, category: Int)

        /// What the unit name is left with: margins, "#" and a space after each column.
        static func nameWidth(_ width: Int, _ w: Widths) -> Int {
            width - 2 - 4 - (w.intervention + 1) - (w.gainers + 1) - (w.index + 1) - (w.mean + 1) - (w.category + 1)
        }

        static func measure(
            _ rows: [InterventionPlan.Row], plan: InterventionPlan, full: Bool, language: Language, meanDelta: Int, meanWidth: Int
        ) -> Widths {
            var widths: Widths = (
                DisplayWidth.width(of: language.t(L.colIntervention)),
                DisplayWidth.width(of: language.t(full ? L.colGainersFull : L.colGainers)),
                DisplayWidth.width(of: language.t(full ? L.colIndex : L.colIndexRise)),
                DisplayWidth.width(of: language.t(full ? L.colUnitMean : L.colUnitRise)),
                DisplayWidth.width(of: language.t(full ? L.colCategoryChange : L.colNewCategory))
            )
            for intervention in Intervention.allCases {
                let name = language.t(
                    full ? L.interventionName(intervention, jp: plan.teknisJP) : L.interventionShort(intervention, jp: plan.teknisJP))
                widths.intervention = max(widths.intervention, DisplayWidth.width(of: name))
            }
            for row in rows {
                let cells = Cells(row, plan: plan, full: full, language: language, meanDelta: meanDelta, meanWidth: meanWidth)
                widths.gainers = max(widths.gainers, DisplayWidth.width(of: cells.gainers))
                widths.index = max(widths.index, DisplayWidth.width(of: cells.index))
                widths.mean = max(widths.mean, DisplayWidth.width(of: cells.mean))
                widths.category = max(widths.category, DisplayWidth.width(of: cells.category))
            }
            return widths
        }
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.interventionsTitle), right: "\(app.t(L.labelYear)) \(app.year) ")
        guard let plan, !computing else {
            grid.put(app.t(L.interventionsComputing), row: 2, col: 2, style: .highlight, maxWidth: grid.width - 4)
            for (index, line) in Dialogs.wrap(app.t(L.interventionsComputingHint), width: grid.width - 4).enumerated() {
                grid.put(line, row: 4 + index, col: 2, style: .dim, maxWidth: grid.width - 4)
            }
            return
        }
        let units = Set(rows.map(\.unit.kode)).count
        let summary = L.interventionsRanked(
            rows.count, units, minimumPegawai, order: order, index: language.mean(plan.index), pegawai: plan.scopePegawai)
        grid.put(app.t(summary), row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        guard !rows.isEmpty else {
            let none = minimumPegawai > 1 && !plan.rows.isEmpty ? L.interventionsNoneFiltered(minimumPegawai) : L.interventionsNone
            grid.put(app.t(none), row: 3, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        let layout = Layout(width: grid.width, rows: rows, plan: plan, language: language)
        let table = Table(
            [
                .init("#", width: .fixed(3), alignment: .right),
                .init(app.t(L.colUnit), width: .fixed(layout.name)),
                .init(app.t(L.colIntervention), width: .fixed(layout.widths.intervention)),
                .init(app.t(layout.full ? L.colGainersFull : L.colGainers), width: .fixed(layout.widths.gainers), alignment: .right),
                .init(app.t(layout.full ? L.colIndex : L.colIndexRise), width: .fixed(layout.widths.index), alignment: layout.full ? .left : .right),
                .init(app.t(layout.full ? L.colUnitMean : L.colUnitRise), width: .fixed(layout.widths.mean), alignment: layout.full ? .left : .right),
                .init(app.t(layout.full ? L.colCategoryChange : L.colNewCategory), width: .fixed(layout.widths.category)),
            ], width: grid.width - 2)
        table.drawHeader(into: &grid, row: 2, col: 1)

        let panelHeight = 4
        let legend = layout.full ? 0 : 1
        let listHeight = max(3, height - 3 - legend - panelHeight)
        for (offset, index) in cursor.visible(height: listHeight).enumerated() {
            let row = rows[index]
            let cells = Cells(row, plan: plan, full: layout.full, language: language, meanDelta: layout.meanDelta, meanWidth: layout.meanWidth)
            table.draw(
                [
                    .init("\(index + 1)"), .init(Self.unitName(row, names: names, language: language)), .init(cells.intervention),
                    .init(cells.gainers), .init(cells.index, style: row.indexCategoryChanges ? Draw.categoryStyle(row.indexCategoryAfter) : nil),
                    .init(cells.mean),
                    .init(cells.category, style: row.categoryChanges ? Draw.categoryStyle(row.categoryAfter) : nil),
                ], into: &grid, row: 3 + offset, col: 1, selected: index == cursor.selection)
        }
        var next = 3 + listHeight
        if legend > 0 {
            grid.put(app.t(L.interventionsRankLegend), row: next, col: 1, style: .dim, maxWidth: grid.width - 2)
            next += 1
        }
        guard let row = selected, next + 2 < height else { return }
        let unitName = Self.unitName(row, names: names, language: language)
        grid.hline(row: next, col: 0, width: grid.width)
        grid.put(" " + unitName + " ", row: next, col: 2, style: .header, maxWidth: grid.width - 4)
        for (index, text) in Self.describe(row, plan: plan, unitName: row.unit.nama, language: language).enumerated()
        where next + 1 + index < height {
            grid.put(DisplayWidth.truncate(text, toWidth: grid.width - 2), row: next + 1 + index, col: 1, maxWidth: grid.width - 2)
        }
    }

    /// A row's unit as the list shows it; a unit with sub-units that stands for its own
    /// employees only (the own order) says so.
    static func unitName(_ row: InterventionPlan.Row, names: [String: String], language: Language) -> String {
        let name = names[row.unit.kode] ?? row.unit.nama
        return row.withoutSubunits ? language.t(L.ownEmployeesOf(name)) : name
    }

    /// The selected row in three lines of words: who gains, the index now and after, the unit
    /// mean now and after, each with its category (and the new one when it changes).
    static func describe(_ row: InterventionPlan.Row, plan: InterventionPlan, unitName: String, language: Language) -> [String] {
        let name = language.t(L.interventionName(row.intervention, jp: plan.teknisJP))
        let gainers = language.t(L.gainersOf(row.totals.beneficiaries, row.totals.pegawai))
        var index = language.t(L.indexLabel) + " " + language.mean(plan.index) + " -> " + language.mean(plan.indexAfter(row))
            + " (" + language.meanDelta(from: plan.index, to: plan.indexAfter(row)) + ")  " + row.indexCategoryBefore.displayName(language)
        if row.indexCategoryChanges { index += " -> " + row.indexCategoryAfter.displayName(language) }
        var unit = language.t(L.unitMean) + " " + language.mean(row.meanBefore) + " -> " + language.mean(row.meanAfter)
            + " (" + language.meanDelta(from: row.meanBefore, to: row.meanAfter) + ")  " + row.categoryBefore.displayName(language)
        if row.categoryChanges { unit += " -> " + row.categoryAfter.displayName(language) }
        return [language.t(L.interventionFor(name, gainers, unitName)), index, unit]
    }
}

/// The employees of a unit (sub-units included) who would gain from one intervention: NIP,
/// name, jabatan and their total now and after, the largest gain first. Enter opens the
/// employee's page.
final class InterventionGainersView: View {
    let unit: OrgUnit
    let intervention: Intervention
    private(set) var row: InterventionPlan.Row?
    private var plan: InterventionPlan?
    private(set) var items: [(pegawai: Pegawai, now: Double, gain: Double)] = []
    private var jp = 20
    private var computing = false
    private var cursor = ScrollList(count: 0, height: 1)

    /// The unit's own employees only (a row of the own order for a unit with sub-units).
    let withoutSubunits: Bool

    init(app: App, plan: InterventionPlan, unit: OrgUnit, intervention: Intervention, withoutSubunits: Bool = false) {
        self.unit = unit
        self.intervention = intervention
        self.withoutSubunits = withoutSubunits
        show(plan, app: app)
    }

    var context: KeyContext { .interventions }
    var keyBar: [Command] { [.help, .open, .refresh, .back, .quit] }

    func reload(app: App) {
        load(app: app, force: false)
    }

    private func load(app: App, force: Bool) {
        if force { app.interventions.invalidate() }
        if let current = app.interventions.current(app: app) {
            show(current, app: app)
            return
        }
        computing = true
        app.afterNextFrame { [weak self] in
            guard let self else { return }
            self.computing = false
            app.attempt { self.show(try app.interventions.compute(app: app), app: app) }
        }
    }

    private func show(_ plan: InterventionPlan, app: App) {
        let keep = items.isEmpty ? nil : items[cursor.selection].pegawai.nip
        jp = plan.teknisJP
        self.plan = plan
        row = (withoutSubunits ? plan.ownRows : plan.rows).first { $0.unit.kode == unit.kode && $0.intervention == intervention }
        let gains = Dictionary(
            plan.gainers(unit: unit.kode, intervention: intervention, withoutSubunits: withoutSubunits).map { ($0.nip, $0.gain) },
            uniquingKeysWith: { a, _ in a })
        items = []
        app.attempt {
            for scored in try app.store.scores(year: app.year, unit: unit.kode) {
                if let gain = gains[scored.pegawai.nip] { items.append((scored.pegawai, scored.score.total, gain)) }
            }
        }
        items.sort { ($0.gain, $1.pegawai.nama.lowercased()) > ($1.gain, $0.pegawai.nama.lowercased()) }
        cursor.update(count: items.count)
        if let keep, let index = items.firstIndex(where: { $0.pegawai.nip == keep }) { cursor.select(index) }
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard !items.isEmpty else { return true }
            EmployeeView.open(nip: items[cursor.selection].pegawai.nip, app: app)
        case .refresh:
            load(app: app, force: true)
        default:
            return false
        }
        return true
    }

    /// `57,5 -> 80 (+22,5)`, aligned from row to row.
    static func totalChange(now: Double, gain: Double, language: Language) -> String {
        DisplayWidth.fit(language.points(now), toWidth: 4, alignment: .right) + " -> "
            + DisplayWidth.fit(language.points(now + gain), toWidth: 4, alignment: .right) + " (" + language.delta(gain) + ")"
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        let language = app.language
        let name = app.t(L.interventionName(intervention, jp: jp))
        Draw.title(&grid, app.t(L.gainersTitle(name, unit.nama)), right: "\(app.t(L.labelYear)) \(app.year) ")
        if computing {
            grid.put(app.t(L.interventionsComputing), row: 2, col: 2, style: .highlight, maxWidth: grid.width - 4)
            return
        }
        if let row, let plan {
            let lines = InterventionView.describe(row, plan: plan, unitName: unit.nama, language: language)
            grid.put(lines[2], row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        }
        let full = grid.width >= 120
        // The category change whole in the wide layout ("Sangat Rendah -> Sangat Tinggi").
        func categoryText(_ item: (now: Double, gain: Double)) -> String {
            let before = app.engine.category(for: item.now)
            let after = app.engine.category(for: item.now + item.gain)
            if full {
                return before.rank == after.rank ? before.displayName(language) : "\(before.displayName(language)) -> \(after.displayName(language))"
            }
            return before.rank == after.rank ? "" : EmployeeListView.category(after.displayName(language), width: 8)
        }
        let category =
            full
            ? items.reduce(DisplayWidth.width(of: app.t(L.colCategory))) { max($0, DisplayWidth.width(of: categoryText(($1.now, $1.gain)))) }
            : 8
        let totalWidth = max(
            DisplayWidth.width(of: app.t(L.colTotalChange)),
            items.map { DisplayWidth.width(of: Self.totalChange(now: $0.now, gain: $0.gain, language: language)) }.max() ?? 0)
        // `!`-wide margin, NIP, name (what is left), jabatan, total now -> after, category.
        let table = Table(
            [
                .init(width: .fixed(1)),
                .init(app.t(L.colNIP), width: .fixed(18), gap: 0),
                .init(app.t(L.colName), width: .fill(minimum: 8)),
                .init(app.t(full ? L.colJabatan : L.colJabatanShort), width: .fixed(full ? 24 : 4)),
                .init(app.t(L.colTotalChange), width: .fixed(totalWidth)),
                .init(app.t(full ? L.colCategory : L.colNewCategory), width: .fixed(category)),
            ], width: grid.width - 1)
        table.drawHeader(into: &grid, row: 2, col: 0)
        guard !items.isEmpty else {
            grid.put(app.t(L.gainersNone), row: 4, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        for (offset, index) in cursor.visible(height: height - 4).enumerated() {
            let item = items[index]
            let before = app.engine.category(for: item.now)
            let after = app.engine.category(for: item.now + item.gain)
            let categoryText = categoryText((item.now, item.gain))
            table.draw(
                [
                    .init(" "), .init(item.pegawai.nip), .init(item.pegawai.nama), .init(EmployeeListView.jabatan(item.pegawai, full: full)),
                    .init(Self.totalChange(now: item.now, gain: item.gain, language: language)),
                    .init(categoryText, style: before.rank != after.rank ? Draw.categoryStyle(after) : nil),
                ], into: &grid, row: 3 + offset, col: 0, selected: index == cursor.selection)
        }
        grid.put(app.t(L.gainersLegend), row: height - 1, col: 1, style: .dim, maxWidth: grid.width - 2)
    }
}
