import IPASNCore
import IPASNStore
import IPASNTerminal

/// This year's SKP for many employees at once (`n` in a unit's employee list, for those
/// chosen or the whole unit): one row per employee (name, NIP, the SKP stored for the year,
/// read for all rows in one query), a predikat and a nilai typed like a spreadsheet
/// (Enter/Down the next row, Tab the next column; a predikat is picked from its first
/// letters as in the form). A row whose employee has the year's SKP already says so when the
/// cursor reaches it, and the admin chooses: ganti (F3: the typed SKP replaces it, an edit
/// refused if another admin changed it meanwhile) or biarkan (F4: skipped); without a
/// choice the row is not saved. Ctrl-S shows the review (per row: new / ganti X -> Y /
/// biarkan / belum dipilih, each saved score before -> after, the unit mean before ->
/// after); Ctrl-S again saves the new and ganti rows in ONE transaction
/// (``SKPGridStore/saveSKPGrid(_:label:)``), undone as one step.
final class SKPGridView: View {
    /// A unit's grid is one screen of rows read in one query; above this the admin chooses a sub-unit.
    static let maximumRows = 5_000

    let source: any BulkSource
    private(set) var grid: SKPGrid
    private var unitTotals: ScoreTotals?
    /// The review, once Ctrl-S found every saved row readable.
    private(set) var review: SKPGridReview?
    private var message: (text: String, style: Style)?
    private var reviewCursor = ScrollList(count: 0, height: 1)
    private let keymap: Keymap

    static func open(app: App, source: any BulkSource, employees: [Pegawai]) {
        guard !employees.isEmpty else { return }
        guard employees.count <= maximumRows else {
            app.warn(app.t(L.bulkTooMany(employees.count, maximumRows)))
            return
        }
        app.attempt { app.push(try SKPGridView(app: app, source: source, employees: employees)) }
    }

    init(app: App, source: any BulkSource, employees: [Pegawai]) throws {
        self.source = source
        keymap = app.keymap
        language = app.language
        // One read for every row's stored SKP of the year (not one per employee).
        grid = SKPGrid(year: app.year, employees: employees, existing: try app.store.skp(year: app.year, nips: employees.map(\.nip)))
        unitTotals = try Self.unitTotals(app: app, source: source)
    }

    /// The chosen unit's totals with its sub-units (the review's unit mean), nil without a unit.
    private static func unitTotals(app: App, source: any BulkSource) throws -> ScoreTotals? {
        guard let unit = source.bulkUnit else { return nil }
        let tree = UnitTree(try app.store.units())
        let direct = try app.store.directUnitTotals(year: app.year)
        return tree.total(of: unit.kode, direct: direct, zero: ScoreTotals()) { $0.add($1) }
    }

    var context: KeyContext { review == nil ? .grid : .review }
    var keyBar: [Command] {
        review == nil ? [.save, .replaceExisting, .keepExisting, .back, .help] : [.save, .back, .help]
    }
    var hasUnsavedInput: Bool { grid.rows.contains { !$0.isEmpty || $0.decision != nil } }
    var status: (text: String, style: Style)? { message ?? (review == nil ? rowNotice : nil) }

    private func key(_ command: Command) -> String { keymap.keyNames(for: command, in: .grid).first ?? "" }

    /// What happens to the cursor's row, when its employee has the year's SKP already.
    private var rowNotice: (text: String, style: Style)? {
        guard !grid.rows.isEmpty else { return nil }
        let row = grid.rows[grid.row]
        guard let current = row.current else { return nil }
        let stored = Self.skpText(current.value, language)
        let name = row.pegawai.nama
        let replace = key(.replaceExisting)
        let keep = key(.keepExisting)
        if let by = row.changedBy {
            return (t(L.gridChangedMeanwhile(name, grid.year, stored, by, replace, keep)), .warning)
        }
        if row.plan == .unchanged {
            // Typed what is stored: nothing to choose, nothing written.
            return (t(L.gridRowUnchanged(name, grid.year, stored)), .dim)
        }
        switch row.decision {
        case .replace: return (t(L.gridWillReplace(name, grid.year, stored, keep)), .highlight)
        case .keep: return (t(L.gridWillKeep(name, grid.year, stored, replace)), .highlight)
        case nil where row.isEmpty:
            // Nothing typed in this row: said quietly, no choice asked (the cursor passes many such rows).
            return (t(L.gridHasSKPQuiet(name, grid.year, stored)), .dim)
        case nil: return (t(L.gridHasSKP(name, grid.year, stored, replace, keep)), .warning)
        }
    }

