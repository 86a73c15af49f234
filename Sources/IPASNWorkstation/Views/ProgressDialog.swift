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
