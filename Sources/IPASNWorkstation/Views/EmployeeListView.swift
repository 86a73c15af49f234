import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// The employees of a unit (sub-units included): NIP, name, jabatan, the four dimension
/// scores, total, category and `!` for missing data. `s` sorts by score or name.
///
/// For a bulk entry (one course, many participants) employees are chosen here: Space
/// toggles, `v` marks the start and then the end of a run, `*` chooses every shown row, `f`
/// narrows the list by name, jabatan or jenis jabatan, and a pasted column of NIPs chooses
/// those employees (the rest are listed). `k` opens one course form for the chosen.
final class EmployeeListView: BulkSource {
    let unit: OrgUnit
    /// Every employee of the unit, sorted (compact rows: a province's list is the
    /// workstation's largest holding).
    private(set) var all: [EmployeeListRow] = []
    /// The rows shown: ``all`` narrowed by the filter.
    private(set) var rows: [EmployeeListRow] = []
    private(set) var byScore = false
    private var cursor = ScrollList(count: 0, height: 1)
    var selection = EmployeeSelection()
    var filter = EmployeeFilter()
    /// The filter's text field while the admin types in it (`f`).
    var filterEditor: LineEditor?
    /// What the last paste of NIPs could not choose, shown until the next key.
    var pasteReport: NIPPasteReport?
    /// The course last filled in for this list's bulk entry: `F` shows only those lacking it.
    var lastCourse: Diklat?
    /// While choosing participants to add to a reopened event (``BatchView``): Enter adds
    /// the chosen employees (or the one under the cursor) to it.
    weak var joining: BatchView?

    init(app: App, unit: OrgUnit) {
        self.unit = unit
        reload(app: app)
    }

    var context: KeyContext { .employees }
    var entryUnit: String? { unit.kode }
    var keyBar: [Command] {
        if filterEditor != nil { return [.open, .back, .help] }
        if joining != nil { return [.open, .toggleSelect, .selectRange, .selectAll, .filter, .back, .help] }
        if !selection.isEmpty { return [.addDiklat, .bulkPendidikan, .bulkSKP, .toggleSelect, .selectRange, .selectAll, .filter, .back, .help] }
        return [.help, .open, .search, .sort, .toggleSelect, .addDiklat, .filter, .markProgress, .addPegawai, .dashboard, .back, .missingRecords, .history, .verificationQueue]
    }

    /// The NIPs shown, in order.
    var shownNIPs: [String] { rows.map(\.nip) }

    /// The NIPs of the chosen employees, in list order (also those the filter hides now).
    var chosenNIPs: [String] { all.compactMap { selection.contains($0.nip) ? $0.nip : nil } }

    /// The chosen employees, in list order (also those the filter hides now), read from
    /// the store (the list keeps only what it shows).
    func chosen(app: App) -> [Pegawai] { employees(chosenNIPs, app: app) }

    /// These employees of the unit as stored, in the order given (one read of the unit's
    /// employees; those no longer in it are left out).
    func employees(_ nips: [String], app: App) -> [Pegawai] {
        guard !nips.isEmpty else { return [] }
        var byNIP: [String: Pegawai] = [:]
        let wanted = Set(nips)
        app.attempt {
            for p in try app.store.pegawai(inUnit: unit.kode, includeSubunits: true) where wanted.contains(p.nip) { byNIP[p.nip] = p }
        }
        return nips.compactMap { byNIP[$0] }
    }

    func reload(app: App) {
        let keep = selectedNIP
        // The old list goes before the new one is read: a province's 50,000 rows held twice
        // (the list and its reloaded copy) was the workstation's peak memory.
        rows = []
        all = []
        // Row by row into compact rows: the store's whole array of ``ScoredPegawai`` (and its
        // doubling as it grew) was most of the workstation's peak memory.
        var read: [EmployeeListRow] = []
        app.attempt { try app.store.eachScore(year: app.year, unit: unit.kode) { read.append(EmployeeListRow($0)) } }
        // Swapped, not copied: a second reference would make the sort copy the whole list.
        swap(&all, &read)
        // Only when someone is chosen (or a range started): a set of a province's NIPs is
        // 2-3 MB of the list's peak memory otherwise spent for nothing.
        if !selection.isEmpty || selection.anchor != nil { selection.keep(only: Set(all.map(\.nip))) }
        if let lacking = filter.lacking { filter.lacking = refreshed(lacking, app: app) }
        sort(keeping: keep)
    }

