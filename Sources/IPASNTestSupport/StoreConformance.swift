import Foundation
import IPASNCore
import IPASNStore
import Testing

/// Opens a store with the given context (clock, actor, session).
public typealias StoreFactory = @Sendable (StoreContext) throws -> any Store

/// Makes a fresh, empty database and returns how to open it: every store the returned
/// factory opens shares that one database, as two admins (or two terminals of one admin)
/// share a file.
public typealias DatabaseFactory = @Sendable () throws -> StoreFactory

/// One behaviour of the ``Store`` contract (`docs/store.md`), written once against
/// `any Store`. A test target runs every behaviour against its implementation:
///
/// ```swift
/// @Test(arguments: StoreConformance.behaviours)
/// func sqliteOnFile(_ behaviour: StoreBehaviour) throws {
///     try behaviour.check {
///         let path = directory.path("\(UUID().uuidString).sqlite")
///         return { try SQLiteStore(path: path, context: $0) }
///     }
/// }
/// ```
///
/// The bodies use nothing but the protocol, so a PostgreSQL store must pass them unchanged.
/// Scores are hand-checked against `ipasn-rules.md` (bkn-2019, measurement year 2024).
public struct StoreBehaviour: Sendable, CustomStringConvertible, CustomTestStringConvertible {
    public let name: String
    let body: @Sendable (DatabaseFactory) throws -> Void

    /// A behaviour of one store at a time: every call of its factory opens a fresh database.
    init(_ name: String, _ body: @escaping @Sendable (StoreFactory) throws -> Void) {
        self.name = name
        self.body = { newDatabase in try body { context in try newDatabase()(context) } }
    }

    /// A behaviour of several stores on one database (two admins, two sessions).
    init(shared name: String, _ body: @escaping @Sendable (DatabaseFactory) throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the behaviour; every database it needs comes from `newDatabase`.
    public func check(with newDatabase: @escaping DatabaseFactory) throws {
        try body(newDatabase)
    }

    public var description: String { name }
    public var testDescription: String { name }
}

/// The Store conformance suite: every behaviour of the contract.
public enum StoreConformance {
    public static var behaviours: [StoreBehaviour] {
        settings + unitsAndEmployees + records + undo + redo + importUndo + figures + imports + progressDraftsAndAudit
            + sessions + reimportAndSearch + batch + accountsAndPermissions
            + unitTotals
            + employees
            + verification
            + verdictUndo
            + skpSentChange
            + team
            + exportTracking
            + exportBatchItems
            + batchEdit
            + changeSince
            + changeFeed
            + scoreStream
            + unitPending
            + recordEdit
            + queue
            + queueHistory
            + queueWaiting
            + dashboard
            + employeePage
            + skpSiasn
            + skpGrid
            + checkpoint
            + saveWarmup
            + employeeImportChanges
            + queueFilters
            + eventVerdict
            + userTest6
            + queueRanges
            + employeeSearch
            + draftSave
            + ux9
            + join
            + siasnRefusal
            + unitRename
            + siasnLive
            + refusalCount
            + renameUndo
    }

    // MARK: Helpers for the behaviours

    /// A store from `make` with ``SmallProvince`` seeded (measurement year 2024), actor and
    /// session "test".
    static func seeded(_ make: StoreFactory) throws -> any Store {
        let store = try make(TestClock.context())
        try SmallProvince.seed(store)
        return store
    }

    /// A new database seeded by actor "ops" (session "setup"), and how to open it as another
    /// admin or session: `open("ani", "left")`. "ops" is the database's first operator and
    /// makes every other login an operator too (the roles have behaviours of their own).
    static func sharedSeeded(_ newDatabase: DatabaseFactory) throws -> @Sendable (String, String) throws -> any Store {
        let open = try newDatabase()
        let ops = try open(TestClock.context(actor: "ops", session: "setup"))
        try SmallProvince.seed(ops)
        return { actor, session in
            if try ops.account(login: actor) == nil { try ops.saveAccount(Account(login: actor, role: .operator)) }
            return try open(TestClock.context(actor: actor, session: session))
        }
    }

    /// The error a change threw, when it is a ``StoreError``.
    static func storeError(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error
        } catch {
            Issue.record("expected a StoreError, got \(error)")
            return nil
        }
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
