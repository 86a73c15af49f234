import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal

/// What is not yet sent to SIASN, per unit (``PendingReport``, the list `ipasn report pending`
/// prints): units in tree order, sub-units indented and folded into their parents, the pending
/// records by kind, the sent records deleted since, and the day the oldest pending record was
/// entered. Enter opens the unit's unsent records.
final class PendingView: View {
    private(set) var report: PendingReport?
    /// SKP from 2022 on that stay pending until the admin chooses a PermenPANRB 6/2022 predikat.
    private(set) var needingPredikat = 0
    /// SKP sent to SIASN and then moved before 2022 (SIASN keeps the old version).
    private(set) var held = 0
    private var cursor = ScrollList(count: 0, height: 1)

    init(app: App) {
        reload(app: app)
    }

    var context: KeyContext { .pending }
    var keyBar: [Command] { [.help, .open, .exportPending, .back, .quit] }

    /// The units with something to send, and those whose only news is an SKP SIASN holds in
    /// an older version (Enter lists them with the others: who, year, why).
    var rows: [PendingReport.Row] { report?.rowsWithHeld ?? [] }

    func reload(app: App) {
        let keep = rows.isEmpty ? nil : rows[cursor.selection].unit.kode
        app.attempt {
            report = try PendingReport.compute(store: app.store, timeZone: app.context.timeZone)
            needingPredikat = try app.store.skpNeedingPredikat(unit: nil).count
            held = try app.store.skpHeldBySIASN(unit: nil).count
        }
        cursor.update(count: rows.count)
        if let keep, let index = rows.firstIndex(where: { $0.unit.kode == keep }) { cursor.select(index) }
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        if command == .exportPending {
            if !app.refusedSIASNExport(unit: nil) { app.push(PendingExportView(app: app, unit: nil)) }
            return true
        }
        guard command == .open else { return false }
        guard !rows.isEmpty else { return true }
        app.push(PendingUnitView(app: app, unit: rows[cursor.selection].unit))
        return true
    }

