import IPASNCore
import IPASNStore
import IPASNTerminal

/// One diklat/kursus form for every employee chosen in a list: the same fields, pickers and
/// checks as the one-employee form (``RecordForm``), a panel saying what the course would
/// change across the participants, and Ctrl-S opening the review (``BulkReviewView``)
/// before anything is saved.
///
/// Everything is loaded once when the form opens (each participant's records and the
/// unit's totals): typing scores the participants in memory, it never queries the store.
final class BulkCourseView: View {
    let source: any BulkSource
    /// Diklat (the course form, `k`) or pendidikan (`p`: a whole group's diploma).
    let kind: RecordKind
    let participants: [BulkParticipant]
    private(set) var form: RecordForm
    private let unitTotals: ScoreTotals?
    /// What the course as typed would change (nil while it cannot be read yet).
    private(set) var summary: BulkReview?
    private var formMessage: (text: String, style: Style)?
    /// The admin's language, for the message row's passed-over picker (``status``).
    private let language: Language

    /// An event is 15 to 60 people; past this many a slip (`*` on the whole province) is
    /// more likely than a real event, and the form would score them all at every keystroke.
    static let maximumParticipants = 500

    /// Opens the form for `participants` (a warning instead when there are too many).
    static func open(app: App, source: any BulkSource, participants: [Pegawai], kind: RecordKind = .diklat) {
        guard !participants.isEmpty else { return }
        guard participants.count <= maximumParticipants else {
            app.warn(app.t(L.bulkTooMany(participants.count, maximumParticipants)))
            return
        }
        app.attempt { app.push(try BulkCourseView(app: app, source: source, participants: participants, kind: kind)) }
    }

    init(app: App, source: any BulkSource, participants: [Pegawai], kind: RecordKind = .diklat) throws {
        language = app.language
        self.source = source
        self.kind = kind
        var loaded: [BulkParticipant] = []
        for pegawai in participants {
            if let records = try app.store.records(nip: pegawai.nip) { loaded.append(BulkParticipant(records: records)) }
        }
        self.participants = loaded
        if let unit = source.bulkUnit {
            let tree = UnitTree(try app.store.units())
            let direct = try app.store.directUnitTotals(year: app.year)
            unitTotals = tree.total(of: unit.kode, direct: direct, zero: ScoreTotals()) { $0.add($1) }
        } else {
            unitTotals = nil
        }
        form = RecordForm.make(kind: kind, nip: loaded.first?.pegawai.nip ?? "", ruleset: app.engine.ruleset, year: app.year)
        if kind == .diklat, let course = source.lastCourse { form.restore(StoredRecordValue(id: RecordID(kind: .diklat, id: 0), record: .diklat(course)).texts) }
        form.markSaved()
        form.focus = 0
        refresh(app: app)
    }

    var context: KeyContext { .form }
    var keyBar: [Command] { [.save, .nextField, .back, .help, .previousField, .quit] }
    var hasUnsavedInput: Bool { form.isDirty }
    var status: (text: String, style: Style)? {
        formMessage ?? form.passedOverNote(language).map { ($0, .warning) }
    }

    /// The draft's form name; the participants go in the `peserta` field (NIPs, comma-separated).
    static let draftForm = "bulk-diklat"

    func draft(app: App) -> Draft? {
        // Only the course form is restored from a draft (a bulk pendidikan asks before leaving).
        guard kind == .diklat else { return nil }
        var fields = form.texts
        fields["peserta"] = participants.map(\.pegawai.nip).joined(separator: ",")
        return Draft(form: Self.draftForm, nip: "", editing: nil, unit: source.bulkUnit?.kode, fields: fields, savedAt: app.context.now(),
            cursor: form.cursor)
    }

    /// Puts a draft's texts back (after a dropped session).
    func restore(_ texts: [String: String], cursor: DraftCursor? = nil, app: App) {
        form.restore(texts, cursor: cursor)
        refresh(app: app)
    }

    /// The record as typed, leniently (for the panel), or nil.
    private func typedRecord(app: App) -> Record? {
        var typed = form
        if let option = typed.focused.resolvedOption { typed.fields[typed.focus].text = option.value }
        return typed.previewRecord(app.parser)
    }

