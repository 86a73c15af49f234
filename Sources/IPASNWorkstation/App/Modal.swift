import IPASNTerminal

/// A window drawn over the top view that takes every key until it closes.
protocol Modal: AnyObject {
    func render(into grid: inout CellGrid, app: App)
    /// Handles a key; returns true when the modal is finished.
    func handle(_ key: Key, app: App) -> Bool
    var keyBar: [Command] { get }
    /// The key bar's items when the modal says its keys itself (nil: from ``keyBar``).
    func keyBarItems(app: App) -> KeyBar?
}

extension Modal {
    /// The key bar's items when the modal says its keys itself (nil: from ``keyBar`` and the
    /// keymap's `.dialog` bindings).
    func keyBarItems(app: App) -> KeyBar? { nil }
}
