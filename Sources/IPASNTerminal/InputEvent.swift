/// A process signal delivered to the application as an event, so it can
/// save a draft before exiting.
public enum TerminalSignal: Hashable, Sendable, CustomStringConvertible {
    /// SIGHUP: the terminal went away (SSH dropped, window closed).
    case hangup
    /// SIGTERM: polite request to stop (shutdown, `kill`).
    case terminate
    /// SIGINT sent from outside (Ctrl-C itself arrives as `.ctrl("c")` in raw mode).
    case interrupt
    /// SIGQUIT sent from outside.
    case quit

    /// `"SIGHUP"`, `"SIGTERM"`, `"SIGINT"`, `"SIGQUIT"`.
    public var description: String {
        switch self {
        case .hangup: return "SIGHUP"
        case .terminate: return "SIGTERM"
        case .interrupt: return "SIGINT"
        case .quit: return "SIGQUIT"
        }
    }
}

/// What ``Screen/nextEvent(timeoutMilliseconds:)`` returns.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// Text the user pasted (a bracketed paste), delivered as one event so a view can take
    /// it as text, never as commands. It holds printable characters, `"\t"` and `"\n"` only
    /// (``EscapeSequenceDecoder/pasteText(_:)``) and is never empty.
    case paste(String)
    /// The terminal changed size; the new size is given (and is also the
    /// screen's ``Screen/size`` from now on). Redraw everything.
    case resize(Size)
    /// A signal arrived; the application should save and exit.
    case signal(TerminalSignal)
    /// The timeout elapsed with no input (time to refresh a clock, autosave...).
    case tick
}
