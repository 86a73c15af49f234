import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// The unit tree, indented, with each unit's mean, category, completeness and which
/// dimensions are marked "selesai diinput". Enter opens the unit's employees; `m` marks.
final class UnitListView: View {
    private(set) var figures: [UnitFigure] = []
    private(set) var marks: [String: Set<ProgressDimension>] = [:]
    private var cursor = ScrollList(count: 0, height: 1)
    /// For an admin: how many of their units' records a verifikator rejected (0 otherwise).
    private(set) var rejectedCount = 0
    private var language = Language.id

    init(app: App) {
        reload(app: app)
        selectOwnUnit(app: app)
    }

    /// A unit admin starts on their own unit (the first of theirs in tree order), not on the
    /// province's root: in a city of 61 units the DISDIK admin pressed Down 19 times and the
    /// KEC-UTARA admin 50 times before every session's first Enter.
    private func selectOwnUnit(app: App) {
        guard let account = (try? app.store.account(login: app.context.actor)) ?? nil, account.role == .admin,
            let index = figures.firstIndex(where: { account.units.contains($0.unit.kode) })
        else { return }
        cursor.select(index)
    }

    var context: KeyContext { .units }
    var keyBar: [Command] {
        [.help, .open, .search, .markProgress, .dashboard, .addPegawai, .undo, .editUnit, .interventions, .quit, .missingRecords, .exportReport, .importFiles, .verificationQueue, .history, .accounts, .pendingSIASN, .reconcile]
    }

    var selected: UnitFigure? { figures.isEmpty ? nil : figures[cursor.selection] }

    func reload(app: App) {
        app.attempt {
            let progress = try ProgressReport.compute(store: app.store, year: app.year)
            figures = progress.units.map(\.figure)
            marks = Dictionary(progress.units.map { ($0.unit.kode, $0.done) }, uniquingKeysWith: { a, _ in a })
            rejectedCount = try VerificationView.adminUnits(app: app).map { try app.store.rejectedRecords(inUnits: $0).count } ?? 0
        }
        language = app.language
        cursor.update(count: figures.count)
    }

    /// An admin's rejected records, on the message row until they are corrected.
    var status: (text: String, style: Style)? {
        rejectedCount > 0 ? (language.t(L.unitsRejected(rejectedCount)), .warning) : nil
    }

    /// Unit (indented by depth), employees, mean, category, completeness, done marks.
    static func table(width: Int, language: Language) -> Table {
        Table(
            [
                .init(language.t(L.colUnit), width: .fill(minimum: 10)),
                .init(language.t(L.colPegawai), width: .fixed(5), alignment: .right),
                .init(language.t(L.colMean), width: .fixed(6), alignment: .right),
                .init(language.t(L.colCategory), width: .fixed(13)),
                .init(language.t(L.colComplete), width: .fixed(7), alignment: .right),
                .init(language.t(L.colDone), width: .fixed(7)),
            ], width: width)
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.unitsTitle), right: "\(app.t(L.labelYear)) \(app.year) ")
        let table = Self.table(width: grid.width - 2, language: app.language)
        table.drawHeader(into: &grid, row: 1, col: 1)
        if figures.isEmpty {
            grid.put(app.t(L.noUnits), row: 3, col: 2, style: .dim)
            return
        }
        let height = rows - 3
        for (offset, index) in cursor.visible(height: height).enumerated() {
            let f = figures[index]
            let t = f.totals
            let counted = t.pegawai > 0
            table.draw(
                [
                    .init(String(repeating: "  ", count: min(f.depth, 8)) + f.unit.nama), .init("\(t.pegawai)"),
                    .init(counted ? app.language.mean(f.meanTotal) : "-"),
                    .init(counted ? f.category.displayName(app.language) : "", style: counted ? Draw.categoryStyle(f.category) : nil),
                    .init(app.language.percent(t.completePegawai, of: t.pegawai)), .init(UnitProgress.markText(marks[f.unit.kode] ?? [])),
                ], into: &grid, row: 2 + offset, col: 1, selected: index == cursor.selection)
        }
        grid.put(app.t(L.progressLegend), row: rows - 1, col: 1, style: .dim, maxWidth: grid.width - 2)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard let unit = selected?.unit else { return true }
            app.push(EmployeeListView(app: app, unit: unit))
        case .missingRecords:
            guard let unit = selected?.unit else { return true }
            app.push(MissingView(app: app, unit: unit))
        case .pendingSIASN:
            app.push(PendingView(app: app))
        case .markProgress:
            guard let unit = selected?.unit else { return true }
            app.modal = ProgressDialog(unit: unit, name: app.displayName(of: unit), done: marks[unit.kode] ?? [], onClose: { [unowned self] in self.reload(app: app) })
        case .addPegawai:
            app.push(SetupView(app: app, unit: selected?.unit))
        case .exportReport:
            ReportExport.unitRecap(app: app)
        case .reconcile:
            app.push(ReconcilePathView(sentInfo: Reconciliation.sentInfo(from: app.store, timeZone: app.context.timeZone)))
        case .importFiles:
            guard app.importFile != nil else {
                app.warn(app.t(L.importUnavailable))
                return true
            }
            app.push(ImportPathView(start: app.lastImportPath() ?? ""))
        case .verificationQueue:
            VerificationView.open(app: app, unit: selected?.unit)
        case .history:
            guard let unit = selected?.unit else { return true }
            app.push(HistoryView(app: app, subject: .unit(unit.kode), name: app.displayName(of: unit)))
        case .accounts:
            app.push(AccountsView(app: app))
        case .editUnit:
            guard let unit = selected?.unit else { return true }
            app.push(UnitEditView(unit: unit, units: (try? app.store.units()) ?? []))
        default:
            return false
        }
        return true
    }
}
