import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// What a unit's admin still has to enter (``MissingRecords`` from IPASNReports, the list
/// `ipasn report missing --unit` prints): every active employee of the unit and its
/// sub-units without an education, an SKP for the year or a course finished in the year.
/// Enter opens the employee's page.
final class MissingView: View {
    let unit: OrgUnit
    private(set) var report: MissingRecords?
    private var cursor = ScrollList(count: 0, height: 1)
    /// The unit as lists name it (`DISDIK › Sekretariat` when several units share its name).
    private var unitName: String

    init(app: App, unit: OrgUnit) {
        self.unit = unit
        self.unitName = app.displayName(of: unit)
        reload(app: app)
    }

    var context: KeyContext { .missing }
    var keyBar: [Command] { [.help, .open, .back, .quit] }

    var entries: [MissingRecords.Entry] { report?.entries ?? [] }

    func reload(app: App) {
        let keep = entries.isEmpty ? nil : entries[cursor.selection].pegawai.nip
        unitName = app.displayName(of: unit)
        app.attempt { report = try MissingRecords.compute(store: app.store, unit: unit.kode, year: app.year, ruleset: app.engine.ruleset) }
        cursor.update(count: entries.count)
        if let keep, let index = entries.firstIndex(where: { $0.pegawai.nip == keep }) { cursor.select(index) }
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        guard command == .open else { return false }
        guard !entries.isEmpty else { return true }
        let nip = entries[cursor.selection].pegawai.nip
        app.attempt {
            if let page = try EmployeeView(app: app, nip: nip) { app.push(page) }
        }
        return true
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        Draw.title(&grid, app.t(L.missingTitle(unitName)), right: "\(app.t(L.labelYear)) \(app.year) ")
        guard let report else { return }
        // Cut with "…" when the screen is narrow (never mid-word without a sign).
        let summary = DisplayWidth.truncate(app.t(L.missingSummary(report)), toWidth: grid.width - 2)
        let kompetensi = DisplayWidth.truncate(app.t(L.missingKompetensi(report.count(.kompetensi))), toWidth: grid.width - 2)
        grid.put(summary, row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        grid.put(kompetensi, row: 2, col: 1, style: .dim, maxWidth: grid.width - 2)
        // NIP (grouped, 21 wide), name, unit code (8), then what is missing ("pendidikan, SKP, kompetensi" is 27 wide).
        let unitWidth = 8
        let missingWidth = 27
        let nameWidth = max(8, grid.width - (1 + 21 + 1) - (1 + unitWidth + 1) - missingWidth)
        let header = " " + DisplayWidth.fit(app.t(L.colNIP), toWidth: 21) + " " + DisplayWidth.fit(app.t(L.colName), toWidth: nameWidth) + " "
            + DisplayWidth.fit(app.t(L.colUnitCode), toWidth: unitWidth) + " " + app.t(L.colMissing)
        grid.put(header, row: 3, col: 0, style: .header, maxWidth: grid.width)
        if report.entries.isEmpty {
            grid.put(app.t(L.missingNone), row: 5, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        for (offset, index) in cursor.visible(height: height - 4).enumerated() {
            let entry = report.entries[index]
            let missing = entry.missing.map { $0.displayName(app.language) }.joined(separator: ", ")
            let text = " " + DisplayWidth.fit(NIP.formatted(entry.pegawai.nip), toWidth: 21) + " " + DisplayWidth.fit(entry.pegawai.nama, toWidth: nameWidth)
                + " " + DisplayWidth.fit(entry.pegawai.kodeUnit, toWidth: unitWidth) + " " + missing
            let row = 4 + offset
            let selected = index == cursor.selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 0, style: selected ? .selected : .normal, maxWidth: grid.width)
        }
    }
}
