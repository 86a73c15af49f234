import Foundation
import IPASNFiles
import IPASNTerminal

/// The path typed in the import dialog (the welcome screen's and `I`'s): a line editor whose
/// Tab completes as a shell does (``PathCompletion``: the shared prefix, `~`, folders and
/// .csv/.xlsx files only); a second Tab when the name is still ambiguous lists the candidates
/// below the field.
struct ImportPathField {
    private(set) var editor = LineEditor(maxLength: 500)
    var completion = PathCompletion.process
    /// The candidates listed (after the second Tab), until the text changes.
    private(set) var listed: [String] = []
    /// Whether the last key was a Tab that left several candidates.
    private var ambiguous = false

    /// `start`: the text the field starts with (the admin's last import path).
    init(completion: PathCompletion = .process, start: String = "") {
        self.completion = completion
        editor.text = start
    }

    /// The path as typed (`~` kept), trimmed: what is remembered for the next import.
    var typed: String { editor.text.trimmingCharacters(in: .whitespaces) }

    /// The path to import, `~` expanded.
    var path: String { completion.expanded(typed) }

    /// Handles a key; Tab completes; Ctrl-W deletes the last part of the path (a file's name,
    /// then a folder), keeping the `/` before it.
    mutating func handle(_ key: Key) -> Bool {
        if key == .ctrl("w"), editor.cursorIndex == editor.text.count {
            listed = []
            ambiguous = false
            var text = Array(editor.text)
            if text.last == "/" { text.removeLast() }
            while let last = text.last, last != "/" { text.removeLast() }
            editor.text = String(text)
            return true
        }
        guard key == .tab else {
            listed = []
            ambiguous = false
            return editor.handle(key)
        }
        let outcome = completion.complete(editor.text)
        if outcome.text != editor.text {
            editor.text = outcome.text
            listed = []
            ambiguous = outcome.candidates.count > 1
        } else if outcome.candidates.count > 1 {
            if ambiguous { listed = outcome.candidates }
            ambiguous = true
        }
        return true
    }

    /// Draws the candidates listed, in columns, from `row` on (at most `rows` rows; the rest
    /// counted on the last one).
    func drawCandidates(into grid: inout CellGrid, row: Int, col: Int, width: Int, rows: Int, more: (Int) -> String) {
        guard !listed.isEmpty, rows > 0, width > 4 else { return }
        let cell = min(width, (listed.map { DisplayWidth.width(of: $0) }.max() ?? 0) + 2)
        let columns = max(1, width / cell)
        var shown = listed
        if (shown.count + columns - 1) / columns > rows {
            let room = max(0, rows * columns - 1)
            shown = Array(listed.prefix(room))
            shown.append(more(listed.count - room))
        }
        for (index, name) in shown.enumerated() {
            let style: Style = name.hasSuffix("/") ? .highlight : .normal
            grid.put(name, row: row + index / columns, col: col + (index % columns) * cell, style: style, maxWidth: cell - 1)
        }
    }
}
