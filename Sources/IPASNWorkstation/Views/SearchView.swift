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
        for (offset, index) in cursor.visible(height: rows - 4).enumerated() {
            let p = results[index]
            let nameWidth = max(20, min(30, grid.width - 2 - 23 - 26))
            let text = DisplayWidth.fit(NIP.formatted(p.nip), toWidth: 22) + " " + DisplayWidth.fit(p.nama, toWidth: nameWidth) + " "
                + DisplayWidth.truncate(units[p.kodeUnit] ?? p.kodeUnit, toWidth: grid.width - 2 - 23 - nameWidth - 1)
            let selected = index == cursor.selection
            let row = 4 + offset
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 1, style: selected ? .selected : .normal, maxWidth: grid.width - 2)
        }
        query.draw(into: &grid, row: 1, col: col, width: max(10, grid.width - col - 2), focused: true)
    }
}