    /// The NIP of the row under the cursor.
    private var selectedNIP: String? { rows.isEmpty ? nil : rows[min(cursor.selection, rows.count - 1)].nip }

    /// Sorts ``all`` and narrows it to ``rows``, keeping the cursor on the same employee.
    func sort() { sort(keeping: selectedNIP) }

    private func sort(keeping keep: String?) {
        // The shown rows share the list's storage: let go first, or the sort copies it all.
        rows = []
        if byScore {
            all.sort { ($0.total, $1.nama) > ($1.total, $0.nama) }
        } else {
            all.sort { $0.nama.lowercased() < $1.nama.lowercased() }
        }
        rows = filter.isActive ? all.filter { filter.matches($0) } : all
        cursor.update(count: rows.count)
        if let keep {
            let key = NIPKey(keep)
            if let index = rows.firstIndex(where: { $0.has(key) }) { cursor.select(index) }
        }
    }

    var bulkUnit: OrgUnit? { unit }

    /// Chooses these employees (those in the list), as a restored bulk draft had them.
    func choose(_ nips: [String]) {
        let here = Set(all.map(\.nip))
        selection.insert(contentsOf: nips.filter(here.contains))
    }

    /// After a bulk entry is saved: nobody is chosen any more, the scores are reloaded.
    func bulkSaved(app: App) {
        selection.clear()
        reload(app: app)
    }

    /// Narrows the list to employees who do not have `course` yet (nil shows everyone again).
    func showLacking(_ course: Diklat?, app: App) {
        filter.lacking = course.map { refreshed(.init(name: $0.nama, having: [], course: $0), app: app) }
        sort()
    }

    private func refreshed(_ lacking: EmployeeFilter.LackingCourse, app: App) -> EmployeeFilter.LackingCourse {
        var result = lacking
        app.attempt { result.having = try app.store.holders(of: lacking.course) }
        return result
    }

    /// Column widths for a screen `width` columns wide. At 80 columns: the full NIP, the
    /// jabatan as `Fung`/`Pel`/`Str`, the category as `S.Rendah`; wider screens get the
    /// jenjang in words, the full category and more room for the name.
    struct Layout: Equatable {
        var name: Int
        var jabatan: Int
        var category: Int
        var fullJabatan: Bool { jabatan > 4 }

        init(width: Int) {
            category = width >= 100 ? 13 : 8
            // "!" + NIP + space, four dimensions, total, space + category, space + jabatan.
            let rest = width - (1 + 18 + 1) - 4 * 5 - 6 - (1 + category) - 1
            jabatan = rest >= 40 ? min(30, rest - 22) : 4
            name = max(8, rest - jabatan)
        }
    }

    /// `Fung`, `Pel`, `Str` (what fits at 80 columns), or the jenjang in words.
    static func jabatan(_ p: Pegawai, full: Bool) -> String {
        jabatan(jenis: p.jenisJabatan, jenjang: p.jenjang, struktural: p.jenjangStruktural, full: full)
    }

    static func jabatan(_ row: EmployeeListRow, full: Bool) -> String {
        jabatan(jenis: row.jenisJabatan, jenjang: row.jenjang, struktural: row.jenjangStruktural, full: full)
    }

    private static func jabatan(jenis: JenisJabatan, jenjang: String, struktural: JenjangStruktural?, full: Bool) -> String {
        guard full else {
            switch jenis {
            case .fungsional: return "Fung"
            case .pelaksana: return "Pel"
            case .struktural: return "Str"
            }
        }
        if let level = struktural { return level.displayName }
        return jenjang.isEmpty ? jenis.rawValue.capitalized : jenjang
    }

