import IPASNCore
import IPASNStore
import IPASNTerminal

/// Incremental search by name or NIP (`/` from any list): results update on every key.
/// Employees of any unit can be chosen here for one bulk entry (Ins chooses, F7 opens the
/// course form): the choice survives a new search.
final class SearchView: BulkSource {
    private var query = LineEditor(maxLength: 60)
    private(set) var results: [Pegawai] = []
    private var cursor = ScrollList(count: 0, height: 1)
    /// Employees chosen for a bulk entry, kept across searches (by NIP, with the employee).
    private(set) var selection = EmployeeSelection()
    private var chosenPegawai: [String: Pegawai] = [:]
    var lastCourse: Diklat?

    var context: KeyContext { .search }
    var keyBar: [Command] {
        selection.isEmpty ? [.open, .moveDown, .back, .toggleSelect, .help] : [.addDiklat, .toggleSelect, .open, .back, .help]
    }

    /// Participants found anywhere: no unit mean.
    var bulkUnit: OrgUnit? { nil }

    /// The chosen employees, by name.
    var chosen: [Pegawai] {
        chosenPegawai.values.filter { selection.contains($0.nip) }.sorted { ($0.nama, $0.nip) < ($1.nama, $1.nip) }
    }

    func bulkSaved(app: App) {
        selection.clear()
        chosenPegawai = [:]
    }

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
        switch command {
        case .toggleSelect:
            guard !results.isEmpty else { return true }
            let p = results[cursor.selection]
            selection.toggle(p.nip)
            chosenPegawai[p.nip] = p
            _ = cursor.move(.moveDown)
            return true
        case .addDiklat:
            let participants = selection.isEmpty ? (results.isEmpty ? [] : [results[cursor.selection]]) : chosen
            BulkCourseView.open(app: app, source: self, participants: participants)
            return true
        case .back where !selection.isEmpty:
            selection.clear()
            chosenPegawai = [:]
            return true
        default:
            break
        }
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
        Draw.title(&grid, app.t(L.searchTitle), right: selection.isEmpty ? "" : app.t(L.chosenCount(selection.count)) + " ")
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
                [.init(NIP.formatted(p.nip)), .init(p.nama), .init((p.aktif ? "" : app.t(L.searchInactiveMark)) + (units[p.kodeUnit] ?? p.kodeUnit))], into: &grid,
                row: 4 + offset, col: 1, selected: index == cursor.selection)
            if selection.contains(p.nip) { grid.put("*", row: 4 + offset, col: 0, style: .highlight) }
        }
        query.draw(into: &grid, row: 1, col: col, width: max(10, grid.width - col - 2), focused: true)
    }
}
