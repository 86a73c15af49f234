import Foundation
import IPASNCore
import IPASNStore
import Testing

/// Makes a fresh, empty store whose clock and actor are the given context's.
public typealias StoreFactory = @Sendable (StoreContext) throws -> any Store

/// One behaviour of the ``Store`` contract (`docs/store.md`), written once against
/// `any Store`. A test target runs every behaviour against its implementation:
///
/// ```swift
/// @Test(arguments: StoreConformance.behaviours)
/// func sqliteInMemory(_ behaviour: StoreBehaviour) throws {
///     try behaviour.check { try SQLiteStore.inMemory(context: $0) }
/// }
/// ```
///
/// The bodies use nothing but the protocol, so a PostgreSQL store must pass them unchanged.
/// Scores are hand-checked against `ipasn-rules.md` (bkn-2019, measurement year 2024).
public struct StoreBehaviour: Sendable, CustomStringConvertible, CustomTestStringConvertible {
    public let name: String
    let body: @Sendable (StoreFactory) throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (StoreFactory) throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the behaviour; every store it needs comes from `factory`.
    public func check(with factory: @escaping StoreFactory) throws {
        try body(factory)
    }

    public var description: String { name }
    public var testDescription: String { name }
}

/// The Store conformance suite: every behaviour of the contract.
public enum StoreConformance {
    public static var behaviours: [StoreBehaviour] {
        settings + unitsAndEmployees + records + undo + figures + imports + progressDraftsAndAudit + batch
    }

    // MARK: Helpers for the behaviours

    /// A store from `make` with ``SmallProvince`` seeded (measurement year 2024), actor "test".
    static func seeded(_ make: StoreFactory) throws -> any Store {
        let store = try make(TestClock.context())
        try SmallProvince.seed(store)
        return store
    }

    /// The issue codes a refused change threw; [] when it was not refused by validation.
    static func refusal(_ body: () throws -> Void) -> [IssueCode] {
        do {
            try body()
            return []
        } catch let failure as ValidationFailure {
            return failure.issues.map(\.code)
        } catch {
            Issue.record("expected a ValidationFailure, got \(error)")
            return []
        }
    }

    /// The newest audit entry.
    static func lastAudit(_ store: any Store) throws -> AuditEntry {
        try #require(try store.auditLog(limit: 1).first)
    }

    static func recordID(_ stored: StoredRecord<Diklat>) -> RecordID { RecordID(kind: .diklat, id: stored.id) }

    static let nipA = SmallProvince.nipA
    static let nipB = SmallProvince.nipB
    static let nipC = SmallProvince.nipC
    static func teknis(_ nip: String, _ nama: String = "Bimtek Arsip", jp: Int = 20, end: String = "2024-03-03") -> Record {
        SmallProvince.teknis(nip, nama, jp: jp, end: end)
    }
    static func d(_ text: String) -> LocalDate { TestClock.date(text) }
}
