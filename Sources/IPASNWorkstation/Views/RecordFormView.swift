import IPASNCore
import IPASNStore
import IPASNTerminal

/// Entry of one record (diklat, pendidikan, SKP, hukuman disiplin) with the live panel of
/// the employee's subtotals as they would be if the record were saved.
final class RecordFormView: View, ReloadsStored {
    let page: EmployeeView
    var form: RecordForm
    private(set) var preview: LivePreview
    private(set) var outcome: PreviewOutcome
    private var formMessage: (text: String, style: Style)?
    /// Records saved in a row with "simpan & tambah lagi".
    private(set) var batchCount = 0
    private let unitName: String
    /// The message row of a form opened on a rejected record: the reason and what to do.
    private let rejectionNote: String?
    /// Row 1 of a form opened on a rejected record (instead of the NIP and unit): who
    /// rejected it, when, and why, on screen until the form is saved whatever the message row
    /// says (round 8: a warning about a similar course took the message row).
    private let rejectionLine: String?
    /// The admin's language, for the message row's passed-over picker (``status``).
    private let language: Language
    /// The edited record as the form loaded it: the save is refused if another admin changed it since.
    private var original: Record?
    /// Who saved the record meanwhile (a refused save, or the live refresh said so): the
    /// reload (``Command/reloadStored``) names them.
    var editedBy: String?
    /// The fields the reload took from the other admin's save (or where both changed): marked `*`.
    private(set) var changedByOther: Set<String> = []
    /// The employee's records as this form knows them: the page's when the form opened, and
    /// every record saved from the form since. The page under the form is not read again
    /// after each save: it reloads when it is shown again (``App/pop(to:)``, Esc).
    private var stored: StoredEmployeeRecords

    /// - Parameter base: for a form restored from a draft, the record as the draft's form
    ///   loaded it (``Draft/base``): the save expects it, not the record as stored now.
    init(app: App, page: EmployeeView, kind: RecordKind, editing: StoredRecordValue?, base: Record? = nil) throws {
        self.page = page
        self.original = base ?? editing?.record
        let records = page.records
        self.stored = records
        self.form = RecordForm.make(
            kind: kind, nip: records.pegawai.nip, ruleset: app.engine.ruleset, year: app.year, editing: editing
        ).localized(app.language)
        // Loaded once per form: the unit's totals. Keystrokes never query the store.
        let tree = UnitTree(try app.store.units())
        let direct = try app.store.directUnitTotals(year: app.year)
        let totals = tree.total(of: records.pegawai.kodeUnit, direct: direct, zero: ScoreTotals()) { $0.add($1) }
        // As the employee page names it ("DISDIK › Sekretariat" where units share a name).
        self.unitName = tree.displayNames()[records.pegawai.kodeUnit] ?? records.pegawai.kodeUnit
        let verifications = try app.store.verifications(nip: records.pegawai.nip)
        self.preview = LivePreview(
            engine: app.engine, year: app.year, records: records, editing: editing?.id, unitTotals: totals,
            uncounted: EmployeeView.uncounted(verifications, app: app))
        if let id = editing?.id, let refusal = page.siasnRefusals[id], !refusal.corrected {
            // SIASN refused the record as it is: the reason, and that saving sends it back.
            rejectionNote = app.t(L.siasnRefusedFormStatus(refusal.reason))
            rejectionLine = app.t(L.siasnRefusedFormLine(batch: refusal.batch, reason: refusal.reason))
        } else if let id = editing?.id, let verdict = verifications[id], verdict.status == .tidak {
            rejectionNote = app.t(L.rejectedFormStatus(verdict.reason))
            rejectionLine = app.t(
                L.rejectedFormLine(
                    by: verdict.by ?? "-", at: VerificationView.moment(verdict.at, timeZone: app.context.timeZone), reason: verdict.reason))
        } else {
            rejectionNote = nil
            rejectionLine = nil
        }
        language = app.language
        self.outcome = preview.outcome(for: nil)
        if let id = editing?.id, case .skp(let loaded)? = original, SKPSiasn.sentToSIASN(tahun: loaded.tahun),
            let sending = try app.store.sentInfo([id])[id]
        {
            heldBySIASN = (sending.batch, sending.current ? loaded.tahun : nil)
        }
        refreshPreview(app: app)
    }

