import IPASNCore
import IPASNStore
import IPASNTerminal

/// "Ubah unit" (`e` on the unit list): a unit's name and parent, changed only here, after a
/// confirmation naming the old and new values, with its own audit row (undoable with `u`).
/// The kode is the unit's identity and stays. The parent is picked from the existing units
/// (never guessed: a text that fits several units or none keeps the cursor until chosen).
final class UnitEditView: PickerForm {
    let unit: OrgUnit
    var fields: [FormField]
    var focus = 0 {
        didSet { fields.enter(focus) }
    }
    var formMessage: (text: String, style: Style)?
    /// Picker fields marked until the admin chooses (their text fits several choices or none).
    var unchosen: Set<String> = []
    private let initial: [String]

    /// `units`: the database's units, offered as parents (the unit itself left out).
    init(unit: OrgUnit, units: [OrgUnit]) {
        self.unit = unit
        fields = [
            FormField("unit_nama", text: unit.nama),
            FormField(
                "unit_induk", kind: .picker(Pickers.units(units.filter { $0.kode != unit.kode })), text: unit.induk ?? "",
                maxLength: 40),
        ]
        initial = fields.map(\.text)
        fields.enter(focus)
    }

    var context: KeyContext { .form }
    var keyBar: [Command] { [.save, .nextField, .previousField, .back, .help, .quit] }
    var hasUnsavedInput: Bool { fields.map(\.text) != initial }
    var status: (text: String, style: Style)? { formMessage }

    func draft(app: App) -> Draft? {
        Draft(
            form: "unit", nip: "", editing: nil, unit: unit.kode,
            fields: ["unit_nama": fields[0].text, "unit_induk": fields[1].text], savedAt: app.context.now(),
            cursor: fields.cursor(at: focus))
    }

    /// Puts back a draft's input and the cursor where the admin was typing.
    func restore(_ saved: [String: String], cursor: DraftCursor? = nil) {
        for index in fields.indices {
            if let text = saved[fields[index].key] { fields[index].text = text }
        }
        if let cursor, let index = fields.firstIndex(where: { $0.key == cursor.field }) {
            focus = index
            fields.putBack(cursor)
        }
    }

    func handleKey(_ key: Key, app: App) -> Bool {
        fields[focus].handle(key)
    }

    func handlePaste(_ text: String, app: App) { pasteIntoFields(text, app: app) }

    func handle(_ command: Command, app: App) -> Bool {
        switch command {
        case .nextField: if takeChoice(app: app) { focus = min(fields.count - 1, focus + 1) }
        case .previousField: if takeChoice(app: app) { focus = max(0, focus - 1) }
        case .save: if takeChoice(app: app) { save(app: app) }
        case .saveAndAdd: break
        default: return false
        }
        return true
    }

    private func save(app: App) {
        let result = app.parser.unit(["kode": unit.kode, "nama": fields[0].text, "induk": fields[1].text])
        guard case .success(let changed) = result else {
            if case .failure(let failure) = result {
                formMessage = (failure.issues.map { $0.message(app.language) }.joined(separator: " "), .error)
            }
            return
        }
        guard changed != unit else {
            app.discardDraft(of: self)
            app.pop()
            app.inform(app.t(L.unitUnchanged))
            return
        }
        app.confirm(app.t(L.confirmUnitEdit(unit, changed)), onYes: { [unowned self] in
            guard app.attempt({ try app.store.saveUnit(changed) }) else { return }
            app.discardDraft(of: self)
            app.pop()
            app.dataChangedHere()
            app.inform(app.t(L.unitSaved(changed)))
        })
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, "\(app.t(L.unitEditTitle)) \(unit.kode)")
        let labelWidth = 24
        grid.put(DisplayWidth.fit(app.t(L.fieldKodeUnit), toWidth: labelWidth), row: 2, col: 2)
        grid.put(unit.kode, row: 2, col: labelWidth + 3, style: .dim)
        for (index, field) in fields.enumerated() {
            let row = 3 + index
            guard row < rows else { break }
            grid.put(
                DisplayWidth.fit(field.label(app.language), toWidth: labelWidth), row: row, col: 2,
                style: unchosen.contains(field.key) ? .error : index == focus ? .highlight : .normal)
            field.draw(
                into: &grid, row: row, col: labelWidth + 3, width: min(40, grid.width - labelWidth - 5), focused: index == focus)
        }
        if fields[focus].isPicker {
            let base = 3 + focus + 1
            for (offset, option) in fields[focus].suggestions.prefix(max(0, rows - base)).enumerated() {
                let style: Style = offset == fields[focus].shownHighlight ? .selected : .input
                grid.fill(row: base + offset, col: labelWidth + 3, width: 20, height: 1, style: style)
                grid.put(option.listed, row: base + offset, col: labelWidth + 4, style: style, maxWidth: 19)
            }
        }
    }
}
