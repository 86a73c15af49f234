import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal

/// The problems of a file the import stopped at: nothing of it was written. Every problem
/// is listed with its line number (scrollable, long messages wrapped), and the admin chooses:
/// `v` imports the file's valid rows only (the refused rows go to the named rejected-rows
/// file) and goes on with the next files, Esc stops the import.
final class ImportProblemsView: View {
    private let run: ImportRun
    private let report: ImportReport
    private var cursor = ScrollList(count: 0, height: 1)
    /// The first problem row shown.
    private var top = 0
    /// What happens when the run finishes or stops (the welcome screen shows the outcome).
    private let finish: (ImportRun, App) -> Void
    /// The rows "valid rows only" would write.
    private let validRows: Int

    init(run: ImportRun, report: ImportReport, finish: @escaping (ImportRun, App) -> Void) {
        self.run = run
        self.report = report
        self.finish = finish
        self.validRows = Self.countValidRows(report)
    }

    var context: KeyContext { .importReport }
    var keyBar: [Command] {
        run.similarRows > 0 && !run.similarAllowed
            ? [.importSimilar, .importValidRows, .moveDown, .pageDown, .back, .quit]
            : [.importValidRows, .moveDown, .pageDown, .back, .quit]
    }

    /// The refused rows: every line with an error.
    var refusedRows: Int { Set(report.issues.map(\.line)).count }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .importValidRows:
            WelcomeView.step(run, app: app) { try run.importValidRowsAndProceed() }
            return true
        case .importSimilar:
            guard run.similarRows > 0, !run.similarAllowed else { return true }
            WelcomeView.step(run, app: app) { try run.importSimilarAndProceed() }
            return true
        case .back:
            finish(run, app)
            return true
        default:
            return false
        }
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        let name = (report.path as NSString).lastPathComponent
        Draw.title(&grid, app.t(L.importProblemsTitle(name)))
        let width = grid.width - 2
        var header: [(String, Style)] = [(app.t(L.importProblemsSummary(report.issues.count, refusedRows)), .warning)]
        // A header that looks like a column the file lacks: named once, above the rows it empties.
        header += report.lookalikeMessages(app.language).map { ($0, .error) }
        if !run.done.isEmpty {
            let files = run.done.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
            header.append((app.t(L.importAlreadyDone(files, run.imported)), .normal))
        }
        let later = run.remaining.dropFirst().map { ($0.path as NSString).lastPathComponent }
        if !later.isEmpty { header.append((app.t(L.importNotYet(later.joined(separator: ", "))), .normal)) }
        let present = report.alreadyPresentLines.count
        if present > 0 { header.append((app.t(L.importAlreadyPresent(present)), .normal)) }
        // "valid rows only" never writes over an earlier rejected-rows file: the name it will use.
        let earlier = Importer.rejectedFilePath(for: report.path)
        let rejected = Importer.unusedRejectedFilePath(earlier)
        if rejected != earlier {
            header.append((app.t(L.importEarlierRejectedKept((earlier as NSString).lastPathComponent)), .normal))
        }
        let similar = run.similarRows
        if similar > 0, !run.similarAllowed {
            let others = refusedRows - similar
            header.append((app.t(L.importSimilarChoice(similar, others: others, key: app.keymap.keyText(for: .importSimilar, in: .importReport))), .highlight))
        }
        header.append(
            (app.t(validRows > 0 ? L.importChoice(validRows, rejected) : L.importChoiceNoneValid(rejected)), .highlight))
        var row = 1
        for (text, style) in header {
            for line in DisplayWidth.wrap(text, toWidth: width) where row < rows {
                grid.put(line, row: row, col: 1, style: style, maxWidth: width)
                row += 1
            }
        }
        // The problems, one entry each, wrapped; the selection moves by entry and the list
        // scrolls by row so that the selected entry is always whole on screen.
        let entries = report.messages(app.language)
        cursor.update(count: entries.count, height: max(1, rows - row - 1))
        var lines: [(text: String, entry: Int)] = []
        for (index, entry) in entries.enumerated() {
            for (n, line) in DisplayWidth.wrap(entry, toWidth: width - 2).enumerated() {
                lines.append(((n == 0 ? "• " : "  ") + line, index))
            }
        }
        let listTop = row + 1
        let height = rows - listTop
        guard height > 0, !lines.isEmpty else { return }
        let first = lines.firstIndex { $0.entry == cursor.selection } ?? 0
        let last = lines.lastIndex { $0.entry == cursor.selection } ?? 0
        if first < top { top = first }
        if last >= top + height { top = last - height + 1 }
        top = max(0, min(top, lines.count - height))
        for (offset, line) in lines.dropFirst(top).prefix(height).enumerated() {
            let selected = line.entry == cursor.selection
            grid.put(line.text, row: listTop + offset, col: 1, style: selected ? .selected : .normal, maxWidth: width)
        }
    }
}

extension App {
    /// Puts `view` on top: in place of the top view, unless the top is a `base` (which stays below).
    func replaceTop(with view: View, over base: View.Type) {
        if let top, type(of: top) != base, stack.count > 1 { pop() }
        push(view)
    }

}

extension ImportProblemsView {
    /// The rows of a stopped file that "valid rows only" would write: its data rows less the
    /// refused ones and those already there (counted by reading the file, not by importing).
    static func countValidRows(_ report: ImportReport) -> Int {
        let refused = Set(report.issues.map(\.line)).count + report.alreadyPresentLines.count
        if Importer.isXLSX(report.path) {
            // A workbook is a zip, not lines of text: its rows below the header, as the import
            // reads them (title rows above the header and empty rows are not rows to import).
            // The date only checks values, never whether a row counts.
            guard var sheet = try? XLSXImportSource(kind: report.kind, path: report.path, today: .endOfYear(9999)) else { return 0 }
            var rows = 0
            while (try? sheet.next()) != nil { rows += 1 }
            return max(0, rows - refused)
        }
        guard let reader = try? CSVReader(path: report.path) else { return 0 }
        // Rows of empty cells (`;;;;;;` as Excel saves a cleared row) are passed over by the
        // import, before the header as after it: they are not rows to import.
        func filled(_ record: CSVRecord) -> Bool { record.fields.contains { $0.contains { $0 != " " && $0 != "\t" } } }
        var rows = 0
        var sawHeader = false
        while let record = try? reader.next() {
            guard filled(record) else { continue }
            if sawHeader { rows += 1 } else { sawHeader = true }
        }
        return max(0, rows - refused)
    }
}
