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
/// terminal left in raw mode.
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
        for (number, _) in Self.watched {
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

    /// Puts the previous handlers back.
    func restore() {
        for (number, old) in previous {
            var action = old
            sigaction(number, &action, nil)
        }
        previous.removeAll()
    }
}
