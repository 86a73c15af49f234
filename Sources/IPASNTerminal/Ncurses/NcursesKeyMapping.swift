import CNcurses

/// Translation of `get_wch` results into ``Key``s, as pure functions.
///
/// Kept apart from ``NcursesScreen`` so it can be tested without starting
/// curses. `get_wch` either returns `KEY_CODE_YES` with a curses key code
/// (``decode(keyCode:)``) or `OK` with a character (``decode(character:)``).
public enum NcursesKeyMapping {
    /// The meaning of one `get_wch` result.
    public enum Decoded: Hashable, Sendable {
        /// A key press.
        case key(Key)
        /// `KEY_RESIZE`: the terminal changed size.
        case resize
        /// Something the application does not care about (mouse, unknown keys).
        case ignore
    }

    /// Decodes a curses key code (`KEY_UP`, `KEY_F(2)`, `KEY_RESIZE`, ...).
    public static func decode(keyCode code: Int32) -> Decoded {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME, KEY_A1, KEY_FIND: return .key(.home)
        case KEY_END, KEY_C1, KEY_SELECT: return .key(.end)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .key(.function(Int(code - KEY_F0)))
        default: return .ignore
        }
    }

    /// Decodes a character code read in raw mode: Tab (9), Enter (10, 13),
    /// Backspace (127, 8), Esc (27), Ctrl letters (1...26 otherwise) and
    /// printable characters. Other control codes are ignored.
    public static func decode(character code: UInt32) -> Decoded {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(code) + 0x60))  // 1 -> "a"
            return .key(.ctrl(letter))
        case 28: return .key(.ctrl("\\"))
        case 29: return .key(.ctrl("]"))
        case 30: return .key(.ctrl("^"))
        case 31: return .key(.ctrl("_"))
        case 0, 0x80...0x9F: return .ignore
        default:
            guard let scalar = Unicode.Scalar(code), !DisplayWidth.isUnsafe(scalar) else {
                return .ignore
            }
            return .key(.char(Character(scalar)))
        }
    }
}
