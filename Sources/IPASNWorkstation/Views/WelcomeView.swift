import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal

/// The first screen on an empty database: import files, load the demo, or start empty.
final class WelcomeView: View {
    private var cursor = ScrollList(count: 3, height: 3)
    /// The import path being typed (nil while choosing).
    private var importPath: ImportPathField?

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
            importPath = ImportPathField(start: app.lastImportPath() ?? "")
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
        guard let path = importPath?.path, !path.isEmpty,
            let importFile = app.importFile
        else { return }
        app.attempt(.importFile) {
            let run = try importFile(path)
            if let typed = importPath?.typed { app.rememberImportPath(typed) }
            importPath = nil
            Self.start(run, app: app)
        }
    }

    /// Starts a run: first asks the kind of each file whose header fits several
    /// (``ImportKindDialog``), then imports as ``step(_:app:_:)``.
    static func start(_ run: ImportRun, app: App) {
        guard let file = run.undecided.first else {
            step(run, app: app) { try run.proceed() }
            return
        }
        app.modal = ImportKindDialog(file: file.path, kinds: file.kinds) { kind in
            run.choose(kind, for: file.path)
            start(run, app: app)
        }
    }

    /// Runs one step of an import: the next file's problems on screen, or the outcome. A file
    /// that cannot be read as its kind (empty, columns missing) stops the run with a sentence
    /// in the admin's language that names it and says what earlier files wrote.
    static func step(_ run: ImportRun, app: App, _ body: () throws -> ImportReport?) {
        do {
            if let problems = try body() {
                app.replaceTop(with: ImportProblemsView(run: run, report: problems, finish: finish), over: WelcomeView.self)
            } else {
                finish(run, app: app)
            }
        } catch let failure as ImportFileError {
            stop(run, app: app, reason: failure.message(app.language))
        } catch let failure as XLSXError {
            stop(run, app: app, reason: failure.message(app.language))
        } catch {
            app.attempt(.importFile) { throw error }
        }
    }

    /// A file that cannot be read stops the run: what earlier files wrote, then why.
    private static func stop(_ run: ImportRun, app: App, reason: String) {
        finish(run, app: app)
        let file = run.remaining.first.map { ($0.path as NSString).lastPathComponent } ?? ""
        app.fail(reason + " " + app.t(L.importCancelled(file, run.imported)))
    }

    /// After the last file, or when the admin stops at a file with problems: the unit list
    /// when there is data, and what was written (and where refused rows went) on the message line.
    static func finish(_ run: ImportRun, app: App) {
        app.attempt {
            try app.reloadSettings()
            if (try app.store.units().isEmpty) == false {
                app.replaceAll(with: UnitListView(app: app))
            } else if app.top is ImportProblemsView {
                app.pop()
            }
            var parts: [String] = []
            if let stopped = run.stopped {
                parts.append(app.t(L.importCancelled((stopped.path as NSString).lastPathComponent, run.imported)))
            } else {
                parts.append(app.t(L.importFinished(run.imported, run.done.count)))
            }
            if run.alreadyPresent > 0 { parts.append(app.t(L.importAlreadyPresent(run.alreadyPresent))) }
            // The count of every change; the examples from the first few each import kept.
            let changed = run.done.reduce(0) { $0 + $1.changed }
            if changed > 0 {
                let examples = run.done.flatMap(\.changes).prefix(3).map(\.summary).joined(separator: "; ")
                parts.append(app.t(L.importPegawaiChanged(changed, examples + (changed > 3 ? "; …" : ""))))
            }
            if !run.rejectedFiles.isEmpty {
                parts.append(app.t(L.importRejectedWritten(run.rejectedFiles.joined(separator: ", "))))
            }
            // Files whose kind their name does not tell: named, with how to name them.
            parts += run.unrecognized.map { FolderImport.unknownKindIssue($0).issue.message(app.language) }
            parts += run.skipped.map { app.t(L.importKindSkipped($0)) }
            let text = parts.joined(separator: " ")
            let warning = run.stopped != nil || !run.rejectedFiles.isEmpty || !run.unrecognized.isEmpty || !run.skipped.isEmpty
            if warning { app.warn(text) } else { app.inform(text) }
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
            importPath.editor.draw(into: &grid, row: 13, col: 3, width: grid.width - 6, focused: true)
            grid.put(app.t(L.importHintTab), row: 14, col: 3, style: .dim, maxWidth: grid.width - 4)
            importPath.drawCandidates(into: &grid, row: 16, col: 3, width: grid.width - 6, rows: rows - 16) { app.t(L.importMoreCandidates($0)) }
        }
    }
}
