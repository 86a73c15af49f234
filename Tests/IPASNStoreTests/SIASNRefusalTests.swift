import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The SIASN export by the verifikator and SIASN's refusals fed back (branch siasnback), on
/// SQLite on a file: the conformance behaviours of ``SIASNRefusalStore`` alone, for a quick
/// run (`--filter SIASNRefusalTests`); the whole suite runs them in both engines' conformance.
@Suite struct SIASNRefusalTests {
    static let behaviours = StoreConformance.behaviours.filter { $0.name.contains("SIASN") || $0.name.contains("verifikator records") }

    @Test func theBehavioursAreListed() {
        #expect(Self.behaviours.count >= 3)
    }

    @Test(arguments: behaviours)
    func onFile(_ behaviour: StoreBehaviour) throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-siasnback")
        defer { directory.remove() }
        try behaviour.check {
            let path = directory.path("\(UUID().uuidString).sqlite")
            return { try SQLiteStore(path: path, context: $0) }
        }
    }
}
