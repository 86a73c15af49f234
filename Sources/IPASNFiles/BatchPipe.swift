import Foundation

/// A bounded single-producer, single-consumer queue of batches between a reading thread and
/// its consumer (``PrefetchingRowSource``, the .xlsx row stream): the producer waits while
/// `capacity` batches are queued, and the queue ends with ``Item/end`` or ``Item/failed(_:)``,
/// which stays in it: taking again after the end answers the same.
///
/// `@unchecked Sendable`: all state is guarded by `condition`.
final class BatchPipe<Batch>: @unchecked Sendable {
    enum Item: @unchecked Sendable {
        case batch(Batch)
        case end
        case failed(Error)
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// True once the consumer has given up.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Queues an item, waiting while the queue is full; false (and nothing queued) once the
    /// consumer has given up.
    @discardableResult
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting until there is one. A batch is removed; the end or a failure stays.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items[0]
        if case .batch = item { items.removeFirst() }
        condition.broadcast()
        return item
    }

    /// Gives up: drops what is queued, wakes a waiting producer (its `put` answers false) and
    /// leaves only the end for the consumer.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        items.removeAll()
        items.append(.end)
        condition.broadcast()
    }
}
