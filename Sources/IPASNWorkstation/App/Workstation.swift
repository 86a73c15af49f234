import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal

/// The data admins' terminal workstation: unit and employee lists, the employee page, the
/// four entry forms with live subtotals, search, the supervisors' dashboard and help.
///
/// ```swift
/// let station = try Workstation(store: store, screen: NcursesScreen(), language: .id,
///                               context: StoreContext(actor: StoreContext.currentUser()))
/// try station.run()
/// ```
public final class Workstation {
    let app: App
    let screen: Screen
    /// How long to wait for a key before an idle tick (which autosaves a draft); shorter
    /// when the store must be polled for other sessions' changes (``ChangeFeed``).
    public var idleMilliseconds: Int = 2000

    /// - Parameters:
    ///   - loadDemo: loads the demo sample into the store (offered on an empty database).
    ///   - importFile: prepares the import of a file or folder path (offered on an empty
    ///     database) as an ``ImportRun``: all or nothing per file, problems listed on screen,
    ///     "valid rows only" as the admin's explicit choice. Nil uses the `Importer` of IPASNFiles.
    public init(
        store: Store, screen: Screen, language: Language = .id, context: StoreContext,
        keymap: Keymap = .standard, loadDemo: (() throws -> Void)? = nil,
        importFile: ((String) throws -> ImportRun)? = nil
    ) throws {
        self.screen = screen
        self.app = try App(
            store: store, language: language, keymap: keymap, context: context, loadDemo: loadDemo,
            importFile: importFile ?? { path in try ImportRun(path: path, store: store, today: context.today) })
    }

    /// Runs the event loop until the admin quits or a signal arrives (the open form is then
    /// kept as a draft). Returns normally in both cases.
    ///
    /// With `IPASN_EXIT_AFTER_FIRST_FRAME=1` in the environment it returns as soon as the
    /// first screen is presented (`ipasn bench` times the start with it).
    public func run() throws {
        try start()
        // The store's log is copied into the database after a frame is drawn, not inside a
        // save's commit (``CheckpointStore``): the admin sees "tersimpan" first.
        try? app.store.deferCheckpoints()
        let exitAfterFirstFrame = ProcessInfo.processInfo.environment["IPASN_EXIT_AFTER_FIRST_FRAME"] == "1"
        var warmed = false
        while true {
            if app.repaintRequested {
                app.repaintRequested = false
                screen.invalidate()
            }
            screen.present(app.frame(size: screen.size))
            if exitAfterFirstFrame { break }
            if !warmed {
                // Once the first screen is up: what the first save would otherwise do inside
                // itself (a server store's statements prepared, ``SaveWarmupStore``). Its
                // failure changes nothing: that save then does it.
                warmed = true
                try? app.store.warmSavePath()
            }
            // Saves are already durable; this only moves them from the log into the file.
            _ = try? app.store.checkpointIfDue()
            if let work = app.takePendingWork() {
                work()
                continue
            }
            // Input, or the store's news (another admin saved: PostgreSQL's notification
            // socket, or SQLite's short poll), whichever comes first.
            let wait = app.link.wait(idle: idleMilliseconds, feed: app.store)
            let event = screen.nextEvent(timeoutMilliseconds: wait.timeout, wakingOn: wait.descriptor)
            if !app.handle(event) { break }
        }
    }

    /// Shows, over the current screen, that a save is waiting for another admin's import
    /// ("Menunggu impor lain selesai ... (N dtk)"). Called by the store's lock-wait observer
    /// while the save that waits is blocked; the screen's own message comes back afterwards.
    public func showLockWait(_ status: LockWaitStatus) {
        let previous = app.message
        app.message = (app.t(L.waitingForOtherImport(seconds: Int(status.waited.rounded()))), .warning)
        screen.present(app.frame(size: screen.size))
        app.message = previous
    }

    /// The file that keeps the open form's draft while the store cannot (the server is down),
    /// ``DraftFallbackFile/path(home:database:)``; nil (the default): no such file. Set it
    /// before ``run()``: the start moves a draft left there into the store.
    public var draftFallbackPath: String? {
        get { app.draftFallback?.path }
        set { app.draftFallback = newValue.map { DraftFallbackFile(path: $0, session: app.context.session) } }
    }

    /// The file ``draftFallbackPath`` names for `database` in the login's `home`.
    public static func draftFallbackPath(home: String, database: String) -> String {
        DraftFallbackFile.path(home: home, database: database)
    }

    /// Says on the first screen that the database can only be read (opened read-only because
    /// the file or its disk cannot be written); saves then fail with the same reason.
    public func announceReadOnly() {
        app.warn(app.t(L.readOnlyDatabase))
    }

    /// Says on the message line that opening made `login` the operator of a new database.
    public func announceFirstOperator(_ login: String) {
        app.warn(app.t(L.firstOperator(login)))
    }

