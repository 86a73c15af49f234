import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal

/// The running application: the store, the navigation stack, the message line and the
/// modal dialog. Views receive it to navigate and to talk to the store.
final class App {
    static let minimumSize = Size(width: 60, height: 16)

    let store: Store
    let language: Language
    let keymap: Keymap
    let context: StoreContext
    let loadDemo: (() throws -> Void)?
    let importFile: ((String) throws -> ImportOutcome)?

    private(set) var stack: [View] = []
    var modal: Modal?
    var message: (text: String, style: Style)?
    private(set) var quitRequested = false
    /// The fields of the last draft written, so a tick does not rewrite an unchanged draft.
    private var lastDraft: Draft?

    private(set) var year: Int
    private(set) var engine: ScoringEngine
    /// The intervention plan, kept while the data does not change.
    let interventions = InterventionCache()
    /// Slow work a view asked for: the loop runs it right after presenting the current frame,
    /// so the screen says what is being done instead of looking frozen.
    private var pendingWork: (() -> Void)?

    init(
        store: Store, language: Language, keymap: Keymap, context: StoreContext,
        loadDemo: (() throws -> Void)?, importFile: ((String) throws -> ImportOutcome)?
    ) throws {
        self.store = store
        self.language = language
        self.keymap = keymap
        self.context = context
        self.loadDemo = loadDemo
        self.importFile = importFile
        self.year = try store.measurementYear()
        self.engine = ScoringEngine(ruleset: try store.ruleset())
    }

    func t(_ text: Txt) -> String { language.t(text) }

    var parser: RecordParser { RecordParser(today: context.today) }

    var top: View? { stack.last }

    /// Re-reads the settings (after an import or the demo load).
    func reloadSettings() throws {
        year = try store.measurementYear()
        engine = ScoringEngine(ruleset: try store.ruleset())
    }

    // MARK: Navigation

    func push(_ view: View) {
        stack.append(view)
    }

