import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// A verifikator's queue (`V` on the units list or the dashboard): the records of a unit and
/// its sub-units not yet verified, oldest first, with the employee, the kind, the record in
/// one line and whether its document is in hand. `m` accepts, `t` rejects with a reason,
/// `D` marks the document; the selection then stands on the next record. Enter opens the
/// employee. For an admin the same screen lists their rejected records with the reasons.
final class VerificationView: View {
    enum Mode: Equatable {
        /// The queue of a unit (nil: every unit).
        case queue(OrgUnit?)
        /// The rejected records of the admin's units.
        case rejected(units: [String])
    }

    static let pageLimit = 500

    let mode: Mode
    private(set) var items: [VerificationItem] = []
    private var more = false
    private var cursor = ScrollList(count: 0, height: 1)
    private var title = ""
    private var language = Language.id

    init(app: App, mode: Mode) {
        self.mode = mode
        reload(app: app)
    }

    var context: KeyContext { .verification }
    var keyBar: [Command] {
        switch mode {
        case .queue: return [.help, .acceptRecord, .rejectRecord, .toggleDocument, .open, .back, .quit]
        case .rejected: return [.help, .open, .toggleDocument, .back, .quit]
        }
    }

    var selected: VerificationItem? { items.isEmpty ? nil : items[cursor.selection] }

    func reload(app: App) {
        let keep = cursor.selection
        language = app.language
        app.attempt {
            switch mode {
            case .queue(let unit):
                title = app.t(L.verifyTitle(unit.map { app.displayName(of: $0) } ?? app.t(L.colUnit)))
                let found = try app.store.verificationQueue(unit: unit?.kode, status: .belum, limit: Self.pageLimit + 1)
                more = found.count > Self.pageLimit
                items = Array(found.prefix(Self.pageLimit))
            case .rejected(let units):
                title = app.t(L.rejectedTitle)
                items = try app.store.rejectedRecords(inUnits: units)
                more = false
            }
        }
        cursor.update(count: items.count)
        // The next record takes the place of the one just verified.
        if !items.isEmpty { cursor.select(min(keep, items.count - 1)) }
    }

    /// The line under the list: the reason of a rejected record, or the document's path.
    var status: (text: String, style: Style)? {
        guard let item = selected else { return nil }
        if item.verification.status == .tidak {
            // The admin's list says what to do; the verifikator's queue shows the reason alone.
            guard case .rejected = mode else { return (item.verification.reason, .warning) }
            return (language.t(L.rejectedRecordStatus(item.verification.reason)), .warning)
        }
        if !item.verification.documentPath.isEmpty { return (item.verification.documentPath, .dim) }
        return nil
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .open:
            guard let item = selected else { return true }
            app.attempt {
                guard let page = try EmployeeView(app: app, nip: item.pegawai.nip) else { return }
                page.select(record: item.id)  // the record to check or correct is the one under the cursor
                app.push(page)
            }
        case .acceptRecord:
            guard case .queue = mode, let item = selected else { return true }
            if app.attempt({ try app.store.setVerification([item.id], status: .memenuhi, reason: "") }) {
                app.dataChangedHere()
                reload(app: app)
                app.inform(app.t(L.accepted(App.recordName(item.record))))
            }
        case .rejectRecord:
            guard case .queue = mode, let item = selected else { return true }
            app.modal = ReasonDialog(recordName: "\(item.pegawai.nama): \(RecordLine.describe(item.record, app.language))") {
                [unowned self] reason in
                if app.attempt({ try app.store.setVerification([item.id], status: .tidak, reason: reason) }) {
                    app.dataChangedHere()
                    self.reload(app: app)
                    app.inform(app.t(L.rejected(App.recordName(item.record))))
                }
            }
        case .toggleDocument:
            guard let item = selected else { return true }
            Self.toggleDocument(item.id, current: item.verification, app: app)
            reload(app: app)
        default:
            return false
        }
        return true
    }

    /// The units of the acting admin; nil for the other roles.
    static func adminUnits(app: App) throws -> [String]? {
        guard let account = try app.store.account(login: app.context.actor), account.role == .admin else { return nil }
        return account.units
    }

    /// `V`: a verifikator's or operator's queue of the unit, an admin's rejected records.
    static func open(app: App, unit: OrgUnit?) {
        app.attempt {
            if let units = try adminUnits(app: app) {
                app.push(VerificationView(app: app, mode: .rejected(units: units)))
            } else {
                app.push(VerificationView(app: app, mode: .queue(unit)))
            }
        }
    }

    /// Flips a record's document-in-hand mark (the store checks who may).
    static func toggleDocument(_ id: RecordID, current: RecordVerification, app: App) {
        let inHand = !current.documentInHand
        if app.attempt({ try app.store.setDocument(id, inHand: inHand, path: current.documentPath) }) {
            app.dataChangedHere()
            app.inform(app.t(L.documentMarked(RecordLine.documentName(id.kind, app.language), inHand)))
        }
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, title, right: "\(app.t(L.labelYear)) \(app.year) ")
        let summary: Txt
        switch mode {
        case .queue: summary = L.verifyQueueSummary(items.count, more: more)
        case .rejected: summary = L.rejectedSummary(items.count)
        }
        grid.put(app.t(summary), row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        let table = Table(
            [
                .init("", width: .fixed(1)),
                .init(app.t(L.colName), width: .flexible(preferred: 20, minimum: 10)),
                .init(app.t(L.colUnitCode), width: .fixed(8)),
                .init(app.t(L.colRecord), width: .fill(minimum: 16)),
                .init(app.t(L.colDocument), width: .fixed(3)),
            ], width: grid.width - 2)
        table.drawHeader(into: &grid, row: 2, col: 1)
        if items.isEmpty {
            grid.put(app.t(L.verifyEmpty), row: 4, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        for (offset, index) in cursor.visible(height: rows - 3).enumerated() {
            let item = items[index]
            let record = RecordLine.kindName(item.id.kind, app.language) + ": " + RecordLine.describe(item.record, app.language)
            table.draw(
                [
                    .init(item.verification.status.mark), .init(item.pegawai.nama), .init(item.pegawai.kodeUnit), .init(record),
                    .init(item.verification.documentInHand ? "✓" : "-"),
                ], into: &grid, row: 3 + offset, col: 1, selected: index == cursor.selection)
        }
    }
}
