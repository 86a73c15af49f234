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
        guard full else {
            switch p.jenisJabatan {
            case .fungsional: return "Fung"
            case .pelaksana: return "Pel"
            case .struktural: return "Str"
            }
        }
        if let level = p.jenjangStruktural { return level.displayName }
        return p.jenjang.isEmpty ? p.jenisJabatan.rawValue.capitalized : p.jenjang
    }

    /// `Sangat Rendah` as `S.Rendah` when the column is narrow.
    static func category(_ name: String, width: Int) -> String {
        guard DisplayWidth.width(of: name) > width, let space = name.firstIndex(of: " "), let first = name.first else { return name }
        return "\(first)." + name[name.index(after: space)...]
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.employeesTitle(unit.nama)), right: app.t(byScore ? L.sortedByScore : L.sortedByName) + " ")
        let layout = Layout(width: grid.width)
        var header = " " + DisplayWidth.fit(app.t(L.colNIP), toWidth: 18) + " " + DisplayWidth.fit(app.t(L.colName), toWidth: layout.name)
        header += " " + DisplayWidth.fit(app.t(layout.fullJabatan ? L.colJabatan : L.colJabatanShort), toWidth: layout.jabatan)
        for dimension in ScoreDimension.allCases { header += DisplayWidth.fit(app.t(L.dimShort[dimension]!), toWidth: 5, alignment: .right) }
        header += DisplayWidth.fit(app.t(L.colTotal), toWidth: 6, alignment: .right) + " " + app.t(L.colCategory)
        grid.put(header, row: 1, col: 0, style: .header, maxWidth: grid.width)
        if rows.isEmpty {
            grid.put(app.t(L.noEmployees), row: 3, col: 2, style: .dim)
            return
        }
        let categoryCol = 1 + 18 + 1 + layout.name + 1 + layout.jabatan + 4 * 5 + 6 + 1
        for (offset, index) in cursor.visible(height: height - 3).enumerated() {
            let item = rows[index]
            let p = item.pegawai
            let s = item.score
            let category = app.engine.category(for: s.total)
            var text = (s.complete ? " " : "!") + DisplayWidth.fit(p.nip, toWidth: 18) + " " + DisplayWidth.fit(p.nama, toWidth: layout.name)
            text += " " + DisplayWidth.fit(Self.jabatan(p, full: layout.fullJabatan), toWidth: layout.jabatan)
            for dimension in ScoreDimension.allCases { text += DisplayWidth.fit(language.points(s[dimension]), toWidth: 5, alignment: .right) }
            text += DisplayWidth.fit(language.points(s.total), toWidth: 6, alignment: .right) + " "
            text += Self.category(category.displayName(language), width: layout.category)
            let row = 2 + offset
            let selected = index == cursor.selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 0, style: selected ? .selected : .normal, maxWidth: grid.width)
            if !selected {
                if !s.complete { grid.setStyle(row: row, col: 0, width: 1, style: .warning) }
                grid.setStyle(row: row, col: categoryCol, width: layout.category, style: Draw.categoryStyle(category))
            }
        }
        let legend = app.t(layout.fullJabatan ? L.missingLegend : L.missingAndJabatanLegend)
        grid.put(legend, row: height - 1, col: 1, style: .dim, maxWidth: grid.width - 2)
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
