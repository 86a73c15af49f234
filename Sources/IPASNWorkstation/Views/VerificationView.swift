import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// A verifikator's queue (`V` on the units list or the dashboard): the records of a unit and
/// its sub-units not yet verified, newest first (what came in today on top; ``VerificationQueue``),
/// with the employee, the kind, the record in one line, whether its document is in hand, and
/// when and by whom it was entered; `j` `s` `o` `f` narrow it by kind, since when, who entered
/// it and unit, `c` clears them; row 1 counts what is shown of what matches of what waits. `m` accepts, `t` rejects with a reason,
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
    /// The queue's filters (queue mode).
    private(set) var queue = VerificationQueue(scope: nil)
    /// `S`: only the waiting records SIASN refused (with the unit and kind filters; since
    /// and by do not apply: a refusal's record is listed by NIP, as the store lists refusals).
    private(set) var refusedOnly = false
    /// When and by whom each listed record was entered or changed last (queue mode).
    private var touches: [RecordID: (at: Date?, by: String?)] = [:]
    private(set) var counts = QueuePage(entries: [], matching: 0, total: 0)
    /// The listed records SIASN refused (``SIASNRefusalStore``): marked `S`, the reason below.
    private(set) var siasnRefusals: [RecordID: SIASNRefusal] = [:]
    /// The records SIASN refused waiting for a verdict in the queue's unit and kind, counted by
    /// the store (``RefusalCountStore``): row 1's number, not bounded by the 500 listed.
    private(set) var waitingRefusals = 0
    private var timeZone = TimeZone.current
    private var cursor = ScrollList(count: 0, height: 1)
    private var title = ""
    private var language = Language.id
    /// The instansi (root unit) of each unit, when the database holds several and the queue
    /// is every unit's (a province): each listed record's instansi is named, and `f` narrows
    /// to a row's instansi before its unit. Empty otherwise.
    private var instansi: [String: OrgUnit] = [:]
    /// Records waiting in each instansi, in tree order (a province's queue: row 2).
    private var waitingPerInstansi: [(name: String, waiting: Int)] = []
    /// Each unit's short name for the Unit column (``UnitShortName``).
    private var unitNames: [String: String] = [:]
    /// The Unit column's width: a short name, not only the code (round 8); with the name at 18
    /// the record keeps its 21 columns at 80, as beside the 8-column code before.
    static let unitWidth = 10

    init(app: App, mode: Mode) {
        self.mode = mode
        if case .queue(let unit) = mode { queue = VerificationQueue(scope: unit?.kode) }
        reload(app: app)
    }

    var context: KeyContext { .verification }
    var keyBar: [Command] {
        switch mode {
        case .queue: return [.help, .acceptRecord, .rejectRecord, .toggleDocument, .queueKind, .queueSince, .open, .back, .quit]
        case .rejected: return [.help, .open, .toggleDocument, .back, .quit]
        }
    }

    var selected: VerificationItem? { items.isEmpty ? nil : items[cursor.selection] }

    func reload(app: App) {
        let keep = cursor.selection
        language = app.language
        timeZone = app.context.timeZone
        app.attempt {
            unitNames = UnitShortName.names(try app.store.units(), width: Self.unitWidth)
            switch mode {
            case .queue(let unit):
                instansi = unit == nil ? try Self.instansiByUnit(app: app) : [:]
                var roots: [OrgUnit] = []
                for root in instansi.values.sorted(by: { $0.kode < $1.kode }) where !roots.contains(root) { roots.append(root) }
                waitingPerInstansi = try roots.map { root in
                    (root.nama, try app.store.verificationQueue(QueueFilter(unit: root.kode), limit: 0).total)
                }
                title = app.t(L.verifyTitle(unit.map { app.displayName(of: $0) } ?? app.t(instansi.isEmpty ? L.colUnit : L.queueEveryInstansi)))
                counts = try refusedOnly
                    ? refusedPage(app: app)
                    : queue.page(app.store, now: app.context.now(), timeZone: app.context.timeZone, limit: Self.pageLimit)
                items = counts.entries.map(\.item)
                touches = Dictionary(counts.entries.map { ($0.item.id, ($0.touchedAt, $0.touchedBy)) }, uniquingKeysWith: { a, _ in a })
                waitingRefusals = try app.store.waitingRefusalCount(unit: queue.unit ?? queue.scope, kind: queue.kind)
            case .rejected(let units):
                title = app.t(L.rejectedTitle)
                items = try app.store.rejectedRecords(inUnits: units)
                // Then what SIASN refused and the admin has not corrected yet: also theirs to correct.
                var refusals: [SIASNRefusal] = []
                for unit in units { refusals += try app.store.siasnRefusals(unit: unit) }
                items += try Self.refusedItems(refusals, listed: Set(items.map(\.id)), app: app) { refusal, _ in !refusal.corrected }
            }
            siasnRefusals = try app.store.siasnRefusals(items.map(\.id))
        }
        cursor.update(count: items.count)
        // The next record takes the place of the one just verified.
        if !items.isEmpty { cursor.select(min(keep, items.count - 1)) }
    }

    /// The queue under `S`: the records SIASN refused that wait for a verdict (corrected since,
    /// so back to *belum*), of the queue's unit and kind, with the unfiltered waiting count.
    private func refusedPage(app: App) throws -> QueuePage {
        let refusals = try app.store.siasnRefusals(unit: queue.unit ?? queue.scope)
        let kind = queue.kind
        let found = try Self.refusedItems(refusals, listed: [], app: app) { refusal, item in
            item.verification.status == .belum && (kind == nil || refusal.id.kind == kind)
        }
        let total = try app.store.verificationQueue(QueueFilter(unit: queue.scope), limit: 0).total
        return QueuePage(
            entries: found.prefix(Self.pageLimit).map { QueueEntry(item: $0, touchedAt: nil, touchedBy: nil) }, matching: found.count,
            total: total)
    }

    /// The records of `refusals` (not of deletions) not in `listed` that `keep` keeps, as the
    /// lists show them (by NIP, kind and id, as the store lists the refusals): the admin's
    /// list keeps those not corrected since, the queue's `S` those waiting for a verdict.
    static func refusedItems(
        _ refusals: [SIASNRefusal], listed: Set<RecordID>, app: App, keep: (SIASNRefusal, VerificationItem) -> Bool
    ) throws -> [VerificationItem] {
        var items: [VerificationItem] = []
        var seen = listed
        var pages: [String: (StoredEmployeeRecords, [RecordID: RecordVerification])] = [:]
        for refusal in refusals where !refusal.deleted && !seen.contains(refusal.id) {
            seen.insert(refusal.id)
            if pages[refusal.nip] == nil, let records = try app.store.records(nip: refusal.nip) {
                pages[refusal.nip] = (records, try app.store.verifications(nip: refusal.nip))
            }
            guard let (records, verifications) = pages[refusal.nip],
                let value = EmployeeView.stored(records, refusal.id.kind).first(where: { $0.id == refusal.id })
            else { continue }
            let item = VerificationItem(
                id: refusal.id, record: value.record, pegawai: records.pegawai, verification: verifications[refusal.id] ?? .unverified)
            if keep(refusal, item) { items.append(item) }
        }
        return items
    }

    /// The line under the list: the reason of a rejected record, or the document's path.
    var status: (text: String, style: Style)? {
        guard let item = selected else { return nil }
        if let refusal = siasnRefusals[item.id] {
            return (language.t(L.siasnRefusedStatus(refusal.reason, batch: refusal.batch, corrected: refusal.corrected)), .warning)
        }
        if item.verification.status == .tidak {
            // The admin's list says what to do; the verifikator's queue shows the reason alone.
            guard case .rejected = mode else { return (item.verification.reason, .warning) }
            return (language.t(L.rejectedRecordStatus(item.verification.reason)), .warning)
        }
        if !item.verification.documentPath.isEmpty { return (item.verification.documentPath, .dim) }
        // At 80 columns the record is cut in its column: the queue shows it whole below
        // (with its instansi when the queue is a province's).
        if case .queue = mode {
            let root = instansi[item.pegawai.kodeUnit].map { " · " + $0.nama } ?? ""
            return (RecordLine.kindName(item.id.kind, language) + ": " + RecordLine.describe(item.record, language) + root, .dim)
        }
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
            if app.attempt(.verdict, { try app.store.setVerification([item.id], status: .memenuhi, reason: "") }) {
                app.dataChangedHere()  // reloads this screen (the top one): once, not twice
                if app.top !== self { reload(app: app) }
                app.inform(app.t(L.accepted(App.recordName(item.record, app.language))))
            }
        case .rejectRecord:
            guard case .queue = mode, let item = selected else { return true }
            app.modal = ReasonDialog(recordName: "\(item.pegawai.nama): \(RecordLine.describe(item.record, app.language))") {
                [unowned self] reason in
                guard app.attempt(.verdictWithReason, { try app.store.setVerification([item.id], status: .tidak, reason: reason) }) else {
                    return false
                }
                app.dataChangedHere()
                if app.top !== self { self.reload(app: app) }
                app.inform(app.t(L.rejected(App.recordName(item.record, app.language))))
                return true
            }
        case .acceptEvent, .rejectEvent:
            guard case .queue = mode, let item = selected else { return true }
            judgeEvent(of: item, accept: command == .acceptEvent, app: app)
        case .toggleDocument:
            guard let item = selected else { return true }
            Self.toggleDocument(item.id, current: item.verification, app: app)  // reloads the top screen: this one
            if app.top !== self { reload(app: app) }
        case .queueKind, .queueSince, .queueBy, .queueUnit, .queueClear, .queueRefused:
            guard case .queue = mode else { return true }
            narrow(command, app: app)
        default:
            return false
        }
        return true
    }

    /// Changes one filter of the queue and lists it again from the top.
    private func narrow(_ command: Command, app: App) {
        switch command {
        case .queueKind: queue.kind = VerificationQueue.nextKind(after: queue.kind)
        case .queueRefused:
            refusedOnly.toggle()
            if refusedOnly {  // since and by do not apply to the refusals
                queue.since = .all
                queue.by = nil
            }
        case .queueSince:
            queue.since = queue.since.next
            refusedOnly = false
        case .queueBy:
            refusedOnly = false
            if queue.by != nil {
                queue.by = nil
            } else if let item = selected {
                guard let by = touches[item.id]?.by else {
                    app.warn(app.t(L.queueNoEnterer))
                    return
                }
                queue.by = by
            }
        case .queueUnit:
            queue.unit = Self.nextUnitFilter(after: queue.unit, row: selected?.pegawai.kodeUnit, instansi: instansi)
        default:
            queue = VerificationQueue(scope: queue.scope)
            refusedOnly = false
        }
        cursor = ScrollList(count: 0, height: 1)
        reload(app: app)
    }

    /// The filters in words, for row 2 (nil when none).
    private func filterLine(app: App, width: Int) -> String? {
        guard queue.isFiltered || refusedOnly else { return nil }
        var parts: [String] = []
        if refusedOnly { parts.append(app.t(L.queueRefusedFilter)) }
        if let kind = queue.kind { parts.append(RecordLine.kindName(kind, app.language)) }
        if queue.since != .all { parts.append(app.t(L.queueSince(queue.since))) }
        if let by = queue.by { parts.append(app.t(L.queueBy(by))) }
        if let unit = queue.unit {
            let root = instansi[unit].flatMap { $0.kode == unit ? $0 : nil }
            parts.append(app.t(root.map { L.queueInstansi($0.nama) } ?? L.queueUnit(unit)))
        }
        let line = app.t(L.queueFilterPrefix) + " " + parts.joined(separator: " · ")
        let hinted = line + "  " + app.t(L.queueClearHint)
        // The hint only when the whole line fits (the filters themselves always show).
        return hinted.count <= width - 2 ? hinted : line
    }

    /// "30-11 14:05": when a record was entered or changed last, in the workstation's zone.
    private func moment(_ date: Date?) -> String {
        Self.moment(date, timeZone: timeZone)
    }

    /// "30-11 14:05": a moment in `timeZone`, as the queue and a rejected record's form show it.
    static func moment(_ date: Date?, timeZone: TimeZone) -> String {
        guard let date else { return "-" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.day, .month, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(p.day))-\(two(p.month)) \(two(p.hour)):\(two(p.minute))"
    }

    /// `f`: the row's unit, then every unit; in a province's queue (``instansi``) the row's
    /// instansi first, then its unit (when it is not the instansi itself), then every unit.
    static func nextUnitFilter(after current: String?, row: String?, instansi: [String: OrgUnit]) -> String? {
        guard let row else { return nil }
        let root = instansi[row]?.kode
        switch current {
        case nil: return root ?? row
        case let unit? where unit == root && row != root: return row
        default: return nil
        }
    }

    /// Each unit's instansi (its root), when the database holds more than one; empty otherwise.
    static func instansiByUnit(app: App) throws -> [String: OrgUnit] {
        let tree = UnitTree(try app.store.units())
        guard tree.roots.count > 1 else { return [:] }
        var result: [String: OrgUnit] = [:]
        for unit in tree.units { result[unit.kode] = tree.ancestors(of: unit.kode).last ?? unit }
        return result
    }

    /// The units of the acting admin; nil for the other roles.
    static func adminUnits(app: App) throws -> [String]? {
        guard let account = try app.store.account(login: app.context.actor), account.role == .admin else { return nil }
        return account.units
    }

    /// `V`: a verifikator's or operator's queue of the unit, an admin's rejected records. On
    /// an instansi (a root unit) of a database holding several (a province), the queue is every
    /// instansi's: a verifikator pressing `V` on the first screen sees every save waiting, each
    /// with its instansi, and `f` narrows to one.
    static func open(app: App, unit: OrgUnit?) {
        app.attempt {
            if let units = try adminUnits(app: app) {
                app.push(VerificationView(app: app, mode: .rejected(units: units)))
            } else if let unit, case let roots = UnitTree(try app.store.units()).roots, roots.count > 1,
                roots.contains(where: { $0.kode == unit.kode })
            {
                app.push(VerificationView(app: app, mode: .queue(nil)))
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

    /// The "Oleh" column: as wide as the longest login listed (a login without a passwd entry
    /// is `uid 42401`, 9 characters, and was cut to `uid 424…`), 8 to 16 columns.
    static func byWidth(_ logins: [String]) -> Int {
        min(16, max(8, logins.map { DisplayWidth.width(of: $0) }.max() ?? 0))
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, title, right: "\(app.t(L.labelYear)) \(app.year) ")
        let summary: Txt
        var top = 2
        switch mode {
        case .queue:
            summary = L.queueCounts(shown: items.count, page: counts, filtered: queue.isFiltered || refusedOnly)
            if let line = filterLine(app: app, width: grid.width) {
                grid.put(line, row: 2, col: 1, style: .warning, maxWidth: grid.width - 2)
                top = 3
            } else if !waitingPerInstansi.isEmpty {
                // A province's queue: what waits in each instansi, so none is out of sight.
                let parts = waitingPerInstansi.map { "\($0.name) \(NumberText.count($0.waiting, app.language))" }
                let text = app.t(L.queuePerInstansi(parts.joined(separator: " · ")))
                for line in DisplayWidth.wrap(text, toWidth: grid.width - 2).prefix(2) {
                    grid.put(line, row: top, col: 1, style: .normal, maxWidth: grid.width - 2)
                    top += 1
                }
            }
        case .rejected:
            let rejected = items.filter { $0.verification.status == .tidak }.count
            let refused = siasnRefusals.values.filter { !$0.corrected }.count
            summary = refused > 0 ? L.rejectedAndRefusedSummary(rejected: rejected, refused: refused) : L.rejectedSummary(rejected)
        }
        // The queue says how many of the listed records SIASN refused (the admin's list says it above).
        var line = app.t(summary)
        if case .queue = mode, waitingRefusals > 0 {
            // Short enough for 80 columns with the refusals and their key (round 12).
            line = app.t(L.queueCountsWithRefused(shown: items.count, page: counts, filtered: queue.isFiltered || refusedOnly, refused: waitingRefusals))
        }
        grid.put(line, row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        var columns: [Table.Column] = [
            .init("", width: .fixed(1)),
            .init(app.t(L.colName), width: .flexible(preferred: 18, minimum: 10)),
            .init(app.t(L.colUnit), width: .fixed(Self.unitWidth)),
            .init(app.t(L.colRecord), width: .fill(minimum: 16)),
            .init(app.t(L.colDocument), width: .fixed(3)),
        ]
        if case .queue = mode {
            // Under `S`: when SIASN's refusal was recorded, and the batch it refused.
            columns.append(.init(app.t(refusedOnly ? L.colQueueRefusedAt : L.colQueueEntered), width: .fixed(11)))
            let by = refusedOnly ? items.compactMap { siasnRefusals[$0.id].map { "#\($0.batch)" } } : touches.values.compactMap(\.by)
            columns.append(.init(app.t(refusedOnly ? L.colQueueRefusedBatch : L.colQueueBy), width: .fixed(Self.byWidth(by))))
        }
        let table = Table(columns, width: grid.width - 2)
        table.drawHeader(into: &grid, row: top, col: 1)
        if items.isEmpty {
            let empty = queue.isFiltered || refusedOnly ? L.queueFilteredEmpty : L.verifyEmpty
            grid.put(app.t(empty), row: top + 2, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        let visible = cursor.visible(height: rows - top - 1)
        let units = UnitShortName.cells(visible.map { items[$0].pegawai.kodeUnit }, names: unitNames, width: Self.unitWidth)
        for (offset, index) in visible.enumerated() {
            let item = items[index]
            let record = RecordLine.kindName(item.id.kind, app.language) + ": " + RecordLine.describe(item.record, app.language)
            var cells: [Table.Cell] = [
                .init(siasnRefusals[item.id] != nil ? L.siasnQueueMark : item.verification.status.mark), .init(item.pegawai.nama),
                .init(units[offset]), .init(record),
                .init(item.verification.documentInHand ? "✓" : "-"),
            ]
            if case .queue = mode, refusedOnly, let refusal = siasnRefusals[item.id] {
                cells.append(.init(moment(refusal.at)))
                cells.append(.init("#\(refusal.batch)"))
            } else if case .queue = mode {
                let touch = touches[item.id]
                cells.append(.init(moment(touch?.at ?? nil)))
                cells.append(.init(touch?.by ?? "-"))
            }
            table.draw(cells, into: &grid, row: top + 1 + offset, col: 1, selected: index == cursor.selection)
        }
    }
}
