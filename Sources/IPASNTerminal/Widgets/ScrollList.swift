/// Selection and scrolling state of a vertical list of `count` rows shown
/// `height` rows at a time.
///
/// It holds no data, only indices: the screen draws rows
/// ``visibleRange`` and highlights ``selection``. The selection always stays
/// visible.
///
/// ```swift
/// var list = ScrollList(count: records.count, height: 15)
/// _ = list.handle(.pageDown)
/// for (line, index) in list.visibleRange.enumerated() {
///     grid.put(records[index].name, row: 2 + line, col: 1,
///              style: index == list.selection ? .selected : .normal)
/// }
/// ```
public struct ScrollList: Hashable, Sendable {
    /// Number of rows in the list.
    public private(set) var count: Int
    /// Number of rows visible at once (at least 1).
    public private(set) var height: Int
    /// Index of the selected row; 0 when the list is empty (check ``isEmpty``).
    public private(set) var selection: Int
    /// Index of the first visible row.
    public private(set) var offset: Int

    /// Creates a list with the first row selected.
    public init(count: Int, height: Int, selection: Int = 0) {
        self.count = max(0, count)
        self.height = max(1, height)
        self.selection = 0
        self.offset = 0
        select(selection)
    }

    /// Whether there are no rows.
    public var isEmpty: Bool { count == 0 }

    /// The indices of the rows to draw, top to bottom.
    public var visibleRange: Range<Int> { offset..<min(count, offset + height) }

    /// Selects `index` (clamped) and scrolls it into view.
    public mutating func select(_ index: Int) {
        selection = count == 0 ? 0 : min(max(index, 0), count - 1)
        keepSelectionVisible()
    }

    /// Changes the number of rows and/or the visible height, keeping the
    /// selection (clamped) visible.
    public mutating func update(count: Int? = nil, height: Int? = nil) {
        if let count { self.count = max(0, count) }
        if let height { self.height = max(1, height) }
        select(selection)
    }

    /// Moves the selection for Up, Down, PgUp, PgDn (one page = ``height``
    /// rows), Home and End; returns `false` for other keys.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up: select(selection - 1)
        case .down: select(selection + 1)
        case .pageUp: select(selection - height)
        case .pageDown: select(selection + height)
        case .home: select(0)
        case .end: select(count - 1)
        default: return false
        }
        return true
    }

    private mutating func keepSelectionVisible() {
        if selection < offset { offset = selection }
        if selection >= offset + height { offset = selection - height + 1 }
        offset = min(max(0, offset), max(0, count - height))
    }
}
