import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// One employee: identity, then the four dimensions with their records, points and reasons,
/// then the total and category. Records are selectable: Enter edits, `d` deletes.
final class EmployeeView: View {
    let nip: String
    private(set) var records: StoredEmployeeRecords
    private(set) var explanation: ScoreExplanation
    private var unitName: String = ""
    /// The unit's name as the page shows it.
    var unitNameShown: String { unitName }
    private var lines: [PageLine] = []
    /// What the SIASN marks shown mean (``SIASNMark/legend(_:_:)``): after the page's last
    /// line when it fits, else on the page's last row, so a long page never hides it.
    private var legend: String?
    /// Each record's verification (records absent: belum, no document).
    private(set) var verifications: [RecordID: RecordVerification] = [:]
    /// The records SIASN refused (``SIASNRefusalStore``), with the reason; absent: none.
    private(set) var siasnRefusals: [RecordID: SIASNRefusal] = [:]
    /// Each record's SIASN state (``SIASNMark``): one character in the page's last column, in
    /// words on the message row when the record is selected.
    private(set) var siasnMarks: [RecordID: SIASNMark] = [:]
    /// Over the selectable records; PgUp/PgDn move ten records.
    private var cursor = ScrollList(count: 0, height: 10)
    private var scroll = 0
    /// Whether the admin went past the last record: the page then shows its end (the total).
    private var showEnd = false
    /// The language of the last load (for ``status``).
    private var language = Language.id

    struct PageLine {
        var text: String
        var style: Style
        var record: StoredRecordValue?
        /// A record's fields, drawn in `columns` (shared by the records of a kind, so they align).
        var cells: [String] = []
        var columns: [Table.Column] = []
        /// For a line under a kompetensi group's heading: the heading's line (kept in sight
        /// at the top while the group's records scroll under it).
        var heading: Int?
    }

    /// Nil when the NIP is unknown.
    init?(app: App, nip: String) throws {
        // The page's reads in one call (one round trip to a PostgreSQL server).
        guard let page = try app.store.employeePage(nip: nip) else { return nil }
        self.nip = nip
        self.records = page.records
        self.verifications = page.verifications
        self.explanation = app.engine.explain(records.plain(excludingAll: Self.uncounted(verifications, app: app)), year: app.year)
        load(app: app, page: page)
    }

    /// Opens the page of the employee with `nip` over the current view (nothing when unknown).
    static func open(nip: String, app: App) {
        app.attempt {
            if let page = try EmployeeView(app: app, nip: nip) { app.push(page) }
        }
    }

    var context: KeyContext { .employee }
    var entryUnit: String? { records.pegawai.kodeUnit }
    var keyBar: [Command] {
        [.help, .addDiklat, .addPendidikan, .addSKP, .addDisiplin, .deleteRecord, .undo, .open, .editPegawai, .toggleAktif, .back, .search, .history]
    }

    var selectable: [Int] { lines.indices.filter { lines[$0].record != nil } }

    /// Puts the cursor on the record `id` (the rejected record opened from the verification
    /// list); nothing when the page does not show it.
    func select(record id: RecordID) {
        guard let index = selectable.firstIndex(where: { lines[$0].record?.id == id }) else { return }
        cursor.select(index)
    }

    /// On a rejected record: its whole reason and what to do (the line under it may be cut).
    var status: (text: String, style: Style)? {
        if let record = selectedRecord, let refusal = siasnRefusals[record.id] {
            return (language.t(L.siasnRefusedStatus(refusal.reason, batch: refusal.batch, corrected: refusal.corrected)), .warning)
        }
        guard let record = selectedRecord else { return nil }
        guard let v = verifications[record.id], v.status == .tidak else {
            return siasnMarks[record.id].map { (language.t(L.siasnMarkStatus($0.text)), .dim) }
        }
        return (language.t(L.rejectedRecordStatus(v.reason)), .warning)
    }

    var selectedRecord: StoredRecordValue? {
        let rows = selectable
        guard !rows.isEmpty else { return nil }
        return lines[rows[min(cursor.selection, rows.count - 1)]].record
    }

    func reload(app: App) {
        reload(app: app, unitToo: true)
    }

