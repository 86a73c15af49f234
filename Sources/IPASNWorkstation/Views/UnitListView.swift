import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal

/// The unit tree, indented, with each unit's mean, category, completeness and which
/// dimensions are marked "selesai diinput". Enter opens the unit's employees; `m` marks.
final class UnitListView: View {
    private(set) var figures: [UnitFigure] = []
    private(set) var marks: [String: Set<ProgressDimension>] = [:]
    private var cursor = ScrollList(count: 0, height: 1)

    init(app: App) {
        reload(app: app)
    }

    var context: KeyContext { .units }
    var keyBar: [Command] { [.help, .open, .search, .markProgress, .dashboard, .addPegawai, .undo, .interventions, .quit] }

    var selected: UnitFigure? { figures.isEmpty ? nil : figures[cursor.selection] }

    func reload(app: App) {
        app.attempt {
            figures = try app.store.unitFigures(year: app.year)
            marks = Self.doneMarks(try app.store.progressMarks())
        }
        cursor.update(count: figures.count)
    }

    static func doneMarks(_ marks: [ProgressMark]) -> [String: Set<ProgressDimension>] {
        var result: [String: Set<ProgressDimension>] = [:]
        for mark in marks where mark.done { result[mark.unit, default: []].insert(mark.dimension) }
        return result
    }

    /// `PK··`: a letter for each dimension marked done, a dot for the others.
    static func markText(_ done: Set<ProgressDimension>) -> String {
        let letters: [ProgressDimension: String] = [.pendidikan: "P", .kompetensi: "K", .kinerja: "N", .disiplin: "D"]
        return ProgressDimension.allCases.map { done.contains($0) ? letters[$0]! : "·" }.joined()
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.unitsTitle), right: "\(app.t(L.labelYear)) \(app.year) ")
        let fixed = 1 + 5 + 1 + 6 + 1 + 13 + 1 + 7 + 1 + 7
        let nameWidth = max(10, grid.width - fixed - 2)
        let header = DisplayWidth.fit(app.t(L.colUnit), toWidth: nameWidth) + " " + DisplayWidth.fit(app.t(L.colPegawai), toWidth: 5, alignment: .right) + " "
            + DisplayWidth.fit(app.t(L.colMean), toWidth: 6, alignment: .right) + " " + DisplayWidth.fit(app.t(L.colCategory), toWidth: 13) + " "
            + DisplayWidth.fit(app.t(L.colComplete), toWidth: 7, alignment: .right) + " " + DisplayWidth.fit(app.t(L.colDone), toWidth: 7)
        grid.put(header, row: 1, col: 1, style: .header, maxWidth: grid.width - 1)
        if figures.isEmpty {
            grid.put(app.t(L.noUnits), row: 3, col: 2, style: .dim)
            return
        }
        let height = rows - 3
        for (offset, index) in cursor.visible(height: height).enumerated() {
            let f = figures[index]
            let name = String(repeating: "  ", count: f.depth) + f.unit.nama
            let t = f.totals
            let text = DisplayWidth.fit(name, toWidth: nameWidth) + " " + DisplayWidth.fit("\(t.pegawai)", toWidth: 5, alignment: .right) + " "
                + DisplayWidth.fit(t.pegawai > 0 ? app.language.mean(f.meanTotal) : "-", toWidth: 6, alignment: .right) + " "
                + DisplayWidth.fit(t.pegawai > 0 ? f.category.displayName(app.language) : "", toWidth: 13) + " "
                + DisplayWidth.fit(app.language.percent(t.completePegawai, of: t.pegawai), toWidth: 7, alignment: .right) + " "
                + Self.markText(marks[f.unit.kode] ?? [])
            let row = 2 + offset
            let selected = index == cursor.selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 1, style: selected ? .selected : .normal, maxWidth: grid.width - 1)
            if !selected, t.pegawai > 0 {
                grid.setStyle(row: row, col: 1 + nameWidth + 1 + 5 + 1 + 6 + 1, width: 13, style: Draw.categoryStyle(f.category))
            }
        }
        grid.put(app.t(L.progressLegend), row: rows - 1, col: 1, style: .dim, maxWidth: grid.width - 2)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard let unit = selected?.unit else { return true }
            app.push(EmployeeListView(app: app, unit: unit))
        case .markProgress:
            guard let unit = selected?.unit else { return true }
            app.modal = ProgressDialog(unit: unit, done: marks[unit.kode] ?? [], onClose: { [unowned self] in self.reload(app: app) })
        case .addPegawai:
            app.push(SetupView(app: app, unit: selected?.unit))
        default:
            return false
        }
        return true
    }
}

