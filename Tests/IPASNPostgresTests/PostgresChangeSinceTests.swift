import Foundation
import IPASNCore
import IPASNStore
import Testing

@testable import IPASNPostgres
@testable import IPASNTestSupport

/// `ipasn report pending --since` on PostgreSQL is native (``PostgresStore`` implements
/// ``ChangeSinceStore`` with indexed queries, as SQLite does) and answers exactly what the
/// generic audit walk (``ChangeSinceFromAudit``) answers, in a handful of statements that do not
/// grow with the audit log.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresChangeSinceTests {
    @Test func nativeAnswersAreTheAuditWalksInAFewStatements() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (_, later) = try StoreConformance.changedToday { try databases.make() }
        let store = try #require(later as? PostgresStore)
        for moment in [StoreConformance.todayStart, StoreConformance.tuesday, StoreConformance.todayStart.addingTimeInterval(86_400)] {
            let before = store.roundTrips
            let native = try store.pendingCounts(changedSince: moment)
            let trips = store.roundTrips - before
            #expect(native == (try ChangeSinceFromAudit.pendingCounts(store, changedSince: moment)), "at \(moment)")
            // BEGIN with the import ranges, one query per record kind, the first-entry lookups
            // (one per unit and kind found: at most 2 here), COMMIT; prepares of the first call.
            #expect(trips <= 2 * (1 + RecordKind.allCases.count + 2) + 1, "\(trips) round trips")
            #expect(
                try store.sentDeletions(kind: nil, unit: nil, deletedSince: moment)
                    == ChangeSinceFromAudit.sentDeletions(store, kind: nil, unit: nil, deletedSince: moment))
        }
        // Hand-checked (the conformance behaviour's database): since today, ROOT's "Ubah" and
        // SUB's "Baru", "Impor" and "Terkirim", the oldest first entered on Tuesday.
        #expect(try store.pendingCounts(changedSince: StoreConformance.todayStart).map { "\($0.unit) \($0.kind) \($0.count)" } == [
            "ROOT diklat 1", "SUB diklat 3",
        ])
    }

    @Test func anUndoneImportIsADeletionSinceItsUndoAndAnAuditValueThatIsNotJSONIsNoImport() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let store = try #require(try databases.make()(TestClock.context(actor: "ops", session: "test")) as? PostgresStore)
        try SmallProvince.seed(store)
        var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(SmallProvince.teknis(SmallProvince.nipB, "Impor", jp: 20)))])
        #expect(try store.importRows(&rows, skipInvalid: false).imported == 1)
        try store.saveExportBatch(StoreConformance.siasnBatch(try StoreConformance.pendingDiklat(store)))
        // A hand-written audit row of an import whose value is no JSON object (an old or
        // damaged row): read as no range, never a failed cast.
        _ = try store.withConnection { db in
            Result {
                try db.execute(
                    sql: "INSERT INTO audit(at, actor, action, entity, entity_id, new_value) VALUES (?, 'ops', 'import', 'diklat', '', 'bukan json')",
                    arguments: [TestClock.now])
            }
        }.get()
        try store.undoLast(session: "test")
        #expect(try store.sentDeletions(kind: nil, unit: nil, deletedSince: StoreConformance.todayStart).map(\.nip) == [SmallProvince.nipB])
        #expect(try store.pendingCounts(changedSince: StoreConformance.todayStart).isEmpty, "the undone import's record is gone")
    }
}