    /// Unit (filling), the four kinds, total, deletions, oldest day.
    static func table(width: Int, language: Language) -> Table {
        Table(
            [
                .init(language.t(L.colUnit), width: .flexible(preferred: 40, minimum: 12)),
                .init(language.t(L.colPendidikanShort), width: .fixed(5), alignment: .right),
                .init(language.t(L.colDiklatShort), width: .fixed(6), alignment: .right),
                .init("SKP", width: .fixed(5), alignment: .right),
                .init(language.t(L.colDisiplinShort), width: .fixed(4), alignment: .right),
                .init(language.t(L.colPendingTotal), width: .fixed(6), alignment: .right),
                .init(language.t(L.colDeleted), width: .fixed(5), alignment: .right),
                .init(language.t(L.colOldest), width: .fixed(10)),
            ], width: width)
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        Draw.title(&grid, app.t(L.pendingTitle), right: "SIASN ")
        guard let report else { return }
        grid.put(app.t(L.pendingSummary(report.total, report.deletions.count)), row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        let table = Self.table(width: grid.width - 2, language: app.language)
        table.drawHeader(into: &grid, row: 2, col: 1)
        if rows.isEmpty {
            grid.put(app.t(L.pendingNone), row: 4, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        // The last row says which pending SKP cannot be sent as they are (Enter on the unit lists them).
        var notes: [String] = []
        if report.rows.isEmpty { notes.append(app.t(L.pendingNothingWaiting)) }
        if needingPredikat > 0 { notes.append(app.t(L.skpNeedingPredikatCount(needingPredikat))) }
        if held > 0 { notes.append(app.t(L.skpHeldCountListed(held))) }
        if !report.siasnRefusals.isEmpty {
            let corrected = report.siasnRefusals.filter(\.corrected).count
            notes.append(app.t(L.pendingRefusedCount(report.siasnRefusals.count, corrected: corrected)))
        }
        let footer = notes.count
        for (offset, note) in notes.enumerated() {
            grid.put(note, row: height - footer + offset, col: 1, style: .warning, maxWidth: grid.width - 2)
        }
        for (offset, index) in cursor.visible(height: height - 3 - footer).enumerated() {
            let row = rows[index]
            table.draw(
                // The unit's own name under its indented parent, as the unit list shows the tree:
                // the display name prefixed shared names only ("KOTA-PEMKAB › Sekretariat"
                // beside "Bidang Pengadaan", user tests 9 and 10).
                [.init(String(repeating: "  ", count: min(row.depth, 8)) + row.unit.nama)]
                    + RecordKind.allCases.map { .init("\(row.count($0))") }
                    + [.init("\(row.total)"), .init("\(row.deletions)"), .init(row.oldestDay?.dayFirst ?? "")],
                into: &grid, row: 3 + offset, col: 1, selected: index == cursor.selection)
        }
    }
}

/// One unit's unsent records (sub-units included): NIP, name, kind and the record in a few
/// words, then the sent records deleted since. Enter opens the employee's page.
final class PendingUnitView: View {
    struct Line: Hashable {
        var nip: String
        var nama: String
        var kind: RecordKind
        var text: String
        var deleted: Bool
        /// Why the record cannot be sent as it is (an SKP from 2022 on with a PP 46/2011 predikat),
        /// or why SIASN keeps an older version of it (``held``).
        var reason: String? = nil
        /// An SKP sent to SIASN and then moved before 2022: not pending (never sent again), listed
        /// so that the admin corrects it in SIASN.
        var held = false
    }

    let unit: OrgUnit
    private(set) var lines: [Line] = []
    private var cursor = ScrollList(count: 0, height: 1)
    private var unitName: String

    init(app: App, unit: OrgUnit) {
        self.unit = unit
        unitName = app.displayName(of: unit)
        reload(app: app)
    }

    var context: KeyContext { .pending }
    var keyBar: [Command] { [.help, .open, .exportPending, .back, .quit] }

    func reload(app: App) {
        let keep = lines.isEmpty ? nil : lines[cursor.selection]
        app.attempt {
            var result: [Line] = []
            var employees: [String: StoredEmployeeRecords] = [:]
            for pending in try app.store.pendingRecords(unit: unit.kode) {
                if employees[pending.nip] == nil { employees[pending.nip] = try app.store.records(nip: pending.nip) }
                guard let records = employees[pending.nip],
                    let record = EmployeeView.stored(records, pending.id.kind).first(where: { $0.id == pending.id })
                else { continue }
                var reason: String?
                if case .skp(let skp) = record.record { reason = L.skpSiasnReason(skp).map(app.t) }
                result.append(
                    Line(
                        nip: pending.nip, nama: records.pegawai.nama, kind: pending.id.kind,
                        text: EmployeeView.describe(record.record, app.language), deleted: false, reason: reason))
            }
            for held in try app.store.skpHeldBySIASN(unit: unit.kode) {
                if employees[held.skp.nip] == nil { employees[held.skp.nip] = try app.store.records(nip: held.skp.nip) }
                result.append(
                    Line(
                        nip: held.skp.nip, nama: employees[held.skp.nip]?.pegawai.nama ?? "", kind: .skp,
                        text: EmployeeView.describe(.skp(held.skp), app.language), deleted: false,
                        reason: app.t(L.skpHeldReason(held.batch)), held: true))
            }
            // By name; an employee's pending records before their held SKP.
            result.sort { ($0.nama, $0.nip, $0.held ? 1 : 0) < ($1.nama, $1.nip, $1.held ? 1 : 0) }
            for deletion in try app.store.sentDeletions(kind: nil, unit: unit.kode) {
                let nama = try app.store.pegawai(nip: deletion.nip)?.nama ?? ""
                result.append(
                    Line(
                        nip: deletion.nip, nama: nama, kind: deletion.id.kind,
                        text: app.t(L.pendingDeletedLabel) + ": " + deletion.what, deleted: true))
            }
            lines = result
        }
        cursor.update(count: lines.count)
        if let keep, let index = lines.firstIndex(of: keep) { cursor.select(index) }
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        if command == .exportPending {
            if !app.refusedSIASNExport(unit: unit.kode) { app.push(PendingExportView(app: app, unit: unit)) }
            return true
        }
        guard command == .open else { return false }
        guard !lines.isEmpty else { return true }
        EmployeeView.open(nip: lines[cursor.selection].nip, app: app)
        return true
    }

    func render(into grid: inout CellGrid, rows height: Int, app: App) {
        Draw.title(&grid, app.t(L.pendingUnitTitle(unitName)), right: "SIASN ")
        // The name takes two fifths of what NIP and kind leave (17 at 80 columns), the record the rest.
        let nameWidth = min(24, max(10, (grid.width - 36) * 2 / 5))
        let table = Table(
            [
                .init(app.t(L.colNIP), width: .fixed(21)), .init(app.t(L.colName), width: .fixed(nameWidth)),
                .init(app.t(L.colKind), width: .fixed(10)), .init(app.t(L.colRecord), width: .flexible(preferred: 40, minimum: 12)),
            ], width: grid.width - 2)
        table.drawHeader(into: &grid, row: 2, col: 1)
        let unsent = lines.filter { !$0.deleted && !$0.held }.count
        let held = lines.filter(\.held).count
        // The selected record's reason when it cannot be sent as it is, else the summary.
        if !lines.isEmpty, let reason = lines[cursor.selection].reason {
            grid.put(reason, row: 1, col: 1, style: .warning, maxWidth: grid.width - 2)
        } else {
            let deleted = lines.count - unsent - held
            let summary = app.t(held > 0 ? L.pendingUnitSummaryWithHeld(unsent, deleted, held) : L.pendingSummary(unsent, deleted))
            grid.put(summary, row: 1, col: 1, style: .status, maxWidth: grid.width - 2)
        }
        if lines.isEmpty {
            grid.put(app.t(L.pendingUnitNone), row: 4, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        for (offset, index) in cursor.visible(height: height - 3).enumerated() {
            let line = lines[index]
            table.draw(
                [
                    .init(NIP.formatted(line.nip)), .init(line.nama), .init(app.t(L.kindName(line.kind))),
                    .init(line.text, style: line.deleted ? .error : line.reason != nil ? .warning : nil),
                ], into: &grid, row: 3 + offset, col: 1, selected: index == cursor.selection)
        }
    }
}
