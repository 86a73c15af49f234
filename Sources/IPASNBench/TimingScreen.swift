import IPASNTerminal

/// What a scripted event stands for, so its latency lands in the right series.
public enum StepKind: Hashable, Sendable {
    /// Getting somewhere (search, opening a page): not measured.
    case navigate
    /// A keystroke typed into a form field with the live subtotal preview on.
    case typing
    /// Saving a record (audit row, employee score, unit figures, the preview's refresh).
    case save
    /// Opening the dashboard.
    case dashboard
}

/// A ``Screen`` that replays a script of events through the real workstation loop and times,
/// for each event, the time from handing the event to the application to the next frame
/// being presented: the application's own work for that key (handling it, the store calls
/// it makes, the live preview, drawing the whole frame). No terminal is involved.
///
/// It behaves like ``VirtualScreen`` (scripted input, recorded output, `.signal(.terminate)`
/// once the script is done) but keeps only the last frame: a 10,000-key run would otherwise
/// hold 10,000 full frames in memory, which would distort the memory and the timings.
/// `checkpoints` run between events (outside the timed span) so the script can verify
/// where it is.
public final class TimingScreen: Screen {
    public private(set) var size: Size
    public var supportsColor: Bool = true

    private var events: [(InputEvent, StepKind)] = []
    private var checkpoints: [Int: (TimingScreen) throws -> Void] = [:]
    private var next = 0
    private var pending: (start: UInt64, cpu: UInt64, count: Int, kind: StepKind)?
    /// Read before and after each event when set (a store's round trips): ``counts`` holds the differences.
    public var counter: (() -> Int)?
    /// Read before each event begins and after its frame is drawn when set (outside the
    /// timed span): counters that only grow (a thread's and a server backend's run and
    /// run-queue nanoseconds); ``probes`` holds the differences per event.
    public var probe: (() -> [UInt64])?
    /// Called outside each event's span: with its kind and true just before it begins, false
    /// just after its frame is drawn (the hand harness's per-process accounting).
    public var observer: ((StepKind, Bool) -> Void)?
    /// What each of ``probe``'s counters grew by during each event, by kind.
    public private(set) var probes: [StepKind: [[UInt64]]] = [:]
    private var probeAtStart: [UInt64] = []
    /// What ``counter`` grew by during each event, by kind (empty without a counter).
    public private(set) var counts: [StepKind: [Int]] = [:]
    /// Seconds per event, by kind.
    public private(set) var latencies: [StepKind: [Double]] = [:]
    /// When each event's span began and ended (``Clock/now()``), by kind: the same spans as
    /// `latencies`, to place other timestamps (a store's round trips) inside them.
    public private(set) var spans: [StepKind: [(start: UInt64, end: UInt64)]] = [:]
    /// CPU seconds of the process (user + system) per event, by kind: the same spans as
    /// `latencies`, without the time other programs held the cores.
    public private(set) var cpuTimes: [StepKind: [Double]] = [:]
    public private(set) var lastFrame: CellGrid?
    public private(set) var framesPresented = 0
    /// The first error thrown by a checkpoint (the script then ends at once).
    public private(set) var checkpointError: Error?

    public init(size: Size = Size(width: 80, height: 24)) {
        self.size = size
    }

    /// The text of the last frame.
    public var text: String { lastFrame?.text ?? "" }

    public func key(_ key: Key, _ kind: StepKind = .navigate) {
        events.append((.key(key), kind))
    }

    public func type(_ text: String, _ kind: StepKind = .typing) {
        for character in text { events.append((.key(.char(character)), kind)) }
    }

    /// Runs `check` once every event queued so far has been handled and drawn.
    public func checkpoint(_ check: @escaping (TimingScreen) throws -> Void) {
        checkpoints[events.count] = check
    }

    public var scriptLength: Int { events.count }

    public func count(_ kind: StepKind) -> Int { events.filter { $0.1 == kind }.count }

    public func present(_ grid: CellGrid) {
        let now = Clock.now()
        if let pending {
            latencies[pending.kind, default: []].append(Double(now &- pending.start) / 1e9)
            spans[pending.kind, default: []].append((pending.start, now))
            cpuTimes[pending.kind, default: []].append(Double(Clock.cpuNow() &- pending.cpu) / 1e9)
            if let counter { counts[pending.kind, default: []].append(counter() - pending.count) }
            if let probe {
                let end = probe()
                probes[pending.kind, default: []].append(zip(end, probeAtStart).map { $0 &- $1 })
            }
            observer?(pending.kind, false)
            self.pending = nil
        }
        lastFrame = grid
        framesPresented += 1
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        if checkpointError == nil, let check = checkpoints.removeValue(forKey: next) {
            do { try check(self) } catch { checkpointError = error }
        }
        guard checkpointError == nil, next < events.count else { return .signal(.terminate) }
        let (event, kind) = events[next]
        next += 1
        observer?(kind, true)
        if let probe { probeAtStart = probe() }
        pending = (Clock.now(), Clock.cpuNow(), counter?() ?? 0, kind)
        return event
    }

    public func shutdown() {}
}
