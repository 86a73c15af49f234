import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNTerminal

/// `R` on the unit list and the dashboard: asks for BKN's IP ASN result file (the PIP ASN
/// download, .xlsx or CSV), reads it (``BKNResultReader``), compares it with ipasn's scores
/// for the measurement year (``Reconciliation``) and opens ``ReconcileUnitsView`` in its
/// place. A file that cannot be read stays here with every problem and its line.
final class ReconcilePathView: View {
    private var path = LineEditor(maxLength: 500)
    private var problems: [String] = []
    private var reading = false
    /// Which export batch sent a record, when export tracking knows (wired by the lead).
    let sentInfo: SentInfoLookup?

    init(sentInfo: SentInfoLookup? = nil) {
        self.sentInfo = sentInfo
    }

    var context: KeyContext { .search }
    var keyBar: [Command] { [.open, .back, .quit] }

    func handleKey(_ key: Key, app: App) -> Bool {
        switch key {
        case .enter:
            start(app: app)
            return true
        case .escape:
            app.pop()
            return true
        default:
            return path.handle(key)
        }
    }

    func handle(_ command: Command, app: App) -> Bool { false }

    private func start(app: App) {
        let text = path.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !reading else { return }
        let file = (text as NSString).expandingTildeInPath
        guard FileManager.default.fileExists(atPath: file) else {
            problems = [app.t(L.reconcileNoFile(file))]
            return
        }
        problems = []
        reading = true
        app.afterNextFrame { [weak self] in
            guard let self else { return }
            self.reading = false
            self.compare(file, app: app)
        }
    }

    private func compare(_ file: String, app: App) {
        let language = app.language
        let rows: BKNResultFile
        do {
            rows = try BKNResultReader.read(path: file)
        } catch let error as BKNResultError {
            problems = error.message(language).split(separator: "\n").map(String.init)
            return
        } catch let error as XLSXError {
            problems = [error.message(language)]
            return
        } catch let error as CSVReadError {
            problems = [error.message(language)]
            return
        } catch {
            problems = [app.t(L.storeError(error))]
            return
        }
        app.attempt {
            let report = try Reconciliation.compute(
                store: app.store, rows: rows.rows, year: app.year, ruleset: app.engine.ruleset, sentInfo: sentInfo)
            app.pop()
            app.push(ReconcileUnitsView(report: report, file: rows, app: app))
        }
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.reconcileTitle), right: "\(app.t(L.labelYear)) \(app.year) ")
        var row = 2
        for text in [app.t(L.reconcileExplain), app.t(L.reconcileYear(app.year))] {
            for line in DisplayWidth.wrap(text, toWidth: grid.width - 6) where row < rows {
                grid.put(line, row: row, col: 3)
                row += 1
            }
        }
        row += 1
        grid.put(app.t(L.reconcilePrompt), row: row, col: 3, maxWidth: grid.width - 4)
        path.draw(into: &grid, row: row + 1, col: 3, width: grid.width - 6, focused: true)
        grid.put(app.t(reading ? L.reconcileReading : L.reconcileHint), row: row + 2, col: 3, style: .dim, maxWidth: grid.width - 4)
        row += 4
        for problem in problems {
            for line in DisplayWidth.wrap(problem, toWidth: grid.width - 6) where row < rows {
                grid.put(line, row: row, col: 3, style: .error, maxWidth: grid.width - 4)
                row += 1
            }
        }
    }
}