    var editedSubject: AuditSubject? { form.editing.map { .record($0) } }
    var context: KeyContext { .form }
    var keyBar: [Command] { [.save, .saveAndAdd, .nextField, .back, .help, .previousField, .quit] }
    var hasUnsavedInput: Bool { form.isDirty }
    var status: (text: String, style: Style)? {
        formMessage ?? form.passedOverNote(language).map { ($0, .warning) } ?? similarNote.map { ($0, .warning) }
            ?? rejectionNote.map { ($0, .warning) } ?? siasnNote
    }
    /// Why SIASN will not get the SKP as typed (before 2022; a PP 46/2011 predikat), ``SKPSiasn``.
    private var siasnNote: (text: String, style: Style)?
    /// An existing course of the employee the typed one resembles (``NearDuplicate``).
    private(set) var similar: Diklat?
    /// ``similar`` in words for the message row.
    private var similarNote: String?
    /// The similar course the admin already said to save anyway.
    private var similarConfirmed: Diklat?
    /// For an SKP of 2022 on that SIASN already has (a SIASN batch sent it): the batch, and
    /// the year SIASN has when it has the record as loaded. An edit to a year before 2022 is
    /// never sent (``SKPSiasn``): the form says so while typing and asks at save time.
    private var heldBySIASN: (batch: Int64, tahun: Int?)?
    /// The year before 2022 the admin already agreed to save despite ``heldBySIASN``.
    private var leavingSIASNConfirmed: Int?
    /// The year of the stored SKP the typed one would repeat, while Tahun is marked for it.
    private var secondSKPYear: Int?
    /// The preview's lines as last written, with the outcome they say (``previewLines(_:)``).
    private var writtenPreview: (outcome: PreviewOutcome, lines: [(text: String, changed: Bool)])?

    func draft(app: App) -> Draft? { formDraft(app: app) }

    private func formDraft(app: App) -> Draft {
        Draft(
            form: form.kind.rawValue, nip: form.nip, editing: form.editing, fields: form.texts, savedAt: app.context.now(),
            base: original, cursor: form.cursor)
    }

    /// Recomputes the "if saved" panel from the form as typed (in memory only).
    func refreshPreview(app: App) {
        var typed = form
        // The preview shows a picker's value only once it means one choice ("b" means none yet).
        if let option = typed.focused.resolvedOption { typed.fields[typed.focus].text = option.value }
        let record = typed.previewRecord(app.parser)
        outcome = preview.outcome(for: record)
        siasnNote = nil
        if case .skp(let skp) = record, let held = heldBySIASN, !SKPSiasn.sentToSIASN(tahun: skp.tahun) {
            siasnNote = (app.t(L.skpLeavesSIASNNote(held.tahun, held.batch)), .warning)
        } else if case .skp(let skp) = record, let reason = L.skpSiasnReason(skp) {
            siasnNote = (app.t(reason), SKPSiasn.status(skp) == .notForSIASN ? .dim : .warning)
        }
        if case .diklat(let course) = record {
            similar = NearDuplicate.firstSimilar(to: course, in: preview.base.diklat)
        } else {
            similar = nil
        }
        similarNote = similar.map { app.t(L.similarExisting($0.nama, $0.tanggalMulai.dayFirst)) }
        markSecondSKP(app: app)
    }

    /// A second SKP for a year the employee has already (refused when saving: one SKP per
    /// year) is marked on Tahun as soon as the year reads as one, with the fix in the message;
    /// the mark goes once the year is another.
    private func markSecondSKP(app: App) {
        guard form.kind == .skp, let field = form.fields.first(where: { $0.key == "tahun" }) else { return }
        let text = field.text.trimmingCharacters(in: .whitespaces)
        let taken = Int(text).flatMap { year in
            text.count == 4
                ? stored.skp.first { $0.value.tahun == year && RecordID(kind: .skp, id: $0.id) != form.editing }?.value : nil
        }
        if let taken {
            let issue = L.secondSKPIssue(year: taken.tahun)
            form.issues["tahun"] = issue
            formMessage = (issue.message(app.language), .error)
            secondSKPYear = taken.tahun
        } else if let year = secondSKPYear {
            let issue = L.secondSKPIssue(year: year)
            if formMessage?.text == issue.message(app.language) { formMessage = nil }
            if form.issues["tahun"] == issue { form.issues["tahun"] = nil }
            secondSKPYear = nil
        }
    }

    // MARK: Keys

