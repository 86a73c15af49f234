/// An in-memory ``Screen`` for tests: scripted input, recorded output.
///
/// ```swift
/// let screen = VirtualScreen(size: Size(width: 80, height: 24))
/// screen.enqueue(text: "198001012005011001")
/// screen.enqueue([.tab, .ctrl("s")])
/// app.run(on: screen)            // ends when the queue runs dry
/// #expect(screen.text.contains("Tersimpan"))
/// ```
///
/// Between events the script may hold actions (``enqueue(action:)``): each runs when the
/// application asks for its next event after everything queued before it, with the frame
/// presented for those events as ``lastFrame``, so a test asserts between keys.
///
/// When the queue is empty, ``nextEvent(timeoutMilliseconds:)`` returns
/// ``idleTicks`` `.tick`s, then ``endEvent`` (by default
/// `.signal(.terminate)`) every time, so application loops always end.
public final class VirtualScreen: Screen {
    /// Current size; changed when a queued `.resize` event is read (as a terminal's size
    /// changes when the application learns of it).
    public private(set) var size: Size
    /// Whether the screen claims colour support (for testing both themes).
    public var supportsColor: Bool
    /// How many `.tick`s to return once the queue is empty before ``endEvent``.
    public var idleTicks: Int
    /// Returned for ever once the queue and the idle ticks are used up.
    /// Set it to `.tick` to never end.
    public var endEvent: InputEvent
    /// Every frame presented so far, oldest first.
    public private(set) var frames: [CellGrid] = []
    /// The timeouts passed to ``nextEvent(timeoutMilliseconds:)``, in order.
    public private(set) var requestedTimeouts: [Int] = []
    /// The descriptors passed to ``nextEvent(timeoutMilliseconds:wakingOn:)``, in order (nil
    /// when the caller had none to wait on). A test simulates the descriptor becoming
    /// readable by queueing a `.tick` (after making the change that makes it readable).
    public private(set) var requestedDescriptors: [Int32?] = []
    /// Whether ``shutdown()`` has been called.
    public private(set) var isShutDown = false
    /// How many times ``invalidate()`` was called (the application asked for a whole redraw).
    public private(set) var invalidations = 0

    private var queue: [InputEvent] = []
    private var head = 0
    private var ticksGiven = 0
    /// Events handed out so far.
    private var delivered = 0
    /// Queued actions, each with the number of events that must be handed out before it runs.
    private var actions: [(after: Int, run: (VirtualScreen) -> Void)] = []

    /// Creates a screen of `size` with an empty input queue.
    public init(
        size: Size = Size(width: 80, height: 24),
        supportsColor: Bool = true,
        idleTicks: Int = 0,
        endEvent: InputEvent = .signal(.terminate)
    ) {
        self.size = size
        self.supportsColor = supportsColor
        self.idleTicks = idleTicks
        self.endEvent = endEvent
    }

    /// The last frame presented, if any.
    public var lastFrame: CellGrid? { frames.last }

    /// The text of the last frame (``CellGrid/text``), `""` before any frame.
    public var text: String { lastFrame?.text ?? "" }

    /// Number of events still queued.
    public var pendingEventCount: Int { queue.count - head }

    /// Number of queued actions that have run.
    public private(set) var actionsRun = 0
    /// Number of actions queued so far (run or not).
    public private(set) var actionsQueued = 0

    /// Queues key presses.
    public func enqueue(_ keys: [Key]) {
        queue.append(contentsOf: keys.map(InputEvent.key))
    }

    /// Queues one key press.
    public func enqueue(_ key: Key) {
        queue.append(.key(key))
    }

    /// Queues every character of `text` as `.char` keys (`"\n"` becomes
    /// `.enter`, `"\t"` becomes `.tab`).
    public func enqueue(text: String) {
        for character in text {
            switch character {
            case "\n", "\r\n", "\r": queue.append(.key(.enter))
            case "\t": queue.append(.key(.tab))
            default: queue.append(.key(.char(character)))
            }
        }
    }

    /// Queues what a real terminal would send, decoded as ``NcursesScreen`` decodes it
    /// (``EscapeSequenceDecoder``): `"\u{1B}[1~"` is Home, a bracketed paste is one
    /// ``InputEvent/paste(_:)``, a lone Esc at the end is Esc.
    public func enqueue(terminalInput: String) {
        queue.append(contentsOf: EscapeSequenceDecoder.decode(terminalInput).map { output in
            switch output {
            case .key(let key): return InputEvent.key(key)
            case .paste(let text): return InputEvent.paste(text)
            }
        })
    }

    /// Queues any event (a signal, a tick, ...).
    public func enqueue(event: InputEvent) {
        queue.append(event)
    }

    /// Queues `action`, run when the application asks for the event after those queued
    /// before it (the frames for them presented). Not an event: the application never sees it.
    public func enqueue(action: @escaping (VirtualScreen) -> Void) {
        actionsQueued += 1
        actions.append((after: delivered + pendingEventCount, run: action))
    }

    /// Queues a `.resize` event; ``size`` changes when the application reads it.
    public func resize(to newSize: Size) {
        queue.append(.resize(newSize))
    }

    /// Records `grid` as the latest frame.
    public func present(_ grid: CellGrid) {
        frames.append(grid)
    }

    /// Counts the request (``invalidations``); every frame is recorded whole anyway.
    public func invalidate() {
        invalidations += 1
    }

    /// Pops the next queued event; see the type documentation for what
    /// happens when the queue is empty. Never blocks.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        requestedTimeouts.append(timeoutMilliseconds)
        while let next = actions.first, next.after <= delivered {
            actions.removeFirst()
            actionsRun += 1
            next.run(self)
        }
        if head < queue.count {
            let event = queue[head]
            head += 1
            delivered += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            if case .resize(let newSize) = event { size = newSize }
            return event
        }
        if ticksGiven < idleTicks {
            ticksGiven += 1
            return .tick
        }
        return endEvent
    }

    /// Records `descriptor` and returns the next queued event as
    /// ``nextEvent(timeoutMilliseconds:)`` does (never blocks, never reads the descriptor).
    public func nextEvent(timeoutMilliseconds: Int, wakingOn descriptor: Int32?) -> InputEvent {
        requestedDescriptors.append(descriptor)
        return nextEvent(timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Marks the screen as shut down.
    public func shutdown() {
        isShutDown = true
    }
}
