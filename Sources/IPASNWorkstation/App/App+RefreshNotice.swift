import IPASNTerminal

extension App {
    /// Says that another session changed the data under the open screen, without wiping what
    /// the admin's own last action said.
    ///
    /// The message line is cleared by every key, so a message still shown is the answer to the
    /// admin's last key ("Tersimpan: ...", a refusal). When another admin's save arrives a
    /// moment later, replacing it would leave the admin believing the other one's change was
    /// the answer to their own Ctrl-S: so the notice goes after it, on a row of its own (a
    /// phrase to find, never split by the wrap). A later notice (no key in
    /// between) replaces the earlier notice and keeps the admin's own message; the line takes
    /// the stronger of the two styles (an error stays red).
    func announceRefresh(_ notice: String, style: Style) {
        let own: (text: String, style: Style)?
        if let shown = message, let last = lastRefreshNotice, shown.text == last.shown {
            own = last.own
        } else {
            own = message
        }
        let text = own.map { $0.text + "\n" + notice } ?? notice
        message = (text, Self.stronger(own?.style, style))
        lastRefreshNotice = (shown: text, own: own)
    }

    /// Of two message styles, the one that must stand out more (error, then warning).
    static func stronger(_ a: Style?, _ b: Style) -> Style {
        func rank(_ style: Style?) -> Int {
            switch style {
            case .error?: return 3
            case .warning?: return 2
            case nil: return 0
            default: return 1
            }
        }
        return rank(a) > rank(b) ? a ?? b : b
    }
}
