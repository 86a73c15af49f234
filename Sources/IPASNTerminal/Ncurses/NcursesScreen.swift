import CNcurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw.
///
/// Starting it sets the locale from the environment, puts the terminal in
/// raw mode (Ctrl-C, Ctrl-S, Ctrl-Z arrive as keys), turns off echo, turns on
/// bracketed paste (off again on ``shutdown()``, at exit and while stopped by
/// SIGTSTP), and starts colours unless `NO_COLOR` is set or the terminal has
/// none. Curses' keypad translation stays off: escape sequences are decoded by
/// ``EscapeSequenceDecoder`` whatever `TERM` says, so PuTTY's, screen's, rxvt's
/// and the Linux console's Home, End and function keys arrive as themselves,
/// and an unknown sequence is dropped whole. A lone Esc is Esc when nothing
/// follows it within ``escapeDelayMilliseconds``. SIGHUP, SIGTERM, SIGINT and
/// SIGQUIT are caught and returned by ``nextEvent(timeoutMilliseconds:)`` as
/// ``InputEvent/signal(_:)``, so the application can save a draft.
///
/// ``present(_:)`` only redraws the cells that changed since the previous
/// frame (everything after a resize) and calls `refresh` once.
///
/// Always call ``shutdown()`` before exiting; it is idempotent and is also
/// registered with `atexit`. Only one `NcursesScreen` may exist at a time.
///
/// ```swift
/// let screen = try NcursesScreen()
/// defer { screen.shutdown() }
/// try App().run(on: screen)
/// ```
public final class NcursesScreen: Screen {
    /// Why the terminal could not be started.
    public enum StartError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Standard input or output is not a terminal.
        case notATerminal
        /// ncurses refused the terminal (unknown or missing `TERM`).
        case cannotInitialize(term: String)

