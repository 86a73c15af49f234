import IPASNCore
import IPASNReports
import IPASNTerminal

/// One row of the reconciliation's unit list opened: the unit's employees whose figures
/// differ from BKN's, ranked, each with BKN's total beside ipasn's and every difference with
/// its cause on the lines below; or the employees only one side knows. Enter opens the
/// selected employee's page (when ipasn knows the employee); `x` writes the .xlsx report.
final class ReconcileListView: View {
    let report: Reconciliation
    let row: ReconcileUnitsView.Row
    private(set) var items: [Item]
    private var cursor: ScrollList
    private var top = 0
    private let title: String
    /// Employees of the unit who agree with BKN (not listed).
    private let agreeing: Int

    enum Item: Hashable {
        case entry(Reconciliation.Entry)
        case unknown(BKNResultRow)
        case inactive(Reconciliation.Inactive)
        case notInFile(Pegawai)

        var nip: String {
            switch self {
            case .entry(let e): return e.pegawai.nip
            case .unknown(let r): return r.nip
            case .inactive(let i): return i.bkn.nip
            case .notInFile(let p): return p.nip
            }
        }
    }

    init(report: Reconciliation, row: ReconcileUnitsView.Row, app: App) {
        self.report = report
        self.row = row
        switch row {
        case .unit(let unit):
            let all = report.entries(ofUnit: unit.unit.kode)
            items = all.filter { !$0.differences.isEmpty }.map { .entry($0) }
            agreeing = all.count - items.count
            title = app.t(L.reconcileTitle) + " — " + unit.name
        case .unknown:
            items = report.unknown.map { .unknown($0) }
            agreeing = 0
            title = app.t(L.reconcileUnknownRow(report.unknown.count))
        case .inactive:
            items = report.inactive.map { .inactive($0) }
            agreeing = 0
            title = app.t(L.reconcileInactiveRow(report.inactive.count))
        case .notInFile:
            items = report.notInFile.map { .notInFile($0) }
            agreeing = 0
            title = app.t(L.reconcileNotInFileRow(report.notInFile.count))
        }
        cursor = ScrollList(count: items.count, height: 1)
    }

    var context: KeyContext { .reconcile }
    var keyBar: [Command] { [.help, .open, .exportReport, .back, .quit] }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard !items.isEmpty else { return true }
            if case .unknown = items[cursor.selection] { return true }
            let nip = items[cursor.selection].nip
            app.attempt {
                if let page = try EmployeeView(app: app, nip: nip) { app.push(page) }
            }
        case .exportReport:
            ReconcileExport.write(report, app: app)
        default:
            return false
        }
        return true
    }

    /// The lines of one item at `width`: its heading, then (an employee that differs) each
    /// difference with its cause, wrapped and indented.
    func lines(_ item: Item, width: Int, app: App) -> [String] {
        let language = app.language
        func pts(_ value: Double) -> String { NumberText.points(value, language) }
        switch item {
        case .entry(let e):
            let lost = e.pointsLost > 0 ? pts(e.pointsLost) : nil
            // The heading wraps rather than cutting the points off (long names and titles).
            let heading = NIP.formatted(e.pegawai.nip) + "  " + e.pegawai.nama + "  "
                + app.t(L.reconcileEmployee(pts(e.bkn.total), pts(e.ipasn.total), lost))
            var lines =
                DisplayWidth.width(of: heading) < width
                ? [" " + heading]
                : DisplayWidth.wrap(heading, toWidth: max(10, width - 4)).enumerated().map {
                    ($0.offset == 0 ? " " : "   ") + $0.element
                }
            for difference in e.differences {
                let wrapped = DisplayWidth.wrap(difference.text(language), toWidth: max(10, width - 6))
                for (index, line) in wrapped.enumerated() { lines.append((index == 0 ? "   - " : "     ") + line) }
            }
            return lines
        case .unknown(let r):
            let unit = r.satuanKerja.isEmpty ? "" : "  (\(r.satuanKerja))"
            return [" " + NIP.formatted(r.nip) + "  " + r.nama + unit + "  " + app.t(L.reconcileLine(r.line))]
        case .inactive(let i):
            return [" " + NIP.formatted(i.bkn.nip) + "  " + i.pegawai.nama + "  (\(i.pegawai.kodeUnit))  " + app.t(L.reconcileLine(i.bkn.line))]
        case .notInFile(let p):
            return [" " + NIP.formatted(p.nip) + "  " + p.nama + "  (\(p.kodeUnit))"]
        }
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        Draw.title(&grid, title, right: "\(app.t(L.labelYear)) \(report.year) ")
        if agreeing > 0 {
            grid.put(app.t(L.reconcileUnitAgree(agreeing)), row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        }
        let visible = max(1, height - 2)
        cursor.update(height: max(1, visible / 3))
        if items.isEmpty {
            grid.put(app.t(L.reconcileNothing), row: 3, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        // Lines of every item, each tagged with its item; the selected item kept in view.
        var all: [(item: Int, text: String)] = []
        var first: [Int] = []
        for (index, item) in items.enumerated() {
            first.append(all.count)
            all += lines(item, width: grid.width, app: app).map { (index, $0) }
        }
        let selection = cursor.selection
        let start = first[selection]
        let end = selection + 1 < first.count ? first[selection + 1] : all.count
        if start < top { top = start }
        if end > top + visible { top = max(start, end - visible) == start ? start : end - visible }
        if top > start { top = start }
        for offset in 0..<visible {
            let index = top + offset
            guard index < all.count else { break }
            let row = 2 + offset
            let selected = all[index].item == selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(all[index].text, row: row, col: 0, style: selected ? .selected : .normal, maxWidth: grid.width)
        }
    }
}
