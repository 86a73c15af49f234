import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNTerminal

/// `x` on the pending screens: asks for the folder (the report folder or the current
/// directory by default), then writes the pending records of the unit shown (every unit
/// from the per-unit list) in SIASN's shapes through ``PendingExport`` (the code of
/// `ipasn export siasn-KIND --pending`), one file per kind, each batch saved once its file
/// is synced. Back on the pending screen, reloaded: what remains is what was held back.
final class PendingExportView: View {
    let unit: OrgUnit?
    private var path: LineEditor
    private let scope: String
    /// Set from Enter until the export has run: the screen says it works (the export runs after
    /// that frame is drawn), and a second Enter meanwhile starts nothing.
    private var exporting = false

    init(app: App, unit: OrgUnit?) {
        self.unit = unit
        path = LineEditor(text: app.reportFolder ?? FileManager.default.currentDirectoryPath, maxLength: 500)
        scope = unit.map { app.displayName(of: $0) } ?? app.t(L.exportPendingAll)
    }

    var context: KeyContext { .search }
    var keyBar: [Command] { [.open, .back, .quit] }
    var hasUnsavedInput: Bool { false }

    func handleKey(_ key: Key, app: App) -> Bool {
        switch key {
        case .enter:
            guard !exporting else { return true }
            exporting = true
            app.afterNextFrame { [weak self] in
                guard let self else { return }
                self.run(app: app)
                self.exporting = false
            }
            return true
        case .escape:
            app.pop()
            return true
        default:
            return path.handle(key)
        }
    }

    func handle(_ command: Command, app: App) -> Bool { false }

    private func run(app: App) {
        let folder = path.text.trimmingCharacters(in: .whitespaces)
        guard !folder.isEmpty else { return }
        do {
            let files = try PendingExport.run(
                store: app.store, unit: unit?.kode, folder: folder, now: app.context.now(), timeZone: app.context.timeZone)
            app.pop()
            if files.isEmpty {
                // Records still pending were held back (rejected, or SKP SIASN cannot take): say so,
                // the pending screen behind still counts them.
                let waiting = (try? PendingReport.compute(store: app.store, unit: unit?.kode, timeZone: app.context.timeZone).total) ?? 0
                app.inform(app.t(waiting > 0 ? L.exportPendingNoneSendable(waiting) : L.exportPendingNothing))
                return
            }
            var text = app.t(L.exportPendingDone(files.map(\.rows).reduce(0, +), files.count, folder))
            let deletions = files.map(\.deletions.count).reduce(0, +)
            if deletions > 0 { text += " " + app.t(L.exportPendingDeletions(deletions)) }
            let left = files.map(\.left).reduce(0, +)
            if left > 0 { text += " " + app.t(L.exportPendingLeft(left)) }
            app.inform(text)
        } catch let failure as PendingExport.Failure {
            app.fail(failure.message(app.language))
        } catch {
            app.fail(app.t(L.storeError(error)))
        }
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.exportPendingTitle(scope)), right: "SIASN ")
        var row = 2
        for line in DisplayWidth.wrap(app.t(L.exportPendingIntro), toWidth: grid.width - 6) where row < rows {
            grid.put(line, row: row, col: 3)
            row += 1
        }
        row += 1
        grid.put(app.t(L.exportPendingPrompt), row: row, col: 3)
        path.draw(into: &grid, row: row + 1, col: 3, width: grid.width - 6, focused: true)
        grid.put(app.t(L.exportPendingHint), row: row + 2, col: 3, style: .dim, maxWidth: grid.width - 4)
        guard exporting else { return }
        row += 4
        for line in DisplayWidth.wrap(app.t(L.exportPendingWorking), toWidth: grid.width - 6) where row < rows {
            grid.put(line, row: row, col: 3, style: .status)
            row += 1
        }
    }
}
