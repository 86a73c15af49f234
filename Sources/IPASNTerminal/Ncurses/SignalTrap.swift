#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Bit `n` set means signal `n` arrived and was not taken yet. Written only
/// from the C signal handler (a lock-free atomic, async-signal-safe).
private let pendingSignalBits = Atomic<UInt64>(0)

/// The C-compatible handler: records the signal and returns, which also
/// interrupts a blocking `get_wch` (no `SA_RESTART`).
private let recordSignal: @convention(c) (Int32) -> Void = { number in
    guard number > 0, number < 64 else { return }
    pendingSignalBits.bitwiseOr(UInt64(1) << UInt64(number), ordering: .sequentiallyConsistent)
}

/// Catches SIGHUP, SIGTERM, SIGINT and SIGQUIT so they become
/// ``InputEvent/signal(_:)`` events instead of killing the process with the
/// terminal left in raw mode. SIGTSTP (a stop from outside: in raw mode Ctrl-Z
/// is a key) is caught too, so the screen can give the terminal back before
/// stopping (``takeSuspend()``, ``stopNow()``).
///
/// Installed before curses starts, so ncurses sees the signals are already
/// handled and does not install its own exit-on-signal handlers.
final class SignalTrap {
    static let watched: [(number: Int32, signal: TerminalSignal)] = [
        (SIGHUP, .hangup), (SIGTERM, .terminate), (SIGINT, .interrupt), (SIGQUIT, .quit),
    ]

    private var previous: [(Int32, sigaction)] = []

    /// Installs the handlers.
    init() {
        for number in Self.watched.map(\.number) + [SIGTSTP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(number, &action, &old) == 0 {
                previous.append((number, old))
            }
        }
    }

    /// Takes one pending signal (in the order of ``watched``), if any.
    func take() -> TerminalSignal? {
        let bits = pendingSignalBits.load(ordering: .sequentiallyConsistent)
        guard bits != 0 else { return nil }
        for (number, signal) in Self.watched where bits & (UInt64(1) << UInt64(number)) != 0 {
            pendingSignalBits.bitwiseAnd(~(UInt64(1) << UInt64(number)), ordering: .sequentiallyConsistent)
            return signal
        }
        return nil
    }

    /// Whether a SIGTSTP arrived (and takes it).
    func takeSuspend() -> Bool {
        let bit = UInt64(1) << UInt64(SIGTSTP)
        let bits = pendingSignalBits.load(ordering: .sequentiallyConsistent)
        guard bits & bit != 0 else { return false }
        pendingSignalBits.bitwiseAnd(~bit, ordering: .sequentiallyConsistent)
        return true
    }

    /// Stops the process as SIGTSTP would have; returns once it is continued (SIGCONT),
    /// with the handler in place again.
    func stopNow() {
        var handler = sigaction()
        var ours = sigaction()
        handler.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&handler.sa_mask)
        sigaction(SIGTSTP, &handler, &ours)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
    }

    /// Puts the previous handlers back.
    func restore() {
        for (number, old) in previous {
            var action = old
            sigaction(number, &action, nil)
        }
        previous.removeAll()
    }
}
