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

    /// The keys as the dialog states them: `Y Ya  T Tidak  Enter Tidak  Esc Batal` (in English
    /// `Y Yes  N No  Enter No  Esc Cancel`), Enter naming the answer it gives.
    func keyBarItems(app: App) -> KeyBar? {
        KeyBar([
            KeyBar.Item(keyText: "Y", label: app.t(L.yes)),
            KeyBar.Item(keyText: app.language == .id ? "T" : "N", label: app.t(L.no)),
            KeyBar.Item(keyText: Key.enter.name, label: app.t(defaultYes ? L.yes : L.no)),
            KeyBar.Item(keyText: Key.escape.name, label: app.t(L.confirmCancel)),
        ])
    }

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
        // The keys always show: a question too long for the screen ends with " …" above them.
        let width = min(grid.width - 8, 60)
        let question = Dialogs.fit(Dialogs.wrap(question, width: width), rows: grid.height - 2 - 2 - 2, width: width)
        Dialogs.drawBox(&grid, title: app.t(L.appName), lines: question + [
            "", app.t(L.confirmHint) + "  (Enter = " + app.t(defaultYes ? L.yes : L.no) + ")",
        ])
    }
}