        /// A one-line explanation.
        public var description: String {
            switch self {
            case .notATerminal: return "standard input/output is not a terminal"
            case .cannotInitialize(let term): return "cannot initialise terminal type '\(term)'"
            }
        }
    }

    /// Whether colours are used.
    public let supportsColor: Bool
    /// The theme styles are drawn with.
    public let theme: Theme

    private let signals: SignalTrap
    private var previous: CellGrid?
    private var appearance: [Style: (attributes: attr_t, pair: Int16)] = [:]
    private var cursorVisible = true
    private var isShutDown = false
    private var quickFailures = 0
    private let unicodeOutput: Bool
    private var decoder = EscapeSequenceDecoder()
    private var decoded: [EscapeSequenceDecoder.Output] = []

    /// How long after an Esc the next character must come to be part of a sequence:
    /// 100 ms (split sequences over SSH links arrive within it), or `ESCDELAY` from the
    /// environment (milliseconds, as curses reads it) for
    /// a slower link.
    public static let escapeDelayMilliseconds: Int = {
        let text = getenv("ESCDELAY").map { String(cString: $0) } ?? ""
        return NcursesScreen.escapeDelay(fromEnvironment: text)
    }()

    /// `ESCDELAY` as milliseconds: a whole number from 1 to 2000, else 100.
    static func escapeDelay(fromEnvironment text: String) -> Int {
        guard let value = Int(text), (1...2000).contains(value) else { return 100 }
        return value
    }
    /// How long the rest of a started sequence (`ESC[1`) may take to arrive.
    static let sequenceDelayMilliseconds = 500
    /// How long a bracketed paste may pause before it is taken as ended.
    static let pasteDelayMilliseconds = 2000
    private static let bracketedPasteOn = "\u{1B}[?2004h"
    private static let bracketedPasteOff = "\u{1B}[?2004l"

    /// Starts curses on the process' terminal.
    ///
    /// - Parameters:
    ///   - theme: how styles look.
    ///   - forceMonochrome: ignore colours even if available (`NO_COLOR` does
    ///     the same from the environment).
    /// - Throws: ``StartError`` when there is no usable terminal.
    public init(theme: Theme = .standard, forceMonochrome: Bool = false) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw StartError.notATerminal
        }
        _ = ipasn_setlocale_all()
        // Before newterm, so ncurses leaves these signals to us.
        signals = SignalTrap()
        guard ipasn_newterm_stdio() != nil else {
            signals.restore()
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw StartError.cannotInitialize(term: term)
        }
        Self.registerExitHook
        self.theme = theme
        unicodeOutput = ipasn_wcwidth(0x2500) == 1  // a UTF-8 locale draws "─"

        raw()
        noecho()
        // Escape sequences are decoded in Swift (EscapeSequenceDecoder), for every terminal alike.
        keypad(ipasn_stdscr(), false)
        Self.writeToTerminal(Self.bracketedPasteOn)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        var colors = false
        if !forceMonochrome, !noColor, has_colors() {
            colors = start_color() == ipasn_ok()
        }
        supportsColor = colors
        setUpAppearance(defaultColors: colors && use_default_colors() == ipasn_ok())
        setCursor(visible: false)
    }

    deinit {
        shutdown()
    }

    private static let registerExitHook: Void = {
        atexit {
            ipasn_endwin_if_active()
            NcursesScreen.writeToTerminal(NcursesScreen.bracketedPasteOff)
        }
    }()

    /// Writes a control sequence straight to the terminal (curses has no call for it).
    private static func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Current terminal size (`COLS` x `LINES`).
    public var size: Size {
        Size(width: Int(ipasn_cols()), height: Int(ipasn_lines()))
    }

    /// Gives the terminal back (`endwin`) and restores the signal handlers.
    /// Safe to call more than once.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        setCursor(visible: true)
        ipasn_endwin_if_active()
        Self.writeToTerminal(Self.bracketedPasteOff)
        signals.restore()
    }

    // MARK: - Output

    /// Draws the cells of `grid` that differ from the previous frame, then
    /// places (or hides) the cursor and refreshes once.
    public func present(_ grid: CellGrid) {
        guard !isShutDown else { return }
        let window = ipasn_stdscr()
        let screenSize = size
        var old = previous
        if old?.size != grid.size || grid.size != screenSize {
            werase(window)
            old = nil
        }
        let rows = min(grid.height, screenSize.height)
        let cols = min(grid.width, screenSize.width)
        for row in 0..<rows {
            for col in 0..<cols {
                let cell = grid[row, col]
                if let old, old[row, col] == cell { continue }
                if cell.isContinuation {
                    // Drawn with its left half, unless that half is off screen.
                    continue
                }
                draw(cell, row: row, col: col, maxColumns: cols - col)
            }
        }
        previous = grid
        if let cursor = grid.cursor, cursor.row >= 0, cursor.row < rows, cursor.col >= 0, cursor.col < cols {
            wmove(window, Int32(cursor.row), Int32(cursor.col))
            setCursor(visible: true)
        } else {
            setCursor(visible: false)
        }
        wrefresh(window)
    }

    /// The next ``present(_:)`` clears the terminal and draws every cell: what something else
    /// wrote there (a message on stderr, `wall`) is gone, and the screen is ours again.
    public func invalidate() {
        guard !isShutDown else { return }
        previous = nil
        clearok(ipasn_stdscr(), true)
    }

    private func draw(_ cell: Cell, row: Int, col: Int, maxColumns: Int) {
        let ours = DisplayWidth.width(of: Character(cell.grapheme))
        var text = cell.grapheme
        var scalars = Array(text.unicodeScalars)
        let theirs = scalars.first.map { Int(ipasn_wcwidth(wchar_t(bitPattern: $0.value))) } ?? 1
        if ours == 2 && maxColumns < 2 {
            text = " "
        } else if theirs != ours || scalars.count > 5 {
            // The C library disagrees (or the locale cannot show it): draw
            // something of the width the layout expects.
            text = fallback(for: cell.grapheme, width: max(ours, 1), terminalWidth: theirs, scalars: scalars)
        }
        scalars = Array(text.unicodeScalars)
        let (attributes, pair) = appearance[cell.style.normalized] ?? (ipasn_a_normal(), 0)
        let window = ipasn_stdscr()
        wmove(window, Int32(row), Int32(col))
        // Each column of fallback text is a narrow character; otherwise one cchar.
        let pieces: [[wchar_t]] =
            text == cell.grapheme
            ? [scalars.map { wchar_t(bitPattern: $0.value) }]
            : scalars.map { [wchar_t(bitPattern: $0.value)] }
        for piece in pieces {
            var buffer = piece + [0]
            var cchar = cchar_t()
            setcchar(&cchar, &buffer, attributes, pair, nil)
            wadd_wch(window, &cchar)
        }
    }

    /// A stand-in of exactly `width` columns for a grapheme the terminal's
    /// C library measures differently or cannot show.
    private func fallback(for grapheme: String, width: Int, terminalWidth: Int, scalars: [Unicode.Scalar]) -> String {
        if terminalWidth == 1, width == 2, let first = scalars.first {
            return String(first) + " "
        }
        if terminalWidth < 0, !unicodeOutput {
            return AsciiFallback.text(for: grapheme, width: width)
        }
        return String(repeating: "?", count: width)
    }

    private func setCursor(visible: Bool) {
        guard visible != cursorVisible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    private func setUpAppearance(defaultColors: Bool) {
        var pairs: [[Int]: Int16] = [:]
        let paletteSize = Int(ipasn_colors())
        func colorNumber(_ color: TerminalColor, isBackground: Bool) -> Int16 {
            var n = color.cursesNumber
            if n < 0 && !defaultColors { n = isBackground ? 0 : 7 }
            if n >= paletteSize && paletteSize > 0 { n %= 8 }
            return Int16(n)
        }
        for style in Style.allRoles {
            let look = theme.appearance(for: style, colorEnabled: supportsColor)
            var attributes = ipasn_a_normal()
            if look.attributes.contains(.bold) { attributes |= ipasn_a_bold() }
            if look.attributes.contains(.reverse) { attributes |= ipasn_a_reverse() }
            if look.attributes.contains(.underline) { attributes |= ipasn_a_underline() }
            if look.attributes.contains(.dim) { attributes |= ipasn_a_dim() }
            var pair: Int16 = 0
            if supportsColor {
                let fg = colorNumber(look.foreground, isBackground: false)
                let bg = colorNumber(look.background, isBackground: true)
                if !(fg == -1 && bg == -1) {
                    if let existing = pairs[[Int(fg), Int(bg)]] {
                        pair = existing
                    } else {
                        pair = Int16(pairs.count + 1)
                        init_pair(pair, fg, bg)
                        pairs[[Int(fg), Int(bg)]] = pair
                    }
                }
            }
            appearance[style] = (attributes, pair)
        }
    }

    // MARK: - Input

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key, a paste,
    /// a resize or a signal. Input is polled in slices of at most 200 ms so a
    /// signal is noticed promptly even while blocking. Once a sequence has
    /// begun, its rest is awaited (briefly) even past the timeout.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        nextEvent(timeoutMilliseconds: timeoutMilliseconds, wakingOn: nil)
    }

    /// As ``nextEvent(timeoutMilliseconds:)``; when `descriptor` is given, input is read in
    /// slices of at most 100 ms and the descriptor is checked (without blocking) before
    /// each: readable, the wait ends with `.tick`.
    public func nextEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> InputEvent {
        guard !isShutDown else { return .signal(.hangup) }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now + .milliseconds(timeoutMilliseconds) : nil
        let window = ipasn_stdscr()
        var attempted = false
        while true {
            if let signal = signals.take() { return .signal(signal) }
            if signals.takeSuspend() {
                suspend()
                return .resize(size)
            }
            if !decoded.isEmpty { return Self.event(decoded.removeFirst()) }
            let patience = Self.patience(decoder.pending)
            if patience == nil, let descriptor, Self.isReadable(descriptor) { return .tick }
            var slice = patience ?? (descriptor == nil ? 200 : 100)
            if patience == nil, let deadline {
                let remaining = Self.milliseconds(clock.now.duration(to: deadline))
                if remaining <= 0 && attempted { return .tick }
                slice = max(0, min(slice, remaining))
            }
            attempted = true
            wtimeout(window, Int32(slice))
            let sliceStart = clock.now
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ipasn_key_code_yes() {
                quickFailures = 0
                switch NcursesKeyMapping.decode(keyCode: Int32(bitPattern: code)) {
                case .key(let key): return .key(key)
                case .resize:
                    previous = nil
                    return .resize(size)
                case .ignore: continue
                }
            } else if status == ipasn_ok() {
                quickFailures = 0
                decoded += decoder.feed(UInt32(code))
                continue
            }
            // ERR: the slice timed out, a signal interrupted the read, or the
            // input is closed (then every read fails at once).
            if let signal = signals.take() { return .signal(signal) }
            if patience != nil {
                // Nothing more came: a lone Esc is Esc, a cut-off sequence is dropped.
                decoded += decoder.timeout()
            }
            if slice >= 20, Self.milliseconds(sliceStart.duration(to: clock.now)) < 5 {
                quickFailures += 1
                if quickFailures >= 20 || Self.inputHungUp() { return .signal(.hangup) }
            }
        }
    }

    /// Whether `descriptor` has something to read (or was closed), without waiting.
    private static func isReadable(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0
    }

    /// How long to wait for the next character while the decoder is in the middle of
    /// something (nil: nothing is pending, wait as the caller asked).
    private static func patience(_ pending: EscapeSequenceDecoder.Pending) -> Int? {
        switch pending {
        case .nothing: return nil
        case .escape: return escapeDelayMilliseconds
        case .sequence: return sequenceDelayMilliseconds
        case .paste: return pasteDelayMilliseconds
        }
    }

    private static func event(_ output: EscapeSequenceDecoder.Output) -> InputEvent {
        switch output {
        case .key(let key): return .key(key)
        case .paste(let text): return .paste(text)
        }
    }

    /// SIGTSTP from outside: the terminal is given back (bracketed paste off, curses
    /// left) while the process is stopped, and taken again (everything redrawn) when it
    /// continues.
    private func suspend() {
        setCursor(visible: true)
        ipasn_endwin_if_active()
        Self.writeToTerminal(Self.bracketedPasteOff)
        signals.stopNow()
        Self.writeToTerminal(Self.bracketedPasteOn)
        previous = nil
        clearok(ipasn_stdscr(), true)
        wrefresh(ipasn_stdscr())
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        return Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    }

    /// Whether standard input reports a hang-up (the terminal is gone).
    private static func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }
}