    /// The first screen: the welcome screen on an empty database, else the unit list; and
    /// the offer to restore a draft left by a killed terminal.
    func start() throws {
        let empty = try app.store.units().isEmpty && app.store.countPegawai() == 0
        if empty {
            app.replaceAll(with: WelcomeView())
        } else {
            app.replaceAll(with: UnitListView(app: app))
        }
        for kept in app.draftFallback?.keptByEveryWindow() ?? [] {
            // Typed while the server was down, then the session dropped: newer than the
            // store's draft of that window's form. A store that cannot take it yet leaves the file.
            if (try? app.store.saveDraft(kept.draft, owner: app.context.actor)) != nil {
                try? FileManager.default.removeItem(atPath: kept.path)
            }
        }
        // The last import path is kept as a draft of its own; it is not a form to restore. A
        // form still open in another live window of this login is that window's, not offered.
        let now = app.context.now()
        offer(
            try app.store.loadDrafts(owner: app.context.actor).filter {
                $0.form != App.importPathForm && !$0.isOpenElsewhere(than: app.context.session, now: now)
            })
    }

    /// Offers this admin's drafts, newest first, one question at a time: "Ya" restores one
    /// (the others wait for the next start), "Tidak" forgets it and asks about the next.
    private func offer(_ drafts: [Draft]) {
        guard let draft = drafts.first else { return }
        let app = self.app
        let rest = Array(drafts.dropFirst())
        let kind = RecordKind(rawValue: draft.form)
        let formName: String
        let name: String
        if draft.form == BulkCourseView.draftForm {
            formName = app.t(L.formTitle[.diklat]!)
            let count = (draft.fields["peserta"] ?? "").split(separator: ",").count
            name = app.t(L.bulkParticipants(count))
        } else if draft.form == "setup" || draft.form == "unit" {
            formName = app.t(draft.form == "unit" ? L.unitEditTitle : L.setupFormName)
            name = draft.unit.flatMap { kode in (try? app.store.units())?.first { $0.kode == kode }?.nama } ?? draft.fields["unit_nama"] ?? ""
        } else {
            formName = kind.flatMap { L.formTitle[$0] }.map(app.t) ?? draft.form
            name = (try? app.store.pegawai(nip: draft.nip))?.nama ?? draft.nip
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = app.context.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: draft.savedAt)
        let when = String(
            format: "%02d-%02d-%04d %02d:%02d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
        app.confirm(
            app.t(L.draftOffer(formName, name, when)), defaultYes: true,
            onYes: { [self] in
                guard app.attempt({ try self.restore(draft, kind: kind) }) else { return }
                app.adopt(draft)
                app.inform(app.t(L.draftRestored))
            },
            onNo: { [self] in
                app.discardDraft(formKey: draft.formKey)
                app.inform(app.t(L.draftDiscarded))
                self.offer(rest)
            })
    }

    /// Opens the form a draft belongs to, with the draft's input.
    private func restore(_ draft: Draft, kind: RecordKind?) throws {
        if draft.form == BulkCourseView.draftForm {
            try restoreBulk(draft)
            return
        }
        if draft.form == "setup" {
            let unit = try draft.unit.flatMap { kode in try app.store.units().first { $0.kode == kode } }
            let view = SetupView(app: app, unit: unit)
            view.restore(draft.fields, cursor: draft.cursor)
            app.push(view)
            return
        }
        if draft.form == "unit" {
            guard let unit = try app.store.units().first(where: { $0.kode == draft.unit }) else {
                throw DraftError.unknownEmployee
            }
            let view = UnitEditView(unit: unit, units: try app.store.units())
            view.restore(draft.fields, cursor: draft.cursor)
            app.push(view)
            return
        }
        guard let kind, let page = try EmployeeView(app: app, nip: draft.nip) else { throw DraftError.unknownEmployee }
        // An edit's draft reopens as that edit, expecting the record as the draft's form loaded
        // it (its base): when another admin changed or deleted it meanwhile, the save is refused
        // (editedMeanwhile) and the input kept, never silently written over their change.
        let editing = draft.editing.flatMap { id in
            EmployeeView.stored(page.records, kind).first { $0.id == id }
                ?? draft.base.map { StoredRecordValue(id: id, record: $0) }
        }
        let form = try RecordFormView(app: app, page: page, kind: kind, editing: editing, base: draft.base)
        form.form.restore(draft.fields, cursor: draft.cursor)
        form.refreshPreview(app: app)
        app.push(page)
        app.push(form)
    }

    /// A bulk course form: its unit's list with the participants chosen (or the search
    /// screen, when they were chosen there), then the form as typed.
    private func restoreBulk(_ draft: Draft) throws {
        let nips = (draft.fields["peserta"] ?? "").split(separator: ",").map(String.init)
        let participants = try nips.compactMap { try app.store.pegawai(nip: $0) }
        guard !participants.isEmpty else { throw DraftError.unknownEmployee }
        let source: any BulkSource
        if let kode = draft.unit, let unit = try app.store.units().first(where: { $0.kode == kode }) {
            let list = EmployeeListView(app: app, unit: unit)
            list.choose(nips)
            source = list
        } else {
            source = SearchView()
        }
        let form = try BulkCourseView(app: app, source: source, participants: participants)
        form.restore(draft.fields, cursor: draft.cursor, app: app)
        app.push(source)
        app.push(form)
    }

    enum DraftError: Error, CustomStringConvertible {
        case unknownEmployee
        var description: String { "pegawai draf tidak ditemukan" }
    }
}
