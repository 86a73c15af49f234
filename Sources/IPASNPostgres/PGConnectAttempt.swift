import CLibPQ
import Foundation

/// Where a connection attempt that never waits stands (libpq's `PQconnectStart` /
/// `PQconnectPoll`, ``PGConnectAttempt``).
enum PGConnectStep {
    /// Still connecting: the attempt goes on once `socket` is ready for reading (or for
    /// writing). Nothing blocked.
    case waiting(socket: Int32, forWriting: Bool)
    /// Connected: the caller owns the `PGconn`.
    case connected(OpaquePointer)
    /// The attempt failed (refused, no such socket, authentication...): libpq's message.
    case failed(String)
}

/// One connection attempt driven a step at a time, never blocking on the network: each
/// ``advance()`` does what the socket allows now and returns.
protocol PGConnectAttempt: AnyObject {
    func advance() -> PGConnectStep
    /// Gives the attempt up (frees what libpq allocated).
    func cancel()
}

/// Starts connection attempts. ``LibPQConnector`` in production; tests script one
/// (`PGConnectionBackgroundTests`) to replay a server that does not answer, refuses, then
/// accepts, with no real waiting.
protocol PGConnector: Sendable {
    func start(_ conninfo: String) -> PGConnectAttempt
}

/// libpq's non-blocking connection: `PQconnectStart`, then `PQconnectPoll` whenever the socket
/// is ready for what the last poll asked. libpq ignores `connect_timeout` on this path: the
/// caller (``PGConnection``) bounds the attempt with its own clock.
///
/// A host NAME (not an address or a Unix socket directory) is still resolved synchronously
/// by `PQconnectStart` (libpq's documented limit); `hostaddr` avoids even that.
struct LibPQConnector: PGConnector {
    func start(_ conninfo: String) -> PGConnectAttempt { LibPQConnectAttempt(conninfo) }
}

private final class LibPQConnectAttempt: PGConnectAttempt {
    private var connection: OpaquePointer?
    /// What the last `PQconnectPoll` asked for (`PQconnectStart` counts as "writing").
    private var state = PGRES_POLLING_WRITING
    private var failure: String?

    init(_ conninfo: String) {
        connection = PQconnectStart(conninfo)
        if connection == nil {
            failure = "out of memory"
        } else if PQstatus(connection) == CONNECTION_BAD {
            failure = Self.message(connection)
        }
    }

    deinit { cancel() }

    func advance() -> PGConnectStep {
        if let failure { return .failed(failure) }
        guard let connection else { return .failed("the attempt was given up") }
        // Each poll may finish a step and ask for the next: go on while the socket is ready.
        for _ in 0..<64 {
            switch state {
            case PGRES_POLLING_OK:
                self.connection = nil
                return .connected(connection)
            case PGRES_POLLING_FAILED:
                let text = Self.message(connection)
                cancel()
                failure = text
                return .failed(text)
            default:
                let socket = PQsocket(connection)
                let writing = state == PGRES_POLLING_WRITING
                guard Self.isReady(socket, forWriting: writing) else { return .waiting(socket: socket, forWriting: writing) }
                state = PQconnectPoll(connection)
            }
        }
        return .waiting(socket: PQsocket(connection), forWriting: state == PGRES_POLLING_WRITING)
    }

    func cancel() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    private static func message(_ connection: OpaquePointer?) -> String {
        let text = connection.map { String(cString: PQerrorMessage($0)) } ?? ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "connection failed" : trimmed
    }

    /// Whether `socket` can be read (or written) now, without waiting.
    static func isReady(_ socket: Int32, forWriting: Bool) -> Bool {
        guard socket >= 0 else { return true }  // no socket yet: let libpq say what is wrong
        let events = Int16(forWriting ? POLLOUT : POLLIN)
        var entry = pollfd(fd: socket, events: events, revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents != 0
    }
}
