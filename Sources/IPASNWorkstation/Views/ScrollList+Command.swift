import IPASNTerminal

extension ScrollList {
    /// Applies a list movement command (Up, Down, PgUp, PgDn, Home, End; a page is the
    /// visible height); false for other commands.
    mutating func move(_ command: Command) -> Bool {
        guard let key = command.listKey else { return false }
        return handle(key)
    }

    /// The rows to draw in a window of `height` rows, scrolled so the selection is visible.
    mutating func visible(height: Int) -> Range<Int> {
        update(height: height)
        return visibleRange
    }
}

extension Command {
    /// The key a ``ScrollList`` takes for a movement command, whatever key triggered it.
    var listKey: Key? {
        switch self {
        case .moveUp: return .up
        case .moveDown: return .down
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .first: return .home
        case .last: return .end
        default: return nil
        }
    }
}
