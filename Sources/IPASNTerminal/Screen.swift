/// A terminal the application draws on and reads input from.
///
/// The application builds a ``CellGrid`` per frame and hands it to
/// ``present(_:)``; it reads input with ``nextEvent(timeoutMilliseconds:)``.
/// ``VirtualScreen`` implements it for tests, ``NcursesScreen`` for real.
///
/// ```swift
/// func run(on screen: Screen) {
///     while true {
///         var grid = CellGrid(size: screen.size)
///         draw(into: &grid)
///         screen.present(grid)
///         switch screen.nextEvent(timeoutMilliseconds: 500) {
///         case .key(.ctrl("q")), .signal: return
///         case .key(let key): handle(key)
///         case .resize, .tick: continue
///         }
///     }
/// }
/// ```
///
/// Screens are not thread-safe: use one from a single thread or actor.
public protocol Screen: AnyObject {
    /// Current size in cells.
    var size: Size { get }
    /// Whether colours are in use (false on monochrome terminals and with `NO_COLOR`).
    var supportsColor: Bool { get }
    /// Shows `grid` (and its ``CellGrid/cursor``).
    func present(_ grid: CellGrid)
    /// Waits up to `timeoutMilliseconds` (negative: forever) for the next
    /// event; returns ``InputEvent/tick`` when nothing happened in time.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent
    /// As ``nextEvent(timeoutMilliseconds:)``, and also returns ``InputEvent/tick`` early
    /// when `descriptor` (a database connection's socket: another admin saved) becomes
    /// readable. The default ignores the descriptor (the caller then polls at its timeout).
    func nextEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> InputEvent
    /// Gives the terminal back (idempotent). The default does nothing.
    func shutdown()
    /// Forgets what the terminal shows: the next ``present(_:)`` clears it and draws every
    /// cell, not only those that changed (something else wrote on the terminal: Ctrl-L).
    /// The default does nothing (a screen that always draws everything).
    func invalidate()
}

extension Screen {
    /// Does nothing: most screens have nothing to restore.
    public func shutdown() {}

    /// Does nothing: the next frame is drawn as usual.
    public func invalidate() {}

    /// Ignores `descriptor`: waits for input or the timeout only.
    public func nextEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> InputEvent {
        nextEvent(timeoutMilliseconds: timeoutMilliseconds)
    }
}
