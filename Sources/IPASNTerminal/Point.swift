/// A cell position: zero-based `row` (top to bottom) and `col` (left to right).
public struct Point: Hashable, Sendable, CustomStringConvertible {
    /// Zero-based row, counted from the top.
    public var row: Int
    /// Zero-based column, counted from the left.
    public var col: Int

    /// Creates a point at `row`, `col`.
    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }

    /// `"(row, col)"`.
    public var description: String { "(\(row), \(col))" }
}
