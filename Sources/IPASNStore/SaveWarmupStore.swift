/// Readies a store for an interactive client's first save (issue 12, branch pg3tail): the
/// workstation opens its store long before the admin's first Ctrl-S, and a server store's
/// first save on a new connection used to pay, inside the save, for what every later save
/// finds ready (its statements prepared on the connection, the server's compiled policy
/// functions and catalog entries of the tables it touches).
///
/// Contract (docs/store.md, "Warming the save path"):
/// - ``warmSavePath()`` changes nothing: no row written or deleted, no audit row, no
///   sequence value used, no write lock taken, no transaction left open; the data and what
///   every other session reads are exactly as before.
/// - Saves afterwards are exactly the saves without it (the same checks, refusals, rows,
///   audit rows and scores); only the work they would have done first is done already.
/// - It may be called more than once, at any time outside a transaction; a call inside one
///   (``Store/inOneTransaction(_:)``) does nothing.
/// - A failure (the server unreachable) leaves the store as usable as before; callers may
///   ignore it: the first save then does the work itself.
/// - A store with nothing to ready (SQLite: statements are prepared and kept by the
///   connection on first use, nothing is compiled elsewhere) returns at once.
public protocol SaveWarmupStore {
    /// Readies the save path (see the contract).
    func warmSavePath() throws
}
