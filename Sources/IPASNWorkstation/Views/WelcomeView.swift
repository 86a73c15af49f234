import IPASNCore
import IPASNStore
import IPASNTerminal

/// The first screen on an empty database: import files, load the demo, or start empty.
final class WelcomeView: View {
    private var cursor = ScrollList(count: 3, height: 3)
    /// The import path being typed (nil while choosing).
    private var importPath: LineEditor?
    private var report: [String] = []

    var context: KeyContext { importPath == nil ? .welcome : .search }
    var keyBar: [Command] {
        importPath == nil ? [.chooseImport, .chooseDemo, .chooseBlank, .help, .quit] : [.open, .back, .quit]
    }

    func handleKey(_ key: Key, app: App) -> Bool {
        guard importPath != nil else { return false }
        if key == .enter {
            runImport(app: app)
            return true
        }
        if key == .escape {
            importPath = nil
            return true
        }
        return importPath!.handle(key)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if importPath == nil, cursor.move(command) { return true }
        switch command {
        case .chooseImport: choose(0, app: app)
        case .chooseDemo: choose(1, app: app)
        case .chooseBlank: choose(2, app: app)
        case .open: choose(cursor.selection, app: app)
        default: return false
        }
        return true
    }

    private func choose(_ option: Int, app: App) {
        cursor.select(option)
        switch option {
        case 0:
            guard app.importFile != nil else {
                app.warn(app.t(L.importUnavailable))
                return
            }
            importPath = LineEditor(maxLength: 500)
        case 1:
            guard let loadDemo = app.loadDemo else {
                app.warn(app.t(L.demoUnavailable))
                return
            }
            if app.attempt({ try loadDemo(); try app.reloadSettings() }) {
                app.replaceAll(with: UnitListView(app: app))
                app.inform(app.t(L.demoLoaded))
            }
        default:
            app.push(SetupView(app: app, unit: nil))
        }
    }

    private func runImport(app: App) {
        guard let path = importPath?.text.trimmingCharacters(in: .whitespaces), !path.isEmpty,
            let importFile = app.importFile
        else { return }
        app.attempt {
            let outcome = try importFile(path)
            try app.reloadSettings()
            // Line 0: about a whole file (one whose kind its name does not tell).
            report = outcome.issues.prefix(8).map {
                $0.line == 0
                    ? $0.issue.message(app.language) : "\(app.t(L.importLine($0.line))): \($0.issue.message(app.language))"
            }
            importPath = nil
            if outcome.imported > 0, (try app.store.units().isEmpty) == false {
                app.replaceAll(with: UnitListView(app: app))
            }
            app.inform(app.t(L.importDone(outcome.imported, outcome.issues.count)))
        }
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.appName))
        grid.put(app.t(L.welcomeTitle), row: 2, col: 3, style: .highlight)
        grid.put(app.t(L.welcomeEmpty), row: 4, col: 3)
        let options = [L.welcomeImport, L.welcomeDemo, L.welcomeBlank]
        for (index, option) in options.enumerated() {
            let selected = index == cursor.selection
            grid.put(" " + app.t(option) + " ", row: 6 + index, col: 5, style: selected ? .selected : .normal, maxWidth: grid.width - 6)
        }
        grid.put(app.t(L.welcomeHint), row: 10, col: 3, style: .dim, maxWidth: grid.width - 4)
        if let importPath {
            grid.put(app.t(L.importPrompt), row: 12, col: 3)
            importPath.draw(into: &grid, row: 13, col: 3, width: grid.width - 6, focused: true)
            grid.put(app.t(L.importHint), row: 14, col: 3, style: .dim)
        }
        for (index, line) in report.enumerated() where 15 + index < rows {
            grid.put(line, row: 15 + index, col: 3, style: .warning, maxWidth: grid.width - 4)
        }
    }
}
