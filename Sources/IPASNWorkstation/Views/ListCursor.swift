/// Selection and scroll position of a list shown `height` rows at a time.
struct ListCursor: Hashable, Sendable {
    var count: Int = 0
    var selection: Int = 0
    var offset: Int = 0

    /// Applies a movement command; false for other commands.
    mutating func move(_ command: Command, page: Int) -> Bool {
        switch command {
        case .moveUp: selection -= 1
        case .moveDown: selection += 1
        case .pageUp: selection -= max(1, page)
        case .pageDown: selection += max(1, page)
        case .first: selection = 0
        case .last: selection = count - 1
        default: return false
        }
        clamp()
        return true
    }

    mutating func clamp() {
        selection = count == 0 ? 0 : min(max(selection, 0), count - 1)
    }

    /// The rows to draw in a window of `height`, scrolled so the selection is visible.
    mutating func visible(height: Int) -> Range<Int> {
        clamp()
        let height = max(1, height)
        if selection < offset { offset = selection }
        if selection >= offset + height { offset = selection - height + 1 }
        offset = min(max(0, offset), max(0, count - height))
        return offset..<min(count, offset + height)
    }
}
