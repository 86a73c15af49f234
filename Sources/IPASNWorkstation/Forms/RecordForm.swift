import IPASNCore
import IPASNStore

/// The model of one record form: its fields, focus and per-field findings. It knows nothing
/// about drawing, so a resize or a redraw never loses what was typed.
struct RecordForm: Hashable, Sendable {
    let kind: RecordKind
    let nip: String
    var editing: RecordID?
    var fields: [FormField]
    /// The focused field. Entering a field selects its text unless it is a picker
    /// (``FormField/enter()``), so what is typed replaces it; the field left loses its selection.
    var focus: Int = 0 {
        didSet { enterFocused() }
    }
    /// The texts when the form opened (or was last saved), to know whether input is unsaved.
    private(set) var initial: [String: String]
    /// Findings of fields checked when the cursor left them, by field key.
    var issues: [String: ValidationIssue] = [:]
    /// Picker fields whose text fits several choices or none: marked until the admin chooses.
    var unchosen: [String: PickerOutcome] = [:]
    /// Characters not taken by a picker after a refused Tab (``refuseAfterAmbiguousTab``).
    var refusedTyping = ""

    init(kind: RecordKind, nip: String, editing: RecordID? = nil, fields: [FormField]) {
        self.kind = kind
        self.nip = nip
        self.editing = editing
        self.fields = fields
        self.initial = [:]
        self.initial = texts
        enterFocused()
    }

    /// Selects the focused field's text where it selects on entry; no other field keeps a selection.
    private mutating func enterFocused() { fields.enter(focus) }

    /// Field key to typed text (the draft and parser form).
    var texts: [String: String] {
        var result: [String: String] = [:]
        for field in fields { result[field.key] = field.text }
        return result
    }

    /// What the parser reads: the texts plus the NIP.
    var values: [String: String] {
        var result = texts
        for field in fields { if let date = field.completedDate { result[field.key] = date } }
        result["nip"] = nip
        return result
    }

    var isDirty: Bool { texts != initial }

    mutating func markSaved() { initial = texts }

    /// After ``StoredReload``: the stored texts become what the form started from, so the
    /// admin's kept input still counts as unsaved.
    mutating func rebase(on stored: [String: String], merged: [String: String]) {
        for index in fields.indices {
            if let text = merged[fields[index].key] { fields[index].text = text }
        }
        initial = stored
        issues = [:]
        unchosen = [:]
        enterFocused()
    }

    /// Puts saved texts back (a draft, an edited record); the cursor goes to the first empty field.
    /// A picker left holding text that is none of its choices (a draft written while "sos" was
    /// being typed) is marked and gets the cursor: the admin chooses before anything is saved.
    /// A draft's `cursor` (where the admin was typing) puts the cursor back in that field at
    /// that position instead, unless a picker needs a choice first.
    mutating func restore(_ saved: [String: String], cursor: DraftCursor? = nil) {
        for index in fields.indices {
            if let text = saved[fields[index].key] { fields[index].text = text }
        }
        filterJenisHukuman()
        if let mismatch = jenisHukumanMismatch { issues["jenis"] = mismatch }
        focus = fields.firstIndex { $0.text.isEmpty && !$0.keepOnBatch } ?? 0
        if let index = fields.firstIndex(where: { $0.isPicker && !$0.text.isEmpty && !$0.holdsChoice }) {
            focus = index
            unchosen[fields[index].key] = fields[index].suggestions.isEmpty ? .noMatch : .ambiguous(fields[index].suggestions.count)
        } else if let cursor, let index = fields.firstIndex(where: { $0.key == cursor.field }), !skips(index) {
            focus = index
            // The admin was typing there: the text is theirs to go on with, not selected.
            fields.putBack(cursor)
        }
    }

    /// Where the cursor is, for a draft.
    var cursor: DraftCursor { fields.cursor(at: focus) ?? DraftCursor(field: focused.key, position: 0) }

    var focused: FormField { fields[focus] }

    // MARK: Parsing

    func parse(_ parser: RecordParser) -> Result<Record, ValidationFailure> {
        parser.record(kind, values)
    }

