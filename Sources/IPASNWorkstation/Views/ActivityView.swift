import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// Who did what (``AdminActivity`` from IPASNReports, the table `ipasn report activity`
/// prints): per admin or per unit, records typed, changed and deleted (net of undo), rows
/// imported and the demo apart, and the last activity, for today, this week, this month or
/// this year (`p`); `g` switches between admins and units.
final class ActivityView: View {
    private(set) var grouping: AdminActivity.Grouping = .admin
    private(set) var period: AdminActivity.Period = .today
    private(set) var activity: AdminActivity?
    private var cursor = ScrollList(count: 0, height: 1)

    init(app: App) {
        reload(app: app)
    }

    var context: KeyContext { .activity }
    var keyBar: [Command] { [.help, .nextPeriod, .toggleGrouping, .refresh, .back, .quit] }

    func reload(app: App) {
        let range = AdminActivity.range(period, now: app.context.now(), timeZone: app.context.timeZone)
        app.attempt { activity = try AdminActivity.compute(store: app.store, from: range.from, until: range.until, by: grouping) }
        cursor.update(count: activity?.rows.count ?? 0)
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .nextPeriod:
            let all = AdminActivity.Period.allCases
            period = all[(all.firstIndex(of: period)! + 1) % all.count]
        case .toggleGrouping:
            grouping = grouping == .admin ? .unit : .admin
            cursor.select(0)
        default:
            return false
        }
        reload(app: app)
        return true
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.activityTitle(grouping)), right: app.t(L.periodName(period)) + " ")
        guard let activity else { return }
        // The summary whole: on two rows when the counts are large (a city's 153.820 imported rows).
        let summary = DisplayWidth.wrap(app.t(L.activitySummary(activity.total)), toWidth: grid.width - 2).prefix(2)
        for (offset, line) in summary.enumerated() {
            grid.put(line, row: 1 + offset, col: 1, style: .status, maxWidth: grid.width - 2)
        }
        let header = 1 + summary.count
        let verification = activity.rows.contains { $0.figures.verified != nil || $0.figures.rejected != nil }
        var columns: [Table.Column] = [
            .init(app.t(grouping == .admin ? L.colAdmin : L.colUnit), width: .fill(minimum: 10)),
            .init(app.t(L.colTyped), width: .fixed(6), alignment: .right),
            .init(app.t(L.colChanged), width: .fixed(5), alignment: .right),
            .init(app.t(L.colDeleted), width: .fixed(5), alignment: .right),
            .init(app.t(L.colImported), width: .fixed(6), alignment: .right),
            .init(app.t(L.colDemo), width: .fixed(6), alignment: .right),
        ]
        if verification {
            columns += [
                .init(app.t(L.colVerified), width: .fixed(5), alignment: .right),
                .init(app.t(L.colRejected), width: .fixed(5), alignment: .right),
            ]
        }
        columns.append(.init(app.t(L.colLast), width: .fixed(12)))
        let table = Table(columns, width: grid.width - 2)
        table.drawHeader(into: &grid, row: header, col: 1)
        if activity.rows.isEmpty {
            grid.put(app.t(L.activityNone), row: header + 2, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        let formatter = DateFormatter()
        formatter.timeZone = app.context.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd-MM HH:mm"
        for (offset, index) in cursor.visible(height: rows - header - 1).enumerated() {
            let row = activity.rows[index]
            let f = row.figures
            let last = grouping == .admin ? row.lastActivity : f.last
            var cells: [Table.Cell] = [
                .init(String(repeating: " ", count: min(row.depth, 4)) + row.name), .init("\(f.entered)"), .init("\(f.changed)"),
                .init("\(f.deleted)"), .init("\(f.imported)"), .init("\(f.demo)"),
            ]
            if verification { cells += [.init(f.verified.map(String.init) ?? ""), .init(f.rejected.map(String.init) ?? "")] }
            cells.append(.init(last.map(formatter.string(from:)) ?? app.t(L.accountsNever)))
            table.draw(cells, into: &grid, row: header + 1 + offset, col: 1, selected: index == cursor.selection)
        }
    }
}
