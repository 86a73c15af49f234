import IPASNCore
import IPASNStore
import IPASNTerminal

/// What the workstation shows a login that has no account in the database: the message
/// naming the operators to ask, and nothing else; any key (or a signal) quits.
public enum AccountNotice {
    /// Draws `rule`'s message on `screen` and returns once a key is pressed or the session ends.
    public static func show(_ rule: PermissionRule, on screen: any Screen, language: Language) {
        while true {
            var grid = CellGrid(size: screen.size)
            grid.put(language.t(L.noAccountTitle), row: 1, col: 2, style: .title)
            var row = 3
            for line in wrap(rule.message(language) + ".", width: max(20, screen.size.width - 4)) {
                grid.put(line, row: row, col: 2, style: .error)
                row += 1
            }
            grid.put(language.t(L.pressAnyKeyToQuit), row: row + 1, col: 2, style: .dim)
            screen.present(grid)
            switch screen.nextEvent(timeoutMilliseconds: -1) {
            case .key, .paste, .signal: return
            default: continue
            }
        }
    }

    /// Words of `text` in lines of at most `width` columns (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if DisplayWidth.width(of: current) + 1 + DisplayWidth.width(of: String(word)) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
