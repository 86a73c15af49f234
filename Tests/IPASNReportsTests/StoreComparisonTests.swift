import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

/// `StoreComparison`: the proof `ipasn migrate` gives (two SQLite stores here; the PostgreSQL
/// copy is compared in IPASNPostgresTests).
@Suite struct StoreComparisonTests {
    private func seeded() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(store)
        try store.add(SmallProvince.teknis(SmallProvince.nipB, jp: 20))
        return store
    }

    @Test func twoStoresWithTheSameDataAgree() throws {
        #expect(try StoreComparison.differences(try seeded(), try seeded(), years: [2024]) == [])
    }

    @Test func eachKindOfDifferenceIsNamed() throws {
        let a = try seeded()
        let b = try seeded()
        try b.add(SmallProvince.teknis(SmallProvince.nipC, jp: 24))
        try b.setProgress(unit: "SUB", dimension: .kinerja, done: true)
        let found = try StoreComparison.differences(a, b, years: [2024])
        #expect(found.contains("The records of employee \(SmallProvince.nipC) differ."))
        #expect(found.contains("The 2024 scores differ."))
        #expect(found.contains("The 2024 unit figures differ."))
        #expect(found.contains("The progress marks differ."))
        #expect(found.contains("The audit log differs."))
        #expect(!found.contains("The units differ."))
        #expect(!found.contains("The accounts differ."))
    }

    @Test func momentsAreComparedToTheMillisecond() {
        // SQLite keeps moments as millisecond text; the same text read back by two engines may
        // differ in a double's last bits, which is no difference of data.
        let a = Date(timeIntervalSince1970: 1_736_474_400.123_000_1)
        let b = Date(timeIntervalSince1970: 1_736_474_400.122_999_9)
        #expect(a != b)
        #expect(StoreComparison.millisecond(a) == StoreComparison.millisecond(b))
        #expect(StoreComparison.millisecond(a) != StoreComparison.millisecond(a.addingTimeInterval(0.001)))
    }
}
