import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

/// The Store conformance suite run against both ways `SQLiteStore` opens a database, as
/// GRDB runs its tests against `DatabaseQueue` and `DatabasePool`: in memory (one
/// `DatabaseQueue` connection) and on a file (a WAL `DatabasePool` with separate readers).
@Suite struct SQLiteStoreConformanceTests {
    @Test(arguments: StoreConformance.behaviours)
    func inMemory(_ behaviour: StoreBehaviour) throws {
        try behaviour.check { try SQLiteStore.inMemory(context: $0) }
    }

    @Test(arguments: StoreConformance.behaviours)
    func onFile(_ behaviour: StoreBehaviour) throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-conformance")
        defer { directory.remove() }
        try behaviour.check { try SQLiteStore(path: directory.path("\(UUID().uuidString).sqlite"), context: $0) }
    }

    @Test(arguments: StoreConformance.teamBehaviours)
    func teamInMemory(_ behaviour: TeamBehaviour) throws {
        try behaviour.check {
            let first = SharedFirstStore()
            return { context in
                if let store = first.store { return try store.reopened(as: context) }
                let store = try SQLiteStore.inMemory(context: context)
                first.store = store
                return store
            }
        }
    }

    @Test(arguments: StoreConformance.teamBehaviours)
    func teamOnFile(_ behaviour: TeamBehaviour) throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-conformance")
        defer { directory.remove() }
        try behaviour.check {
            let path = directory.path("\(UUID().uuidString).sqlite")
            return { try SQLiteStore(path: path, context: $0) }
        }
    }

    @Test func theSuiteCoversTheWholeContract() {
        // Guards against a behaviour list dropped by accident (each list is one area of docs/store.md).
        #expect(StoreConformance.behaviours.count >= 29)
        #expect(Set(StoreConformance.behaviours.map(\.name)).count == StoreConformance.behaviours.count)
    }
}

/// The in-memory database of a team behaviour: its first store, which later logins share.
private final class SharedFirstStore: @unchecked Sendable {
    private let lock = NSLock()
    private var first: SQLiteStore?
    var store: SQLiteStore? {
        get { lock.withLock { first } }
        set { lock.withLock { first = newValue } }
    }
}
