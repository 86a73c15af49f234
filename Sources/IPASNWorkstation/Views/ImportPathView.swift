import Foundation
import IPASNCore
import IPASNFiles
import IPASNTerminal

/// Asks for the path of a file or folder to import into a database that already has data
/// (`I` on the unit list), then runs the same ``ImportRun`` flow as the welcome screen: each
/// file all or nothing, a file's problems listed by line in ``ImportProblemsView``, "import
/// valid rows only" as the admin's explicit choice.
final class ImportPathView: View {
    private var path = ImportPathField()

    /// `start`: the admin's last import path (``App/lastImportPath()``).
    init(completion: PathCompletion = .process, start: String = "") {
        path = ImportPathField(completion: completion, start: start)
        started = !start.isEmpty
    }

    /// The field started at the last import path (its hint says so).
    private let started: Bool

    var context: KeyContext { .search }
    var keyBar: [Command] { [.open, .back, .quit] }
    var hasUnsavedInput: Bool { false }

    func handleKey(_ key: Key, app: App) -> Bool {
        switch key {
        case .enter:
            runImport(app: app)
            return true
        case .escape:
            app.pop()
            return true
        default:
            return path.handle(key)
        }
    }

    func handle(_ command: Command, app: App) -> Bool { false }

    private func runImport(app: App) {
        let text = path.path
        guard !text.isEmpty, let importFile = app.importFile else { return }
        app.attempt(.importFile) {
            let run: ImportRun
            do {
                run = try importFile(text)
            } catch let error as CocoaError where error.code == .fileNoSuchFile {
                // Said in words, not as Foundation's "Error Domain=NSCocoaErrorDomain Code=4" (round 12).
                app.warn(app.t(L.importPathMissing(text)))
                return
            }
            app.rememberImportPath(path.typed)
            WelcomeView.start(run, app: app)
        }
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.importTitle))
        var row = 2
        for line in DisplayWidth.wrap(app.t(L.importIntoData), toWidth: grid.width - 6) where row < rows {
            grid.put(line, row: row, col: 3)
            row += 1
        }
        row += 1
        grid.put(app.t(L.importPrompt), row: row, col: 3)
        path.editor.draw(into: &grid, row: row + 1, col: 3, width: grid.width - 6, focused: true)
        grid.put(app.t(L.importHintTab), row: row + 2, col: 3, style: .dim, maxWidth: grid.width - 4)
        if started { grid.put(app.t(L.importPathStartsAtLast), row: row + 3, col: 3, style: .dim, maxWidth: grid.width - 4) }
        path.drawCandidates(into: &grid, row: row + 4, col: 3, width: grid.width - 6, rows: rows - row - 4) { app.t(L.importMoreCandidates($0)) }
    }
}
