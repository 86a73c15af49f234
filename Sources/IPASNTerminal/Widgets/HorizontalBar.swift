/// Horizontal bar charts drawn with block characters.
///
/// Bars use `█` for full cells and `▏▎▍▌▋▊▉` for the last partial cell
/// (eighths), so they stay visible on monochrome terminals.
public enum HorizontalBar {
    /// The partial blocks, index = eighths (1...7).
    static let partials: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Eighths of a cell filled for `value` out of `max` over `width` cells.
    static func eighths(value: Double, max: Double, width: Int) -> Int {
        guard width > 0, max > 0, value.isFinite, max.isFinite, value > 0 else { return 0 }
        let ratio = Swift.min(value / max, 1)
        return Int((ratio * Double(width * 8)).rounded())
    }

    /// A bar of exactly `width` columns: filled blocks for `value / max`
    /// (clamped to 0...1, rounded to the nearest eighth of a cell) followed
    /// by spaces. `max <= 0`, NaN or negative values give an empty bar.
    public static func render(value: Double, max: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let filled = filledPart(value: value, max: max, width: width)
        return filled + String(repeating: " ", count: width - DisplayWidth.width(of: filled))
    }

    /// The filled part only (full blocks plus the partial block), no padding.
    public static func filledPart(value: Double, max: Double, width: Int) -> String {
        let e = eighths(value: value, max: max, width: width)
        var bar = String(repeating: "█", count: e / 8)
        if e % 8 != 0 { bar.append(partials[e % 8]) }
        return bar
    }

    /// Draws a bar of `width` columns: the filled part in `fill` style
    /// (default `.barFill`), the rest in `empty` style (default `.barEmpty`).
    public static func draw(
        into grid: inout CellGrid, row: Int, col: Int, width: Int,
        value: Double, max: Double, fill: Style = .barFill, empty: Style = .barEmpty
    ) {
        guard width > 0 else { return }
        grid.fill(row: row, col: col, width: width, height: 1, style: empty)
        grid.put(filledPart(value: value, max: max, width: width), row: row, col: col, style: fill, maxWidth: width)
    }
}
