/// One terminal cell: a grapheme cluster and its ``Style``.
///
/// A wide character (2 columns) is stored in its first cell; the cell to its
/// right is a *continuation* cell with an empty grapheme and the same style.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown in this cell, `""` for a continuation cell.
    public var grapheme: String
    /// The semantic role of the cell.
    public var style: Style

    /// Creates a cell.
    public init(_ grapheme: String, style: Style = .normal) {
        self.grapheme = grapheme
        self.style = style
    }

    /// A space in `style`.
    public static func blank(_ style: Style = .normal) -> Cell { Cell(" ", style: style) }

    /// The right half of a wide character.
    public static func continuation(_ style: Style) -> Cell { Cell("", style: style) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { grapheme.isEmpty }
}
