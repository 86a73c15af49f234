import Foundation
import IPASNStore
import IPASNTestSupport
import Testing

/// The generic ``ChangeSinceFromAudit`` (what a store without its own query uses) gives what
/// SQLite's indexed queries give, on the conformance suite's database.
@Suite struct ChangeSinceFromAuditTests {
    @Test func pendingCountsFromTheAuditLogEqualTheStoresOwn() throws {
        let database = InMemoryDatabase()
        let (early, later) = try StoreConformance.changedToday { { try database.open($0) } }
        let today = StoreConformance.todayStart
        let tuesday = StoreConformance.tuesday
        // Andi's "Ubah" in ROOT; Budi's "Baru", Citra's "Impor" and "Terkirim" in SUB. The oldest of
        // each unit was entered on Tuesday, found back in the log before today.
        #expect(try ChangeSinceFromAudit.pendingCounts(later, changedSince: today) == [
            PendingCount(unit: "ROOT", kind: .diklat, count: 1, oldestEntered: tuesday),
            PendingCount(unit: "SUB", kind: .diklat, count: 3, oldestEntered: tuesday),
        ])
        #expect(try ChangeSinceFromAudit.pendingCounts(later, changedSince: today) == later.pendingCounts(changedSince: today))
        #expect(try ChangeSinceFromAudit.pendingCounts(early, changedSince: tuesday) == later.pendingCounts())
        #expect(try ChangeSinceFromAudit.pendingCounts(later, changedSince: today.addingTimeInterval(86_400)).isEmpty)
        #expect(try ChangeSinceFromAudit.sentDeletions(later, kind: nil, unit: nil, deletedSince: today).map(\.what) == [
            "Hapus Nanti 2024-03-01"
        ])
        #expect(try ChangeSinceFromAudit.sentDeletions(later, kind: nil, unit: nil, deletedSince: tuesday).count == 2)
    }
}
