import IPASNCore
import IPASNTerminal

/// A Ya/Tidak question. `y` answers yes, `t`/`n`/Esc answer no, Enter takes the default
/// (Tidak for anything that loses data).
final class ConfirmDialog: Modal {
    let question: String
    let defaultYes: Bool
    let onYes: () -> Void
    let onNo: () -> Void

    init(question: String, defaultYes: Bool, onYes: @escaping () -> Void, onNo: @escaping () -> Void) {
        self.question = question
        self.defaultYes = defaultYes
        self.onYes = onYes
        self.onNo = onNo
    }

    var keyBar: [Command] { [.confirmYes, .confirmNo, .open, .back] }

    func handle(_ key: Key, app: App) -> Bool {
        switch app.keymap.command(for: key, in: .dialog) {
        case .confirmYes:
            onYes()
        case .confirmNo, .back:
            onNo()
        case .open:
            defaultYes ? onYes() : onNo()
        case .quit where key == .ctrl("c"):
            onNo()
        default:
            return false
        }
        return true
    }

    func render(into grid: inout CellGrid, app: App) {
        Dialogs.drawBox(&grid, title: app.t(L.appName), lines: Dialogs.wrap(question, width: min(grid.width - 8, 60)) + [
            "", app.t(L.confirmHint) + "  (Enter = " + app.t(defaultYes ? L.yes : L.no) + ")",
        ])
    }
}

enum Dialogs {
    /// Draws a centred box with the lines inside.
    static func drawBox(_ grid: inout CellGrid, title: String, lines: [String], styles: [Style]? = nil) {
        let inner = min(grid.width - 4, max(30, lines.map { DisplayWidth.width(of: $0) }.max() ?? 0))
        let width = inner + 4
        let height = min(grid.height - 2, lines.count + 2)
        let row = max(0, (grid.height - 2 - height) / 2)
        let col = max(0, (grid.width - width) / 2)
        grid.fill(row: row, col: col, width: width, height: height)
        grid.box(row: row, col: col, width: width, height: height, lines: .double, title: title)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            grid.put(line, row: row + 1 + index, col: col + 2, style: styles?[index] ?? .normal, maxWidth: inner)
        }
    }

    /// Splits text into lines of at most `width` columns at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        // A word wider than the line (a file path) is split rather than cut off.
        DisplayWidth.wrap(text, toWidth: width)
    }
}
