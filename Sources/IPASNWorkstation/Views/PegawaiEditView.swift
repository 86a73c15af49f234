import IPASNCore
import IPASNStore
import IPASNTerminal

/// "Ubah pegawai" (`e` in the employee list and on the employee page): name, unit (another
/// unit is a mutasi, with its date), jenis jabatan, jenjang and status. The NIP is the
/// employee's identity and stays. Saved after a confirmation naming every change, as one
/// audited change (``EmployeeChangeStore/changePegawai(_:)``, undoable with `u`).
final class PegawaiEditView: PickerForm, ReloadsStored {
    private(set) var pegawai: Pegawai
    var fields: [FormField]
    var focus = 0 {
        didSet { fields.enter(focus) }
    }
    var formMessage: (text: String, style: Style)?
    var unchosen: Set<String> = []
    private var initial: [String]
    /// Who saved the employee since the form opened (a refused save named them).
    var editedBy: String?
    /// The fields a reload took from the other admin's save (or both changed): marked `*`.
    private(set) var changedByOther: Set<String> = []
    /// Called after a save (the page or list reloads).
    private let onSaved: () -> Void

    init(app: App, pegawai: Pegawai, onSaved: @escaping () -> Void = {}) {
        self.pegawai = pegawai
        self.onSaved = onSaved
        fields = Self.formFields(pegawai, units: (try? app.store.units()) ?? [])
        initial = fields.map(\.text)
        fields.enter(focus)
        formMessage = (app.t(L.pegawaiEditHint), .normal)
    }

    var editedSubject: AuditSubject? { .pegawai(pegawai.nip) }
    var context: KeyContext { .form }

    /// Another session changed data while nothing was typed here: the form shows the employee
    /// as stored now (a save would otherwise be refused for a change the admin never saw).
    func reload(app: App) {
        guard !hasUnsavedInput else { return }
        reloadStored(app: app)
        changedByOther = []
        formMessage = (app.t(L.pegawaiEditHint), .normal)
    }
    var keyBar: [Command] { [.save, .nextField, .previousField, .back, .help, .quit] }
    var hasUnsavedInput: Bool { fields.map(\.text) != initial }
    var status: (text: String, style: Style)? { formMessage }

    private func value(_ key: String) -> String { fields.first { $0.key == key }?.text ?? "" }

    func handleKey(_ key: Key, app: App) -> Bool { fields[focus].handle(key) }

    func handlePaste(_ text: String, app: App) { pasteIntoFields(text, app: app) }

    func handle(_ command: Command, app: App) -> Bool {
        switch command {
        case .nextField: if takeChoice(app: app) { focus = min(fields.count - 1, focus + 1) }
        case .previousField: if takeChoice(app: app) { focus = max(0, focus - 1) }
        case .save: if takeChoice(app: app) { save(app: app) }
        case .saveAndAdd: break
        case .reloadStored: reloadStored(app: app)
        default: return false
        }
        return true
    }

    /// The employee the fields describe, or the issues that refuse them.
    func changed(app: App) -> Result<Pegawai, ValidationFailure> {
        let parsed = app.parser.pegawai([
            "nip": pegawai.nip, "nama": value("nama"), "kode_unit": value("kode_unit"),
            "jenis_jabatan": value("jenis_jabatan"), "jenjang": value("jenjang"), "status": value("status"),
        ])
        var issues: [ValidationIssue] = []
        if case .failure(let failure) = parsed { issues += failure.issues }
        var tmt = pegawai.tmtUnit
        let tmtText = value("tmt_unit").trimmingCharacters(in: .whitespaces)
        if !tmtText.isEmpty {
            if let date = LocalDate.parse(tmtText) {
                tmt = date
            } else {
                issues.append(ValidationIssue(field: "tmt_unit", code: DateText.problem(tmtText)))
            }
        } else if value("kode_unit") != pegawai.kodeUnit {
            tmt = nil
        }
        guard issues.isEmpty, case .success(let (fresh, _)) = parsed else { return .failure(ValidationFailure(issues)) }
        var result = pegawai
        result.nama = fresh.nama
        result.kodeUnit = fresh.kodeUnit
        result.jenisJabatan = fresh.jenisJabatan
        result.jenjang = fresh.jenjang
        result.status = fresh.status
        result.tmtUnit = tmt
        return .success(result)
    }