    func handleKey(_ key: Key, app: App) -> Bool {
        if let refused = form.refuseAfterAmbiguousTab(key, language: app.language) {
            formMessage = (refused, .error)
            return true
        }
        guard form.fields[form.focus].handle(key) else { return false }
        // The field is being corrected: its mark goes until the cursor leaves it again (a
        // picker's too: Esc emptied "88,5" from the SKP's Predikat and its `!` stayed).
        let corrected = form.issues.removeValue(forKey: form.focused.key) != nil
        if form.unchosen.removeValue(forKey: form.focused.key) != nil || corrected { formMessage = nil }
        // Another field's mark whose finding the edit settled goes too (Predikat's "fill in the
        // predikat or the nilai" once the Nilai is typed), with its message.
        let settled = form.dropSettledIssues(app.parser)
        if let message = formMessage?.text, settled.contains(where: { $0.message(app.language) == message }) { formMessage = nil }
        refreshPreview(app: app)
        return true
    }

    /// Pasted text is typed into the fields: a tab or a line break inside it moves to the
    /// next field as Tab does (a spreadsheet row fills consecutive fields). What cannot go in
    /// (past the last field, or after a picker that still needs a choice) is reported.
    func handlePaste(_ text: String, app: App) {
        let pieces = PastedText.pieces(text)
        for (index, piece) in pieces.enumerated() {
            if index > 0 {
                let before = form.focus
                _ = handle(.nextField, app: app)
                if form.focus == before {
                    if form.unchosen.isEmpty { formMessage = (app.t(L.pasteLeftOver(pieces.count - index)), .warning) }
                    break
                }
            }
            form.fields[form.focus].paste(piece)
            form.issues[form.focused.key] = nil
        }
        refreshPreview(app: app)
    }

    func handle(_ command: Command, app: App) -> Bool {
        switch command {
        case .nextField:
            if leaveField(app: app, forward: true) {
                form.step(forward: true)
                refreshPreview(app: app)  // a suggested end date counts at once
            }
        case .previousField:
            if leaveField(app: app, forward: false) { form.step(forward: false) }
        case .save:
            save(app: app, again: false)
        case .saveAndAdd:
            save(app: app, again: true)
        case .reloadStored:
            guard form.editing != nil else { return false }
            reloadStored(app: app)
        default:
            return false
        }
        return true
    }

    /// Takes a picker's choice and checks the field the cursor leaves (``RecordForm/leaveField``).
    /// Returns false when the cursor must stay: a picker whose text fits no choice (or, going
    /// back, several) keeps its list open and is marked until the admin chooses; one whose
    /// text fits several is passed over going forward, marked, and chosen before the save.
    private func leaveField(app: App, forward: Bool) -> Bool {
        let moved = form.moveScoreToNilai()
        let outcome = form.leaveField(forward: forward, parser: app.parser, language: app.language)
        guard outcome.move else {
            formMessage = outcome.message
            return false
        }
        refreshPreview(app: app)
        formMessage = outcome.message ?? moved.map { (app.t(L.gridScoreMovedToNilai($0)), .ok) }
        if outcome.message == nil { markSecondSKP(app: app) }
        return outcome.move
    }

    /// Takes the focused picker's choice; false (with the field marked and a message saying
    /// why) when the text does not mean exactly one choice.
    private func pickerChosen(app: App) -> Bool {
        guard let problem = form.takePickerChoice(app.language) else { return true }
        formMessage = (problem, .error)
        return false
    }