    /// The record as it would be saved, leniently: fields that do not affect the score are
    /// filled in so that the preview moves as soon as the scoring fields are readable.
    func previewRecord(_ parser: RecordParser) -> Record? {
        var values = self.values
        switch kind {
        case .diklat:
            if (values["nama"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { values["nama"] = "-" }
            if LocalDate.parse(values["tanggal_mulai"] ?? "") == nil { values["tanggal_mulai"] = values["tanggal_selesai"] }
            if JenisDiklat.parse(values["jenis"] ?? "") != .struktural { values["tingkat"] = "" }
            values["nomor_sertifikat"] = ""
            values["penyelenggara"] = ""
        case .pendidikan, .skp, .disiplin:
            break
        }
        if case .success(let record) = parser.record(kind, values) { return record }
        return nil
    }

    /// Checks one field (when the cursor leaves it); returns its finding, if any.
    @discardableResult
    mutating func check(_ index: Int, parser: RecordParser) -> ValidationIssue? {
        let key = fields[index].key
        var issue: ValidationIssue?
        if case .failure(let failure) = parse(parser) {
            issue = failure.issues.first { $0.field == key }
            // A required-field complaint about a field nobody has typed in yet is not news.
            if issue?.code == .required && fields[index].text.isEmpty && !isDirty { issue = nil }
        }
        issues[key] = issue
        return issue
    }

    /// Drops the marks of fields whose finding no longer holds (the record as typed now has no
    /// issue for them); returns the findings dropped. A mark is never added here: new findings
    /// wait until the cursor leaves a field (``check(_:parser:)``).
    mutating func dropSettledIssues(_ parser: RecordParser) -> [ValidationIssue] {
        guard !issues.isEmpty else { return [] }
        var open = Set<String>()
        if case .failure(let failure) = parse(parser) { open = Set(failure.issues.map(\.field)) }
        let settled = issues.filter { !open.contains($0.key) }
        for key in settled.keys { issues[key] = nil }
        return Array(settled.values)
    }

    /// Clears what changes from one record to the next and keeps the rest (jenis,
    /// penyelenggara ...), for entering a series of records of one employee.
    mutating func resetForBatch() {
        for index in fields.indices where !fields[index].keepOnBatch { fields[index].text = "" }
        issues = [:]
        unchosen = [:]
        editing = nil
        focus = fields.firstIndex { !$0.keepOnBatch } ?? 0
        initial = texts
    }

    /// Takes what the admin chose in the focused picker field; an ambiguous or unknown text
    /// marks the field instead (``unchosen``).
    @discardableResult
    mutating func choose() -> PickerOutcome {
        let outcome = fields[focus].choose()
        switch outcome {
        case .ambiguous, .noMatch: unchosen[fields[focus].key] = outcome
        case .empty, .chosen: unchosen[fields[focus].key] = nil
        }
        if case .chosen = outcome {
            applyJenisHukuman()
            filterJenisHukuman()
        }
        return outcome
    }

    /// The first picker field whose text is not one of its choices (a draft saved while the
    /// admin was still typing "sem"), after resolving what resolves. Marks it.
    mutating func firstUnchosenPicker() -> Int? {
        for index in fields.indices where fields[index].isPicker && !fields[index].text.isEmpty && !fields[index].holdsChoice {
            let outcome = fields[index].choose()
            if case .chosen = outcome { continue }
            unchosen[fields[index].key] = outcome
            return index
        }
        return nil
    }
}

// MARK: - The four forms

extension RecordForm {
    static func make(kind: RecordKind, nip: String, ruleset: Ruleset, year: Int, editing: StoredRecordValue? = nil)
        -> RecordForm
    {
        var form: RecordForm
        switch kind {
        case .diklat:
            form = RecordForm(kind: .diklat, nip: nip, fields: [
                FormField("jenis", kind: .picker(Pickers.jenisDiklat(ruleset)), keep: true),
                FormField("tingkat", label: "tingkat_diklat", kind: .picker(Pickers.leadership), keep: true),
                FormField("nama"),
                FormField("penyelenggara", keep: true),
                FormField("tanggal_mulai", kind: .date, maxLength: 10),
                FormField("tanggal_selesai", kind: .date, maxLength: 10),
                FormField("jp", kind: .number, maxLength: 10),
                FormField("nomor_sertifikat"),
                FormField("sesuai_jabatan", kind: .picker(Pickers.yesNo), text: "Ya", keep: true),
            ])
        case .pendidikan:
            form = RecordForm(kind: .pendidikan, nip: nip, fields: [
                FormField("tingkat", label: "tingkat_pendidikan", kind: .picker(Pickers.education)),
                FormField("tanggal_lulus", kind: .date, maxLength: 10),
                FormField("nama_sekolah"),
                FormField("jurusan"),
            ])
        case .skp:
            form = RecordForm(kind: .skp, nip: nip, fields: [
                FormField("tahun", kind: .number, text: String(year), maxLength: 4),
                FormField("predikat", kind: .picker(Pickers.predikat)),
                FormField("nilai", kind: .number, maxLength: 6),
            ])
        case .disiplin:
            form = RecordForm(kind: .disiplin, nip: nip, fields: [
                FormField("tingkat", label: "tingkat_hukuman", kind: .picker(Pickers.hukuman)),
                FormField("tmt", kind: .date, maxLength: 10),
                FormField("jenis", label: "jenis_hukuman", kind: .picker(Pickers.jenisHukuman)),
            ])
        }
        if let editing {
            form.editing = editing.id
            form.restore(editing.texts)
            form.focus = 0
            // A one-day event's end date follows its start when the start is changed.
            if kind == .diklat, let end = form.fields.firstIndex(where: { $0.key == "tanggal_selesai" }),
                form.fields[end].text == editing.texts["tanggal_mulai"]
            {
                form.fields[end].suggested = true
            }
            form.markSaved()
        }
        return form
    }
}

/// A stored record with its id, as form texts.
struct StoredRecordValue: Hashable, Sendable {
    var id: RecordID
    var record: Record

    var texts: [String: String] {
        switch record {
        case .diklat(let r):
            return [
                "jenis": r.jenis.nama, "tingkat": r.tingkat?.displayName ?? "", "nama": r.nama,
                "penyelenggara": r.penyelenggara, "tanggal_mulai": r.tanggalMulai.dayFirst,
                "tanggal_selesai": r.tanggalSelesai.dayFirst, "jp": String(r.jp),
                "nomor_sertifikat": r.nomorSertifikat, "sesuai_jabatan": r.sesuaiJabatan ? "Ya" : "Tidak",
            ]
        case .pendidikan(let r):
            return [
                "tingkat": r.tingkat.displayName, "tanggal_lulus": r.tanggalLulus?.dayFirst ?? "",
                "nama_sekolah": r.namaSekolah, "jurusan": r.jurusan,
            ]
        case .skp(let r):
            return [
                "tahun": String(r.tahun), "predikat": r.predikat?.displayName ?? "",
                "nilai": r.nilai.map { NumberText.points($0, .id) } ?? "",
            ]
        case .disiplin(let r):
            return ["tingkat": r.tingkat.displayName, "tmt": r.tmt.dayFirst, "jenis": r.jenis]
        }
    }
}

/// The choices of the type-ahead pickers.
enum Pickers {
    /// Other words admins use for a jenis diklat, by SIASN id: the leadership courses old
    /// (PIM, Diklatpim) and new (PKA, PKP, PKN) are Struktural.
    static let aliases: [Int: String] = [1: "pim diklatpim pka pkp pkn", 8: "bimtek", 17: "pjj"]

    static func jenisDiklat(_ ruleset: Ruleset) -> [PickerOption] {
        JenisDiklat.all.map { jenis in
            let group = ruleset.kompetensi.group(of: jenis).map { " · \($0.rawValue)" } ?? ""
            let aliases = aliases[jenis.id].map { " " + $0 } ?? ""
            return PickerOption(value: jenis.nama, label: "\(jenis.id) \(jenis.nama)", keywords: "\(jenis.id)\(aliases)", detail: group)
        }
    }

    static let leadership: [PickerOption] = LeadershipLevel.allCases.map {
        PickerOption(value: $0.displayName, label: $0.displayName, keywords: "diklatpim")
    }

    static let education: [PickerOption] = EducationLevel.allCases.sorted { $0.siasnCode < $1.siasnCode }.map {
        PickerOption(value: $0.displayName, label: "\($0.displayName) (\($0.siasnCode))", keywords: "\($0.rawValue) \($0.siasnCode)")
    }

    static let predikat: [PickerOption] = Predikat.allCases.map {
        PickerOption(value: $0.displayName, label: $0.displayName)
    }

    /// The level as every picker shows it: its canonical name (`Ringan`), whatever was typed.
    static let hukuman: [PickerOption] = TingkatHukuman.allCases.map {
        PickerOption(value: $0.displayName, label: $0.displayName, keywords: $0.rawValue)
    }

    static let yesNo: [PickerOption] = [PickerOption(value: "Ya", label: "Ya", keywords: "yes y"), PickerOption(value: "Tidak", label: "Tidak", keywords: "no n")]

    static let jenisJabatan: [PickerOption] = JenisJabatan.allCases.map {
        PickerOption(value: $0.rawValue, label: $0.rawValue.capitalized)
    }

    /// Existing units by code (a parent unit is chosen, never made up).
    static func units(_ units: [OrgUnit]) -> [PickerOption] {
        units.map { PickerOption(value: $0.kode, label: "\($0.kode) \($0.nama)") }
    }

    static let status: [PickerOption] = StatusPegawai.allCases.map {
        PickerOption(value: $0.rawValue, label: $0.rawValue.uppercased())
    }
}
