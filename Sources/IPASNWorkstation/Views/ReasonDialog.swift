import IPASNCore
import IPASNTerminal

/// Asks for the reason of a rejection (one line): Enter gives it to `onReason`, Esc cancels.
/// A blank reason is passed on too, so that the store's message names the missing field.
/// `onReason` answers whether the reason was taken: when the verdict is refused (a full disk,
/// a role changed meanwhile) the dialog stays open with the typed reason, to send again.
final class ReasonDialog: Modal {
    private var editor: LineEditor
    let recordName: String
    let onReason: (String) -> Bool

    init(recordName: String, reason: String = "", onReason: @escaping (String) -> Bool) {
        self.recordName = recordName
        self.onReason = onReason
        editor = LineEditor(text: reason, maxLength: 300)
    }

    var keyBar: [Command] { [.open, .back] }

    func keyBarItems(app: App) -> KeyBar? {
        KeyBar([
            KeyBar.Item(keyText: Key.enter.name, label: app.t(L.rejectCommand)),
            KeyBar.Item(keyText: Key.escape.name, label: app.t(L.confirmCancel)),
        ])
    }

    func handle(_ key: Key, app: App) -> Bool {
        switch key {
        case .enter:
            // Nothing typed is nothing to lose: a refused blank reason closes the dialog.
            return onReason(editor.text) || editor.text.allSatisfy(\.isWhitespace)
        case .escape:
            return true
        default:
            _ = editor.handle(key)
            return false
        }
    }

    func render(into grid: inout CellGrid, app: App) {
        let width = min(grid.width - 8, 64)
        let lines = Dialogs.wrap(recordName, width: width) + ["", app.t(L.rejectReasonPrompt), "", "", app.t(L.rejectReasonHint)]
        Dialogs.drawBox(&grid, title: app.t(L.rejectReasonTitle), lines: lines + [String(repeating: " ", count: width)])
        // The editor on the empty line below the prompt, inside the box Dialogs drew.
        let inner = min(grid.width - 4, max(30, width))
        let height = min(grid.height - 2, lines.count + 3)
        let top = max(0, (grid.height - 2 - height) / 2)
        let col = max(0, (grid.width - (inner + 4)) / 2) + 2
        editor.draw(into: &grid, row: top + 1 + lines.count - 2, col: col, width: inner, focused: true)
    }
}