    private func save(app: App, again: Bool) {
        _ = form.moveScoreToNilai()
        if form.focused.isPicker, !pickerChosen(app: app) { return }
        if let index = form.firstUnchosenPicker() {
            // A picker left holding typed text (a restored draft): the admin chooses first.
            form.focus = index
            _ = pickerChosen(app: app)
            return
        }
        switch form.parse(app.parser) {
        case .failure(let failure):
            show(failure, app: app)
        case .success(let record):
            if let id = form.editing, let original, record == original {
                // Nothing changed (round 13): nothing is written, so no audit row that changed
                // nothing, no reload of every workstation, and no "Tersimpan" that a SIASN
                // refusal still in force would make untrue (an unchanged record stays held back).
                let refusal = page.siasnRefusals[id].flatMap { $0.corrected ? nil : $0 }
                app.discardDraft(of: self)
                app.pop(to: page)
                app.inform(app.t(refusal.map { L.unchangedStillRefused(batch: $0.batch, reason: $0.reason) } ?? L.recordUnchanged))
                return
            }
            // A course resembling one already there is saved only when the admin says so.
            if case .diklat(let course) = record, let existing = NearDuplicate.firstSimilar(to: course, in: preview.base.diklat),
                existing != similarConfirmed
            {
                app.confirm(app.t(L.similarAsk(existing.nama, existing.tanggalMulai.dayFirst)), onYes: { [unowned self] in
                    self.similarConfirmed = existing
                    self.save(app: app, again: again)
                })
                return
            }
            // An SKP SIASN has, moved before 2022: saved only when the admin says so, knowing
            // that SIASN keeps what it got and ipasn will not send the change.
            if case .skp(let skp) = record, let held = heldBySIASN, !SKPSiasn.sentToSIASN(tahun: skp.tahun),
                leavingSIASNConfirmed != skp.tahun
            {
                app.confirm(app.t(L.skpLeavesSIASNAsk(held.tahun, held.batch, newYear: skp.tahun)), onYes: { [unowned self] in
                    self.leavingSIASNConfirmed = skp.tahun
                    self.save(app: app, again: again)
                })
                return
            }
            do {
                // The save forgets this form's draft in its own transaction: one commit, and
                // the record saved means the draft is gone (``DraftSaveStore``).
                let draft = DraftKey(owner: app.context.actor, formKey: app.ownDraft(formDraft(app: app)).formKey)
                let result: SaveResult
                if let id = form.editing {
                    // Refused (input kept, form open) when another admin changed the record since
                    // it was loaded (`original`; nil: a plain update).
                    result = try app.store.update(id, to: record, expecting: original, clearingDraft: draft)
                } else {
                    result = try app.store.add(record, clearingDraft: draft)
                }
                app.forgetDraftHere(formKey: draft.formKey)
                changedByOther = []
                editedBy = nil
                stored.put(record, id: result.id.id)
                // An SKP is named as one ("SKP 2021 nilai 88,50"), not by its year alone.
                let what = (record.kind == .skp ? "SKP " : "") + EmployeeView.describe(record, app.language)
                let before = preview.before
                preview.commit(record, score: result.score)
                // The page is not reloaded here: hidden under the form, it reloads when it is
                // shown again (Esc, or `pop(to:)` below), as a fresh open would show it.
                if again {
                    batchCount += 1
                    form.resetForBatch()
                    refreshPreview(app: app)
                    formMessage = nil
                    app.inform(app.t(L.savedAgain(what, batchCount)))
                } else {
                    app.pop(to: page)
                    let change = ScoreDimension.allCases.filter { abs(result.score[$0] - before[$0]) > 0.0001 }
                        .map { "\($0.displayName(app.language)) \(app.language.points(before[$0])) -> \(app.language.points(result.score[$0]))" }
                    app.inform(app.t(L.saved(what)) + (change.isEmpty ? "" : " " + change.joined(separator: ", ")))
                }
            } catch let failure as ValidationFailure {
                show(failure, app: app)
            } catch StoreError.editedMeanwhile(let actor) {
                // Another admin saved it meanwhile: the input stays, the reload key is named.
                editedBy = actor
                formMessage = (app.t(L.editedMeanwhileReload(actor, key: app.keymap.keyText(for: .reloadStored, in: .form))), .error)
            } catch {
                formMessage = (app.storeFailureText(error), .error)
            }
        }
    }

    /// ``Command/reloadStored``: the record as stored now comes into the form; the fields the
    /// admin changed keep their input (``StoredReload``), the other admin's changes are marked.
    /// Nothing is saved: the next save expects the record as stored now.
    private func reloadStored(app: App) {
        guard let id = form.editing else { return }
        app.attempt {
            guard let records = try app.store.records(nip: form.nip) else {
                formMessage = (app.t(L.reloadEmployeeGone), .error)
                return
            }
            guard let now = EmployeeView.stored(records, id.kind).first(where: { $0.id == id }) else {
                formMessage = (app.t(L.reloadRecordGone), .error)
                return
            }
            let texts = { (record: Record) in
                RecordForm.make(
                    kind: self.form.kind, nip: self.form.nip, ruleset: app.engine.ruleset, year: app.year,
                    editing: StoredRecordValue(id: id, record: record)
                ).localized(app.language).texts
            }
            let storedTexts = texts(now.record)
            let merge = StoredReload(
                order: form.fields.map(\.key), base: original.map(texts) ?? storedTexts, typed: form.texts, stored: storedTexts)
            form.rebase(on: storedTexts, merged: merge.merged)
            original = now.record
            stored = records
            let verifications = try app.store.verifications(nip: form.nip)
            preview = LivePreview(
                engine: app.engine, year: app.year, records: records, editing: id, unitTotals: preview.unitTotals,
                uncounted: EmployeeView.uncounted(verifications, app: app))
            changedByOther = Set(merge.theirs + merge.clashes)
            refreshPreview(app: app)
            formMessage = merge.message(by: editedBy, fields: form.fields, app: app)
        }
    }

