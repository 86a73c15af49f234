import Foundation
import IPASNCore
import IPASNFiles
import IPASNReportFiles
import IPASNReports
import IPASNTerminal

/// The reconciliation's units, ranked by the points BKN does not count (``Reconciliation``):
/// employees compared, how many differ, BKN's and ipasn's means, the points and how far the
/// unit's mean at BKN would rise. Below them, the employees only one side knows. Enter opens
/// the row's employees (``ReconcileListView``); `x` writes the .xlsx report.
final class ReconcileUnitsView: View {
    let report: Reconciliation
    let file: BKNResultFile
    private var cursor: ScrollList

    /// A row of the list: a unit, or one of the lists of employees only one side knows.
    enum Row: Hashable {
        case unit(Reconciliation.UnitTotal)
        case unknown, inactive, notInFile
    }
    let rows: [Row]

    init(report: Reconciliation, file: BKNResultFile, app: App) {
        self.report = report
        self.file = file
        self.language = app.language
        var rows = report.units.map { Row.unit($0) }
        if !report.unknown.isEmpty { rows.append(.unknown) }
        if !report.inactive.isEmpty { rows.append(.inactive) }
        if !report.notInFile.isEmpty { rows.append(.notInFile) }
        self.rows = rows
        cursor = ScrollList(count: rows.count, height: 1)
    }

    /// A file for another measurement year: said on the message row, with what to do.
    var status: (text: String, style: Style)? {
        guard let stated = file.statedYear(otherThan: report.year) else { return nil }
        return (language.t(L.reconcileOtherYear(stated: stated, year: report.year)), .warning)
    }
    private let language: Language

    var context: KeyContext { .reconcile }
    var keyBar: [Command] { [.help, .open, .exportReport, .back, .quit] }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard !rows.isEmpty else { return true }
            app.push(ReconcileListView(report: report, row: rows[cursor.selection], app: app))
        case .exportReport:
            ReconcileExport.write(report, app: app)
        default:
            return false
        }
        return true
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        let language = app.language
        let name = (file.path as NSString).lastPathComponent
        Draw.title(&grid, app.t(L.reconcileTitle) + " — " + name, right: "\(app.t(L.labelYear)) \(report.year) ")
        let lost = NumberText.points(report.pointsLost, language)
        grid.put(
            app.t(L.reconcileSummary(report.entries.count, report.differing.count, lost)), row: 1, col: 1, style: .status,
            maxWidth: grid.width - 2)
        let numbers = [(L.colEmployees, 7), (L.colDiffering, 5), (L.colBKNMean, 8), (L.colIpasnMean, 10), (L.colPointsLost, 8), (L.colMeanRise, 6)]
        let fixed = 4 + numbers.reduce(0) { $0 + $1.1 + 1 }
        let nameWidth = max(10, grid.width - fixed - 1)
        var header = DisplayWidth.fit(app.t(L.colRank), toWidth: 3, alignment: .right) + " " + DisplayWidth.fit(app.t(L.colUnitName), toWidth: nameWidth)
        for (title, width) in numbers { header += " " + DisplayWidth.fit(app.t(title), toWidth: width, alignment: .right) }
        grid.put(header, row: 2, col: 0, style: .header, maxWidth: grid.width)
        if rows.isEmpty {
            grid.put(app.t(L.reconcileNoUnits), row: 4, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        for (offset, index) in cursor.visible(height: height - 3).enumerated() {
            var text: String
            switch rows[index] {
            case .unit(let unit):
                text = DisplayWidth.fit("\(index + 1)", toWidth: 3, alignment: .right) + " " + DisplayWidth.fit(unit.name, toWidth: nameWidth)
                let cells = [
                    "\(unit.employees)", "\(unit.differing)", NumberText.decimal(unit.bknMean, language),
                    NumberText.decimal(unit.ipasnMean, language), NumberText.points(unit.pointsLost, language),
                    NumberText.decimal(unit.meanRise, language),
                ]
                for (cell, (_, width)) in zip(cells, numbers) { text += " " + DisplayWidth.fit(cell, toWidth: width, alignment: .right) }
            case .unknown: text = "    " + app.t(L.reconcileUnknownRow(report.unknown.count))
            case .inactive: text = "    " + app.t(L.reconcileInactiveRow(report.inactive.count))
            case .notInFile: text = "    " + app.t(L.reconcileNotInFileRow(report.notInFile.count))
            }
            let row = 3 + offset
            let selected = index == cursor.selection
            if selected { grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .selected) }
            grid.put(text, row: row, col: 0, style: selected ? .selected : .normal, maxWidth: grid.width)
        }
    }
}

/// `x` on the reconciliation screens: the workbook `ipasn reconcile --format xlsx` writes.
enum ReconcileExport {
    static func write(_ report: Reconciliation, app: App) {
        ReportExport.write(app: app, base: "rekonsiliasi-bkn-ipasn-\(report.year)") { path in
            try ReconciliationReport.write(
                report, instansi: ReportTitle.instansi(try app.store.units()), language: app.language, to: path)
        }
    }
}
