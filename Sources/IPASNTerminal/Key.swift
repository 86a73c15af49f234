/// A key press, decoded from the terminal.
///
/// Control combinations use the lowercase letter: Ctrl-S is `.ctrl("s")`,
/// Ctrl-C is `.ctrl("c")`. Tab, Enter and Backspace have their own cases and
/// never appear as `.ctrl("i")`, `.ctrl("m")`/`.ctrl("j")` or `.ctrl("h")`.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (never a control character).
    case char(Character)
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    case up, down, left, right
    case pageUp, pageDown
    case home, end
    /// A function key, `F1` is `.function(1)`.
    case function(Int)
    /// Ctrl plus a key, with the lowercase letter: `.ctrl("s")`.
    case ctrl(Character)
    case insert

    /// A short human-readable name for key bars and help screens:
    /// `"F2"`, `"Ctrl-S"`, `"Enter"`, `"Esc"`, `"PgDn"`, `"Space"`, `"a"`.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .insert: return "Ins"
        }
    }

    /// Same as ``name``.
    public var description: String { name }
}