    private func refresh(app: App) {
        summary = typedRecord(app: app).map {
            BulkReview(engine: app.engine, year: app.year, record: $0, participants: participants, unitTotals: unitTotals)
        }
    }

    // MARK: Keys

    func handleKey(_ key: Key, app: App) -> Bool {
        if let refused = form.refuseAfterAmbiguousTab(key, language: app.language) {
            formMessage = (refused, .error)
            return true
        }
        guard form.fields[form.focus].handle(key) else { return false }
        if form.issues.removeValue(forKey: form.focused.key) != nil { formMessage = nil }
        refresh(app: app)
        return true
    }

    /// Pasted text is typed into the fields; a tab or a line break moves to the next field.
    func handlePaste(_ text: String, app: App) {
        for (index, piece) in PastedText.pieces(text).enumerated() {
            if index > 0 {
                let before = form.focus
                _ = handle(.nextField, app: app)
                if form.focus == before { break }
            }
            form.fields[form.focus].paste(piece)
            form.issues[form.focused.key] = nil
        }
        refresh(app: app)
    }

    func handle(_ command: Command, app: App) -> Bool {
        switch command {
        case .nextField:
            // Leaving the start date suggests the end date (``RecordForm/suggestEndDate``).
            let outcome = form.leaveField(forward: true, parser: app.parser, language: app.language)
            formMessage = outcome.message
            guard outcome.move else { return true }
            form.step(forward: true)
            refresh(app: app)
        case .previousField:
            let outcome = form.leaveField(forward: false, parser: app.parser, language: app.language)
            formMessage = outcome.message
            if outcome.move { form.step(forward: false) }
        case .save, .saveAndAdd:
            review(app: app)
        default:
            return false
        }
        return true
    }

    /// Checks the form as the one-employee form does (with the first participant's NIP) and
    /// opens the review of every participant.
    private func review(app: App) {
        if form.focused.isPicker, let problem = form.takePickerChoice(app.language) {
            formMessage = (problem, .error)
            return
        }
        if let index = form.firstUnchosenPicker() {
            form.focus = index
            formMessage = form.takePickerChoice(app.language).map { ($0, .error) }
            return
        }
        switch form.parse(app.parser) {
        case .failure(let failure):
            form.issues = [:]
            for issue in failure.issues where form.issues[issue.field] == nil { form.issues[issue.field] = issue }
            if let first = form.fields.firstIndex(where: { form.issues[$0.key] != nil }) { form.focus = first }
            formMessage = (app.t(L.formHasErrors) + " " + failure.issues.map { $0.message(app.language) }.joined(separator: " "), .error)
        case .success(let record):
            if case .diklat(let course) = record { source.lastCourse = course }
            let review = BulkReview(engine: app.engine, year: app.year, record: record, participants: participants, unitTotals: unitTotals)
            formMessage = nil
            app.push(BulkReviewView(form: self, review: review))
        }
    }

    /// After the batch is saved: the form is done.
    func saved() { form.markSaved() }

    // MARK: Drawing

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(
            &grid, "\(app.t(L.formNew)) \(app.t(L.formTitle[kind]!)) — \(app.t(L.bulkParticipants(participants.count)))",
            right: "\(app.t(L.labelYear)) \(app.year) ")
        let names = participants.map(\.pegawai.nama).joined(separator: ", ")
        grid.put(DisplayWidth.truncate(names, toWidth: grid.width - 2), row: 1, col: 1, style: .dim)
        let firstRow = 2
        let layout = RecordFormDrawing.fields(form, into: &grid, firstRow: firstRow, rows: rows, width: grid.width, app: app)
        let row = firstRow + form.fields.count
        if row < rows {
            grid.hline(row: row, col: 0, width: grid.width)
            grid.put(" " + app.t(L.previewTitle) + " ", row: row, col: 2, style: .header)
            let lines = summary.map { BulkReviewView.summaryLines($0, app: app) } ?? [(app.t(L.previewWaiting), Style.dim)]
            for (offset, line) in lines.enumerated() where row + 1 + offset < rows {
                grid.put(line.text, row: row + 1 + offset, col: 2, style: line.style, maxWidth: grid.width - 4)
            }
        }
        RecordFormDrawing.pickerList(form, into: &grid, firstRow: firstRow, rows: rows, layout: layout, app: app)
    }
}