    // The language of the last drawn frame (the notices are computed between frames).
    private var language: Language = .id
    private func t(_ text: Txt) -> String { language.t(text) }

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
        language = app.language
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
            let before = grid.rows.isEmpty ? "" : grid.rows[grid.row].nilai
            guard settle(app: app) else { return true }
            // A score just moved to the nilai cell keeps its note on the message row.
            if grid.rows.isEmpty || grid.rows[grid.row].nilai == before { message = nil }
            switch command {
            case .nextRow: grid.nextRow()
            case .previousRow: grid.previousRow()
            case .nextField: grid.nextColumn()
            default: grid.previousColumn()
            }
        case .replaceExisting, .keepExisting:
            guard settle(app: app) else { return true }
            decide(command == .replaceExisting ? .replace : .keep, app: app)
        case .save:
            guard settle(app: app) else { return true }
            openReview(app: app)
        default:
            return false
        }
        return true
    }

    private func decide(_ decision: SKPGrid.Decision, app: App) {
        guard !grid.rows.isEmpty else { return }
        let row = grid.rows[grid.row]
        if grid.decide(decision) {
            message = nil
        } else if row.current == nil {
            message = (app.t(L.gridNothingToChoose(row.pegawai.nama, grid.year)), .warning)
        } else {
            message = (app.t(L.gridTypeBeforeReplace(row.pegawai.nama)), .warning)
        }
    }

    /// Completes the predikat cell being left; false (with a message) when it picks none.
    private func settle(app: App) -> Bool {
        let typed = grid.text
        if grid.moveScoreToNilai() {
            message = (app.t(L.gridScoreMovedToNilai(typed)), .ok)
            return true
        }
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
        do {
            let made = try SKPGridReview(grid: grid, parser: parser, engine: app.engine, unitTotals: unitTotals) {
                try app.store.records(nip: $0)
            }
            guard !made.lines.isEmpty else {
                message = (app.t(L.gridNothing), .warning)
                return
            }
            message = nil
            review = made
            reviewCursor = ScrollList(count: made.lines.count, height: 1)
        } catch {
            message = (app.storeFailureText(error), .error)
        }
    }

    private func save(app: App) {
        guard let review else { return }
        let changes = review.toSave
        guard !changes.isEmpty else {
            message = (app.t(L.gridNothingSaved(review.count(.undecided))), .warning)
            return
        }
        do {
            try app.store.saveSKPGrid(changes, label: "SKP \(grid.year)")
            var text = app.t(L.gridSavedPlan(review.count(.new), review.count(.replace), grid.year))
            if let before = review.unitBefore, let after = review.unitAfter {
                text += " \(app.t(L.unitMean)) \(app.language.mean(before)) -> \(app.language.mean(after))."
            }
            grid = SKPGrid(year: grid.year, employees: [], existing: [:])
            app.pop(to: source)
            source.bulkSaved(app: app)
            app.inform(text)
        } catch let conflict as SKPGridConflict {
            // Another admin changed SKP this grid replaces: read every row's SKP again, the
            // changed rows need a choice again; the input stays.
            let by = Dictionary(conflict.rows.map { ($0.nip, $0.by) }, uniquingKeysWith: { first, _ in first })
            backToGrid(app: app, changedBy: by)
        } catch let refused as BatchRefused {
            // A new row may have met an SKP another admin entered meanwhile (a duplicate): read again.
            if backToGrid(app: app, changedBy: [:]) { return }
            let lines = refused.refusals.map { refusal in
                let name = changes.indices.contains(refusal.index)
                    ? review.lines.first { $0.pegawai.nip == refusal.nip }?.pegawai.nama ?? refusal.nip : refusal.nip
                return name + ": " + (refusal.issues.first?.message(app.language) ?? "")
            }
            message = (app.t(L.bulkRefused(refused.refusals.count)) + " " + lines.joined(separator: "; "), .error)
        } catch {
            message = (app.storeFailureText(error), .error)
        }
    }

    /// Reads every row's stored SKP again after a refused save; when some changed, back to
    /// the grid on the first of them with a message naming who changed it. False when none changed.
    @discardableResult
    private func backToGrid(app: App, changedBy: [String: String]) -> Bool {
        let existing: [String: StoredRecord<SKP>]
        do {
            existing = try app.store.skp(year: grid.year, nips: grid.rows.map(\.pegawai.nip))
        } catch {
            message = (app.storeFailureText(error), .error)
            return true
        }
        let changed = grid.reload(existing, changedBy: changedBy)
        guard let first = changed.first else { return false }
        // The other admin's change moved the unit's scores too: the next review starts from them.
        if let totals = try? Self.unitTotals(app: app, source: source) { unitTotals = totals }
        review = nil
        grid.row = first
        grid.column = .predikat
        let names = changed.map { grid.rows[$0].pegawai.nama }
        let actors = Set(changed.compactMap { grid.rows[$0].changedBy }.filter { !$0.isEmpty }).sorted()
        message = (app.t(L.gridSaveRefusedChanged(names, actors)), .error)
        return true
    }

    // MARK: Drawing

    /// An SKP as the grid shows it: the predikat and the nilai when both are there.
    static func skpText(_ skp: SKP?, _ language: Language) -> String {
        guard let skp else { return "-" }
        let nilai = skp.nilai.map { language.points($0) }
        if let predikat = skp.predikat { return [predikat.displayName, nilai].compactMap { $0 }.joined(separator: " ") }
        return nilai ?? "-"
    }

    static func planText(_ plan: SKPGrid.Plan) -> Txt {
        switch plan {
        case .nothing: return Txt("", "")
        case .new: return L.gridPlanNew
        case .replace: return L.gridPlanReplace
        case .keep: return L.gridPlanKeep
        case .undecided: return L.gridPlanUndecided
        case .unchanged: return L.gridPlanUnchanged
        }
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        language = app.language
        if let review {
            renderReview(review, into: &grid, rows: rows, app: app)
            return
        }
        Draw.title(&grid, app.t(L.gridTitle(self.grid.year, self.grid.rows.count)), right: source.bulkUnit.map { app.displayName(of: $0) + " " } ?? "")
        grid.put(app.t(L.gridHint), row: 1, col: 1, style: .dim, maxWidth: grid.width - 2)
        // The stored SKP's column is as wide as what it shows (often "-": none stored), at most
        // 12 ("Sangat Baik"; the message row shows the current row's whole), so the name takes
        // what is left; names cut alike keep their ends (``DisplayWidth/truncateApart``).
        let stored = self.grid.rows.map { Self.skpText($0.current?.value, language) }
        let storedWidth = min(12, max(DisplayWidth.width(of: language.t(L.colSKPStored)), stored.map { DisplayWidth.width(of: $0) }.max() ?? 0))
        // The NIP only where every column fits beside it (user test 13: at 70 columns the plan,
        // "pilih!" included, was cut to three letters; below 67 it was gone): the name and the
        // plan matter more while typing, and the names get its room.
        let showNIP = grid.width >= 10 + 18 + storedWidth + 16 + 6 + 7 + 5
        let table = Table(
            [
                .init(language.t(L.colName), width: .fill(minimum: 10)),
                showNIP ? .init(language.t(L.colNIP), width: .fixed(18)) : nil,
                .init(language.t(L.colSKPStored), width: .fixed(storedWidth)),
                .init(language.t(L.colPredikat), width: .fixed(16)),
                .init(language.t(L.colNilai), width: .fixed(6)),
                .init(language.t(L.colGridPlan), width: .fixed(7)),
            ].compactMap { $0 }, width: grid.width)
        table.drawHeader(into: &grid, row: 2, col: 0)
        let names = DisplayWidth.truncateApart(self.grid.rows.map(\.pegawai.nama), toWidth: table.widths[0])
        let height = max(1, rows - 3)
        let top = min(max(0, self.grid.row - height + 1), max(0, self.grid.rows.count - height))
        for (offset, index) in (top..<min(self.grid.rows.count, top + height)).enumerated() {
            let row = self.grid.rows[index]
            let here = index == self.grid.row
            func cell(_ text: String, _ column: SKPGrid.Column) -> Table.Cell {
                here && self.grid.column == column ? .init(text + "▏", style: .selected) : .init(text.isEmpty ? "·" : text, style: text.isEmpty ? .dim : nil)
            }
            let plan = row.plan
            let planStyle: Style? = plan == .undecided || row.changedBy != nil ? .error : plan == .keep || plan == .unchanged ? .dim : .highlight
            table.draw(
                [
                    .init(names[index], style: here ? .highlight : nil), showNIP ? .init(row.pegawai.nip) : nil,
                    .init(stored[index], style: row.current == nil ? .dim : .warning),
                    cell(row.predikat, .predikat), cell(row.nilai, .nilai),
                    .init(language.t(row.changedBy != nil && plan == .nothing ? L.gridPlanUndecided : Self.planText(plan)), style: planStyle),
                ].compactMap { $0 }, into: &grid, row: 3 + offset, col: 0, selected: false)
        }
    }

    private func renderReview(_ review: SKPGridReview, into grid: inout CellGrid, rows: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.gridReviewTitle(self.grid.year, review.lines.count)))
        let (new, replace, keep, same, undecided) =
            (review.count(.new), review.count(.replace), review.count(.keep), review.count(.unchanged), review.count(.undecided))
        grid.put(
            app.t(
                same > 0
                    ? L.gridReviewCounts(new: new, replace: replace, keep: keep, same: same, undecided: undecided)
                    : L.gridReviewCounts(new: new, replace: replace, keep: keep, undecided: undecided)),
            row: 1, col: 1, style: review.count(.undecided) > 0 ? .warning : .highlight, maxWidth: grid.width - 2)
        var line2 = app.t(L.gridReviewSave(keymap.keyNames(for: .save, in: .review).first ?? "", review.toSave.count))
        if let before = review.unitBefore, let after = review.unitAfter {
            line2 += " \(app.t(L.unitMean)) \(language.mean(before)) -> \(language.mean(after))"
        }
        grid.put(line2, row: 2, col: 1, style: .normal, maxWidth: grid.width - 2)
        let table = Table(
            [
                .init(width: .fixed(1)),
                .init(language.t(L.colName), width: .fill(minimum: 10)),
                .init(language.t(L.colGridWhat), width: .fixed(36)),
                .init(language.t(L.dimShort[.kinerja]!), width: .fixed(9), alignment: .right),
                .init(language.t(L.colTotal), width: .fixed(11), alignment: .right),
            ], width: grid.width)
        table.drawHeader(into: &grid, row: 3, col: 0)
        for (offset, index) in reviewCursor.visible(height: max(1, rows - 4)).enumerated() {
            let line = review.lines[index]
            let typed = Self.skpText(line.record, language)
            let old = Self.skpText(line.old?.value, language)
            let (mark, what, style): (String, Txt, Style?) =
                switch line.plan {
                case .new: ("+", L.gridLineNew(typed), .highlight)
                case .replace: ("~", L.gridLineReplace(old, typed), .highlight)
                case .keep: ("=", L.gridLineKeep(old), .dim)
                case .unchanged: ("=", L.gridLineUnchanged(old), .dim)
                default: ("?", L.gridLineUndecided(old), .warning)
                }
            let kinerja = line.before.flatMap { b in line.after.map { BulkReviewView.change(b.kinerja, $0.kinerja, language) } } ?? ""
            let total = line.before.flatMap { b in line.after.map { BulkReviewView.change(b.total, $0.total, language) } } ?? ""
            table.draw(
                [
                    .init(mark, style: style), .init(line.pegawai.nama), .init(language.t(what), style: style),
                    .init(kinerja), .init(total),
                ], into: &grid, row: 4 + offset, col: 0, selected: index == reviewCursor.selection)
        }
    }
}
