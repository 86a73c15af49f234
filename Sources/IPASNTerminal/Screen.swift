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
    /// Gives the terminal back (idempotent). The default does nothing.
    func shutdown()
}

extension Screen {
    /// Does nothing: most screens have nothing to restore.
    public func shutdown() {}
}