    private func reload(app: App, unitToo: Bool) {
        var gone = false
        var page: EmployeePage?
        app.attempt {
            // The page's reads in one call (one round trip to a PostgreSQL server).
            page = try app.store.employeePage(nip: nip)
            if let page {
                records = page.records
                verifications = page.verifications
            } else {
                gone = true
            }
        }
        if gone {
            // Undone or removed elsewhere: a page of nobody would only lead to refused saves.
            app.close(self, note: app.t(L.employeeGone(nip: NIP.formatted(nip), name: records.pegawai.nama)))
            return
        }
        explanation = app.engine.explain(records.plain(excludingAll: Self.uncounted(verifications, app: app)), year: app.year)
        load(app: app, unitToo: unitToo || unitName.isEmpty, page: page)
    }

    /// The records the ruleset does not count (rejected ones, unless it counts them): the
    /// page explains the score the store keeps.
    static func uncounted(_ verifications: [RecordID: RecordVerification], app: App) -> Set<RecordID> {
        guard !app.engine.ruleset.verification.rejectedRecordsCount else { return [] }
        return Set(verifications.filter { $0.value.status == .tidak }.keys)
    }

    /// A record's verification on its row: `·` belum, `✓` memenuhi, `✗` tidak (its reason on
    /// a line of its own below the record); `D` when the document is in hand.
    func verificationMark(_ id: RecordID, _ language: Language) -> String {
        let v = verifications[id] ?? .unverified
        return v.status.mark + (v.documentInHand ? " D" : "")
    }

