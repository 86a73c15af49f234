import Foundation

/// SQLite cannot wake a waiting process: the feed is polled at a short interval, and each
/// poll is one index lookup (the newest audit id, ``SQLiteStore/dataGeneration()``).
extension SQLiteStore {
    /// No descriptor: SQLite has no notifications.
    public func changeDescriptor() -> Int32? { nil }

    /// A poll every 400 ms: a change shows within half a second, at one index lookup a poll.
    public var changePollMilliseconds: Int? { 400 }

    /// `.changed` when the data generation moved since the last poll (by any session, this
    /// store's own included); a file that cannot be read is no lost server: `.quiet`.
    public func pollChanges() -> ChangeFeedState {
        guard let generation = try? dataGeneration() else { return .quiet }
        return changeMark.take(generation) ? .changed : .quiet
    }

    /// A file never disconnects.
    public func reconnect() -> Bool { true }
}

/// The last data generation a change feed reported, shared safely between threads.
final class ChangeMark: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Int64?

    /// Records `generation`; true when it differs from the one recorded before (nil: unknown, kept).
    @discardableResult
    func take(_ generation: Int64?) -> Bool {
        lock.withLock {
            guard let generation else { return false }
            defer { seen = generation }
            return seen.map { $0 != generation } ?? false
        }
    }
}
