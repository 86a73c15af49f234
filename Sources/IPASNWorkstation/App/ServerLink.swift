import IPASNStore

/// The workstation's view of its store's change feed (``ChangeFeed``): how to wait for the
/// next event, and whether the database server's connection is lost (then: try to reconnect
/// after 250 ms, then every 500 ms, then every second). A try never blocks (the store connects
/// without waiting: ``ChangeFeed/reconnect()``), so the tries stay frequent: a server that is
/// back is reconnected within a second, not after a long back-off.
final class ServerLink {
    /// The first wait before trying to reconnect, and the longest.
    static let firstDelay = 250
    static let longestDelay = 1000

    /// Whether the connection is lost (since the last failed poll or change).
    private(set) var isLost = false
    /// How long to wait before the next reconnection attempt (milliseconds).
    private(set) var delay = ServerLink.firstDelay
    /// Reconnection attempts made since the connection was lost.
    private(set) var attempts = 0

    /// A change the feed reported while a failure was being explained, kept for the next tick.
    private var heldChange = false

    /// Keeps a reported change for the next tick (``takeHeldChange()``).
    func holdChange() { heldChange = true }

    /// Whether a change was kept for this tick (then forgotten).
    func takeHeldChange() -> Bool {
        defer { heldChange = false }
        return heldChange
    }

    /// Notes a lost connection; true when it was not known yet.
    @discardableResult
    func lost() -> Bool {
        defer { isLost = true }
        if isLost { return false }
        delay = Self.firstDelay
        attempts = 0
        return true
    }

    /// Notes a failed attempt: the next waits twice as long (up to ``longestDelay``).
    func failedAttempt() {
        attempts += 1
        delay = min(delay * 2, Self.longestDelay)
    }

    /// Notes the connection back.
    func restored() {
        isLost = false
        delay = Self.firstDelay
        attempts = 0
    }

    /// How to wait for the next event: `idle` with the feed's descriptor, or the feed's
    /// poll interval when shorter; while the connection is lost, the reconnection delay.
    func wait(idle: Int, feed: ChangeFeed) -> (timeout: Int, descriptor: Int32?) {
        if isLost { return (delay, nil) }
        if let descriptor = feed.changeDescriptor() { return (idle, descriptor) }
        return (min(idle, feed.changePollMilliseconds ?? idle), nil)
    }
}
