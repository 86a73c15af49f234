import Foundation

/// Draws a ``ProgressBar`` on one terminal line, over and over (`\r`, the line, erase to its
/// end), at most every ``interval`` seconds, and erases it at the end so that what the
/// command prints next starts on a clean line.
///
/// Updates come from the working thread; ``startTicking(every:)`` adds a thread that redraws
/// the last state (its spinner and times move) while the work gives no news, as during a
/// store's refresh and commit. The clock and the output are injected: the terminal check and
/// stderr belong to the caller.
public final class ProgressReporter: @unchecked Sendable {
    // All mutable state is guarded by `lock`.
    private let lock = NSLock()
    private var bar: ProgressBar
    private var state = State()
    private var lastDraw: Double?
    private var drawn = false
    private var ticking = false
    private let interval: Double
    private let delay: Double
    private let began: Double
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void

    struct State {
        var count: Int?
        var total: Int?
        var bytes: Int?
        var totalBytes: Int?
    }

    /// - Parameters:
    ///   - bar: the bar's label, words and width; its `startedAt` is set from `clock`.
    ///   - interval: the shortest time between two drawings.
    ///   - delay: nothing is drawn before the work has run this long (a quick job shows no
    ///     flicker).
    ///   - clock: seconds on a monotonic clock.
    ///   - write: where the text goes (stderr, when it is a terminal).
    public init(
        bar: ProgressBar, interval: Double = 0.1, delay: Double = 0.3, clock: @escaping @Sendable () -> Double,
        write: @escaping @Sendable (String) -> Void
    ) {
        var bar = bar
        began = clock()
        bar.startedAt = began
        self.bar = bar
        self.interval = interval
        self.delay = delay
        self.clock = clock
        self.write = write
    }

    /// The work's news; drawn unless the last drawing is less than ``interval`` old.
    public func update(count: Int? = nil, total: Int? = nil, bytes: Int? = nil, totalBytes: Int? = nil) {
        lock.lock()
        defer { lock.unlock() }
        state = State(count: count, total: total, bytes: bytes, totalBytes: totalBytes)
        drawIfDue(force: false)
    }

    /// A new stage of the work, with its own label and clock, and no counts yet: drawn at once.
    public func phase(_ label: String, count: Int? = nil, total: Int? = nil) {
        lock.lock()
        defer { lock.unlock() }
        bar.label = label
        bar.startedAt = clock()
        state = State(count: count, total: total)
        drawIfDue(force: true)
    }

    /// Draws the last state again when it is due (the spinner and the times move).
    public func tick() {
        lock.lock()
        defer { lock.unlock() }
        drawIfDue(force: false)
    }

    /// Redraws every `seconds` on a thread of its own until ``finish()``.
    public func startTicking(every seconds: Double = 0.25) {
        lock.lock()
        let already = ticking
        ticking = true
        lock.unlock()
        guard !already else { return }
        let thread = Thread { [self] in
            while self.isTicking {
                Thread.sleep(forTimeInterval: seconds)
                if self.isTicking { self.tick() }
            }
        }
        thread.start()
    }

    private var isTicking: Bool {
        lock.lock()
        defer { lock.unlock() }
        return ticking
    }

    /// Stops the ticking and erases the line (when anything was drawn).
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        ticking = false
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    /// The line as it would be drawn now (for tests and the caller's last words).
    public var currentLine: String {
        lock.lock()
        defer { lock.unlock() }
        return line(at: clock())
    }

    private func line(at now: Double) -> String {
        bar.line(count: state.count, total: state.total, bytes: state.bytes, totalBytes: state.totalBytes, at: now)
    }

    private func drawIfDue(force: Bool) {
        let now = clock()
        if now - began < delay { return }
        if !force, let lastDraw, now - lastDraw < interval { return }
        lastDraw = now
        drawn = true
        write("\r" + line(at: now) + "\u{1B}[K")
    }
}
