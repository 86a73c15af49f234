import IPASNCore
import IPASNStore
import IPASNTerminal

/// This year's SKP for many employees at once (`n` in a unit's employee list, for those
/// chosen or the whole unit): one row per employee (name, NIP, the SKP stored for the year),
/// a predikat and a nilai typed like a spreadsheet (Enter/Down the next row, Tab the next
/// column; a predikat is picked from its first letters as in the form). Ctrl-S shows the
/// review (each score before -> after, the unit mean before -> after); Ctrl-S again saves
/// every filled row in ONE transaction (``Store/addBatch(_:label:)``), undone as one step.
/// Empty rows are not saved; an employee who has the year's SKP already is not saved again.
final class SKPGridView: View {
    let source: any BulkSource
    private(set) var grid: SKPGrid
    private let unitTotals: ScoreTotals?
    /// The review, once Ctrl-S found every filled row readable.
    private(set) var review: SKPGridReview?
    private var message: (text: String, style: Style)?
    private var reviewCursor = ScrollList(count: 0, height: 1)

    static func open(app: App, source: any BulkSource, employees: [Pegawai]) {
        guard !employees.isEmpty else { return }
        guard employees.count <= BulkCourseView.maximumParticipants else {
            app.warn(app.t(L.bulkTooMany(employees.count, BulkCourseView.maximumParticipants)))
            return
        }
        app.attempt { app.push(try SKPGridView(app: app, source: source, employees: employees)) }
    }

    init(app: App, source: any BulkSource, employees: [Pegawai]) throws {
        self.source = source
        var loaded: [StoredEmployeeRecords] = []
        for pegawai in employees {
            if let records = try app.store.records(nip: pegawai.nip) { loaded.append(records) }
        }
        grid = SKPGrid(year: app.year, employees: loaded)
        if let unit = source.bulkUnit {
            let tree = UnitTree(try app.store.units())
            let direct = try app.store.directUnitTotals(year: app.year)
            unitTotals = tree.total(of: unit.kode, direct: direct, zero: ScoreTotals()) { $0.add($1) }
        } else {
            unitTotals = nil
        }
    }

    var context: KeyContext { review == nil ? .grid : .review }
    var keyBar: [Command] { review == nil ? [.save, .nextRow, .nextField, .back, .help] : [.save, .back, .help] }
    var hasUnsavedInput: Bool { grid.rows.contains { !$0.isEmpty } }
    var status: (text: String, style: Style)? { message }

    // MARK: Keys

    func handleKey(_ key: Key, app: App) -> Bool {
        guard review == nil else { return false }
        switch key {
        case .char(let c) where !c.isNewline && c != "\t":
            grid.type(c)
        case .backspace:
            grid.backspace()
        case .ctrl("u"):
            grid.clearCell()
        case .ctrl("w"):
            grid.deleteWord()
        default:
            return false
        }
        message = nil
        return true
    }

    func handle(_ command: Command, app: App) -> Bool {
        if review != nil {
            switch command {
            case .save: save(app: app)
            case .back: review = nil
            default:
                if reviewCursor.move(command) { return true }
                return false
            }
            return true
        }
        switch command {
        case .nextRow, .previousRow, .nextField, .previousField:
            guard settle(app: app) else { return true }
            switch command {
            case .nextRow: grid.nextRow()
            case .previousRow: grid.previousRow()
            case .nextField: grid.nextColumn()
            default: grid.previousColumn()
            }
        case .save:
            guard settle(app: app) else { return true }
            openReview(app: app)
        default:
            return false
        }
        return true
    }

    /// Completes the predikat cell being left; false (with a message) when it picks none.
    private func settle(app: App) -> Bool {
        let typed = grid.text
        if grid.settle() { return true }
        let fits = SKPGrid.predikatMatches(typed)
        message = (app.t(fits.count > 1 ? L.gridAmbiguousPredikat(typed, fits.map(\.displayName)) : L.gridUnknownPredikat(typed)), .error)
        return false
    }

    private func openReview(app: App) {
        let parser = app.parser
        if let problem = grid.problems(parser: parser).first {
            grid.row = problem.row
            grid.column = problem.issue.field == "nilai" ? .nilai : .predikat
            message = (app.t(L.gridRowProblem(grid.rows[problem.row].pegawai.nama, problem.issue.message(app.language))), .error)
            return
        }
        let made = SKPGridReview(grid: grid, parser: parser, engine: app.engine, unitTotals: unitTotals)
        guard !made.lines.isEmpty else {
            message = (app.t(L.gridNothing), .warning)
            return
        }
        message = nil
        review = made
        reviewCursor = ScrollList(count: made.lines.count, height: 1)
    }