    /// Builds the lines; `page`: the SIASN marks and changes read with the records (else read here).
    private func load(app: App, unitToo: Bool = true, page: EmployeePage? = nil) {
        let language = app.language
        self.language = language
        let all = RecordKind.allCases.flatMap { Self.stored(records, $0).map(\.id) }
        let sent = page?.sent ?? (try? app.store.sentInfo(all)) ?? [:]
        // SIASN's refusals: only a record a SIASN batch sent and that is not current there can
        // be one (a refusal takes the batch's mark back, ``SIASNRefusalStore``), so a page of
        // sent or never-sent records (a record just added) asks nothing more.
        let takenBack = all.filter { sent[$0].map { !$0.current } ?? false }
        siasnRefusals = takenBack.isEmpty ? [:] : (try? app.store.siasnRefusals(takenBack)) ?? [:]
        if unitToo {
            // A name several units share gets its parent: "Unit: DISDIK › Sekretariat".
            let kode = records.pegawai.kodeUnit
            unitName = UnitTree((try? app.store.units()) ?? []).displayNames()[kode] ?? kode
        }
        var lines: [PageLine] = []
        siasnMarks = [:]
        let kinds: [ScoreDimension: RecordKind] = [.kualifikasi: .pendidikan, .kompetensi: .diklat, .kinerja: .skp, .disiplin: .disiplin]
        for dimension in explanation.dimensions {
            let header = "\(dimension.dimension.displayName(language))  \(language.points(dimension.points)) / \(language.points(dimension.max))"
            lines.append(PageLine(text: header, style: .header))
            let kind = kinds[dimension.dimension]!
            // Kompetensi: each group's points head its own records (below), not a list up here.
            if kind != .diklat {
                for reason in dimension.reasons {
                    lines.append(PageLine(text: "  " + reason.text(language), style: .dim))
                }
            }
            let stored = Self.stored(records, kind)
            // Rejected records the ruleset leaves out: the explanation above reads as if they
            // were missing, so the page says why and what to do.
            let rejectedHere = stored.filter { verifications[$0.id]?.status == .tidak }.count
            if rejectedHere > 0 && !app.engine.ruleset.verification.rejectedRecordsCount {
                lines.append(PageLine(text: "  " + language.t(L.rejectedNotCounted(rejectedHere)), style: .warning))
            }
            if stored.isEmpty {
                lines.append(PageLine(text: "    " + language.t(L.noRecords), style: .dim))
            }
            let plain = stored.map { Self.cells($0.record, language) }
            // Then the verification mark (`·`, `✓`, `✗` with the reason, `D` document in hand), and
            // last whether SIASN has the record in one character and the batch (``SIASNMark``: the
            // last column is dropped on screens narrower than ``sentMarkWidth``).
            let verified = stored.map { verificationMark($0.id, language) }
            let sentMarks = stored.map { value in
                let mark = SIASNMark.of(sent[value.id], refusal: siasnRefusals[value.id], record: value.record, app: app)
                siasnMarks[value.id] = mark
                return mark.short
            }
            let cells = plain.indices.map { plain[$0] + [verified[$0], sentMarks[$0]] }
            let columns = Self.columns(plain, kind: kind)
                + [Table.Column(width: .fixed(verified.map { DisplayWidth.width(of: $0) }.max() ?? 1), gap: 2)]
                + [Table.Column(width: .fixed(sentMarks.map { DisplayWidth.width(of: $0) }.max() ?? 0), gap: 2)]
            let cellsOf = Dictionary(zip(stored.map(\.id), cells), uniquingKeysWith: { a, _ in a })
            func recordLines(_ values: [StoredRecordValue], heading: Int? = nil) {
                for value in values {
                    lines.append(
                        PageLine(
                            text: "    " + Self.describe(value.record, language), style: .normal, record: value,
                            cells: cellsOf[value.id] ?? [], columns: columns, heading: heading))
                    if let rejected = verifications[value.id], rejected.status == .tidak {
                        lines.append(
                            PageLine(
                                text: "         ✗ " + language.t(L.reasonLine(rejected.reason)), style: .error, heading: heading))
                    }
                    if let refusal = siasnRefusals[value.id] {
                        lines.append(
                            PageLine(
                                text: "         ✗ " + language.t(L.siasnRefusedLine(refusal.reason, corrected: refusal.corrected)),
                                style: refusal.corrected ? .warning : .error, heading: heading))
                    }
                    // Why SIASN does not get this SKP (before 2022), or not as it is (a PP 46/2011 predikat).
                    if case .skp(let skp) = value.record, SKPSiasn.status(skp) == .notForSIASN,
                        let sending = sent[value.id], !sending.current
                    {
                        lines.append(
                            PageLine(text: "         " + language.t(L.skpHeldReason(sending.batch)), style: .warning, heading: heading))
                    } else if case .skp(let skp) = value.record, let reason = L.skpSiasnReason(skp) {
                        let style: Style = SKPSiasn.status(skp) == .notForSIASN ? .dim : .warning
                        lines.append(PageLine(text: "         " + language.t(reason), style: style, heading: heading))
                    }
                }
            }
            guard kind == .diklat else {
                recordLines(stored)
                continue
            }
            // Under a heading per scoring group, in the order the scoring reads them; the
            // columns stay shared, so the records of every group align.
            for section in Self.diklatSections(stored, reasons: dimension.reasons, rules: app.engine.ruleset.kompetensi) {
                let heading = lines.count
                lines.append(PageLine(text: "  " + Self.sectionHeading(section, language), style: .highlight))
                recordLines(section.records, heading: heading)
            }
        }
        let score = explanation.score
        var total = "\(language.t(L.totalLabel))  \(language.points(score.total))  \(explanation.category.displayName(language))"
        if !score.missing.isEmpty {
            total += "   \(language.t(L.incompleteLabel)): " + score.missing.map { $0.displayName(language) }.joined(separator: ", ")
        }
        lines.append(PageLine(text: total, style: .category(explanation.category.rank)))
        legend = SIASNMark.legend(Set(siasnMarks.values.map(\.state)), language)
        lines += mutasiLines(app: app, steps: page?.history)
        self.lines = lines
        cursor.update(count: selectable.count)
    }

    static func stored(_ records: StoredEmployeeRecords, _ kind: RecordKind) -> [StoredRecordValue] {
        switch kind {
        case .pendidikan:
            return records.pendidikan.map { StoredRecordValue(id: RecordID(kind: .pendidikan, id: $0.id), record: .pendidikan($0.value)) }
        case .diklat:
            return records.diklat.sorted { $0.value.tanggalSelesai > $1.value.tanggalSelesai }
                .map { StoredRecordValue(id: RecordID(kind: .diklat, id: $0.id), record: .diklat($0.value)) }
        case .skp:
            return records.skp.sorted { $0.value.tahun > $1.value.tahun }
                .map { StoredRecordValue(id: RecordID(kind: .skp, id: $0.id), record: .skp($0.value)) }
        case .disiplin:
            return records.disiplin.map { StoredRecordValue(id: RecordID(kind: .disiplin, id: $0.id), record: .disiplin($0.value)) }
        }
    }

