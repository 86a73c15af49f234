import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal

/// The events entered for many participants at once (`B` from the unit list, an employee
/// list or an employee's page), newest first: date, label, record kind (and jenis), the
/// participants now, and who saved it. Enter opens one (``BatchView``).
final class BatchListView: View {
    private(set) var batches: [BatchSummary] = []
    private var cursor = ScrollList(count: 0, height: 1)
    /// The unit the list was opened from: where employees are chosen to join an event
    /// that has no participant left.
    let unit: OrgUnit?

    /// The newest events listed (older ones are rare to reopen; a unit's year is a few hundred).
    static let limit = 500

    init(app: App, unit: OrgUnit?) {
        self.unit = unit
        reload(app: app)
    }

    var context: KeyContext { .batches }
    var keyBar: [Command] { [.open, .undo, .back, .help] }

    func reload(app: App) {
        let keep = batches.isEmpty ? nil : batches[cursor.selection].info.id
        app.attempt { batches = try app.store.batches(limit: Self.limit) }
        cursor.update(count: batches.count)
        if let keep, let index = batches.firstIndex(where: { $0.info.id == keep }) { cursor.select(index) }
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        guard command == .open else { return false }
        guard !batches.isEmpty else { return true }
        BatchView.open(batches[cursor.selection].info.id, app: app, unit: unit)
        return true
    }

    /// `Diklat: Sosialisasi`, `SKP`: the kind of the event's records, with the jenis of a course.
    static func kindText(_ record: Record?, _ language: Language) -> String {
        guard let record else { return "-" }
        let noun = language.t(L.recordNoun[record.kind]!)
        if case .diklat(let course) = record { return "\(noun): \(course.jenis.nama)" }
        return noun
    }

    /// `10-01-2025 09:00` in the context's zone.
    static func moment(_ date: Date, app: App) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = app.context.timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d-%04d %02d:%02d", p.day ?? 0, p.month ?? 0, p.year ?? 0, p.hour ?? 0, p.minute ?? 0)
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.batchesTitle), right: "\(batches.count) ")
        guard !batches.isEmpty else {
            grid.put(app.t(L.batchesNone), row: 2, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        let table = Table(
            [
                .init(language.t(L.colDate), width: .fixed(16)),
                .init(language.t(L.colEvent), width: .fill(minimum: 12)),
                .init(language.t(L.colKind), width: .fixed(20)),
                .init(language.t(L.colParticipants), width: .fixed(7), alignment: .right),
                .init(language.t(L.colBy), width: .fixed(10)),
            ], width: grid.width)
        table.drawHeader(into: &grid, row: 1, col: 0)
        for (offset, index) in cursor.visible(height: rows - 2).enumerated() {
            let batch = batches[index]
            table.draw(
                [
                    .init(Self.moment(batch.info.at, app: app)), .init(batch.info.label),
                    .init(Self.kindText(batch.template, language)), .init(String(batch.members)),
                    .init(batch.info.actor, style: .dim),
                ], into: &grid, row: 2 + offset, col: 0, selected: index == cursor.selection)
        }
    }
}
