import IPASNCore
import IPASNStore
import IPASNTerminal

/// A small form to add a unit (when new) and an employee: the first steps on an empty
/// database, and `t` on the unit and employee lists.
///
/// Opened on an existing unit, its unit fields are shown but locked: adding an employee never
/// changes a unit (that is the unit list's "ubah unit", `e`). A new unit code that already
/// exists, or a NIP already registered, is refused instead of overwriting.
final class SetupView: PickerForm {
    var fields: [FormField]
    var focus = 0 {
        didSet { fields.enter(focus) }
    }
    let existingUnit: OrgUnit?
    var formMessage: (text: String, style: Style)?
    /// Picker fields marked until the admin chooses (their text fits several choices or none).
    var unchosen: Set<String> = []
    private let initial: [String]

    init(app: App, unit: OrgUnit?) {
        existingUnit = unit
        fields = [
            FormField("unit_kode", text: unit?.kode ?? "", maxLength: 40),
            FormField("unit_nama", text: unit?.nama ?? ""),
            FormField("unit_induk", kind: .picker(Pickers.units((try? app.store.units()) ?? [])), text: unit?.induk ?? "", maxLength: 40),
            FormField("nip", maxLength: 24),
            FormField("pegawai_nama"),
            FormField("jenis_jabatan", kind: .picker(Pickers.jenisJabatan)),
            FormField("jenjang"),
            FormField("status", kind: .picker(Pickers.status), text: "pns"),
        ]
        focus = unit == nil ? 0 : 3
        fields.enter(focus)
        initial = fields.map(\.text)
        if unit != nil { formMessage = (app.t(L.setupUnitKept), .normal) }
    }

    var context: KeyContext { .form }
    var keyBar: [Command] { [.save, .nextField, .previousField, .back, .help, .quit] }
    var hasUnsavedInput: Bool { fields.map(\.text) != initial }
    var status: (text: String, style: Style)? { formMessage }

    /// The first field the cursor may enter: the employee's when the unit exists.
    private var firstEditable: Int { existingUnit == nil ? 0 : 3 }

    func draft(app: App) -> Draft? {
        var texts: [String: String] = [:]
        for field in fields { texts[field.key] = field.text }
        return Draft(
            form: "setup", nip: value("nip"), editing: nil, unit: existingUnit?.kode, fields: texts,
            savedAt: app.context.now(), cursor: fields.cursor(at: focus))
    }

    /// Puts back a draft's input (the locked unit fields keep the unit's stored values) and
    /// the cursor where the admin was typing (else in the first empty field).
    func restore(_ saved: [String: String], cursor: DraftCursor? = nil) {
        for index in fields.indices where index >= firstEditable {
            if let text = saved[fields[index].key] { fields[index].text = text }
        }
        if let cursor, let index = fields.firstIndex(where: { $0.key == cursor.field }), index >= firstEditable {
            focus = index
            fields.putBack(cursor)
        } else {
            focus = fields.indices.first { $0 >= firstEditable && fields[$0].text.isEmpty } ?? firstEditable
        }
    }

    private func value(_ key: String) -> String { fields.first { $0.key == key }?.text ?? "" }

    func handleKey(_ key: Key, app: App) -> Bool {
        fields[focus].handle(key)
    }

    func handlePaste(_ text: String, app: App) { pasteIntoFields(text, app: app) }

    func handle(_ command: Command, app: App) -> Bool {
        switch command {
        case .nextField:
            if takeChoice(app: app) { focus = min(fields.count - 1, focus + 1) }
        case .previousField:
            if takeChoice(app: app) { focus = max(firstEditable, focus - 1) }
        case .save:
            if takeChoice(app: app) { save(app: app) }
        case .saveAndAdd:
            return true
        default:
            return false
        }
        return true
    }

    private func save(app: App) {
        let parser = app.parser
        let unitResult = parser.unit(["kode": value("unit_kode"), "nama": value("unit_nama"), "induk": value("unit_induk")])
        let pegawaiResult = parser.pegawai([
            "nip": value("nip"), "nama": value("pegawai_nama"), "kode_unit": value("unit_kode"),
            "jenis_jabatan": value("jenis_jabatan"), "jenjang": value("jenjang"), "status": value("status"),
        ])
        var issues: [ValidationIssue] = []
        if case .failure(let f) = unitResult { issues += f.issues }
        if case .failure(let f) = pegawaiResult { issues += f.issues }
        guard case .success(let unit) = unitResult, case .success(let (pegawai, _)) = pegawaiResult else {
            formMessage = (issues.map { $0.message(app.language) }.joined(separator: " "), .error)
            return
        }
        let saved = app.attempt {
            if try app.store.pegawai(nip: pegawai.nip) != nil {
                let text = L.setupNIPExists(NIP.formatted(pegawai.nip))
                throw ValidationFailure([ValidationIssue(field: "nip", code: .custom(id: text.id, en: text.en))])
            }
            if existingUnit == nil {
                if try app.store.units().contains(where: { $0.kode == unit.kode }) {
                    let text = L.setupUnitExists(unit.kode)
                    throw ValidationFailure([ValidationIssue(field: "kode", code: .custom(id: text.id, en: text.en))])
                }
                try app.store.saveUnit(unit)
            }
            try app.store.savePegawai(pegawai)
        }
        guard saved else { return }
        app.discardDraft(of: self)
        app.replaceAll(with: UnitListView(app: app))
        app.push(EmployeeListView(app: app, unit: unit))
        app.attempt {
            if let page = try EmployeeView(app: app, nip: pegawai.nip) { app.push(page) }
        }
        app.inform(app.t(L.setupSaved))
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.setupTitle))
        let labelWidth = 24
        var row = 2
        for (index, field) in fields.enumerated() {
            if index == 0 || index == 3 {
                grid.put(app.t(index == 0 ? L.setupUnitSection : L.setupPegawaiSection), row: row, col: 1, style: .header)
                row += 1
            }
            guard row < rows else { break }
            grid.put(DisplayWidth.fit(field.label(app.language), toWidth: labelWidth), row: row, col: 2, style: unchosen.contains(field.key) ? .error : index == focus ? .highlight : .normal)
            if index < firstEditable {
                // An existing unit: shown, not editable here.
                grid.put(field.text, row: row, col: labelWidth + 3, style: .dim, maxWidth: min(40, grid.width - labelWidth - 5))
            } else {
                field.draw(into: &grid, row: row, col: labelWidth + 3, width: min(40, grid.width - labelWidth - 5), focused: index == focus)
            }
            row += 1
        }
        if fields[focus].isPicker {
            let suggestions = fields[focus].suggestions
            let base = 2 + focus + (focus >= 3 ? 2 : 1) + 1
            for (offset, option) in suggestions.prefix(max(0, rows - base)).enumerated() {
                let style: Style = offset == fields[focus].shownHighlight ? .selected : .input
                grid.fill(row: base + offset, col: labelWidth + 3, width: 20, height: 1, style: style)
                grid.put(option.listed, row: base + offset, col: labelWidth + 4, style: style, maxWidth: 19)
            }
        }
    }
}
