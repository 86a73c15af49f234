import IPASNCore
import IPASNStore
import IPASNTerminal

/// The employees of a unit (sub-units included): NIP, name, jabatan, the four dimension
/// scores, total, category and `!` for missing data. `s` sorts by score or name.
final class EmployeeListView: View {
    let unit: OrgUnit
    private(set) var rows: [ScoredPegawai] = []
    private(set) var byScore = false
    private var cursor = ScrollList(count: 0, height: 1)

    init(app: App, unit: OrgUnit) {
        self.unit = unit
        reload(app: app)
    }

    var context: KeyContext { .employees }
    var keyBar: [Command] { [.help, .open, .search, .sort, .markProgress, .addPegawai, .dashboard, .back] }

    func reload(app: App) {
        let keep = rows.isEmpty ? nil : rows[cursor.selection].pegawai.nip
        app.attempt { rows = try app.store.scores(year: app.year, unit: unit.kode) }
        sort()
        cursor.update(count: rows.count)
        if let keep, let index = rows.firstIndex(where: { $0.pegawai.nip == keep }) { cursor.select(index) }
    }

    private func sort() {
        if byScore {
            rows.sort { ($0.score.total, $1.pegawai.nama) > ($1.score.total, $0.pegawai.nama) }
        } else {
            rows.sort { $0.pegawai.nama.lowercased() < $1.pegawai.nama.lowercased() }
        }
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.employeesTitle(unit.nama)), right: app.t(byScore ? L.sortedByScore : L.sortedByName) + " ")
        let showJabatan = grid.width >= 100
        let numbers = 5 * 4 + 6 + 14
        let jabatanWidth = showJabatan ? 24 : 0
        let nameWidth = max(10, grid.width - 1 - 19 - numbers - jabatanWidth - (showJabatan ? 1 : 0))
        var header = " " + DisplayWidth.fit(app.t(L.colNIP), toWidth: 18) + " " + DisplayWidth.fit(app.t(L.colName), toWidth: nameWidth)
        if showJabatan { header += " " + DisplayWidth.fit(app.t(L.colJabatan), toWidth: jabatanWidth) }
        for dimension in ScoreDimension.allCases { header += DisplayWidth.fit(app.t(L.dimShort[dimension]!), toWidth: 5, alignment: .right) }
        header += DisplayWidth.fit(app.t(L.colTotal), toWidth: 6, alignment: .right) + " " + app.t(L.colCategory)
        grid.put(header, row: 1, col: 0, style: .header, maxWidth: grid.width)
        if rows.isEmpty {
            grid.put(app.t(L.noEmployees), row: 3, col: 2, style: .dim)
            return
        }
        for (offset, index) in cursor.visible(height: height - 3).enumerated() {
            let item = rows[index]
            let p = item.pegawai
            let s = item.score
            let category = app.engine.category(for: s.total)
            var text = (s.complete ? " " : "!") + DisplayWidth.fit(p.nip, toWidth: 18) + " " + DisplayWidth.fit(p.nama, toWidth: nameWidth)
            if showJabatan {
                text += " " + DisplayWidth.fit(p.jenjangStruktural?.displayName ?? (p.jenjang.isEmpty ? p.jenisJabatan.rawValue : p.jenjang), toWidth: jabatanWidth)
            }
            for dimension in ScoreDimension.allCases { text += DisplayWidth.fit(language.points(s[dimension]), toWidth: 5, alignment: .right) }
            text += DisplayWidth.fit(language.points(s.total), toWidth: 6, alignment: .right) + " " + category.name
            let row = 2 + offset
            let selected = index == cursor.selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 0, style: selected ? .selected : .normal, maxWidth: grid.width)
            if !s.complete, !selected { grid.setStyle(row: row, col: 0, width: 1, style: .warning) }
        }
        grid.put(app.t(L.missingLegend), row: height - 1, col: 1, style: .dim, maxWidth: grid.width - 2)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard !rows.isEmpty else { return true }
            let nip = rows[cursor.selection].pegawai.nip
            app.attempt {
                if let page = try EmployeeView(app: app, nip: nip) { app.push(page) }
            }
        case .sort:
            byScore.toggle()
            let keep = rows.isEmpty ? nil : rows[cursor.selection].pegawai.nip
            sort()
            if let keep, let index = rows.firstIndex(where: { $0.pegawai.nip == keep }) { cursor.select(index) }
        case .markProgress:
            let marks = (try? app.store.progressMarks()).map(UnitListView.doneMarks) ?? [:]
            app.modal = ProgressDialog(unit: unit, done: marks[unit.kode] ?? [], onClose: {})
        case .addPegawai:
            app.push(SetupView(app: app, unit: unit))
        default:
            return false
        }
        return true
    }
}
