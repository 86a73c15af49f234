import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports
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
    let importFile: ((String) throws -> ImportRun)?

    private(set) var stack: [View] = []
    var modal: Modal?
    var message: (text: String, style: Style)?
    /// The last "changed by another session" line shown and the admin's own message it was put
    /// after (``announceRefresh(_:style:)``).
    var lastRefreshNotice: (shown: String, own: (text: String, style: Style)?)?
    private(set) var quitRequested = false
    /// The fields of the last draft written, so a tick does not rewrite an unchanged draft.
    private var lastDraft: Draft?
    /// The terminal must be drawn whole at the next frame (``Command/refresh``, Ctrl-L).
    var repaintRequested = false
    /// Where a draft goes when the store cannot take it (``DraftFallbackFile``); nil: nowhere.
    var draftFallback: DraftFallbackFile?
    /// The draft last kept in ``draftFallback`` by this process.
    private var keptLocally: Draft?
    /// The store's data generation this screen was last drawn from; an idle tick that finds
    /// it grown by another session reloads the screen.
    var seenGeneration: Int64 = 0
    /// The database server's connection as the change feed reports it (``followChanges()``).
    let link = ServerLink()

    private(set) var year: Int
    private(set) var engine: ScoringEngine
    /// The intervention plan, kept while the data does not change.
    let interventions = InterventionCache()
    /// Slow work a view asked for: the loop runs it right after presenting the current frame,
    /// so the screen says what is being done instead of looking frozen.
    private var pendingWork: (() -> Void)?
    /// The size of the last frame drawn (what the admin sees); nil before the first frame.
    private(set) var shownSize: Size?
    /// Where `x` writes reports (``ReportExport``); nil: the current directory.
    var reportFolder: String?
    /// The acting account's role when it may only read (see ``Command/entersData``).
    private(set) var readOnlyRole: Role?
    /// ``keyBar(_:context:)``'s bars as made once (the keymap and the language never change).
    private var keyBars: [KeyBarKey: KeyBar] = [:]

    init(
        store: Store, language: Language, keymap: Keymap, context: StoreContext,
        loadDemo: (() throws -> Void)?, importFile: ((String) throws -> ImportRun)?
    ) throws {
        self.store = store
        self.language = language
        self.keymap = keymap
        self.context = context
        self.loadDemo = loadDemo
        self.importFile = importFile
        self.year = try store.measurementYear()
        self.engine = ScoringEngine(ruleset: try store.ruleset())
        self.seenGeneration = try store.dataGeneration()
        self.readOnlyRole = Self.readOnlyRole(store: store, login: context.actor)
    }

    func t(_ text: Txt) -> String { language.t(text) }

    var parser: RecordParser { RecordParser(today: context.today) }

    var top: View? { stack.last }

    /// Re-reads the settings (after an import or the demo load).
    func reloadSettings() throws {
        year = try store.measurementYear()
        engine = ScoringEngine(ruleset: try store.ruleset())
        readOnlyRole = Self.readOnlyRole(store: store, login: context.actor)
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

    /// Closes `view` and every view above it (a page whose subject no longer exists), adds
    /// `note` to the message line and shows the view below, reloaded.
    func close(_ view: View, note: String) {
        guard let index = stack.firstIndex(where: { $0 === view }), index > 0 else { return }
        stack.removeSubrange(index...)
        let previous = message?.text
        message = (previous.map { $0 + " " + note } ?? note, .warning)
        top?.reload(app: self)
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
    func attempt(_ body: () throws -> Void) -> Bool { attempt(.form, body) }

    /// ``attempt(_:)`` where `action` chooses the sentence for the store's one
    /// ``StoreError/diskFull`` (a form keeps its input, a verdict or an import has none).
    @discardableResult
    func attempt(_ action: WriteAction, _ body: () throws -> Void) -> Bool {
        do {
            try body()
            return true
        } catch let failure as ValidationFailure {
            fail(failure.issues.map { $0.message(language) }.joined(separator: " "))
        } catch let failure as CSVReadError {
            // A file refused as a whole (mixed encodings, a quote never closed): its sentence.
            fail(failure.message(language))
        } catch {
            if explainServerFailure(error) { return false }
            fail(t(L.storeError(error, action: action)))
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
                for view in self.stack where view.hasUnsavedInput { self.discardDraft(of: view) }
                self.quitRequested = true
            })
        } else {
            quitRequested = true
        }
    }

    // MARK: Drafts

    /// The unsaved form closest to the top of the stack, as this session's draft.
    func currentDraft() -> Draft? {
        for view in stack.reversed() where view.hasUnsavedInput {
            if let draft = ownDraft(of: view) { return draft }
        }
        return nil
    }

    /// A view's form as a draft of this session (``Draft/session``), alive now.
    func ownDraft(of view: View) -> Draft? {
        view.draft(app: self).map(ownDraft)
    }

    /// `draft` as this session's, alive now: the key its store row and its save's clear use.
    func ownDraft(_ draft: Draft) -> Draft {
        var own = draft
        own.session = context.session
        own.aliveAt = context.now()
        return own
    }

    /// Writes the open form's input as this admin's draft of that form (idle tick; `ended`:
    /// a signal, the window is going): written again when unchanged only to say the session
    /// is still alive (every ``Draft/heartbeat``) or that it ended, so that another window of
    /// the same login offers it only once this one is gone (``Draft/isOpenElsewhere(than:now:)``).
    func saveDraftIfNeeded(ended: Bool = false) {
        guard var draft = currentDraft() else { return }
        if ended { draft.aliveAt = nil }
        if let last = lastDraft, last.fields == draft.fields, last.cursor == draft.cursor, last.formKey == draft.formKey,
            !Self.saysMore(draft, than: last)
        {
            return
        }
        if (try? store.saveDraft(draft, owner: context.actor)) != nil {
            lastDraft = draft
            if keptLocally?.formKey == draft.formKey { forgetLocalDraft() }
        } else if let draftFallback, keptLocally?.fields != draft.fields || keptLocally?.cursor != draft.cursor
            || keptLocally?.formKey != draft.formKey
        {
            // The server is down: the admin's own file keeps it until the store can.
            draftFallback.keep(draft)
            keptLocally = draft
        }
    }

    /// Whether `draft`, the same input as the `last` one written, must be written again: to
    /// say once that the session ended, or because its heartbeat is due.
    private static func saysMore(_ draft: Draft, than last: Draft) -> Bool {
        guard let now = draft.aliveAt else { return last.aliveAt != nil }
        guard let then = last.aliveAt else { return true }
        return now.timeIntervalSince(then) >= Draft.heartbeat
    }

    /// Forgets this admin's draft of a form (after a save or an explicit discard).
    func discardDraft(formKey: String) {
        forgetDraftHere(formKey: formKey)
        try? store.clearDraft(owner: context.actor, formKey: formKey)
    }

    /// A restored draft of another (ended) session becomes this session's: written under this
    /// session's key first, then the old one forgotten, so that it is never offered twice nor
    /// lost in between.
    func adopt(_ restored: Draft) {
        guard restored.session != context.session else { return }
        saveDraftIfNeeded()
        // Kept when this session could not write it (the server went away meanwhile).
        guard currentDraft() == nil || lastDraft != nil else { return }
        try? store.clearDraft(owner: context.actor, formKey: restored.formKey)
    }

    /// Forgets a form's draft in this session only (the last autosave, the admin's own file):
    /// after a save that forgot it in the store in its own transaction (``DraftSaveStore``).
    func forgetDraftHere(formKey: String) {
        if lastDraft?.formKey == formKey { lastDraft = nil }
        if keptLocally?.formKey == formKey { forgetLocalDraft() }
    }

    private func forgetLocalDraft() {
        draftFallback?.remove()
        keptLocally = nil
    }

    /// Forgets this admin's draft of the form a view shows.
    func discardDraft(of view: View) {
        guard let key = ownDraft(of: view)?.formKey else { return }
        discardDraft(formKey: key)
    }

    // MARK: Events

    /// Handles one event; returns false when the loop must end.
    func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .signal:
            saveDraftIfNeeded(ended: true)
            return false
        case .tick:
            saveDraftIfNeeded()
            followChanges()
        case .resize(let size):
            shownSize = size  // the next frame is drawn at the new size
        case .key(let key) where isTooSmall:
            // Nothing of the screen is visible: only quitting acts, and it keeps the form as
            // a draft (a question could not be seen). Every other key is dropped.
            if keymap.keys(for: .quit).contains(key) {
                saveDraftIfNeeded(ended: true)
                return false
            }
        case .key(let key):
            handleKey(key)
        case .paste where isTooSmall:
            break
        case .paste(let text):
            handlePaste(text)
        }
        return !quitRequested
    }

    /// Whether the terminal is too small to show anything but the "perbesar terminal" line.
    var isTooSmall: Bool {
        guard let shownSize else { return false }
        return !Self.fits(shownSize)
    }

    static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }

    /// Pasted text goes to the top view as text; it never answers a question or runs a command.
    private func handlePaste(_ text: String) {
        guard modal == nil, let view = top else { return }
        message = nil
        view.handlePaste(text, app: self)
    }

    private func handleKey(_ key: Key) {
        // Ctrl-L redraws the whole terminal whatever is open (a question, a form), as well as
        // reloading the screen: something else may have written on it.
        if keymap.keys(for: .refresh).contains(key) { repaintRequested = true }
        if let modal {
            if modal.handle(key, app: self), self.modal === modal { self.modal = nil }
            return
        }
        guard let view = top else { return }
        message = nil
        if view.handleKey(key, app: self) { return }
        guard let command = keymap.command(for: key, in: view.context) else { return }
        if refusedForRole(command) || refusedForUnit(command, on: view) { return }
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
                    self.discardDraft(of: top)
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
        case .batches:
            push(BatchListView(app: self, unit: nil))
        case .undo:
            undo()
        case .redo:
            redo()
        default:
            break
        }
    }

    /// Names this session's newest change and, when the admin says yes, reverts it.
    func undo() {
        let session = context.session
        guard attempt({
            guard let entry = try store.nextUndo(session: session) else {
                warn(t(L.nothingToUndo))
                return
            }
            let change = changeText(entry)
            confirm(t(L.confirmUndo(change)) + verdictNote(undo: true), onYes: { [unowned self] in
                self.attempt {
                    if let done = try self.store.undoLast(session: session) {
                        self.inform(self.t(L.undoneChange(self.changeText(done))))
                    }
                }
                self.dataChangedHere()
            })
        }) else { return }
    }

    /// Names the change this session's newest undo reverted and, when the admin says yes,
    /// applies it again.
    func redo() {
        let session = context.session
        guard attempt({
            guard let entry = try store.nextRedo(session: session) else {
                warn(t(L.nothingToRedo))
                return
            }
            let change = changeText(entry)
            confirm(t(L.confirmRedo(change)) + verdictNote(undo: false), onYes: { [unowned self] in
                self.attempt {
                    if let done = try self.store.redoLast(session: session) {
                        self.inform(self.t(L.redoneChange(self.changeText(done))))
                    }
                }
                self.dataChangedHere()
            })
        }) else { return }
    }

    /// What a change of the audit log did, in words (``L/changeSubject(_:employeeName:batch:)``),
    /// with the employee's current name.
    func changeText(_ entry: AuditEntry) -> Txt {
        // A batch is undone and redone as one step: named as the event.
        let batch = entry.batch.flatMap { try? store.batch(id: $0) }
        if let text = eventVerdictText(entry, batch) { return text }
        guard case .record = entry.subject else { return L.changeSubject(entry, employeeName: nil, batch: batch) }
        let name = entry.nip.flatMap { try? store.pegawai(nip: $0) }?.nama
        return L.changeSubject(entry, employeeName: name ?? entry.nip, batch: batch)
    }

    /// After this session changed data: the screen shows it (the next tick still announces
    /// other sessions' changes made meanwhile, never this session's own).
    func dataChangedHere() {
        top?.reload(app: self)
    }

    /// On an idle tick: when another session (another admin, a command-line import) changed
    /// data since the screen was drawn, reloads it and says who. A form keeps its input.
    func refreshIfChanged() {
        guard let generation = try? store.dataGeneration(), generation != seenGeneration else { return }
        let since = seenGeneration
        seenGeneration = generation
        // A few rows suffice (an admin's own session makes at most a change or two per tick);
        // few rows also keep a big import's row (its old values) from being read often.
        let entries = (try? store.auditLog(limit: 10)) ?? []
        guard let other = entries.first(where: { $0.id > since && $0.session != context.session }) else { return }
        try? reloadSettings()
        if followUnitRename(entries.filter { $0.id > since && $0.session != context.session }) { return }
        if let form = top as? ReloadsStored, top?.hasUnsavedInput == true || top is RecordFormView, let subject = form.editedSubject,
            let edit = entries.first(where: { $0.id > since && $0.session != context.session && $0.subject == subject })
        {
            // The very record (or employee) being edited: its save will be refused, say so now (and how to reload).
            form.editedBy = edit.actor
            announceRefresh(
                t(L.editedRecordChanged(edit.actor, key: keymap.keyText(for: .reloadStored, in: .form))), style: .warning)
        } else if let top, top.hasUnsavedInput {
            announceRefresh(t(L.changedUnderForm(other.actor)), style: .warning)
        } else if stack.count == 1, top is WelcomeView, (try? store.units().isEmpty) == false {
            // The database was empty; another admin filled it meanwhile.
            replaceAll(with: UnitListView(app: self))
            announceRefresh(t(L.refreshedBy(other.actor)), style: .ok)
        } else {
            top?.reload(app: self)
            if case .siasnBatch(let number) = other.subject {
                announceRefresh(t(L.siasnMarksRefreshed(other.actor, other.action, batch: number)), style: .ok)
            } else {
                announceRefresh(t(L.refreshedBy(other.actor)), style: .ok)
            }
        }
    }

    /// The few words that name a record in a message.
    static func recordName(_ record: Record, _ language: Language) -> String {
        switch record {
        case .diklat(let r): return r.nama
        case .pendidikan(let r): return "\(r.tingkat.displayName) \(r.namaSekolah)"
        case .skp(let r): return "SKP \(r.tahun) \(RecordLine.skpValue(r, language))"
        case .disiplin(let r): return "\(r.tingkat.displayName) \(r.tmt.dayFirst)"
        }
    }

    // MARK: Drawing

    func frame(size: Size) -> CellGrid {
        var grid = CellGrid(size: size)
        shownSize = size
        guard Self.fits(size) else {
            drawTooSmall(&grid)
            return grid
        }
        let line = message ?? top?.status
        // A long message (validation findings with their fixes) takes the rows it needs, up
        // to a third of the screen; beyond that its last row ends with "…", never cut silently.
        var messageLines = line.map { Dialogs.wrap($0.text, width: size.width) } ?? []
        let maxMessageRows = max(2, (size.height - 1) / 3)
        if messageLines.count > maxMessageRows {
            messageLines = Array(messageLines.prefix(maxMessageRows))
            messageLines[maxMessageRows - 1] =
                DisplayWidth.truncate(messageLines[maxMessageRows - 1], toWidth: size.width - 2) + " " + String(DisplayWidth.ellipsis)
        }
        let messageRows = max(1, messageLines.count)
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
            if let items = modal.keyBarItems(app: self) {
                items.draw(into: &grid, row: grid.height - 1)
            } else {
                drawKeyBar(&grid, commands: modal.keyBar, context: .dialog)
            }
        } else if let top {
            drawKeyBar(&grid, commands: usable(top.keyBar), context: top.context)
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
    /// Made once per list of commands and context: every frame draws one.
    func keyBar(_ commands: [Command], context: KeyContext) -> KeyBar {
        let key = KeyBarKey(commands: commands, context: context)
        if let made = keyBars[key] { return made }
        let bar = KeyBar(commands.enumerated().compactMap { index, command in
            let keys = keymap.keyNames(for: command, in: context).prefix(index < 2 ? 2 : 1).joined(separator: ",")
            return keys.isEmpty ? nil : KeyBar.Item(keyText: keys, label: t(command.shortLabel))
        })
        keyBars[key] = bar
        return bar
    }

    struct KeyBarKey: Hashable {
        var commands: [Command]
        var context: KeyContext
    }
}