    /// `Sangat Rendah` as `S.Rendah` when the column is narrow.
    static func category(_ name: String, width: Int) -> String {
        guard DisplayWidth.width(of: name) > width, let space = name.firstIndex(of: " "), let first = name.first else { return name }
        return "\(first)." + name[name.index(after: space)...]
    }

    /// `!` for missing data, NIP, name, jabatan, the four dimensions, total, category.
    static func table(_ layout: Layout, width: Int, language: Language) -> Table {
        var columns: [Table.Column] = [
            .init(width: .fixed(1)),
            .init(language.t(L.colNIP), width: .fixed(18), gap: 0),
            .init(language.t(L.colName), width: .fixed(layout.name)),
            .init(language.t(layout.fullJabatan ? L.colJabatan : L.colJabatanShort), width: .fixed(layout.jabatan)),
        ]
        for dimension in ScoreDimension.allCases {
            columns.append(.init(language.t(L.dimShort[dimension]!), width: .fixed(5), alignment: .right, gap: 0))
        }
        columns.append(.init(language.t(L.colTotal), width: .fixed(6), alignment: .right, gap: 0))
        columns.append(.init(language.t(L.colCategory), width: .fixed(layout.category)))
        return Table(columns, width: width)
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        let language = app.language
        var right = app.t(byScore ? L.sortedByScore : L.sortedByName) + " "
        if !selection.isEmpty { right = app.t(L.chosenCount(selection.count)) + " · " + right }
        // "DISDIK › Sekretariat" where several units are named "Sekretariat", as the lists say.
        Draw.title(&grid, app.t(L.employeesTitle(app.displayName(of: unit))), right: right)
        let layout = Layout(width: grid.width)
        let table = Self.table(layout, width: grid.width, language: app.language)
        table.drawHeader(into: &grid, row: 1, col: 0)
        // The filter line sits above the legend while a filter is typed or applied.
        let filterShown = filterEditor != nil || filter.isActive
        let listHeight = height - 3 - (filterShown ? 1 : 0)
        if filterShown { drawFilter(&grid, row: height - 2, app: app) }
        if rows.isEmpty {
            grid.put(app.t(all.isEmpty ? L.noEmployees : L.filterNone), row: 3, col: 2, style: .dim)
            drawPasteReport(&grid, bottom: height - 1, app: app)
            return
        }
        for (offset, index) in cursor.visible(height: listHeight).enumerated() {
            let p = rows[index]
            let s = p
            let category = app.engine.category(for: s.total)
            let chosen = selection.contains(p.nip)
            var cells: [Table.Cell] = [
                chosen ? .init("*", style: .highlight) : s.complete ? .init(" ") : .init("!", style: .warning),
                .init(p.nip, style: chosen ? .highlight : nil),
                // Inactive but still counted this year (left after its end): marked.
                p.aktif ? .init(p.nama, style: chosen ? .highlight : nil) : .init(app.t(L.listInactiveMark) + p.nama, style: .warning),
                .init(Self.jabatan(p, full: layout.fullJabatan)),
            ]
            cells += ScoreDimension.allCases.map { .init(language.points(s[$0])) }
            cells.append(.init(language.points(s.total)))
            cells.append(.init(Self.category(category.displayName(language), width: layout.category), style: Draw.categoryStyle(category)))
            table.draw(cells, into: &grid, row: 2 + offset, col: 0, selected: index == cursor.selection)
        }
        let legend: String
        if let joining {
            legend = app.t(L.batchJoinLegend(joining.label, selection.count))
        } else if selection.isEmpty {
            legend = app.t(layout.fullJabatan ? L.missingLegend : L.missingAndJabatanLegend)
        } else {
            legend = app.t(L.selectionLegend(selection.count, hidden: chosenNIPs.count - rows.filter { selection.contains($0.nip) }.count))
        }
        grid.put(legend, row: height - 1, col: 1, style: selection.isEmpty ? .dim : .highlight, maxWidth: grid.width - 2)
        drawPasteReport(&grid, bottom: height - 1, app: app)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        let current = rows.isEmpty ? nil : rows[cursor.selection].nip
        switch command {
        case .toggleSelect:
            guard let current else { return true }
            selection.toggle(current)
            _ = cursor.move(.moveDown)
        case .selectRange:
            guard let current else { return true }
            if !selection.markRange(at: current, shown: shownNIPs) { app.inform(app.t(L.rangeStarted)) }
        case .selectAll:
            selection.toggleAll(shown: shownNIPs)
        case .filter:
            filterEditor = LineEditor(text: filter.text, maxLength: 60)
        case .filterLacking:
            guard let course = lastCourse else {
                app.warn(app.t(L.lackingNeedsCourse))
                return true
            }
            showLacking(filter.lacking == nil ? course : nil, app: app)
        case .back where filter.isActive || !selection.isEmpty:
            // Esc undoes the narrowing first, then the choice, then leaves.
            if filter.isActive {
                filter = EmployeeFilter()
                sort()
            } else {
                selection.clear()
            }
        case .addDiklat:
            let participants = selection.isEmpty ? employees(current.map { [$0] } ?? [], app: app) : chosen(app: app)
            BulkCourseView.open(app: app, source: self, participants: participants)
        case .open where joining != nil:
            let nips = selection.isEmpty ? current.map { [$0] } ?? [] : chosenNIPs
            if let joining, !nips.isEmpty { joining.add(nips, app: app) }
        case .batches:
            app.push(BatchListView(app: app, unit: unit))
        case .bulkPendidikan:
            // One pendidikan for everyone chosen (a group's diploma); needs a choice.
            guard !selection.isEmpty else {
                app.warn(app.t(L.bulkPendidikanNeedsChoice))
                return true
            }
            BulkCourseView.open(app: app, source: self, participants: chosen(app: app), kind: .pendidikan)
        case .bulkSKP:
            // The chosen employees, or the whole unit (the rows shown).
            SKPGridView.open(app: app, source: self, employees: selection.isEmpty ? employees(shownNIPs, app: app) : chosen(app: app))
        case .open:
            guard !rows.isEmpty else { return true }
            EmployeeView.open(nip: rows[cursor.selection].nip, app: app)
        case .sort:
            byScore.toggle()
            let keep = rows.isEmpty ? nil : rows[cursor.selection].nipKey
            sort()
            if let keep, let index = rows.firstIndex(where: { $0.has(keep) }) { cursor.select(index) }
        case .markProgress:
            let marks = (try? app.store.progressMarks()).map(ProgressReport.doneMarks) ?? [:]
            app.modal = ProgressDialog(unit: unit, name: app.displayName(of: unit), done: Set(marks[unit.kode].map { Array($0.keys) } ?? []), onClose: {})
        case .addPegawai:
            app.push(SetupView(app: app, unit: unit))
        case .missingRecords:
            app.push(MissingView(app: app, unit: unit))
        case .verificationQueue:
            // As on the unit list: an admin's rejected records, else this unit's queue.
            VerificationView.open(app: app, unit: unit)
        case .editPegawai, .toggleAktif:
            guard let current, all.contains(where: { [key = NIPKey(current)] in $0.has(key) }), let pegawai = try? app.store.pegawai(nip: current) else {
                app.warn(app.t(L.noEmployeeSelected))
                return true
            }
            changePegawai(pegawai, command, app: app, onSaved: { [unowned self] in reload(app: app) })
        case .history:
            guard !rows.isEmpty else { return true }
            let row = rows[cursor.selection]
            app.push(HistoryView(app: app, subject: .pegawai(row.nip), name: row.nama))
        default:
            return false
        }
        return true
    }
}