    /// The narrowest screen that shows the SIASN marks (below it the records keep the room;
    /// the message row still says the selected record's).
    static let sentMarkWidth = 60

    /// A record's SIASN mark: `✓ #3 10-01-2025` (sent in batch 3 that day), `diubah sejak #3`,
    /// `belum dikirim`; for an SKP SIASN does not take (``SKPSiasn``) `tidak ke SIASN` (before
    /// 2022, never sent) or `perlu predikat` (a PP 46/2011 predikat, not sent as it is).
    static func sentMark(_ sending: RecordSending?, record: Record? = nil, app: App) -> String {
        if case .skp(let skp)? = record {
            switch SKPSiasn.status(skp) {
            case .notForSIASN where sending == nil: return app.t(L.skpNotForSIASNMark)
            // Sent, then moved before 2022: SIASN keeps the version it got; nothing will send the change.
            case .notForSIASN where sending?.current == false: return app.t(L.skpHeldMark(sending!.batch))
            case .needsPredikat where sending?.current != true: return app.t(L.skpNeedsPredikatMark)
            default: break
            }
        }
        guard let sending else { return app.t(L.unsentMark) }
        guard sending.current else { return app.t(L.changedMark(sending.batch)) }
        return app.t(L.sentMark(sending.batch, PendingReport.day(sending.at, app.context.timeZone).dayFirst))
    }

    /// One record in one line.
    static func describe(_ record: Record, _ language: Language) -> String { RecordLine.describe(record, language) }

    /// One record's fields for its row in the page: date or year first, the name last but one.
    static func cells(_ record: Record, _ language: Language) -> [String] {
        switch record {
        case .pendidikan(let r):
            return [r.tingkat.displayName, r.tanggalLulus?.dayFirst ?? "", "\(r.namaSekolah) \(r.jurusan)".trimmingCharacters(in: .whitespaces)]
        case .diklat(let r):
            return [r.tanggalSelesai.dayFirst, r.jenis.nama + (r.tingkat.map { " " + $0.displayName } ?? ""), r.nama, "\(r.jp) JP"]
        case .skp(let r):
            return ["\(r.tahun)", r.predikat?.displayName ?? "-", r.nilai.map { NumberText.decimal($0, language) } ?? ""]
        case .disiplin(let r):
            return [r.tmt.dayFirst, r.tingkat.displayName, r.jenis]
        }
    }

    /// Columns as wide as the widest value of a kind, two cells apart (an empty column takes
    /// no room); the name gives way when the screen is narrow, JP and nilai align right.
    static func columns(_ rows: [[String]], kind: RecordKind) -> [Table.Column] {
        let count = rows.first?.count ?? 0
        let names: Int = kind == .diklat ? 2 : count - 1
        return (0..<count).map { i in
            let widest = rows.map { DisplayWidth.width(of: $0[i]) }.max() ?? 0
            let right = (kind == .diklat && i == 3) || (kind == .skp && i == 2)
            return Table.Column(
                width: i == names ? .flexible(preferred: widest, minimum: 8) : .fixed(widest), alignment: right ? .right : .left,
                gap: widest == 0 ? 0 : 2)
        }
    }

    /// The name a course keeps before its jenis gives way (the jenis then shows its start, down
    /// to ``narrowJenisWidth``): a person reads the name, not all of `Bimbingan di Tempat Kerja`.
    static let courseNameWidth = 30
    static let narrowJenisWidth = 6

