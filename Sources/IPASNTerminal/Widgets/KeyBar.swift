/// The bottom row listing the available keys: `F2 Simpan  F10 Keluar`.
///
/// Key names are drawn in `.keyName`, labels and the rest of the row in
/// `.keyBar`. Items that do not fit are dropped; if even the first one does
/// not fit, its label is truncated with `…`.
public struct KeyBar: Hashable, Sendable {
    /// One "key label" pair.
    public struct Item: Hashable, Sendable {
        /// The key as shown, e.g. `"F2"` or `"↑↓"`.
        public var keyText: String
        /// What it does, e.g. `"Simpan"`.
        public var label: String

        /// An item for `key`, shown with ``Key/name``.
        public init(_ key: Key, _ label: String) {
            self.keyText = key.name
            self.label = label
        }

        /// An item with free key text (for combined keys like `"↑↓"`).
        public init(keyText: String, label: String) {
            self.keyText = keyText
            self.label = label
        }
    }

    /// The items, left to right.
    public var items: [Item]

    /// Creates a key bar.
    public init(_ items: [Item]) {
        self.items = items
    }

    /// The laid-out pieces: (text, isKeyName) in order, within `width`.
    func segments(width: Int) -> [(text: String, isKey: Bool)] {
        var result: [(String, Bool)] = []
        var used = 0
        for (index, item) in items.enumerated() {
            let separator = index == 0 ? "" : "  "
            let key = DisplayWidth.sanitize(item.keyText)
            let label = DisplayWidth.sanitize(item.label)
            let needed = DisplayWidth.width(of: separator + key + " " + label)
            if used + needed <= width {
                result.append((separator, false))
                result.append((key, true))
                result.append((" " + label, false))
                used += needed
                continue
            }
            if index == 0 {  // nothing shown yet: show what fits
                let keyPart = DisplayWidth.truncate(key, toWidth: width)
                result.append((keyPart, true))
                let rest = width - DisplayWidth.width(of: keyPart)
                if rest >= 2 {
                    result.append((" " + DisplayWidth.truncate(label, toWidth: rest - 1), false))
                }
            }
            break
        }
        return result
    }

    /// The bar as plain text for a row of `width` columns (no padding).
    public func render(width: Int) -> String {
        segments(width: width).map(\.text).joined()
    }

    /// Fills row `row` of `grid` with the bar.
    public func draw(into grid: inout CellGrid, row: Int) {
        grid.fill(row: row, col: 0, width: grid.width, height: 1, style: .keyBar)
        var col = 0
        for segment in segments(width: grid.width) {
            col += grid.put(segment.text, row: row, col: col, style: segment.isKey ? .keyName : .keyBar)
        }
    }
}