    func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast()
        top?.reload(app: self)
    }

    /// Pops views until `view` is on top (no-op when it is not on the stack).
    func pop(to view: View) {
        guard stack.contains(where: { $0 === view }) else { return }
        while let last = stack.last, last !== view { stack.removeLast() }
        view.reload(app: self)
    }

    func replaceAll(with view: View) {
        stack = [view]
    }

    /// Runs `work` after the next frame is presented (the frame should say it is working).
    func afterNextFrame(_ work: @escaping () -> Void) {
        pendingWork = work
    }

    /// The work asked for with ``afterNextFrame(_:)``, once.
    func takePendingWork() -> (() -> Void)? {
        defer { pendingWork = nil }
        return pendingWork
    }

    // MARK: Messages

    func inform(_ text: String) { message = (text, .ok) }
    func warn(_ text: String) { message = (text, .warning) }
    func fail(_ text: String) { message = (text, .error) }

    /// Runs a store action; an error becomes a message instead of ending the program.
    @discardableResult
    func attempt(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return true
        } catch let failure as ValidationFailure {
            fail(failure.issues.map { $0.message(language) }.joined(separator: " "))
        } catch let failure as CSVReadError {
            // A file refused as a whole (mixed encodings, a quote never closed): its sentence.
            fail(failure.message(language))
        } catch {
            fail(t(L.storeError(error)))
        }
        return false
    }

    /// Asks a Ya/Tidak question in a modal dialog.
    func confirm(_ question: String, defaultYes: Bool = false, onYes: @escaping () -> Void, onNo: @escaping () -> Void = {}) {
        modal = ConfirmDialog(question: question, defaultYes: defaultYes, onYes: onYes, onNo: onNo)
    }

    func requestQuit() {
        if stack.contains(where: \.hasUnsavedInput) {
            confirm(t(L.quitUnsaved), onYes: { [unowned self] in
                self.discardDraft()
                self.quitRequested = true
            })
        } else {
            quitRequested = true
        }
    }

    // MARK: Drafts

    /// The unsaved form closest to the top of the stack, as a draft.
    func currentDraft() -> Draft? {
        for view in stack.reversed() where view.hasUnsavedInput {
            if let draft = view.draft(app: self) { return draft }
        }
        return nil
    }

    /// Writes the open form's input as a draft (signal, idle tick).
    func saveDraftIfNeeded() {
        guard let draft = currentDraft() else { return }
        if let last = lastDraft, last.fields == draft.fields, last.nip == draft.nip, last.form == draft.form {
            return
        }
        if (try? store.saveDraft(draft)) != nil { lastDraft = draft }
    }

    /// Forgets any stored draft (after a save or an explicit discard).
    func discardDraft() {
        lastDraft = nil
        try? store.clearDraft()
    }

    // MARK: Events

    /// Handles one event; returns false when the loop must end.
    func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .signal:
            saveDraftIfNeeded()
            return false
        case .tick:
            saveDraftIfNeeded()
        case .resize:
            break  // the next frame is drawn at the new size
        case .key(let key):
            handleKey(key)
        }
        return !quitRequested
    }

    private func handleKey(_ key: Key) {
        if let modal {
            if modal.handle(key, app: self), self.modal === modal { self.modal = nil }
            return
        }
        guard let view = top else { return }
        message = nil
        if view.handleKey(key, app: self) { return }
        guard let command = keymap.command(for: key, in: view.context) else { return }
        if view.handle(command, app: self) { return }
        perform(command)
    }

    /// The global meaning of a command (when the top view did not use it).
    func perform(_ command: Command) {
        switch command {
        case .quit:
            requestQuit()
        case .help:
            if !(top is HelpView) { push(HelpView()) }
        case .back:
            if let top, top.hasUnsavedInput {
                confirm(t(L.leaveUnsaved), onYes: { [unowned self] in
                    self.discardDraft()
                    self.pop()
                })
            } else {
                pop()
            }
        case .refresh:
            top?.reload(app: self)
        case .search:
            push(SearchView())
        case .dashboard:
            if !(top is DashboardView) { push(DashboardView(app: self)) }
        case .interventions:
            if !(top is InterventionView) { push(InterventionView(app: self)) }
        case .undo:
            undo()
        default:
            break
        }
    }

    func undo() {
        attempt {
            if let entry = try store.undoLast(actor: context.actor) {
                inform(undoneText(entry))
            } else {
                warn(t(L.nothingToUndo))
            }
        }
        top?.reload(app: self)
    }

    /// The undone change in words: what was added, changed or deleted, and for whom.
    func undoneText(_ entry: AuditEntry) -> String {
        guard let kind = RecordKind(rawValue: entry.entity) else {
            return t(Txt("Dibatalkan: \(entry.action) \(entry.entity).", "Undone: \(entry.action) \(entry.entity)."))
        }
        let json = (entry.action == "insert" ? entry.newValue : entry.oldValue) ?? entry.newValue ?? entry.oldValue
        let what = json.flatMap { Self.recordName(kind, json: $0) } ?? ""
        let name = entry.nip.flatMap { try? store.pegawai(nip: $0) }?.nama
        return t(L.undone(action: entry.action, kind: kind, what: what, name: name))
    }

    /// The few words that name a record of the audit log (its JSON as the store writes it).
    static func recordName(_ kind: RecordKind, json: String) -> String? {
        let data = Data(json.utf8)
        let decoder = JSONDecoder()
        switch kind {
        case .diklat:
            return (try? decoder.decode(Diklat.self, from: data)).map(\.nama)
        case .pendidikan:
            return (try? decoder.decode(Pendidikan.self, from: data)).map { "\($0.tingkat.displayName) \($0.namaSekolah)" }
        case .skp:
            return (try? decoder.decode(SKP.self, from: data)).map { "\($0.tahun) \($0.predikat?.displayName ?? "")" }
        case .disiplin:
            return (try? decoder.decode(HukumanDisiplin.self, from: data)).map { "\($0.tingkat.displayName) \($0.tmt.dayFirst)" }
        }
    }

    // MARK: Drawing

    func frame(size: Size) -> CellGrid {
        var grid = CellGrid(size: size)
        guard size.width >= App.minimumSize.width, size.height >= App.minimumSize.height else {
            drawTooSmall(&grid)
            return grid
        }
        let line = message ?? top?.status
        // A long message (a validation finding with its fix) takes two rows.
        let messageLines = line.map { Dialogs.wrap($0.text, width: size.width) } ?? []
        let messageRows = messageLines.count > 1 ? 2 : 1
        let rows = size.height - 1 - messageRows
        top?.render(into: &grid, rows: rows, app: self)
        grid.fill(row: rows, col: 0, width: size.width, height: messageRows)
        if let line {
            for (index, text) in messageLines.prefix(messageRows).enumerated() {
                grid.put(text, row: rows + index, col: 0, style: line.style, maxWidth: size.width)
            }
        }
        if let modal {
            let cursor = grid.cursor
            modal.render(into: &grid, app: self)
            if grid.cursor == cursor { grid.cursor = nil }
            drawKeyBar(&grid, commands: modal.keyBar, context: .dialog)
        } else if let top {
            drawKeyBar(&grid, commands: top.keyBar, context: top.context)
        }
        return grid
    }

    private func drawTooSmall(_ grid: inout CellGrid) {
        guard grid.width > 0, grid.height > 0 else { return }
        // Wrapped on spaces so the message is readable even in a very narrow window.
        let lines = Dialogs.wrap(t(L.tooSmall(grid.width, grid.height)), width: grid.width)
        let top = max(0, (grid.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let col = max(0, (grid.width - DisplayWidth.width(of: line)) / 2)
            grid.put(line, row: top + index, col: col, style: .warning)
        }
    }

    /// The bottom row, generated from the keymap: `F1/? Bantuan  Esc Kembali ...`.
    func drawKeyBar(_ grid: inout CellGrid, commands: [Command], context: KeyContext) {
        keyBar(commands, context: context).draw(into: &grid, row: grid.height - 1)
    }

    /// The key bar's items: the first two commands with two keys (`Ctrl-S,F2`), the others
    /// with their first key only, so that more commands fit in 80 columns.
    func keyBar(_ commands: [Command], context: KeyContext) -> KeyBar {
        KeyBar(commands.enumerated().compactMap { index, command in
            let keys = keymap.keyNames(for: command, in: context).prefix(index < 2 ? 2 : 1).joined(separator: ",")
            return keys.isEmpty ? nil : KeyBar.Item(keyText: keys, label: t(command.shortLabel))
        })
    }
}