/// Marks or reopens each of a unit's four data dimensions.
final class ProgressDialog: Modal {
    let unit: OrgUnit
    var done: Set<ProgressDimension>
    var cursor = ScrollList(count: ProgressDimension.allCases.count, height: ProgressDimension.allCases.count)
    let onClose: () -> Void

    init(unit: OrgUnit, done: Set<ProgressDimension>, onClose: @escaping () -> Void) {
        self.unit = unit
        self.done = done
        self.onClose = onClose
    }

    var keyBar: [Command] { [.moveUp, .moveDown, .open, .back] }

    func handle(_ key: Key, app: App) -> Bool {
        let dims = ProgressDimension.allCases
        var toggle: Int?
        switch key {
        case .char(let c) where ("1"..."4").contains(c): toggle = Int(String(c))! - 1
        case .char(" "), .enter: toggle = cursor.selection
        case .up: _ = cursor.handle(.up)
        case .down: _ = cursor.handle(.down)
        case .escape, .char("q"), .ctrl("c"):
            onClose()
            return true
        default: break
        }
        if let toggle {
            cursor.select(toggle)
            let dimension = dims[toggle]
            let newValue = !done.contains(dimension)
            if newValue, let open = try? ProgressCheck.openSubunits(dimension, unit: unit.kode, app: app), !open.isEmpty {
                let more = open.count > 3 ? app.t(L.progressMissingMore(open.count - 3)) : ""
                app.fail(app.t(L.progressSubunitsOpen(open.prefix(3).joined(separator: ", ") + more)))
                return false
            }
            let missing = newValue ? (try? ProgressCheck.missing(dimension, unit: unit.kode, app: app)) ?? [] : []
            guard missing.isEmpty else {
                // Asks first and shows who; the answer closes this dialog.
                let unit = self.unit
                let onClose = self.onClose
                app.confirm(
                    ProgressCheck.question(dimension, unit: unit, missing: missing, app: app),
                    onYes: {
                        if app.attempt({ try app.store.setProgress(unit: unit.kode, dimension: dimension, done: true) }) {
                            app.inform(app.t(L.progressSet(app.t(L.progressDimension(dimension)), unit.nama, true)))
                        }
                        onClose()
                    }, onNo: onClose)
                return false
            }
            if app.attempt({ try app.store.setProgress(unit: unit.kode, dimension: dimension, done: newValue) }) {
                if newValue { done.insert(dimension) } else { done.remove(dimension) }
                app.inform(app.t(L.progressSet(app.t(L.progressDimension(dimension)), unit.nama, newValue)))
            }
        }
        return false
    }

    func render(into grid: inout CellGrid, app: App) {
        var lines = [unit.nama, ""]
        var styles: [Style] = [.highlight, .normal]
        for (index, dimension) in ProgressDimension.allCases.enumerated() {
            let mark = done.contains(dimension) ? "[x]" : "[ ]"
            let state = app.t(done.contains(dimension) ? L.doneMark : L.openMark)
            lines.append("\(index + 1) \(mark) \(app.t(L.progressDimension(dimension)))  (\(state))")
            styles.append(index == cursor.selection ? .selected : .normal)
        }
        lines += ["", app.t(L.progressHint)]
        styles += [.normal, .dim]
        Dialogs.drawBox(&grid, title: app.t(L.progressTitle), lines: lines, styles: styles)
    }
}
