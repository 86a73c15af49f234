import IPASNCore
import IPASNStore
import IPASNTerminal

/// Incremental search by name or NIP (`/` from any list): results update on every key.
final class SearchView: View {
    private var query = LineEditor(maxLength: 60)
    private(set) var results: [Pegawai] = []
    private var cursor = ScrollList(count: 0, height: 1)

    var context: KeyContext { .search }
    var keyBar: [Command] { [.open, .moveDown, .back, .help] }

    func handleKey(_ key: Key, app: App) -> Bool {
        switch key {
        case .home, .end: return false  // list navigation
        default: break
        }
        guard query.handle(key) else { return false }
        update(app: app)
        return true
    }

    private func update(app: App) {
        let text = NIP.normalize(query.text).allSatisfy(\.isNumber) ? NIP.normalize(query.text) : query.text
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            results = []
        } else {
            app.attempt { results = try app.store.searchPegawai(text.trimmingCharacters(in: .whitespaces), limit: 200) }
        }
        cursor.update(count: results.count)
        cursor.select(0)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        guard command == .open else { return false }
        guard !results.isEmpty else {
            app.warn(app.t(L.searchNone))
            return true
        }
        let nip = results[cursor.selection].nip
        app.attempt {
            if let page = try EmployeeView(app: app, nip: nip) {
                app.pop()
                app.push(page)
            }
        }
        return true
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.searchTitle))
        let prompt = app.t(L.searchPrompt)
        grid.put(prompt, row: 1, col: 1, style: .header)
        let col = 1 + DisplayWidth.width(of: prompt)
        grid.put(app.t(L.searchHint), row: 2, col: 1, style: .dim, maxWidth: grid.width - 2)
        if results.isEmpty, !query.text.isEmpty {
            grid.put(app.t(L.searchNone), row: 4, col: 2, style: .warning)
        }
        var units: [String: String] = [:]
        if !results.isEmpty, let all = try? app.store.units() { units = UnitTree(all).displayNames() }
        // NIP (grouped), name, unit: the unit takes what is left.
        let table = Table(
            [
                .init(width: .fixed(22)), .init(width: .fixed(max(20, min(30, grid.width - 2 - 23 - 26)))),
                .init(width: .fill(minimum: 0)),
            ], width: grid.width - 2)
        for (offset, index) in cursor.visible(height: rows - 4).enumerated() {
            let p = results[index]
            table.draw(
                [.init(NIP.formatted(p.nip)), .init(p.nama), .init(units[p.kodeUnit] ?? p.kodeUnit)], into: &grid,
                row: 4 + offset, col: 1, selected: index == cursor.selection)
        }
        query.draw(into: &grid, row: 1, col: col, width: max(10, grid.width - col - 2), focused: true)
    }
}