    private func save(app: App) {
        guard let review else { return }
        let records = review.toSave
        guard !records.isEmpty else {
            message = (app.t(L.gridNothing), .warning)
            return
        }
        do {
            let result = try app.store.addBatch(records, label: "SKP \(grid.year)")
            var text = app.t(L.gridSaved(result.ids.count, grid.year))
            if let before = review.unitBefore, let after = review.unitAfter {
                text += " \(app.t(L.unitMean)) \(app.language.mean(before)) -> \(app.language.mean(after))."
            }
            grid = SKPGrid(year: grid.year, employees: [])
            app.pop(to: source)
            source.bulkSaved(app: app)
            app.inform(text)
        } catch let refused as BatchRefused {
            let lines = refused.refusals.map { refusal in
                let name = review.lines.first { $0.pegawai.nip == refusal.nip }?.pegawai.nama ?? refusal.nip
                return name + ": " + (refusal.issues.first?.message(app.language) ?? "")
            }
            message = (app.t(L.bulkRefused(refused.refusals.count)) + " " + lines.joined(separator: "; "), .error)
        } catch {
            message = (app.storeFailureText(error), .error)
        }
    }

    // MARK: Drawing

    static func skpText(_ skp: SKP?, _ language: Language) -> String {
        guard let skp else { return "-" }
        if let predikat = skp.predikat { return predikat.displayName }
        return skp.nilai.map { NumberText.decimal($0, language) } ?? "-"
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        if let review {
            renderReview(review, into: &grid, rows: rows, app: app)
            return
        }
        let language = app.language
        Draw.title(&grid, app.t(L.gridTitle(self.grid.year, self.grid.rows.count)), right: source.bulkUnit.map { app.displayName(of: $0) + " " } ?? "")
        grid.put(app.t(L.gridHint), row: 1, col: 1, style: .dim, maxWidth: grid.width - 2)
        let table = Table(
            [
                .init(language.t(L.colName), width: .fill(minimum: 10)),
                .init(language.t(L.colNIP), width: .fixed(18)),
                .init(language.t(L.colSKPNow), width: .fixed(15)),
                .init(language.t(L.colPredikat), width: .fixed(16)),
                .init(language.t(L.colNilai), width: .fixed(6)),
            ], width: grid.width)
        table.drawHeader(into: &grid, row: 2, col: 0)
        let height = max(1, rows - 3)
        let top = min(max(0, self.grid.row - height + 1), max(0, self.grid.rows.count - height))
        for (offset, index) in (top..<min(self.grid.rows.count, top + height)).enumerated() {
            let row = self.grid.rows[index]
            let here = index == self.grid.row
            func cell(_ text: String, _ column: SKPGrid.Column) -> Table.Cell {
                here && self.grid.column == column ? .init(text + "▏", style: .selected) : .init(text.isEmpty ? "·" : text, style: text.isEmpty ? .dim : nil)
            }
            table.draw(
                [
                    .init(row.pegawai.nama, style: here ? .highlight : nil), .init(row.pegawai.nip),
                    .init(Self.skpText(row.current, language), style: row.current == nil ? .dim : .warning),
                    cell(row.predikat, .predikat), cell(row.nilai, .nilai),
                ], into: &grid, row: 3 + offset, col: 0, selected: false)
        }
    }

    private func renderReview(_ review: SKPGridReview, into grid: inout CellGrid, rows: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.gridReviewTitle(self.grid.year, review.lines.count)))
        let saved = review.lines.filter(\.saved).count
        grid.put(app.t(L.gridReviewHead(saved, review.lines.count - saved)), row: 1, col: 1, style: .highlight, maxWidth: grid.width - 2)
        if let before = review.unitBefore, let after = review.unitAfter {
            grid.put("\(app.t(L.unitMean)) \(language.mean(before)) -> \(language.mean(after))", row: 2, col: 1, style: .normal, maxWidth: grid.width - 2)
        }
        let table = Table(
            [
                .init(width: .fixed(1)),
                .init(language.t(L.colName), width: .fill(minimum: 10)),
                .init(language.t(L.colPredikat), width: .fixed(15)),
                .init(language.t(L.dimShort[.kinerja]!), width: .fixed(9), alignment: .right),
                .init(language.t(L.colTotal), width: .fixed(11), alignment: .right),
                .init(language.t(L.bulkColNote), width: .fixed(9)),
            ], width: grid.width)
        table.drawHeader(into: &grid, row: 3, col: 0)
        for (offset, index) in reviewCursor.visible(height: max(1, rows - 4)).enumerated() {
            let line = review.lines[index]
            table.draw(
                [
                    line.saved ? .init("+", style: .highlight) : .init("-", style: .warning), .init(line.pegawai.nama),
                    .init(Self.skpText(line.record, language)),
                    .init(BulkReviewView.change(line.before.kinerja, line.after.kinerja, language)),
                    .init(BulkReviewView.change(line.before.total, line.after.total, language)),
                    line.saved ? .init("") : .init(language.t(L.gridNoteExisting), style: .warning),
                ], into: &grid, row: 4 + offset, col: 0, selected: index == reviewCursor.selection)
        }
    }
}
