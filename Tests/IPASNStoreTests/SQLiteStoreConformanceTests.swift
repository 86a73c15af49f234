import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The Store conformance suite run against both ways `SQLiteStore` opens a database, as
/// GRDB runs its tests against `DatabaseQueue` and `DatabasePool`: in memory (one
/// `DatabaseQueue` connection, shared by every store opened on it) and on a file (a WAL
/// `DatabasePool` per store, with separate readers, as two processes would have).
@Suite struct SQLiteStoreConformanceTests {
    @Test(arguments: StoreConformance.behaviours)
    func inMemory(_ behaviour: StoreBehaviour) throws {
        try behaviour.check {
            let database = InMemoryDatabase()
            return { try database.open($0) }
        }
    }

    @Test(arguments: StoreConformance.behaviours)
    func onFile(_ behaviour: StoreBehaviour) throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-conformance")
        defer { directory.remove() }
        try behaviour.check {
            let path = directory.path("\(UUID().uuidString).sqlite")
            return { try SQLiteStore(path: path, context: $0) }
        }
    }

    @Test func theSuiteCoversTheWholeContract() {
        // Guards against a behaviour list dropped by accident (each list is one area of docs/store.md).
        #expect(StoreConformance.behaviours.count >= 43)
        #expect(Set(StoreConformance.behaviours.map(\.name)).count == StoreConformance.behaviours.count)
    }
}

/// One in-memory database: the first store creates it, every later one shares its connection.
final class InMemoryDatabase: @unchecked Sendable {
    private let lock = NSLock()
    private var first: SQLiteStore?

    func open(_ context: StoreContext) throws -> any Store {
        lock.lock()
        defer { lock.unlock() }
        if let first { return try SQLiteStore(writer: first.writer, context: context, waiter: first.lockWaiter) }
        let store = try SQLiteStore.inMemory(context: context)
        first = store
        return store
    }
}
