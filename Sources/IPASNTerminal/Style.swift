/// The semantic role of a piece of text on screen.
///
/// Screens say *what* a cell is (a title, an error, a selected row, ...) and
/// a ``Theme`` decides *how* it looks: colours on a colour terminal, plain
/// attributes (bold, reverse, underline, dim) on a monochrome one.
///
/// ```swift
/// grid.put("Data Pegawai", row: 0, col: 2, style: .title)
/// grid.put("NIP wajib diisi", row: 22, col: 0, style: .error)
/// ```
public enum Style: Hashable, Sendable {
    /// Ordinary text.
    case normal
    /// A screen or window title.
    case title
    /// A column or section header.
    case header
    /// The selected row of a list or table.
    case selected
    /// Text that must stand out (a total, a search match).
    case highlight
    /// Secondary, de-emphasised text (hints, placeholders).
    case dim
    /// An error message or an invalid value.
    case error
    /// A warning.
    case warning
    /// A success or "valid" marker.
    case ok
    /// The background of the bottom key bar.
    case keyBar
    /// A key name inside the key bar ("F2", "Esc").
    case keyName
    /// An input field without focus.
    case input
    /// The input field that has the keyboard focus.
    case inputFocused
    /// The filled part of a horizontal bar.
    case barFill
    /// The empty part (track) of a horizontal bar.
    case barEmpty
    /// One of the five category colours: 0 = Sangat Tinggi, 1 = Tinggi,
    /// 2 = Sedang, 3 = Rendah, 4 = Sangat Rendah. Other values are clamped.
    case category(Int)
    /// Box borders and separators.
    case border
    /// A status line (e.g. "Tersimpan 10:42", record counters).
    case status

    /// Every role once, with `.category(0...4)`; useful to build colour pairs.
    public static let allRoles: [Style] = [
        .normal, .title, .header, .selected, .highlight, .dim, .error, .warning, .ok,
        .keyBar, .keyName, .input, .inputFocused, .barFill, .barEmpty,
        .category(0), .category(1), .category(2), .category(3), .category(4),
        .border, .status,
    ]

    /// The same role with a `.category` index clamped to `0...4`.
    public var normalized: Style {
        if case .category(let index) = self {
            return .category(min(max(index, 0), 4))
        }
        return self
    }
}