    private func show(_ failure: ValidationFailure, app: App) {
        form.issues = [:]
        for issue in failure.issues where form.issues[issue.field] == nil { form.issues[issue.field] = issue }
        if let first = form.fields.firstIndex(where: { form.issues[$0.key] != nil }) { form.focus = first }
        let messages = failure.issues.map { $0.message(app.language) }
        formMessage = (app.t(L.formHasErrors) + " " + messages.joined(separator: " "), .error)
    }

    // MARK: Drawing

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        let language = app.language
        let pegawai = page.records.pegawai
        let mode = app.t(form.editing == nil ? L.formNew : L.formEdit)
        Draw.title(&grid, "\(mode) \(app.t(L.formTitle[form.kind]!)) — \(pegawai.nama)", right: "\(app.t(L.labelYear)) \(app.year) ")
        if let rejectionLine {
            grid.put(DisplayWidth.truncate(rejectionLine, toWidth: grid.width - 2), row: 1, col: 1, style: .error)
        } else {
            grid.put(DisplayWidth.truncate("\(NIP.formatted(pegawai.nip))  \(unitName)", toWidth: grid.width - 2), row: 1, col: 1, style: .dim)
        }

        let wide = grid.width >= 100
        let formWidth = wide ? grid.width - 42 : grid.width
        let firstRow = 2
        let layout = RecordFormDrawing.fields(
            form, into: &grid, firstRow: firstRow, rows: rows, width: formWidth, app: app, changed: changedByOther)

        // The live panel: beside the form when there is room, else below it.
        let lines = previewLines(language)
        if wide {
            let col = formWidth + 1
            let height = min(rows - 2, lines.count + 3)
            grid.box(row: 2, col: col, width: grid.width - col - 1, height: height, title: app.t(L.previewTitle))
            drawPreview(&grid, lines: lines, row: 3, col: col + 2, width: grid.width - col - 5, rows: height - 2, app: app)
        } else {
            let row = firstRow + form.fields.count
            if row < rows {
                grid.hline(row: row, col: 0, width: grid.width)
                grid.put(" " + app.t(L.previewTitle) + " ", row: row, col: 2, style: .header)
                drawPreview(&grid, lines: lines, row: row + 1, col: 2, width: grid.width - 4, rows: rows - row - 1, app: app)
            }
        }

        RecordFormDrawing.pickerList(form, into: &grid, firstRow: firstRow, rows: rows, layout: layout, app: app)
    }

    /// ``outcome``'s lines, written again only when the outcome changed (not on every frame).
    private func previewLines(_ language: Language) -> [(text: String, changed: Bool)] {
        if let written = writtenPreview, written.outcome == outcome { return written.lines }
        let lines = outcome.lines(language)
        writtenPreview = (outcome, lines)
        return lines
    }

    private func drawPreview(_ grid: inout CellGrid, lines: [(text: String, changed: Bool)], row: Int, col: Int, width: Int, rows: Int, app: App) {
        guard rows > 0 else { return }
        var shown = lines
        if shown.count > rows {
            // Short of room: the total first, then the lines that change.
            let total = lines[ScoreDimension.allCases.count]
            shown = [total] + lines.enumerated().filter { $0.offset != ScoreDimension.allCases.count && $0.element.changed }.map(\.element)
            shown = Array(shown.prefix(rows))
        }
        for (index, line) in shown.enumerated() {
            grid.put(line.text, row: row + index, col: col, style: line.changed ? .highlight : .normal, maxWidth: width)
        }
        if outcome.pending, shown.count < rows {
            grid.put(app.t(L.previewWaiting), row: row + shown.count, col: col, style: .dim, maxWidth: width)
        }
    }
}
