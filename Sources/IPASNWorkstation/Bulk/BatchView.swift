import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal

/// One event opened again ("Sosialisasi X — 23 peserta"): its record and its participants.
/// `t` chooses more participants in the unit's employee list (``EmployeeListView`` in its
/// joining mode), a pasted column of NIPs adds those employees, `d` removes the selected
/// participant (asking first). Each addition or removal is one change, undone with `u`.
final class BatchView: View {
    let batch: Int64
    private(set) var contents: BatchContents?
    private var cursor = ScrollList(count: 0, height: 1)
    /// The unit the batches list was opened from (employees are chosen there when the event
    /// has no participant left).
    let origin: OrgUnit?

    var members: [BatchContents.Member] { contents?.members ?? [] }
    var label: String { contents?.summary.info.label ?? "" }

    static func open(_ batch: Int64, app: App, unit: OrgUnit?) {
        let view = BatchView(batch: batch, origin: unit)
        view.reload(app: app)
        guard view.contents != nil else { return }
        app.push(view)
    }

    private init(batch: Int64, origin: OrgUnit?) {
        self.batch = batch
        self.origin = origin
    }

    var context: KeyContext { .batch }
    var keyBar: [Command] { [.addParticipants, .removeParticipant, .undo, .back, .help] }

    func reload(app: App) {
        let keep = members.isEmpty ? nil : members[cursor.selection].id
        app.attempt { contents = try app.store.batchMembers(batch) }
        cursor.update(count: members.count)
        if let keep, let index = members.firstIndex(where: { $0.id == keep }) { cursor.select(index) }
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .addParticipants:
            guard let unit = joinUnit(app: app) else {
                app.warn(app.t(L.batchNoMembers))
                return true
            }
            let list = EmployeeListView(app: app, unit: unit)
            list.joining = self
            app.push(list)
        case .removeParticipant:
            guard !members.isEmpty else { return true }
            let member = members[cursor.selection]
            let label = self.label
            app.confirm(app.t(L.batchConfirmRemove(member.pegawai.nama, label)), onYes: { [unowned self] in
                if app.attempt({ try app.store.removeFromBatch(self.batch, record: member.id) }) {
                    app.inform(app.t(L.batchRemoved(member.pegawai.nama, label)))
                }
                app.dataChangedHere()
            })
        default:
            return false
        }
        return true
    }

    /// A pasted column of NIPs adds those employees (after asking).
    func handlePaste(_ text: String, app: App) {
        let pasted = PastedNIPs(text)
        guard !pasted.nips.isEmpty else {
            app.warn(app.t(L.pasteNoNIP))
            return
        }
        add(pasted.nips, app: app)
    }

    /// Asks, then adds `nips` (those not taking part yet) in one change; on success the
    /// app returns to this view.
    func add(_ nips: [String], app: App) {
        let present = Set(members.map(\.pegawai.nip))
        let new = nips.filter { !present.contains($0) }
        let already = nips.count - new.count
        guard !new.isEmpty else {
            app.warn(app.t(L.batchAlreadyIn(already)))
            return
        }
        let label = self.label
        app.confirm(app.t(L.batchConfirmAdd(new.count, label)), defaultYes: true, onYes: { [unowned self] in
            do {
                let result = try app.store.addToBatch(self.batch, nips: new)
                app.pop(to: self)
                var text = app.t(L.batchAdded(result.ids.count, label))
                if already > 0 { text += " " + app.t(L.batchAlreadyIn(already)) }
                app.inform(text)
                app.dataChangedHere()
            } catch let refused as BatchRefused {
                let lines = refused.refusals.map { refusal in
                    let name = (try? app.store.pegawai(nip: refusal.nip))??.nama ?? NIP.formatted(refusal.nip)
                    return name + ": " + (refusal.issues.first?.message(app.language) ?? "")
                }
                app.fail(app.t(L.batchRefusedText(lines)))
            } catch {
                app.attempt { throw error }
            }
        })
    }

    /// Where to choose new participants: the deepest unit holding every participant, or the
    /// unit the list was opened from.
    private func joinUnit(app: App) -> OrgUnit? {
        guard let tree = try? UnitTree(app.store.units()) else { return origin }
        let chains = members.map { member in [member.pegawai.kodeUnit] + tree.ancestors(of: member.pegawai.kodeUnit).map(\.kode) }
        guard var common = chains.first else { return origin }
        for chain in chains.dropFirst() { common = common.filter(chain.contains) }
        return common.first.flatMap(tree.unit) ?? origin
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        guard let contents else { return }
        let language = app.language
        let info = contents.summary.info
        Draw.title(&grid, app.t(L.batchTitle(info.label, members.count)), right: app.t(L.batchSaved(BatchListView.moment(info.at, app: app), info.actor)) + " ")
        if let template = contents.summary.template {
            let what = language.t(L.recordNoun[template.kind]!) + ": " + EmployeeView.describe(template, language)
            grid.put(what, row: 1, col: 1, style: .header, maxWidth: grid.width - 2)
        }
        grid.put(app.t(L.batchHint), row: 2, col: 1, style: .dim, maxWidth: grid.width - 2)
        guard !members.isEmpty else {
            grid.put(app.t(L.batchNoMembers), row: 4, col: 2, style: .dim, maxWidth: grid.width - 4)
            return
        }
        let table = Table(
            [
                .init(language.t(L.colNIP), width: .fixed(21)),
                .init(language.t(L.colName), width: .fill(minimum: 12)),
                .init(language.t(L.colUnitCode), width: .fixed(14)),
            ], width: grid.width)
        table.drawHeader(into: &grid, row: 3, col: 0)
        for (offset, index) in cursor.visible(height: rows - 4).enumerated() {
            let member = members[index]
            table.draw(
                [.init(NIP.formatted(member.pegawai.nip)), .init(member.pegawai.nama), .init(member.pegawai.kodeUnit, style: .dim)],
                into: &grid, row: 4 + offset, col: 0, selected: index == cursor.selection)
        }
    }
}
