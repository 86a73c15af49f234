import IPASNCore
import IPASNTerminal

/// Draws a record form's fields and the open picker's list, for the one-employee form and
/// the bulk course form alike.
enum RecordFormDrawing {
    struct Layout {
        var labelWidth: Int
        var fieldCol: Int
        var fieldWidth: Int
    }

    /// One row per field from `firstRow`: label (marked when wrong or unchosen), the field,
    /// `!` after a marked field, the date hint in an empty date field; `*` after a field in
    /// `changed` (another admin's change taken by a reload, ``StoredReload``).
    @discardableResult
    static func fields(
        _ form: RecordForm, into grid: inout CellGrid, firstRow: Int, rows: Int, width formWidth: Int, app: App,
        changed: Set<String> = []
    ) -> Layout {
        let labelWidth = min(24, formWidth / 3)
        let fieldCol = labelWidth + 2
        let fieldWidth = max(8, formWidth - fieldCol - 3)
        for (index, field) in form.fields.enumerated() {
            let row = firstRow + index
            guard row < rows else { break }
            let issue: ValidationIssue? = form.issues[field.key]
            let marked = issue != nil || form.unchosen[field.key] != nil
            let focused = index == form.focus
            grid.put(
                DisplayWidth.fit(field.label(app.language), toWidth: labelWidth), row: row, col: 1,
                style: marked ? .error : (focused ? .highlight : .normal))
            field.draw(into: &grid, row: row, col: fieldCol, width: fieldWidth, focused: focused)
            if marked {
                grid.put("!", row: row, col: fieldCol + fieldWidth + 1, style: .error)
            } else if changed.contains(field.key) {
                grid.put("*", row: row, col: fieldCol + fieldWidth + 1, style: .warning)
            }
            if case .date = field.kind, field.text.isEmpty, !focused {
                grid.put(app.t(L.dateHint), row: row, col: fieldCol, style: .dim)
            }
        }
        return Layout(labelWidth: labelWidth, fieldCol: fieldCol, fieldWidth: fieldWidth)
    }

    /// The picker's suggestions drop down under the focused field, over what is below.
    static func pickerList(_ form: RecordForm, into grid: inout CellGrid, firstRow: Int, rows: Int, layout: Layout, app: App) {
        let field = form.focused
        guard field.isPicker, !field.holdsChoice || field.highlight != nil else { return }
        let row = firstRow + form.focus + 1
        let room = min(6, rows - row)
        let suggestions = field.suggestions
        guard room > 0 else { return }
        let width = min(layout.fieldWidth, 40)
        let col = layout.fieldCol
        if suggestions.isEmpty {
            grid.fill(row: row, col: col, width: width, height: 1, style: .dim)
            grid.put(app.t(L.noMatch), row: row, col: col, style: .dim, maxWidth: width)
        } else {
            let highlight = field.shownHighlight.map { min($0, suggestions.count - 1) }
            let first = max(0, min((highlight ?? 0) - room + 1, suggestions.count - room))
            for (offset, option) in suggestions[first...].prefix(room).enumerated() {
                let style: Style = first + offset == highlight ? .selected : .input
                grid.fill(row: row + offset, col: col, width: width, height: 1, style: style)
                grid.put(option.listed, row: row + offset, col: col + 1, style: style, maxWidth: width - 1)
            }
        }
    }
}
