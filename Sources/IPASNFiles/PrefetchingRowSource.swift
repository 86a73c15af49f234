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
    private let pipe: BatchPipe<Chunk>
    /// The batch being handed out: ``next()`` takes its rows out in order, leaving nil.
    private var batch: [Line<ImportRow>?] = []
    /// The next row of ``batch`` to hand out.
    private var position = 0
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
        pipe = BatchPipe(capacity: capacity)
        self.progress = progress
        self.totalBytes = totalBytes
        self.totalRows = totalRows
        let pipe = self.pipe
        let thread = Thread {
            var source = inner
            var rows: [Line<ImportRow>?] = []
            rows.reserveCapacity(batchSize)
            // Where the rows of a batch reach in the file, read on this thread (the source's own).
            func bytes() -> Int? { (source as? any ByteCountingRowSource)?.bytesRead }
            do {
                while !pipe.isCancelled, let row = try source.next() {
                    rows.append(row)
                    if rows.count == batchSize {
                        pipe.put(.batch(Chunk(rows: rows, bytes: bytes())))
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                if !rows.isEmpty {
                    pipe.put(.batch(Chunk(rows: rows, bytes: bytes())))
                }
                pipe.put(.end)
            } catch {
                pipe.put(.failed(error))
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    public mutating func next() throws -> Line<ImportRow>? {
        while position == batch.count {
            switch pipe.take() {
            case .batch(let chunk):
                batch = chunk.rows
                position = 0
                taken += chunk.rows.count
                lastBytes = chunk.bytes
                progress?(ImportProgress(rows: taken, bytes: chunk.bytes, totalBytes: totalBytes, totalRows: totalRows))
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
        // FAST PATH (issues 12 and 14): each row is MOVED out of the batch (`take()` leaves
        // nil in its place): `batch[index]` would copy the row (a retain of each of its
        // strings here, a release when the batch is dropped), a million times on the
        // writer's thread, the import's critical path. (Until branch pgcopy5 the parsing
        // thread reversed each batch for `removeLast()`: `reverse()` copied every row too.)
        defer { position += 1 }
        return batch[position].take()
    }

    /// Stops the reading thread early (when the consumer gives up before the end).
    public func cancel() { pipe.cancel() }

    /// One batch of rows (each non-nil until taken) and how far into the file they reach.
    struct Chunk {
        var rows: [Line<ImportRow>?]
        var bytes: Int?
    }
}
