import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal

/// Marks or reopens each of a unit's four data dimensions.
final class ProgressDialog: Modal {
    let unit: OrgUnit
    var done: Set<ProgressDimension>
    var cursor = ScrollList(count: ProgressDimension.allCases.count, height: ProgressDimension.allCases.count)
    let onClose: () -> Void
    /// The unit as lists name it (`DISDIK › Sekretariat` when several units share its name).
    let unitName: String

    init(unit: OrgUnit, name: String? = nil, done: Set<ProgressDimension>, onClose: @escaping () -> Void) {
        self.unit = unit
        self.unitName = name ?? unit.nama
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
                let unitName = self.unitName
                app.confirm(
                    ProgressCheck.question(dimension, unit: unit, missing: missing, app: app),
                    onYes: {
                        if app.attempt({ try app.store.setProgress(unit: unit.kode, dimension: dimension, done: true) }) {
                            app.inform(app.t(L.progressSet(app.t(L.progressDimension(dimension)), unitName, true)))
                        }
                        onClose()
                    }, onNo: onClose)
                return false
            }
            if app.attempt({ try app.store.setProgress(unit: unit.kode, dimension: dimension, done: newValue) }) {
                if newValue { done.insert(dimension) } else { done.remove(dimension) }
                app.inform(app.t(L.progressSet(app.t(L.progressDimension(dimension)), unitName, newValue)))
            }
        }
        return false
    }

    func render(into grid: inout CellGrid, app: App) {
        var lines = [unitName, ""]
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
