import IPASNCore
import IPASNTerminal

/// Every command with its keys and where it applies, generated from the keymap.
final class HelpView: View {
    private var cursor = ScrollList(count: 0, height: 1)

    var context: KeyContext { .help }
    var keyBar: [Command] { [.moveDown, .pageDown, .back, .quit] }

    /// One row per command: keys, description, contexts.
    static func rows(_ keymap: Keymap, _ language: Language) -> [(keys: String, command: String, contexts: String)] {
        Command.allCases.compactMap { command in
            let bindings = keymap.bindings.filter { $0.command == command }
            guard !bindings.isEmpty else { return nil }
            let keys = keymap.keyText(for: command)
            let contexts: String
            if bindings.contains(where: { $0.contexts.isEmpty }) {
                contexts = language.t(L.everywhere)
            } else {
                let set = bindings.reduce(into: Set<KeyContext>()) { $0.formUnion($1.contexts) }
                contexts = KeyContext.allCases.filter(set.contains).map { language.t($0.label) }.joined(separator: ", ")
            }
            return (keys, language.t(command.description), contexts)
        }
    }

    func handle(_ command: Command, app: App) -> Bool {
        cursor.move(command)
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.helpTitle))
        let all = Self.rows(app.keymap, app.language)
        cursor.update(count: all.count)
        // Keys, command, where it applies (what is left).
        let table = Table(
            [
                .init(app.t(L.helpColKeys), width: .fixed(20)),
                .init(app.t(L.helpColCommand), width: .fixed(min(52, max(20, grid.width - 21 - 26)))),
                .init(app.t(L.helpColWhere), width: .fill(minimum: 0)),
            ], width: grid.width - 2)
        table.drawHeader(into: &grid, row: 1, col: 1)
        for (offset, index) in cursor.visible(height: rows - 3).enumerated() {
            let row = all[index]
            table.draw(
                [.init(row.keys), .init(row.command), .init(row.contexts)], into: &grid, row: 2 + offset, col: 1,
                selected: index == cursor.selection)
        }
        grid.put(app.t(L.helpNote), row: rows - 1, col: 1, style: .dim, maxWidth: grid.width - 2)
    }
}
