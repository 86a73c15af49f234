/// What a store's change feed says when asked (``ChangeFeed/pollChanges()``).
public enum ChangeFeedState: Sendable, Hashable {
    /// Nothing new since the last poll.
    case quiet
    /// Data may have changed since the last poll (another session saved; a store may also
    /// report the caller's own changes): reload what is shown (``Store/dataGeneration()`` and
    /// the audit log say by whom).
    case changed
    /// The connection to the database server is lost (a restart, the network): nothing can
    /// be read or saved until ``ChangeFeed/reconnect()`` succeeds. The text says why (for logs).
    case disconnected(String)
}

/// How a store tells an open screen, within a second, that another session changed data
/// (`docs/store.md`, "Live refresh: `ChangeFeed`"). `Store` refines it.
///
/// A front end waits for input and for the feed at once:
///
/// ```swift
/// while true {
///     let event = screen.nextEvent(timeoutMilliseconds: store.changePollMilliseconds ?? 2000,
///                                  wakingOn: store.changeDescriptor())
///     switch store.pollChanges() {
///     case .changed: reload()
///     case .disconnected: sayReconnecting(); if store.reconnect() { reload() }
///     case .quiet: break
///     }
///     handle(event)
/// }
/// ```
///
/// - A store that can be woken (PostgreSQL: LISTEN on the channel every data-changing
///   transaction NOTIFYs) gives a file descriptor that becomes readable when news arrives,
///   and no poll interval is needed.
/// - A store that cannot (SQLite) gives no descriptor and a short poll interval at which
///   ``pollChanges()`` is cheap (one index lookup), so that both report within a second.
public protocol ChangeFeed: AnyObject {
    /// A descriptor to wait on (readable: call ``pollChanges()``), or nil: poll every
    /// ``changePollMilliseconds``. It may change after a reconnection: ask before each wait.
    func changeDescriptor() -> Int32?
    /// How often to call ``pollChanges()`` when there is no descriptor (at most 1000 ms so a
    /// change shows within a second); nil when the descriptor suffices.
    var changePollMilliseconds: Int? { get }
    /// What arrived since the last call; never blocks, never throws. The first call reports
    /// any change made since the store was opened.
    func pollChanges() -> ChangeFeedState
    /// After ``ChangeFeedState/disconnected(_:)``: moves the reconnection on, never blocking
    /// the caller for long (PostgreSQL: a non-blocking attempt, started or advanced; a screen
    /// calls it on its ticks, at least once a second, and its keys keep working meanwhile).
    /// True when the store is usable again; whatever happened meanwhile is then reported as
    /// ``ChangeFeedState/changed`` by the next poll. While it is false, reads and changes fail
    /// at once with ``StoreError/io(_:)`` instead of waiting for the server.
    func reconnect() -> Bool
}
