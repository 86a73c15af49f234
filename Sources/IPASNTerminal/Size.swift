/// The size of a screen or a grid, in terminal cells.
///
/// `width` counts columns and `height` counts rows. Negative values are
/// clamped to zero by ``CellGrid``.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Number of columns.
    public var width: Int
    /// Number of rows.
    public var height: Int

    /// Creates a size of `width` columns and `height` rows.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// `"80x24"`.
    public var description: String { "\(width)x\(height)" }
}