    /// `columns` laid out for a screen `screen` cells wide (the table 6 fewer): below 80
    /// columns the gaps are one cell, and a course's jenis gives way until the name has
    /// ``courseNameWidth`` (at 60 columns the name was cut to 8 characters beside `Bimbingan di
    /// Tempat Kerja`; at 80 to 24 beside `Pelatihan Jarak Jauh`).
    static func fitted(_ columns: [Table.Column], screen: Int, course: Bool) -> [Table.Column] {
        let width = screen - 6
        var columns = columns
        if screen < 80 {
            for i in columns.indices { columns[i].gap = min(columns[i].gap, 1) }
        }
        // A course's row: date, jenis, name, JP, then the marks; the name is the flexible one.
        guard course, columns.count > 2, case .fixed(let jenis) = columns[1].width, case .flexible(let preferred, _) = columns[2].width
        else { return columns }
        let others = columns.indices.filter { $0 != 1 && $0 != 2 }.reduce(0) { sum, i in
            if case .fixed(let w) = columns[i].width { return sum + w }
            return sum
        }
        let gaps = columns.dropFirst().reduce(0) { $0 + max(0, $1.gap) }
        let room = width - others - gaps - min(preferred, courseNameWidth)
        columns[1].width = .fixed(min(jenis, max(narrowJenisWidth, room)))
        return columns
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        let p = records.pegawai
        Draw.title(&grid, app.t(L.employeeTitle) + " — " + p.nama, right: "\(app.t(L.labelYear)) \(app.year) ")
        let jabatan = [p.jenisJabatan.rawValue, p.jenjangStruktural?.displayName ?? p.jenjang].filter { !$0.isEmpty }.joined(separator: ", ")
        // The jabatan beside the name (a long unit name must not hide it), the unit below.
        let identity = "\(NIP.formatted(p.nip))  \(p.nama)   \(app.t(L.labelJabatan)): \(jabatan)"
        grid.put(DisplayWidth.truncate(identity, toWidth: grid.width - 2), row: 1, col: 1, style: .highlight)
        grid.put(DisplayWidth.truncate(unitLine(app: app), toWidth: grid.width - 2), row: 2, col: 1)
        if !p.aktif {
            // Inactive: said in red at the end of the unit line, where it cannot be missed.
            let mark = " \(app.t(L.labelNonaktif)): \(app.t(L.keluarStatus(p))) "
            let width = DisplayWidth.width(of: mark)
            grid.put(mark, row: 2, col: max(1, grid.width - width - 1), style: .error)
        }
        grid.hline(row: 3, col: 0, width: grid.width)
        // The legend after the last line when the page fits with it, else on the last row.
        let pinnedLegend = legend != nil && lines.count + 1 > rows - 4
        let height = rows - 4 - (pinnedLegend ? 1 : 0)
        if let legend {
            let row = pinnedLegend ? rows - 1 : 4 + lines.count
            grid.put(DisplayWidth.truncate(legend, toWidth: grid.width - 2), row: row, col: 1, style: .dim)
        }
        let selectedLine = selectable.isEmpty ? nil : selectable[min(cursor.selection, selectable.count - 1)]
        scroll = Self.scroll(scroll, selectedLine: selectedLine, selectable: selectable, showEnd: showEnd, lineCount: lines.count, height: height)
        let shown = Self.shownLines(
            scroll: scroll, selectedLine: selectedLine, headings: lines.map(\.heading), lineCount: lines.count, height: height)
        for (offset, index) in shown.enumerated() {
            let line = lines[index]
            let style: Style = index == selectedLine ? .selected : line.style
            let row = 4 + offset
            if !line.columns.isEmpty {
                // The SIASN mark (the last column) only where it leaves the record its words.
                let marked = grid.width >= Self.sentMarkWidth
                let columns = Self.fitted(
                    marked ? line.columns : Array(line.columns.dropLast()), screen: grid.width, course: line.record?.id.kind == .diklat)
                Table(columns, width: grid.width - 6).draw(
                    (marked ? line.cells : line.cells.dropLast()).map { .init($0) }, into: &grid, row: row, col: 5,
                    style: line.style, selected: style == .selected)
                continue
            }
            if style == .selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(DisplayWidth.truncate(line.text, toWidth: grid.width - 2), row: row, col: 1, style: style)
        }
    }

    /// The lines drawn from `scroll` on, `height` of them: when the first is a record below
    /// its kompetensi group's heading (`headings`), the heading takes the first row, so the
    /// admin always sees which group the records belong to (a selected first record moves
    /// down one row under it).
    static func shownLines(scroll: Int, selectedLine: Int?, headings: [Int?], lineCount: Int, height: Int) -> [Int] {
        let end = min(lineCount, scroll + height)
        guard scroll < end, height > 1, let heading = headings[scroll], heading < scroll else { return Array(scroll..<end) }
        // The selected record on the first row would hide under the heading: one line earlier.
        let top = selectedLine == scroll ? scroll - 1 : scroll
        guard heading < top else { return Array(top..<min(lineCount, top + height)) }
        return [heading] + Array((top + 1)..<min(lineCount, top + height))
    }

