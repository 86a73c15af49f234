import IPASNCore
import IPASNStore
import IPASNTerminal

/// `a` on an active employee: the reason (pensiun, pindah keluar, meninggal, diberhentikan)
/// and the date they left, then a confirmation; saved as one audited change. On an inactive
/// employee `a` asks to reactivate instead (``PegawaiKeluarView/toggle(_:app:onSaved:)``).
final class PegawaiKeluarView: PickerForm {
    let pegawai: Pegawai
    var fields: [FormField]
    var focus = 0
    var formMessage: (text: String, style: Style)?
    var unchosen: Set<String> = []
    private let onSaved: () -> Void

    static let reasons: [PickerOption] = AlasanKeluar.allCases.map {
        PickerOption(value: $0.name(.id), label: $0.name(.id), keywords: "\($0.rawValue) \($0.name(.en).lowercased().replacingOccurrences(of: " ", with: "-"))")
    }

    init(app: App, pegawai: Pegawai, onSaved: @escaping () -> Void) {
        self.pegawai = pegawai
        self.onSaved = onSaved
        fields = [
            FormField("alasan_keluar", kind: .picker(Self.reasons)),
            FormField("tanggal_keluar", kind: .date, maxLength: 10),
        ]
        formMessage = (app.t(L.pegawaiKeluarHint), .normal)
    }

    /// Opens the inactivation form for an active employee, or asks to reactivate an inactive one.
    static func toggle(_ pegawai: Pegawai, app: App, onSaved: @escaping () -> Void) {
        guard !pegawai.aktif else {
            app.push(PegawaiKeluarView(app: app, pegawai: pegawai, onSaved: onSaved))
            return
        }
        var back = pegawai
        back.aktif = true
        back.keluar = nil
        app.confirm(app.t(L.confirmAktifkan(pegawai.nama, app.t(L.keluarStatus(pegawai)))), onYes: {
            guard app.attempt({ try app.store.changePegawai(back, expecting: pegawai) }) else { return }
            onSaved()
            app.dataChangedHere()
            app.inform(app.t(L.aktifkanSaved(pegawai.nama)))
        })
    }

    var context: KeyContext { .form }
    var keyBar: [Command] { [.save, .nextField, .previousField, .back, .help, .quit] }
    var hasUnsavedInput: Bool { fields.contains { !$0.text.isEmpty } }
    var status: (text: String, style: Style)? { formMessage }

    func handleKey(_ key: Key, app: App) -> Bool { fields[focus].handle(key) }

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
        var issues: [ValidationIssue] = []
        let alasan = AlasanKeluar.allCases.first { $0.name(.id) == fields[0].text }
        if alasan == nil { issues.append(ValidationIssue(field: "alasan_keluar", code: .required)) }
        let text = fields[1].text.trimmingCharacters(in: .whitespaces)
        var tanggal: LocalDate?
        if text.isEmpty {
            issues.append(ValidationIssue(field: "tanggal_keluar", code: .required))
        } else if let date = LocalDate.parse(text) {
            tanggal = date
        } else {
            issues.append(ValidationIssue(field: "tanggal_keluar", code: DateText.problem(text)))
        }
        guard issues.isEmpty, let alasan, let tanggal else {
            formMessage = (issues.map { $0.message(app.language) }.joined(separator: " "), .error)
            return
        }
        var new = pegawai
        new.aktif = false
        new.keluar = PegawaiKeluar(alasan: alasan, tanggal: tanggal)
        // The form is gone after the pop: the closure keeps what it needs, not the form.
        let onSaved = self.onSaved
        let nama = pegawai.nama
        let shown = pegawai
        app.confirm(app.t(L.confirmKeluar(nama, alasan.name(app.language), tanggal)), onYes: {
            guard app.attempt({ try app.store.changePegawai(new, expecting: shown) }) else { return }
            app.pop()
            onSaved()
            app.dataChangedHere()
            app.inform(app.t(L.keluarSaved(nama)))
        })
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, "\(app.t(L.pegawaiKeluarTitle)) — \(pegawai.nama)")
        PegawaiFormDrawing.draw(
            fields: fields, focus: focus, unchosen: unchosen, header: NIP.formatted(pegawai.nip), into: &grid, rows: rows, app: app)
    }
}