    private func save(app: App) {
        let new: Pegawai
        switch changed(app: app) {
        case .failure(let failure):
            formMessage = (failure.issues.map { $0.message(app.language) }.joined(separator: " "), .error)
            return
        case .success(let value):
            new = value
        }
        guard new != pegawai else {
            app.pop()
            app.inform(app.t(L.pegawaiUnchanged))
            return
        }
        if new.kodeUnit != pegawai.kodeUnit {
            // A mutasi the store would refuse (no date, an inactive employee) is said here,
            // before a question about a move that cannot be saved. The store checks again.
            let unitExists = ((try? app.store.units()) ?? []).contains { $0.kode == new.kodeUnit }
            let issues = EmployeeChangeRules.issues(old: pegawai, new: new, unitExists: unitExists, today: app.context.today)
            guard issues.isEmpty else {
                formMessage = (issues.map { $0.message(app.language) }.joined(separator: " "), .error)
                return
            }
        }
        // A refusal of an earlier attempt no longer holds: the hint again under the question.
        formMessage = (app.t(L.pegawaiEditHint), .normal)
        let change = PegawaiChange(line: 0, old: pegawai, new: new)
        let question: Txt
        if new.kodeUnit != pegawai.kodeUnit {
            question = Self.mutasiQuestion(change, labels: fields, app: app)
        } else {
            question = L.confirmPegawaiChange(pegawai.nama, Self.changeList(change, labels: fields, app.language))
        }
        // The form is gone after the pop: the closure keeps what it needs, not the form.
        let onSaved = self.onSaved
        let shown = pegawai
        app.confirm(app.t(question), onYes: { [weak self] in
            // Refused when someone saved this employee since the form opened: their change
            // stays, and this form keeps its input (not written back over theirs); the reload
            // key brings theirs in under the input.
            var refusedBy: String?
            guard
                app.attempt({
                    do {
                        try app.store.changePegawai(new, expecting: shown)
                    } catch StoreError.editedMeanwhile(let actor) {
                        refusedBy = actor
                    }
                }), refusedBy == nil
            else {
                if let refusedBy {
                    self?.editedBy = refusedBy
                    app.fail(app.t(L.editedMeanwhileReload(refusedBy, key: app.keymap.keyText(for: .reloadStored, in: .form))))
                }
                return
            }
            app.pop()
            onSaved()
            app.dataChangedHere()
            app.inform(app.t(L.pegawaiSaved(new.nama)))
        })
    }

    /// An operator renamed unit `old` to `new` while the form is open (``UnitRenameStore``): the
    /// Unit kerja field shows the new code when it showed the old one (typed or as loaded),
    /// its choices are the units as they are now, and every other input stays. True when the
    /// form showed `old` (its message then says so).
    @discardableResult
    func unitRenamed(from old: String, to new: String, by actor: String, app: App) -> Bool {
        guard let index = fields.firstIndex(where: { $0.key == "kode_unit" }) else { return false }
        let shown = fields[index].text == old || initial[index] == old || pegawai.kodeUnit == old
        fields[index].kind = Self.formFields(pegawai, units: (try? app.store.units()) ?? [])[index].kind
        if pegawai.kodeUnit == old { pegawai.kodeUnit = new }
        if initial[index] == old { initial[index] = new }
        if fields[index].text == old { fields[index].text = new }
        guard shown else { return false }
        formMessage = (app.t(L.unitRenamedUnderForm(old: old, new: new, actor: actor)), .warning)
        return true
    }

    /// ``Command/reloadStored``: the employee as stored now comes into the form; the fields the
    /// admin changed keep their input (``StoredReload``), the other admin's changes are marked.
    private func reloadStored(app: App) {
        app.attempt {
            guard let fresh = try app.store.pegawai(nip: pegawai.nip) else {
                formMessage = (app.t(L.reloadEmployeeGone), .error)
                return
            }
            let keys = fields.map(\.key)
            let storedTexts = Self.formFields(fresh, units: try app.store.units()).map(\.text)
            let merge = StoredReload(
                order: keys, base: Dictionary(uniqueKeysWithValues: zip(keys, initial)),
                typed: Dictionary(uniqueKeysWithValues: zip(keys, fields.map(\.text))),
                stored: Dictionary(uniqueKeysWithValues: zip(keys, storedTexts)))
            for index in fields.indices { fields[index].text = merge.merged[keys[index]] ?? "" }
            fields.enter(focus)
            pegawai = fresh
            initial = storedTexts
            unchosen = []
            changedByOther = Set(merge.theirs + merge.clashes)
            formMessage = merge.message(by: editedBy, fields: fields, app: app)
        }
    }

