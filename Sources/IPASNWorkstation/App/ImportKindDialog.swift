import Foundation
import IPASNFiles
import IPASNStore
import IPASNTerminal

/// Which kind a file is, asked when its header fits several (``ImportKindDecision/ask(_:)``):
/// Up/Down move through the kinds, Enter imports the file as the one highlighted, Esc leaves
/// the file out. Nothing is taken for the admin: only Enter chooses.
final class ImportKindDialog: Modal {
    let file: String
    let kinds: [ImportKind]
    private var selection = 0
    private let onAnswer: (ImportKind?) -> Void

    init(file: String, kinds: [ImportKind], onAnswer: @escaping (ImportKind?) -> Void) {
        self.file = file
        self.kinds = kinds
        self.onAnswer = onAnswer
    }

    var keyBar: [Command] { [.moveUp, .moveDown, .open, .back] }

    func keyBarItems(app: App) -> KeyBar? {
        KeyBar([
            KeyBar.Item(keyText: "\(Key.up.name)/\(Key.down.name)", label: app.t(L.importKindMove)),
            KeyBar.Item(keyText: Key.enter.name, label: app.t(L.importKindTake)),
            KeyBar.Item(keyText: Key.escape.name, label: app.t(L.importKindSkip)),
        ])
    }

    func handle(_ key: Key, app: App) -> Bool {
        switch app.keymap.command(for: key, in: .dialog) {
        case .moveUp: selection = max(0, selection - 1)
        case .moveDown: selection = min(kinds.count - 1, selection + 1)
        case .open:
            onAnswer(kinds[selection])
            return true
        case .back:
            onAnswer(nil)
            return true
        default: break
        }
        return false
    }

    func render(into grid: inout CellGrid, app: App) {
        let width = min(grid.width - 8, 60)
        let name = (file as NSString).lastPathComponent
        var lines = Dialogs.wrap(app.t(L.importKindQuestion(name)), width: width) + [""]
        let first = lines.count
        lines += kinds.map { "  " + app.t(L.importKindName($0)) }
        var styles = [Style](repeating: .normal, count: lines.count)
        styles[first + selection] = .selected
        lines += ["", app.t(L.importKindHint)]
        styles += [.normal, .dim]
        Dialogs.drawBox(&grid, title: app.t(L.importTitle), lines: lines, styles: styles)
    }
}
