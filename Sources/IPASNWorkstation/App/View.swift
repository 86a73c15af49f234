import IPASNCore
import IPASNStore
import IPASNTerminal

/// One screen on the navigation stack. Its state lives in the view object, never in the
/// drawing, so a resize or a redraw loses nothing.
protocol View: AnyObject {
    /// Where the keymap looks keys up while this view is on top.
    var context: KeyContext { get }
    /// The commands shown in the key bar, most important first.
    var keyBar: [Command] { get }
    /// Draws rows `0..<rows` of the grid (the app draws the message line and key bar below).
    func render(into grid: inout CellGrid, rows: Int, app: App)
    /// A key before the keymap sees it (text entry); true when used.
    func handleKey(_ key: Key, app: App) -> Bool
    /// Pasted text (printable characters, `"\t"` and `"\n"`): text only, never a command.
    /// The default types it into the view's text entry (``handleKey(_:app:)``) with tabs and
    /// line breaks as spaces; characters the view does not take are dropped.
    func handlePaste(_ text: String, app: App)
    /// A command; false lets the app apply its global meaning.
    func handle(_ command: Command, app: App) -> Bool
    /// Called when the view comes back to the top (data may have changed).
    func reload(app: App)
    /// Whether leaving would lose typed input.
    var hasUnsavedInput: Bool { get }
    /// The unsaved input as a draft for the next start, when there is any.
    func draft(app: App) -> Draft?
    /// A line the view wants on the message row when the app has nothing to say.
    var status: (text: String, style: Style)? { get }
    /// The unit (kode) whose data this screen's data commands would change: a unit admin
    /// pressing one on another unit's screen is told at once (``App/refusedForUnit(_:on:)``).
    var entryUnit: String? { get }
}

extension View {
    var entryUnit: String? { nil }
    func handleKey(_ key: Key, app: App) -> Bool { false }
    func reload(app: App) {}
    func handlePaste(_ text: String, app: App) {
        // No field is longer than this; a huge paste is not typed a character at a time.
        for character in PastedText.singleLine(text).prefix(PastedText.typedLimit) { _ = handleKey(.char(character), app: app) }
    }
    var hasUnsavedInput: Bool { false }
    func draft(app: App) -> Draft? { nil }
    var status: (text: String, style: Style)? { nil }
}
