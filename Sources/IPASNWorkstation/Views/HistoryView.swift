import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// The change history of an employee or a unit (``HistoryPage`` from IPASNReports): who
/// changed what and when, with the old and new values in words, newest first, one page at a
/// time (PgDn older, PgUp newer; keyset-paged by audit id, so it stays fast at a million rows).
final class HistoryView: View {
    let subject: HistorySubject
    let name: String
    /// Entries per page: two rows each (what, then the values) fill a 24-row terminal.
    static let pageSize = 9
    private(set) var page: HistoryPage?
    /// The `before` of every page shown before this one (the first page's is nil).
    private var earlier: [Int64?] = []
    private var before: Int64?

    init(app: App, subject: HistorySubject, name: String) {
        self.subject = subject
        self.name = name
        reload(app: app)
    }

    var context: KeyContext { .history }
    var keyBar: [Command] { [.help, .pageDown, .pageUp, .back, .quit] }
    var pageNumber: Int { earlier.count + 1 }

    func reload(app: App) {
        app.attempt {
            page = try HistoryPage.compute(store: app.store, subject: subject, before: before, limit: Self.pageSize, language: app.language)
        }
    }

    func handle(_ command: Command, app: App) -> Bool {
        switch command {
        case .pageDown, .moveDown:
            guard let next = page?.nextBefore else {
                app.inform(app.t(L.historyNoOlder))
                return true
            }
            earlier.append(before)
            before = next
            reload(app: app)
        case .pageUp, .moveUp:
            guard let previous = earlier.popLast() else {
                app.inform(app.t(L.historyNoNewer))
                return true
            }
            before = previous
            reload(app: app)
        case .first:
            earlier = []
            before = nil
            reload(app: app)
        default:
            return false
        }
        return true
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.historyTitle(name)), right: app.t(L.historyPage(pageNumber)) + " ")
        grid.put(app.t(L.historyHint), row: 1, col: 1, style: .dim, maxWidth: grid.width - 2)
        guard let page else { return }
        if page.lines.isEmpty {
            grid.put(app.t(L.historyEmpty), row: 3, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        let formatter = DateFormatter()
        formatter.timeZone = app.context.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd-MM-yyyy HH:mm"
        var row = 2
        for line in page.lines where row + 1 < rows {
            let head = "\(formatter.string(from: line.at))  \(DisplayWidth.truncate(line.actor, toWidth: 12))  "
            grid.put(head, row: row, col: 1, style: .header, maxWidth: grid.width - 2)
            let headWidth = DisplayWidth.width(of: head)
            // Never cut silently: a line too long for the screen ends with "…".
            let room = max(1, grid.width - 2 - headWidth)
            grid.put(DisplayWidth.truncate(line.what, toWidth: room), row: row, col: 1 + headWidth, style: .normal, maxWidth: room)
            let details = line.details.joined(separator: "; ")
            if !details.isEmpty {
                grid.put(DisplayWidth.truncate("   " + details, toWidth: grid.width - 2), row: row + 1, col: 1, style: .dim, maxWidth: grid.width - 2)
            }
            row += 2
        }
    }
}
