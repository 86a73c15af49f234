import IPASNCore
import IPASNReports
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
    var keyBar: [Command] { [.help, .open, .search, .sort, .markProgress, .addPegawai, .dashboard, .back, .missingRecords] }

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
        Draw.title(&grid, app.t(L.employeesTitle(unit.nama)), right: app.t(byScore ? L.sortedByScore : L.sortedByName) + " ")
        let layout = Layout(width: grid.width)
        let table = Self.table(layout, width: grid.width, language: app.language)
        table.drawHeader(into: &grid, row: 1, col: 0)
        if rows.isEmpty {
            grid.put(app.t(L.noEmployees), row: 3, col: 2, style: .dim)
            return
        }
        for (offset, index) in cursor.visible(height: height - 3).enumerated() {
            let item = rows[index]
            let p = item.pegawai
            let s = item.score
            let category = app.engine.category(for: s.total)
            var cells: [Table.Cell] = [
                s.complete ? .init(" ") : .init("!", style: .warning), .init(p.nip), .init(p.nama),
                .init(Self.jabatan(p, full: layout.fullJabatan)),
            ]
            cells += ScoreDimension.allCases.map { .init(language.points(s[$0])) }
            cells.append(.init(language.points(s.total)))
            cells.append(.init(Self.category(category.name, width: layout.category), style: Draw.categoryStyle(category)))
            table.draw(cells, into: &grid, row: 2 + offset, col: 0, selected: index == cursor.selection)
        }
        let legend = app.t(layout.fullJabatan ? L.missingLegend : L.missingAndJabatanLegend)
        grid.put(legend, row: height - 1, col: 1, style: .dim, maxWidth: grid.width - 2)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard !rows.isEmpty else { return true }
            EmployeeView.open(nip: rows[cursor.selection].pegawai.nip, app: app)
        case .sort:
            byScore.toggle()
            let keep = rows.isEmpty ? nil : rows[cursor.selection].pegawai.nip
            sort()
            if let keep, let index = rows.firstIndex(where: { $0.pegawai.nip == keep }) { cursor.select(index) }
        case .markProgress:
            let marks = (try? app.store.progressMarks()).map(ProgressReport.doneMarks) ?? [:]
            app.modal = ProgressDialog(unit: unit, done: Set(marks[unit.kode].map { Array($0.keys) } ?? []), onClose: {})
        case .addPegawai:
            app.push(SetupView(app: app, unit: unit))
        case .missingRecords:
            app.push(MissingView(app: app, unit: unit))
        default:
            return false
        }
        return true
    }
}