    /// The first line to draw: the selected record stays visible; on the first record the
    /// page shows as much as fits above it (the first headers); once Down, PgDn or End went to
    /// the last record (`showEnd`), as much as fits below it (the last dimension and the
    /// total). A page without records scrolls by itself (`scroll` moved by the keys).
    static func scroll(_ scroll: Int, selectedLine: Int?, selectable: [Int], showEnd: Bool, lineCount: Int, height: Int) -> Int {
        let bottom = max(0, lineCount - height)
        var scroll = scroll
        if let selectedLine {
            if selectedLine < scroll { scroll = selectedLine }
            if selectedLine >= scroll + height { scroll = selectedLine - height + 1 }
            if showEnd && selectedLine == selectable.last {
                scroll = max(scroll, min(selectedLine, bottom))
            } else if selectedLine == selectable.first {
                scroll = max(0, selectedLine - height + 1)
            }
        }
        return min(max(0, scroll), bottom)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if selectable.isEmpty, let key = command.listKey {
            // Nothing to select: the keys scroll the page (clamped when drawn).
            switch key {
            case .up: scroll -= 1
            case .down: scroll += 1
            case .pageUp: scroll -= 10
            case .pageDown: scroll += 10
            case .home: scroll = 0
            default: scroll = lines.count
            }
            scroll = min(max(0, scroll), lines.count)
            return true
        }
        if let key = command.listKey {
            _ = cursor.move(command)
            showEnd = [.down, .pageDown, .end].contains(key) && cursor.selection == selectable.count - 1
            return true
        }
        switch command {
        case .toggleDocument:
            guard let record = selectedRecord else { return true }
            VerificationView.toggleDocument(record.id, current: verifications[record.id] ?? .unverified, app: app)
            reload(app: app)
        case .addDiklat: openForm(.diklat, app: app)
        case .history:
            app.push(HistoryView(app: app, subject: .pegawai(nip), name: records.pegawai.nama))
        case .addPendidikan: openForm(.pendidikan, app: app)
        case .addSKP: openForm(.skp, app: app)
        case .addDisiplin: openForm(.disiplin, app: app)
        case .editPegawai, .toggleAktif:
            changePegawai(records.pegawai, command, app: app, onSaved: { [unowned self] in reload(app: app) })
        case .open:
            guard let record = selectedRecord else {
                app.warn(app.t(L.noRecordSelected))
                return true
            }
            // Enter opens the record, as the line says ("Enter untuk memperbaiki"); a record of
            // an event entered for many names the event's own key (`o`) on the message line.
            editRecord(record, app: app)
            if app.top is RecordFormView, let batch = try? app.store.batch(containing: record.id),
                let contents = try? app.store.batchMembers(batch)
            {
                let key = app.keymap.keyText(for: .openEvent, in: .employee)
                app.inform(app.t(L.recordOfEvent(contents.summary.info.label, contents.members.count, key: key)))
            }
        case .openEvent:
            guard let record = selectedRecord else {
                app.warn(app.t(L.noRecordSelected))
                return true
            }
            guard let batch = try? app.store.batch(containing: record.id) else {
                app.warn(app.t(L.recordOfNoEvent))
                return true
            }
            let unit = (try? app.store.units())?.first { $0.kode == records.pegawai.kodeUnit }
            BatchView.open(batch, app: app, unit: unit)
        case .deleteRecord:
            guard let record = selectedRecord else {
                app.warn(app.t(L.noRecordSelected))
                return true
            }
            let what = Self.describe(record.record, app.language)
            app.confirm(app.t(L.confirmDelete(what)), onYes: { [unowned self] in
                if app.attempt({ try app.store.delete(record.id) }) { app.inform(app.t(L.deleted(what))) }
                self.reload(app: app)
            })
        default:
            return false
        }
        return true
    }

    private func editRecord(_ record: StoredRecordValue, app: App) {
        app.attempt {
            app.push(try RecordFormView(app: app, page: self, kind: record.record.kind, editing: record))
        }
    }

    func openForm(_ kind: RecordKind, app: App) {
        app.attempt {
            app.push(try RecordFormView(app: app, page: self, kind: kind, editing: nil))
        }
    }
}
