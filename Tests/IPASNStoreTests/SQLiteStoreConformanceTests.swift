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

    @Test func theSuiteCoversTheWholeContract() {
        // Guards against a behaviour list dropped by accident (each list is one area of docs/store.md).
        #expect(StoreConformance.behaviours.count >= 29)
        #expect(Set(StoreConformance.behaviours.map(\.name)).count == StoreConformance.behaviours.count)
    }
}
