import Foundation
import IPASNStore

/// Live refresh on PostgreSQL: the store LISTENs on ``PostgresSchema/changeChannel``, which
/// every data-changing transaction NOTIFYs at commit (a trigger on `audit`), on its one
/// connection; the workstation waits on the connection's socket beside the terminal.
/// Notifications of this store's own connection are left out (its screen already shows its
/// own changes).
extension PostgresStore {
    /// The connection's socket (listening from the first call on); nil while the server is
    /// unreachable.
    public func changeDescriptor() -> Int32? {
        withConnection { db in
            db.reconnectsInBackground = true
            guard db.isConnected else { return nil }
            do { try db.listen(PostgresSchema.changeChannel) } catch { return nil }
            return db.socket
        }
    }

    /// No polling needed: the socket wakes the waiter.
    public var changePollMilliseconds: Int? { nil }

    /// `.changed` when another connection's change was notified since the last poll, or when
    /// the connection was opened again meanwhile (notifications sent while it was down are
    /// lost: reload to be sure); `.disconnected` when the server closed the connection.
    public func pollChanges() -> ChangeFeedState {
        withConnection { db in
            // A screen follows the feed: a lost connection must never freeze it.
            db.reconnectsInBackground = true
            do {
                guard db.isConnected else { throw PGError(sqlState: "08003", message: "no connection") }
                try db.listen(PostgresSchema.changeChannel)
                let own = db.backendPID
                let others = try db.takeNotifications().filter { $0.pid != own }
                let reopened = feedMark.reopened(db.connectionCount)
                return others.isEmpty && !reopened ? .quiet : .changed
            } catch let error as PGError {
                return .disconnected(error.message)
            } catch {
                return .disconnected("\(error)")
            }
        }
    }

    /// Moves the reconnection on WITHOUT blocking the screen (``PGConnection/advanceReconnect(waitingUpTo:)``:
    /// libpq's `PQconnectStart`/`PQconnectPoll`): starts an attempt when none is under way
    /// (waiting at most ``PGConnection/inlineWait`` for it: a restarted server answers in
    /// milliseconds), or advances the one under way as far as its socket allows now. True when
    /// connected (listening again). From the first call on, a statement on the lost connection
    /// fails at once instead of connecting and waiting (``PGConnection/reconnectsInBackground``).
    public func reconnect() -> Bool {
        withConnection { db in
            db.reconnectsInBackground = true
            return db.advanceReconnect(waitingUpTo: db.inlineWait) == .connected
        }
    }

    /// Reconnection attempts that failed since the connection was lost (0 when connected).
    public var failedReconnects: Int { withConnection { $0.failedAttempts } }
}

/// The connection count the feed last saw (a higher one: the connection was re-opened).
final class FeedMark: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Int?

    func reopened(_ count: Int) -> Bool {
        lock.withLock {
            defer { seen = count }
            return seen.map { $0 != count } ?? false
        }
    }
}
