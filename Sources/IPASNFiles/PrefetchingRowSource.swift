import Foundation
import IPASNStore

/// Reads and parses an ``ImportRowSource`` on a background thread while the store writes
/// the rows already parsed, so the two halves of an import overlap on two cores.
///
/// Rows travel in batches through a bounded queue (``capacity`` batches of ``batchSize``
/// rows), so memory stays small and constant whatever the size of the file. Rows come out in
/// the order the inner source gave them; an error thrown by the inner source is rethrown
/// from ``next()`` at the point it happened.
///
/// With a `progress` callback, the consumer's thread (the one calling ``next()``) is told as
/// each batch is taken how many rows it has had and, when the inner source is a
/// ``ByteCountingRowSource``, how far into the file they reach; then once more with
/// `readAll` when the end is reached.
public struct PrefetchingRowSource: ImportRowSource {
    public let kind: ImportKind
    private let pipe: Pipe
    private var batch: [Line<ImportRow>] = []
    private var index = 0
    private let progress: ((ImportProgress) -> Void)?
    private let totalBytes: Int?
    private let totalRows: Int?
    private var taken = 0
    private var lastBytes: Int?
    private var reportedEnd = false

    public init(
        _ inner: some ImportRowSource & Sendable, batchSize: Int = 1024, capacity: Int = 8, totalBytes: Int? = nil,
        totalRows: Int? = nil, progress: ((ImportProgress) -> Void)? = nil
    ) {
        kind = inner.kind
        pipe = Pipe(capacity: capacity)
        self.progress = progress
        self.totalBytes = totalBytes
        self.totalRows = totalRows
        let pipe = self.pipe
        let thread = Thread {
            var source = inner
            var rows: [Line<ImportRow>] = []
            rows.reserveCapacity(batchSize)
            // Where the rows of a batch reach in the file, read on this thread (the source's own).
            func bytes() -> Int? { (source as? any ByteCountingRowSource)?.bytesRead }
            do {
                while !pipe.isCancelled, let row = try source.next() {
                    rows.append(row)
                    if rows.count == batchSize {
                        pipe.put(.rows(rows, bytes: bytes()))
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                if !rows.isEmpty { pipe.put(.rows(rows, bytes: bytes())) }
                pipe.put(.end)
            } catch {
                pipe.put(.failed(error))
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    public mutating func next() throws -> Line<ImportRow>? {
        while index >= batch.count {
            switch pipe.take() {
            case .rows(let rows, let bytes):
                batch = rows
                index = 0
                taken += rows.count
                lastBytes = bytes
                progress?(ImportProgress(rows: taken, bytes: bytes, totalBytes: totalBytes, totalRows: totalRows))
            case .end:
                if !reportedEnd, let progress {
                    reportedEnd = true
                    progress(
                        ImportProgress(
                            rows: taken, bytes: lastBytes, totalBytes: totalBytes, totalRows: totalRows, readAll: true))
                }
                return nil
            case .failed(let error):
                throw error
            }
        }
        defer { index += 1 }
        return batch[index]
    }

    /// Stops the reading thread early (when the consumer gives up before the end).
    public func cancel() { pipe.cancel() }

    enum Item: @unchecked Sendable {
        case rows([Line<ImportRow>], bytes: Int?)
        case end
        case failed(Error)
    }

    /// A bounded single-producer, single-consumer queue.
    final class Pipe: @unchecked Sendable {
        // All state is guarded by `condition`.
        private let condition = NSCondition()
        private var items: [Item] = []
        private var cancelled = false
        private let capacity: Int

        init(capacity: Int) { self.capacity = max(1, capacity) }

        var isCancelled: Bool {
            condition.lock()
            defer { condition.unlock() }
            return cancelled
        }

        func put(_ item: Item) {
            condition.lock()
            while items.count >= capacity && !cancelled { condition.wait() }
            if !cancelled { items.append(item) }
            condition.broadcast()
            condition.unlock()
        }

        func take() -> Item {
            condition.lock()
            while items.isEmpty { condition.wait() }
            // The end (or a failure) stays in the queue: asking again after it answers the same.
            let item = items[0]
            if case .rows = item { items.removeFirst() }
            condition.broadcast()
            condition.unlock()
            return item
        }

        func cancel() {
            condition.lock()
            cancelled = true
            items.removeAll()
            items.append(.end)
            condition.broadcast()
            condition.unlock()
        }
    }
}