    /// The question before a mutasi: the employee by name and NIP, both units by name (as
    /// lists show them, cut with `…` to fit the dialog) with their codes, the date, and any
    /// other change of the same save.
    static func mutasiQuestion(_ change: PegawaiChange, labels: [FormField], app: App) -> Txt {
        let units = (try? app.store.units()) ?? []
        let names = UnitTree(units).displayNames()
        // The dialog is at most 60 columns wide; "Dari: " / "From: " take 6 of them.
        let width = min((app.shownSize?.width ?? 80) - 8, 60) - 6
        func unit(_ kode: String) -> String {
            L.unitInQuestion(name: names[kode] ?? kode, kode: kode, width: width)
        }
        let others = change.fields.filter { $0.field != "kode_unit" && $0.field != "tmt_unit" }
        return L.confirmMutasi(
            change.new.nama, nip: NIP.formatted(change.new.nip), from: unit(change.old.kodeUnit), to: unit(change.new.kodeUnit),
            tanggal: change.new.tmtUnit?.dayFirst ?? "-",
            others: fieldList(others, labels: labels, app.language))
    }

    /// The form's fields, filled with the employee's values.
    static func formFields(_ pegawai: Pegawai, units: [OrgUnit]) -> [FormField] {
        [
            FormField("nama", label: "pegawai_nama", text: pegawai.nama),
            FormField("kode_unit", label: "peg_unit", kind: .picker(Pickers.units(units)), text: pegawai.kodeUnit, maxLength: 40),
            FormField("tmt_unit", kind: .date, text: "", maxLength: 10),
            FormField("jenis_jabatan", kind: .picker(Pickers.jenisJabatan), text: pegawai.jenisJabatan.rawValue),
            FormField("jenjang", text: pegawai.jenjangStruktural?.displayName ?? pegawai.jenjang),
            FormField("status", kind: .picker(Pickers.status), text: pegawai.status.rawValue),
        ]
    }

    /// The changes as the confirmation lists them, each field named by the form's own label
    /// (`Unit kerja DISDIK.01 -> DINKES.01; Tanggal mutasi (belum diisi) -> 30-11-2026`), never
    /// by the file's column name; an empty value is said in words, never as a bare `-`.
    static func changeList(_ change: PegawaiChange, labels: [FormField], _ language: Language) -> String {
        fieldList(change.fields, labels: labels, language)
    }

    /// Changed fields as ``changeList(_:labels:_:)`` lists them.
    static func fieldList(_ fields: [(field: String, old: String, new: String)], labels: [FormField], _ language: Language) -> String {
        fields.map { f -> String in
            let label = labels.first { $0.key == f.field }?.label(language) ?? FieldNames.label(f.field, language)
            let quoted = f.field == "nama" || f.field == "jenjang"
            func shown(_ value: String) -> String {
                // The file's listing writes an unset date as "-"; here it is a word.
                if value.isEmpty || (f.field == "tmt_unit" && value == "-") { return language.t(L.valueNotSet) }
                return quoted ? "\"\(value)\"" : value
            }
            return "\(label) \(shown(f.old)) -> \(shown(f.new))"
        }.joined(separator: "; ")
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, "\(app.t(L.pegawaiEditTitle)) — \(pegawai.nama)")
        PegawaiFormDrawing.draw(
            fields: fields, focus: focus, unchosen: unchosen, header: NIP.formatted(pegawai.nip), into: &grid, rows: rows, app: app,
            changed: changedByOther)
    }
}

/// The drawing of the two small employee forms: the NIP line, a label and editor per field,
/// and the focused picker's list below it.
enum PegawaiFormDrawing {
    /// `changed`: fields marked `*` (another admin's change a reload took, ``StoredReload``).
    static func draw(
        fields: [FormField], focus: Int, unchosen: Set<String>, header: String, into grid: inout CellGrid, rows: Int, app: App,
        changed: Set<String> = []
    ) {
        let labelWidth = 24
        grid.put(DisplayWidth.fit("NIP", toWidth: labelWidth), row: 2, col: 2)
        grid.put(header, row: 2, col: labelWidth + 3, style: .dim)
        for (index, field) in fields.enumerated() {
            let row = 3 + index
            guard row < rows else { break }
            grid.put(
                DisplayWidth.fit(field.label(app.language), toWidth: labelWidth), row: row, col: 2,
                style: unchosen.contains(field.key) ? .error : index == focus ? .highlight : .normal)
            let width = min(40, grid.width - labelWidth - 5)
            field.draw(into: &grid, row: row, col: labelWidth + 3, width: width, focused: index == focus)
            if changed.contains(field.key) { grid.put("*", row: row, col: labelWidth + 4 + width, style: .warning) }
        }
        if fields[focus].isPicker {
            let base = 3 + focus + 1
            for (offset, option) in fields[focus].suggestions.prefix(max(0, rows - base)).enumerated() {
                let style: Style = offset == fields[focus].shownHighlight ? .selected : .input
                grid.fill(row: base + offset, col: labelWidth + 3, width: 34, height: 1, style: style)
                grid.put(option.listed, row: base + offset, col: labelWidth + 4, style: style, maxWidth: 33)
            }
        }
    }
}
