import IPASNCore
import IPASNStore
import IPASNTerminal

/// The employee list's part in a bulk entry: the filter line, pasted NIP columns and the
/// box listing what a paste could not choose.
extension EmployeeListView {
    func drawFilter(_ grid: inout CellGrid, row: Int, app: App) {
        let label = app.t(L.filterLabel)
        grid.put(label, row: row, col: 1, style: .header)
        var col = 2 + DisplayWidth.width(of: label)
        if let lacking = filter.lacking {
            let text = app.t(L.filterLacking(lacking.name)) + " "
            grid.put(text, row: row, col: col, style: .warning, maxWidth: grid.width / 2)
            col += min(DisplayWidth.width(of: text), grid.width / 2)
        }
        let counts = " " + app.t(L.filterShown(rows.count, all.count))
        let width = max(6, grid.width - col - DisplayWidth.width(of: counts) - 2)
        if let filterEditor {
            filterEditor.draw(into: &grid, row: row, col: col, width: width, focused: true)
        } else {
            grid.put(filter.text, row: row, col: col, style: .normal, maxWidth: width)
        }
        grid.put(counts, row: row, col: grid.width - 1 - DisplayWidth.width(of: counts), style: .dim)
    }

    /// The NIPs a paste could not choose, in a box over the bottom of the list.
    func drawPasteReport(_ grid: inout CellGrid, bottom: Int, app: App) {
        guard let pasteReport, !pasteReport.problems.isEmpty else { return }
        let lines = pasteReport.lines(app.language)
        let room = max(3, min(lines.count + 2, bottom - 3))
        let shown = lines.count > room - 2 ? Array(lines.prefix(room - 3)) + [app.t(L.andMore(lines.count - (room - 3)))] : lines
        let top = bottom - room
        grid.box(row: top, col: 2, width: grid.width - 4, height: room, title: app.t(L.pasteProblemsTitle(pasteReport.problems.count)))
        for (offset, line) in shown.enumerated() {
            grid.fill(row: top + 1 + offset, col: 3, width: grid.width - 6, height: 1, style: .normal)
            grid.put(line, row: top + 1 + offset, col: 4, style: .warning, maxWidth: grid.width - 8)
        }
    }

    /// While the filter is typed, printable keys and editing keys go to it; Enter keeps it,
    /// Esc clears it. Up/Down still move in the narrowed list.
    func handleKey(_ key: Key, app: App) -> Bool {
        if pasteReport != nil { pasteReport = nil }
        guard var editor = filterEditor else { return false }
        switch key {
        case .enter:
            filterEditor = nil
            return true
        case .escape:
            filterEditor = nil
            filter.text = ""
            sort()
            return true
        case .up, .down, .pageUp, .pageDown:
            return false
        default:
            guard editor.handle(key) else { return true }
            filterEditor = editor
            filter.text = editor.text
            sort()
            return true
        }
    }

    /// A pasted column of NIPs chooses those employees of the unit; unknown NIPs and those
    /// of other units are listed on screen. Typed into the filter while it is open.
    func handlePaste(_ text: String, app: App) {
        if filterEditor != nil {
            for character in PastedText.singleLine(text).prefix(PastedText.typedLimit) { _ = handleKey(.char(character), app: app) }
            return
        }
        let pasted = PastedNIPs(text)
        var report = NIPPasteReport(unreadable: pasted.unreadable)
        let here = Set(all.map(\.nip))
        var units: [String: String]?
        for nip in pasted.nips {
            if here.contains(nip) {
                if !selection.contains(nip) { selection.toggle(nip) }
                report.chosen += 1
                continue
            }
            var found: Pegawai?
            app.attempt { found = try app.store.pegawai(nip: nip) }
            if let found {
                if units == nil { units = (try? app.store.units()).map { UnitTree($0).displayNames() } ?? [:] }
                report.problems.append(.outside(nip: nip, nama: found.nama, unit: units?[found.kodeUnit] ?? found.kodeUnit))
            } else {
                report.problems.append(.unknown(nip))
            }
        }
        report.problems += pasted.unreadable.map(NIPPasteReport.Problem.unreadable)
        pasteReport = report.problems.isEmpty ? nil : report
        if report.chosen == 0, report.problems.isEmpty {
            app.warn(app.t(L.pasteNoNIP))
        } else if report.problems.isEmpty {
            app.inform(app.t(L.pasteChosen(report.chosen, total: selection.count)))
        } else {
            app.warn(app.t(L.pasteChosen(report.chosen, total: selection.count)) + " " + app.t(L.pasteNotChosen(report.problems.count)))
        }
    }
}
